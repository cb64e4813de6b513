import {
  Alert,
  Badge,
  Card,
  Group,
  Loader,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useState } from 'react'
import { ErrorState } from '@/components/page-states'
import { useScenarioItems, useServiceLabel } from '@/features/scenarios'
import { formatMoney, formatNumber } from '@/lib/format'
import {
  type Commitment,
  type PurchaseOptions,
  type PurchaseOptionsQuery,
  usePurchaseOptions,
} from '../api/purchase-options-api'

/** What the option covers of an item: instances × hours, or the billable usage a plan is sized to (Lambda). */
function coveredCaption(item: PurchaseOptions['items'][number]) {
  if (item.instances !== null && item.hours_per_instance !== null)
    return `${formatNumber(item.instances)} × ${formatNumber(item.hours_per_instance)} h`
  return item.replaced_usage
    .map((usage) => `${formatNumber(Number(usage.billable_quantity))} ${usage.unit}`)
    .join(' + ')
}

const COMMITMENTS: { value: Commitment; label: string }[] = [
  { value: 'reserved_instances', label: 'Reserved Instances' },
  { value: 'compute_savings_plan', label: 'Compute Savings Plan' },
  { value: 'ec2_instance_savings_plan', label: 'EC2 Instance Savings Plan' },
  { value: 'spot', label: 'Spot' },
]
const TERMS = [
  { value: '1y', label: '1 year' },
  { value: '3y', label: '3 years' },
]
const PAYMENTS = [
  { value: 'no_upfront', label: 'No upfront' },
  { value: 'partial_upfront', label: 'Partial upfront' },
  { value: 'all_upfront', label: 'All upfront' },
]
const CLASSES = [
  { value: 'standard', label: 'Standard' },
  { value: 'convertible', label: 'Convertible' },
]

type Choice = {
  commitment: Commitment
  term: '1y' | '3y'
  payment: 'no_upfront' | 'partial_upfront' | 'all_upfront'
  offeringClass: 'standard' | 'convertible'
  spotDiscount: number | string
}

/** The query the server takes for a choice: term and payment are not for Spot, the discount only for it. */
export function toPurchaseQuery(choice: Choice): PurchaseOptionsQuery | null {
  if (choice.commitment === 'spot') {
    const pct = Number(choice.spotDiscount)
    return choice.spotDiscount === '' || !(pct >= 0 && pct <= 100)
      ? null
      : { commitment: 'spot', spot_discount_pct: pct }
  }
  return {
    commitment: choice.commitment,
    term: choice.term,
    payment: choice.payment,
    ...(choice.commitment === 'reserved_instances' ? { offering_class: choice.offeringClass } : {}),
  }
}

type Figures = PurchaseOptions['totals']

/** The money columns of one row: what the option costs against on demand. */
function FigureCells({ figures, currency }: { figures: Figures; currency: string }) {
  const savings = (horizon: Figures['total_12_months']) => {
    const value = Number(horizon.savings)
    return (
      <Text
        size="xs"
        fw={500}
        className={value > 0 ? 'saving-text' : undefined}
        c={value < 0 ? 'red' : value === 0 ? 'dimmed' : undefined}
      >
        {value < 0
          ? `costs ${formatMoney(-value, currency)} more`
          : `saves ${formatMoney(horizon.savings, currency)}`}
      </Text>
    )
  }
  return (
    <>
      <Table.Td ta="right">{formatMoney(figures.on_demand_monthly, currency)}</Table.Td>
      <Table.Td ta="right">{formatMoney(figures.upfront, currency)}</Table.Td>
      <Table.Td ta="right">{formatMoney(figures.monthly, currency)}</Table.Td>
      <Table.Td ta="right">{formatMoney(figures.effective_monthly, currency)}</Table.Td>
      <Table.Td ta="right">
        {formatMoney(figures.total_12_months.with_option, currency)}
        {savings(figures.total_12_months)}
      </Table.Td>
      <Table.Td ta="right">
        {formatMoney(figures.total_36_months.with_option, currency)}
        {savings(figures.total_36_months)}
      </Table.Td>
    </>
  )
}

/**
 * On demand against one purchase option (GET /scenarios/:id/costs/purchase-options), item by item: upfront,
 * monthly and 12- and 36-month totals. Items the option does not cover, or has no sourced rate for, are
 * listed as "not covered" with the reason, never as $0.
 */
