import { ActionIcon, Badge, Button, Card, Group, Stack, Table, Text, Title, Tooltip } from '@mantine/core'
import { IconCalculator, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react'
import { Fragment, useState } from 'react'
import { ConfirmDialog } from '@/components/confirm-dialog'
import { EmptyState, ErrorState, LoadingState } from '@/components/page-states'
import { formatMoney, formatNumber } from '@/lib/format'
import {
  type Costs,
  type LineItem,
  type PricingServices,
  useDeleteItem,
  usePricingServices,
  useScenarioItems,
} from '../api/scenarios-api'
import { useServiceLabel } from '../hooks/use-service-label'
import { displayUnitPrice, type ItemCost, itemCostOf, usageTypeLabel } from '../item-costs'
import { formatParamValue, paramFields } from '../service-fields'
import { ItemFormModal } from './item-form-modal'

/** The params as the form labels them (title with unit, from the service's params schema). */
function summarise(item: LineItem, services: PricingServices | undefined): string {
  const fields = paramFields(services?.services.find((s) => s.id === item.service))
  return Object.entries(item.params)
    .map(([k, v]) => {
      const label = fields.find((f) => f.name === k)?.label ?? k.replaceAll('_', ' ')
      return `${label}: ${formatParamValue(v, formatNumber)}`
    })
    .join(' · ')
}

const quantityFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 })
const priceFormat = (value: number, currency: string) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumSignificantDigits: 4 }).format(value)

