import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { renderWithProviders } from '@/testing/render'
import type { Coverage } from '../api/coverage-api'
import type { PricingServices } from '../api/scenarios-api'

const param = (title: string, type = 'integer') => ({ type, title, description: `${title}.`, minimum: 0 })
const services: PricingServices['services'] = [
  {
    id: 'sqs',
    name: 'Amazon Simple Queue Service',
    display_name: 'SQS',
    category: 'integration',
    description: 'Message queues between services.',
    help: '',
    usage_types: [],
    params_schema: {
      type: 'object',
      properties: { requests: param('Requests per month') },
      required: ['requests'],
    },
    ranged_params: [],
    choices: {},
    choice_labels: {},
    free_tier: [],
  },
  {
    id: 's3',
    name: 'Amazon Simple Storage Service',
    display_name: 'S3',
    category: 'storage',
    description: 'Object storage.',
    help: '',
    usage_types: [],
    params_schema: {
      type: 'object',
      properties: { storage_gb: param('Storage (GB)', 'number') },
      required: [],
    },
    ranged_params: [],
    choices: {},
    choice_labels: {},
    free_tier: [],
  },
  {
    id: 'lambda',
    name: 'AWS Lambda',
    display_name: 'Lambda',
    category: 'compute',
    description: 'Functions run on demand.',
    help: '',
    usage_types: [],
    params_schema: {
      type: 'object',
      properties: { invocations: param('Invocations per month') },
      required: ['invocations'],
    },
    ranged_params: [],
    choices: {},
    choice_labels: {},
    free_tier: [],
  },
  {
    id: 'memorydb',
    name: 'Amazon MemoryDB',
    display_name: 'MemoryDB',
    category: 'database',
    description: 'Durable in-memory database.',
    help: '',
    usage_types: [],
    params_schema: {
      type: 'object',
      properties: {
        node_type: { type: 'string', title: 'Node type', description: 'Node type.' },
        tiering: { type: 'boolean', title: 'Data tiering', description: 'Data tiering.' },
      },
      required: ['node_type'],
    },
    ranged_params: [],
    choices: {},
    choice_labels: {},
    free_tier: [],
  },
]
const coverage = {
  currency: 'USD',
  as_of: '2026-11-01',
  pricing_snapshot: { id: 'x', as_of: '2026-11-01' },
  regions: [
    {
      code: 'eu-south-1',
      name: 'Europe (Milan)',
      status: 'partial',
      services_complete: 1,
      services_total: 3,
      services_not_offered: 1,
      usage_types_priced: 3,
      usage_types_total: 4,
      usage_types_not_offered: 4,
      services: [
        {
          service: 'sqs',
          name: 'SQS',
          status: 'none',
          usage_types_priced: 0,
          usage_types_total: 1,
          usage_types_not_offered: 0,
          unpriced_usage_types: ['sqs.requests.standard'],
          not_offered_usage_types: [],
          incomplete_tier_usage_types: [],
        },
        {
          service: 's3',
          name: 'S3',
          status: 'complete',
          usage_types_priced: 2,
          usage_types_total: 2,
          usage_types_not_offered: 2,
          unpriced_usage_types: [],
          not_offered_usage_types: [
            's3.requests.put.express_one_zone',
            's3.storage_gb_month.express_one_zone',
          ],
          incomplete_tier_usage_types: [],
        },
        {
          service: 'memorydb',
          name: 'MemoryDB',
          status: 'not_offered',
          usage_types_priced: 0,
          usage_types_total: 0,
          usage_types_not_offered: 2,
          unpriced_usage_types: [],
          not_offered_usage_types: ['memorydb.node_hours.db.r7g.large', 'memorydb.snapshot_gb_months'],
          incomplete_tier_usage_types: [],
        },
      ],
    },
  ],
} as unknown as Coverage