export function PurchaseOptionsPanel({ scenarioId }: { scenarioId: string }) {
  const [choice, setChoice] = useState<Choice>({
    commitment: 'reserved_instances',
    term: '1y',
    payment: 'no_upfront',
    offeringClass: 'standard',
    spotDiscount: 60,
  })
  const [settled] = useDebouncedValue(choice, 300)
  const options = usePurchaseOptions(scenarioId, toPurchaseQuery(settled))
  const items = useScenarioItems(scenarioId)
  const serviceLabel = useServiceLabel()
  const spot = choice.commitment === 'spot'
  const set =
    <K extends keyof Choice>(field: K) =>
    (value: Choice[K] | null) =>
      value !== null && setChoice((c) => ({ ...c, [field]: value }))
  const nameOf = (itemId: string, service: string) =>
    items.data?.items.find((i) => i.id === itemId)?.label ?? serviceLabel(service)
  const data = options.data
  const currency = data?.currency ?? 'USD'
  const optionLabel = COMMITMENTS.find((c) => c.value === data?.option.commitment)?.label ?? 'this option'

  return (
    <Card withBorder data-testid="purchase-options">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3">
          Purchase options
        </Title>
        {options.isFetching && <Loader size="xs" aria-label="Pricing the purchase option" />}
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        Compares the line items on demand with one commitment. Reserved Instances cover EC2 and RDS instances;
        Savings Plans cover EC2 instances, and a Compute Savings Plan also Fargate tasks on ECS and Lambda
        duration; Spot covers EC2 instances and Fargate tasks on ECS. Totals over 12 and 36 months include the
        upfront fees; items the option does not cover stay on demand.
      </Text>
      <Group align="flex-start" grow preventGrowOverflow={false} mb="md">
        <Select
          label="Commitment"
          data={COMMITMENTS}
          value={choice.commitment}
          allowDeselect={false}
          onChange={(v) => set('commitment')(v as Commitment | null)}
        />
        {spot ? (
          <NumberInput
            label="Spot discount (%)"
            description="Spot prices move; state the discount you expect."
            value={choice.spotDiscount}
            onChange={set('spotDiscount')}
            min={0}
            max={100}
            error={toPurchaseQuery(choice) === null ? 'Between 0 and 100' : undefined}
          />
        ) : (
          <>
            <Select
              label="Term"
              data={TERMS}
              value={choice.term}
              allowDeselect={false}
              onChange={(v) => set('term')(v as Choice['term'] | null)}
            />
            <Select
              label="Payment"
              data={PAYMENTS}
              value={choice.payment}
              allowDeselect={false}
              onChange={(v) => set('payment')(v as Choice['payment'] | null)}
            />
            {choice.commitment === 'reserved_instances' && (
              <Select
                label="Offering class"
                data={CLASSES}
                value={choice.offeringClass}
                allowDeselect={false}
                onChange={(v) => set('offeringClass')(v as Choice['offeringClass'] | null)}
              />
            )}
          </>
        )}
      </Group>
      {options.isError ? (
        <ErrorState error={options.error} onRetry={() => void options.refetch()} />
      ) : !data ? (
        <Text size="sm" c="dimmed">
          Pricing…
        </Text>
      ) : data.items.length === 0 && data.not_covered.length === 0 ? (
        <Text size="sm" c="dimmed">
          No line items to compare yet.
        </Text>
      ) : (
        <Stack gap="sm">
          <Text size="sm" data-testid="purchase-options-summary">
            Modelled monthly cost: {formatMoney(data.modelled_monthly.on_demand, currency)} on demand,{' '}
            <strong>{formatMoney(data.modelled_monthly.with_option, currency)}</strong> with this option
            (upfront fees not included).
          </Text>
          {data.items.length === 0 ? (
            <Alert color="gray" variant="light">
              This option covers none of the line items.
            </Alert>
          ) : (
            <Table.ScrollContainer minWidth={820}>
              <Table aria-label="Purchase options" fz="sm" verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Item</Table.Th>
                    <Table.Th ta="right">On demand / month</Table.Th>
                    <Table.Th ta="right">Upfront</Table.Th>
                    <Table.Th ta="right">Monthly</Table.Th>
                    <Table.Th ta="right">Effective / month</Table.Th>
                    <Table.Th ta="right">12 months</Table.Th>
                    <Table.Th ta="right">36 months</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((item) => (
                    <Table.Tr key={`${item.item_id}:${item.usage_type}`} data-testid="purchase-option-row">
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {nameOf(item.item_id, item.service)}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {coveredCaption(item)}
                        </Text>
                      </Table.Td>
                      <FigureCells figures={item} currency={currency} />
                    </Table.Tr>
                  ))}
                </Table.Tbody>
                <Table.Tfoot>
                  <Table.Tr data-testid="purchase-option-totals">
                    <Table.Th>Covered items</Table.Th>
                    <FigureCells figures={data.totals} currency={currency} />
                  </Table.Tr>
                </Table.Tfoot>
              </Table>
            </Table.ScrollContainer>
          )}
          {data.not_covered.length > 0 && (
            <Stack gap="xs">
              <Title order={3} size="h5">
                Staying on demand
              </Title>
              {data.not_covered.map((item) => (
                <Group
                  key={item.item_id}
                  gap="sm"
                  wrap="nowrap"
                  align="flex-start"
                  data-testid="purchase-option-not-covered"
                >
                  <Badge color="gray" variant="light" size="sm" style={{ flexShrink: 0 }}>
                    Not covered
                  </Badge>
                  <div style={{ minWidth: 0 }}>
                    <Text size="sm" fw={500}>
                      {nameOf(item.item_id, item.service)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {item.missing_usage_type
                        ? `No sourced ${optionLabel} rate in ${data.region} yet (a pricing sync of AWS’s price list brings it)`
                        : item.reason.replace(/^./, (c) => c.toUpperCase())}
                      ; it stays on demand.
                    </Text>
                    {item.missing_usage_type && (
                      <Text size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                        {item.missing_usage_type}
                      </Text>
                    )}
                  </div>
                </Group>
              ))}
            </Stack>
          )}
        </Stack>
      )}
    </Card>
  )
}
