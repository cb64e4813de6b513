import { ActionIcon, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core'
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { ConfirmDialog } from '@/components/confirm-dialog'
import { EmptyState, ErrorState, LoadingState } from '@/components/page-states'
import { formatMoney, formatNumber } from '@/lib/format'
import { type Costs, type LineItem, useDeleteItem, useScenarioItems } from '../api/scenarios-api'
import { useServiceLabel } from '../hooks/use-service-label'
import { formatParamValue } from '../service-fields'
import { ItemFormModal } from './item-form-modal'

function summarise(item: LineItem): string {
  return Object.entries(item.params)
    .map(([k, v]) => `${k.replaceAll('_', ' ')}: ${formatParamValue(v, formatNumber)}`)
    .join(' · ')
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
  const serviceLabel = useServiceLabel()
  const remove = useDeleteItem(scenarioId)
  const [editing, setEditing] = useState<LineItem | null>(null)
  const [formOpen, setFormOpen] = useState(false)
  const [deleting, setDeleting] = useState<LineItem | null>(null)
  const serviceCost = (service: string) =>
    costs?.modelled_monthly.by_service.find((s) => s.service === service)?.cost

  const open = (item: LineItem | null) => {
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
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => open(null)}>
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
            action={!readOnly && <Button onClick={() => open(null)}>Add the first item</Button>}
          >
            Model a workload: “10 M Lambda invocations of 200 ms at 1024 MB”, “500 GB in S3”…
          </EmptyState>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table aria-label="Line items" verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Service</Table.Th>
                  <Table.Th>Parameters</Table.Th>
                  <Table.Th>Monthly usage</Table.Th>
                  <Table.Th>
                    <span className="sr-only">Actions</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.data.items.map((item) => (
                  <Table.Tr key={item.id} data-testid="line-item-row">
                    <Table.Td>
                      <Text fw={500}>{item.label ?? serviceLabel(item.service)}</Text>
                      <Text size="xs" c="dimmed">
                        {serviceLabel(item.service)}
                        {serviceCost(item.service) &&
                          ` · service ${formatMoney(serviceCost(item.service) ?? '0')}`}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{summarise(item)}</Text>
                    </Table.Td>
                    <Table.Td>
                      {item.monthly_usage.map((u) => (
                        <Text size="xs" key={u.usage_type}>
                          {u.usage_type}: {formatNumber(u.quantity)} {u.unit}
                        </Text>
                      ))}
                    </Table.Td>
                    <Table.Td>
                      {!readOnly && (
                        <Group gap={4} wrap="nowrap">
                          <ActionIcon
                            variant="subtle"
                            aria-label={`Edit ${item.label ?? item.service}`}
                            onClick={() => open(item)}
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
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
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