const preview = vi.fn()
const noPreview = { data: undefined, isFetching: false, error: null }
let previewAnswer: unknown = noPreview
/** The server's verdict on an item of `service` in eu-south-1 that every price it needs exists. */
const pricedWithoutGaps = (service: string, total: string) => ({
  data: {
    currency: 'USD',
    region: 'eu-south-1',
    service,
    monthly_cost: { total, by_service: [], unpriced: [] },
    monthly_range: { min: total, max: total },
    modelled_monthly_total: { before: '0', after: total, delta: total },
    price_gaps: { not_offered: [], missing: [] },
  },
  isSuccess: true,
  isFetching: false,
  error: null,
})
// Stable answers, as TanStack Query gives: the form resets when the services' data changes identity.
const servicesQuery = { data: { currency: 'USD', as_of: '2026-11-01', services } }
const scenarioQuery = { data: { id: 'scn', region: 'eu-south-1' } }
const coverageQuery = { data: coverage }
vi.mock('../api/scenarios-api', () => ({
  usePricingServices: () => servicesQuery,
  useScenario: () => scenarioQuery,
  useCreateItem: () => ({ mutateAsync: vi.fn(), isPending: false }),
  useUpdateItem: () => ({ mutateAsync: vi.fn(), isPending: false }),
  useItemPreview: (...args: unknown[]) => {
    preview(...args)
    return previewAnswer
  },
}))
vi.mock('../api/coverage-api', async (original) => ({
  ...(await original<typeof import('../api/coverage-api')>()),
  usePricingCoverage: () => coverageQuery,
}))

const { ItemFormModal, serviceGroups } = await import('./item-form-modal')

beforeEach(() => {
  preview.mockClear()
  previewAnswer = noPreview
})