/** Quantity, free units, billable quantity, band, unit price and amount per usage type of one item. */
function Calculation({ cost, currency }: { cost: ItemCost; currency: string }) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table withTableBorder fz="xs" aria-label="Calculation" data-testid="item-calculation">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Usage type</Table.Th>
            <Table.Th ta="right">Quantity</Table.Th>
            <Table.Th ta="right">Free</Table.Th>
            <Table.Th ta="right">Billable</Table.Th>
            <Table.Th>Band</Table.Th>
            <Table.Th ta="right">Unit price</Table.Th>
            <Table.Th ta="right">Amount</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cost.by_usage_type.map((line) => {
            const unitPrice = displayUnitPrice(line)
            return (
              <Table.Tr key={line.usage_type}>
                <Table.Td>{usageTypeLabel(line.usage_type)}</Table.Td>
                <Table.Td ta="right">
                  {quantityFormat.format(Number(line.quantity))} {line.unit}
                </Table.Td>
                <Table.Td ta="right">{quantityFormat.format(Number(line.free_quantity))}</Table.Td>
                <Table.Td ta="right">{quantityFormat.format(Number(line.billable_quantity))}</Table.Td>
                <Table.Td>
                  {line.cost === null ? '—' : line.unit_price !== undefined ? 'One band' : 'Tiered (average)'}
                </Table.Td>
                <Table.Td ta="right">
                  {unitPrice === null ? '—' : `${priceFormat(unitPrice, currency)} / ${line.unit}`}
                </Table.Td>
                <Table.Td ta="right">
                  {line.cost === null ? (
                    <Badge size="xs" color="yellow" variant="light">
                      no price in region
                    </Badge>
                  ) : (
                    formatMoney(line.cost, currency)
                  )}
                </Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th colSpan={6}>Item total</Table.Th>
            <Table.Th ta="right">{formatMoney(cost.cost, currency)}</Table.Th>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
      <Text size="xs" c="dimmed" mt={4}>
        The month is priced as a whole: the free tier and price bands of a usage type are shared by the items
        that use it, each by its share of the quantity, so the items add up to the modelled total.
      </Text>
    </Table.ScrollContainer>
  )
}

/** The modelled workload: add, edit and delete items; the modelled cost above moves with every save. */
export function LineItemsEditor({
  scenarioId,
  readOnly,
  costs,
}: {
  scenarioId: string
  readOnly: boolean
  costs?: Costs
}) {
  const items = useScenarioItems(scenarioId)
  const services = usePricingServices()
  const serviceLabel = useServiceLabel()
  const [shown, setShown] = useState<string | null>(null)
  const remove = useDeleteItem(scenarioId)
  const [editing, setEditing] = useState<LineItem | null>(null)
  const [formOpen, setFormOpen] = useState(false)
  const [deleting, setDeleting] = useState<LineItem | null>(null)

  const openForm = (item: LineItem | null) => {
    setEditing(item)
    setFormOpen(true)
  }

  return (
    <Card withBorder>
      <Stack>
        <Group justify="space-between">
          <div>
            <Title order={2} size="h3">
              Line items
            </Title>
            {costs && (
              <Text size="sm" c="dimmed" aria-live="polite" data-testid="modelled-preview">
                Modelled monthly cost:{' '}
                <strong>{formatMoney(costs.modelled_monthly.total, costs.currency)}</strong>
              </Text>
            )}
          </div>
          {!readOnly && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => openForm(null)}>
              Add item
            </Button>
          )}
        </Group>
        {items.isPending ? (
          <LoadingState label="Loading line items…" />
        ) : items.isError ? (
          <ErrorState error={items.error} onRetry={() => void items.refetch()} />
        ) : items.data.items.length === 0 ? (
          <EmptyState
            title="No line items"
            action={!readOnly && <Button onClick={() => openForm(null)}>Add the first item</Button>}
          >
            Model a workload: “10 M Lambda invocations of 200 ms at 1024 MB”, “500 GB in S3”…
          </EmptyState>
        ) : (
          // On a phone the parameters go under the name, so the cost column stays on screen.
          <Table.ScrollContainer minWidth={320}>
            <Table aria-label="Line items" verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th miw={110}>Service</Table.Th>
                  <Table.Th visibleFrom="sm">Parameters</Table.Th>
                  <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
                    Monthly cost
                  </Table.Th>
                  <Table.Th>
                    <span className="sr-only">Actions</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.data.items.map((item) => {
                  const cost = costs ? itemCostOf(costs, item.id) : undefined
                  const name = item.label ?? serviceLabel(item.service)
                  const open = shown === item.id
                  const params = summarise(item, services.data)
                  return (
                    <Fragment key={item.id}>
                      <Table.Tr data-testid="line-item-row">
                        <Table.Td>
                          <Text fw={500}>{name}</Text>
                          {item.label && (
                            <Text size="xs" c="dimmed">
                              {serviceLabel(item.service)}
                            </Text>
                          )}
                          <Text size="xs" c="dimmed" hiddenFrom="sm">
                            {params}
                          </Text>
                        </Table.Td>
                        <Table.Td visibleFrom="sm">
                          <Text size="sm">{params}</Text>
                        </Table.Td>
                        <Table.Td ta="right">
                          {cost && costs ? (
                            <Group gap={4} justify="flex-end" wrap="nowrap">
                              <Text size="sm" fw={500} data-testid="line-item-cost">
                                {formatMoney(cost.cost, costs.currency)}
                              </Text>
                              {cost.unpriced && (
                                <Tooltip label="Some of its usage has no price in this region" withArrow>
                                  <Badge size="xs" color="yellow" variant="light" tabIndex={0}>
                                    + unpriced
                                  </Badge>
                                </Tooltip>
                              )}
                            </Group>
                          ) : (
                            <Text size="sm" c="dimmed">
                              …
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Group gap={4} wrap="nowrap" justify="flex-end">
                            <ActionIcon
                              variant={open ? 'light' : 'subtle'}
                              aria-label={`Show calculation of ${name}`}
                              aria-expanded={open}
                              disabled={!cost}
                              onClick={() => setShown(open ? null : item.id)}
                            >
                              <IconCalculator size={16} />
                            </ActionIcon>
                            {!readOnly && (
                              <>
                                <ActionIcon
                                  variant="subtle"
                                  aria-label={`Edit ${item.label ?? item.service}`}
                                  onClick={() => openForm(item)}
                                >
                                  <IconPencil size={16} />
                                </ActionIcon>
                                <ActionIcon
                                  variant="subtle"
                                  color="red"
                                  aria-label={`Delete ${item.label ?? item.service}`}
                                  onClick={() => setDeleting(item)}
                                >
                                  <IconTrash size={16} />
                                </ActionIcon>
                              </>
                            )}
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                      {open && cost && costs && (
                        <Table.Tr>
                          <Table.Td colSpan={4}>
                            <Calculation cost={cost} currency={costs.currency} />
                          </Table.Td>
                        </Table.Tr>
                      )}
                    </Fragment>
                  )
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <ItemFormModal
        scenarioId={scenarioId}
        opened={formOpen}
        item={editing}
        onClose={() => setFormOpen(false)}
      />
      <ConfirmDialog
        opened={deleting !== null}
        title="Delete this line item?"
        confirmLabel="Delete item"
        loading={remove.isPending}
        error={remove.error}
        onClose={() => {
          remove.reset()
          setDeleting(null)
        }}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
      >
        {deleting?.label ?? (deleting ? serviceLabel(deleting.service) : 'The item')} leaves the modelled
        workload.
      </ConfirmDialog>
    </Card>
  )
}