describe('ItemFormModal', () => {
  it('groups the services by category and starts with the first one, not a hard-coded service', () => {
    expect(serviceGroups(services).map((g) => [g.group, g.items.map((i) => i.value)])).toEqual([
      ['Compute', ['lambda']],
      ['Storage', ['s3']],
      ['Database', ['memorydb']],
      ['Integration', ['sqs']],
    ])
    renderWithProviders(<ItemFormModal scenarioId="scn" opened item={null} onClose={vi.fn()} />)
    const dialog = screen.getByRole('dialog')
    expect(within(dialog).getByRole('combobox', { name: 'Service' })).toHaveValue('Lambda')
    expect(within(dialog).getByText('Functions run on demand.')).toBeInTheDocument()
  })

  it('finds a service by what it does and warns when its prices are missing in the region', async () => {
    const user = userEvent.setup()
    renderWithProviders(<ItemFormModal scenarioId="scn" opened item={null} onClose={vi.fn()} />)
    const dialog = screen.getByRole('dialog')
    expect(within(dialog).queryByTestId('missing-prices')).toBeNull()
    const picker = within(dialog).getByRole('combobox', { name: 'Service' })
    await user.click(picker)
    await user.clear(picker)
    await user.type(picker, 'queue')
    const options = await screen.findAllByRole('option', { hidden: true })
    expect(options.map((o) => o.textContent)).toEqual(['SQSMessage queues between services.'])
    await user.click(options[0] as HTMLElement)
    expect(within(dialog).getByTestId('missing-prices')).toHaveTextContent(
      'The catalog has no price in eu-south-1 for sqs.requests.standard. The item can still be saved',
    )
    expect(within(dialog).queryByTestId('not-offered')).toBeNull()
  })

  it('says what AWS does not offer in the region apart from a missing price, and still lets the item be added', async () => {
    const user = userEvent.setup()
    renderWithProviders(<ItemFormModal scenarioId="scn" opened item={null} onClose={vi.fn()} />)
    const dialog = screen.getByRole('dialog')
    const picker = within(dialog).getByRole('combobox', { name: 'Service' })
    await user.click(picker)
    await user.clear(picker)
    await user.type(picker, 'object')
    await user.click((await screen.findAllByRole('option', { hidden: true }))[0] as HTMLElement)
    const notOffered = within(dialog).getByTestId('not-offered')
    expect(notOffered).toHaveTextContent('Not offered in eu-south-1')
    expect(notOffered).toHaveTextContent(
      'AWS does not offer s3.requests.put.express_one_zone, s3.storage_gb_month.express_one_zone in ' +
        'eu-south-1. The item can still be saved',
    )
    expect(within(dialog).queryByTestId('missing-prices')).toBeNull()
    expect(within(dialog).getByRole('button', { name: 'Add item' })).toBeEnabled()

    // A service AWS does not sell in the region at all is named as such.
    await user.click(picker)
    await user.clear(picker)
    await user.type(picker, 'durable')
    await user.click((await screen.findAllByRole('option', { hidden: true }))[0] as HTMLElement)
    expect(within(dialog).getByTestId('not-offered')).toHaveTextContent(
      'AWS does not offer MemoryDB in eu-south-1. The item can still be saved',
    )
  })

  it('warns about the prices the item needs, once the server has priced it, not every gap of its service', async () => {
    const user = userEvent.setup()
    // The server's verdict on a Standard bucket: every price it needs exists in the region.
    previewAnswer = pricedWithoutGaps('s3', '0.23')
    renderWithProviders(<ItemFormModal scenarioId="scn" opened item={null} onClose={vi.fn()} />)
    const dialog = screen.getByRole('dialog')
    const picker = within(dialog).getByRole('combobox', { name: 'Service' })
    await user.click(picker)
    await user.clear(picker)
    await user.type(picker, 'object')
    await user.click((await screen.findAllByRole('option', { hidden: true }))[0] as HTMLElement)
    // The region lacks S3 Express One Zone (coverage), which a Standard bucket does not bill.
    expect(within(dialog).queryByTestId('not-offered')).toBeNull()
    expect(within(dialog).queryByTestId('missing-prices')).toBeNull()

    // A service AWS does not sell there is named as such, even when its item bills nothing yet.
    previewAnswer = pricedWithoutGaps('memorydb', '0')
    await user.click(picker)
    await user.clear(picker)
    await user.type(picker, 'durable')
    await user.click((await screen.findAllByRole('option', { hidden: true }))[0] as HTMLElement)
    await user.type(within(dialog).getByRole('textbox', { name: 'Node type' }), 'db.r7g.large')
    expect(within(dialog).getByTestId('not-offered')).toHaveTextContent(
      'AWS does not offer MemoryDB in eu-south-1',
    )
  })

  it('does not trust a verdict on earlier params while the form is invalid', async () => {
    const user = userEvent.setup()
    // TanStack keeps the last verdict as placeholder data when the query is disabled (the form fails its checks).
    previewAnswer = {
      data: { service: 'sqs', region: 'eu-south-1', price_gaps: { not_offered: [], missing: [] } },
      isPlaceholderData: true,
      isFetching: false,
      error: null,
    }
    renderWithProviders(<ItemFormModal scenarioId="scn" opened item={null} onClose={vi.fn()} />)
    const dialog = screen.getByRole('dialog')
    const picker = within(dialog).getByRole('combobox', { name: 'Service' })
    await user.click(picker)
    await user.clear(picker)
    await user.type(picker, 'queue')
    await user.click((await screen.findAllByRole('option', { hidden: true }))[0] as HTMLElement)
    await user.clear(within(dialog).getByRole('textbox', { name: /Requests per month/ }))
    // No requests: nothing is priced, so the region's gaps for the service are what the form can say.
    expect(within(dialog).getByTestId('missing-prices')).toHaveTextContent('for sqs.requests.standard.')
  })

  it('reads 10M as ten million and refuses a fraction of a whole number', async () => {
    const user = userEvent.setup()
    renderWithProviders(<ItemFormModal scenarioId="scn" opened item={null} onClose={vi.fn()} />)
    const dialog = screen.getByRole('dialog')
    const invocations = within(dialog).getByRole('textbox', { name: /Invocations per month/ })
    await user.type(invocations, '10M')
    expect(within(dialog).getByText('= 10,000,000')).toBeInTheDocument()
    // The preview is asked for the item once the typing settles (debounced).
    await waitFor(() =>
      expect(preview).toHaveBeenLastCalledWith(
        'scn',
        expect.stringContaining('"invocations":10000000'),
        undefined,
      ),
    )
    await user.clear(invocations)
    await user.type(invocations, '2.5')
    expect(within(dialog).getByText('Enter a whole number')).toBeInTheDocument()
    expect(invocations).toHaveValue('2.5')
  })

  it('takes a name the catalog cannot list as text and a yes/no param as a boolean', async () => {
    const user = userEvent.setup()
    renderWithProviders(<ItemFormModal scenarioId="scn" opened item={null} onClose={vi.fn()} />)
    const dialog = screen.getByRole('dialog')
    const picker = within(dialog).getByRole('combobox', { name: 'Service' })
    await user.click(picker)
    await user.clear(picker)
    await user.type(picker, 'durable')
    await user.click((await screen.findAllByRole('option', { hidden: true }))[0] as HTMLElement)
    await user.type(within(dialog).getByRole('textbox', { name: /Node type/ }), 'db.r7g.large')
    await user.click(within(dialog).getByRole('combobox', { name: /Data tiering/ }))
    await user.click(await screen.findByRole('option', { name: 'true', hidden: true }))
    await waitFor(() =>
      expect(preview).toHaveBeenLastCalledWith(
        'scn',
        expect.stringContaining('"params":{"node_type":"db.r7g.large","tiering":true}'),
        undefined,
      ),
    )
  })
})
