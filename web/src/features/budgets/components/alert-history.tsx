import { Badge, Group, Pagination, Stack, Table, Text, Title, Tooltip } from '@mantine/core'
import { useState } from 'react'
import { EmptyState, ErrorState, LoadingState } from '@/components/page-states'
import { formatDateTime, formatMoney } from '@/lib/format'
import { type AlertDelivery, type BudgetAlert, useAlerts } from '../api/budgets-api'

const PAGE_SIZE = 10
const DELIVERY_COLOR: Record<AlertDelivery['status'], string> = {
  pending: 'blue',
  sent: 'teal',
  skipped: 'gray',
  failed: 'red',
}

function DeliveryBadge({ delivery }: { delivery: AlertDelivery }) {
  const channel = delivery.channel === 'email' ? 'Email' : 'Webhook'
  const detail = [
    delivery.target,
    `${delivery.attempts} attempt${delivery.attempts === 1 ? '' : 's'}`,
    delivery.last_error,
  ]
    .filter(Boolean)
    .join(' · ')
  return (
    <Tooltip label={detail} multiline maw={360}>
      <Badge
        color={DELIVERY_COLOR[delivery.status]}
        variant="light"
        data-testid="delivery-status"
        data-channel={delivery.channel}
        data-status={delivery.status}
      >
        {channel}: {delivery.status}
      </Badge>
    </Tooltip>
  )
}

function describeAlert(alert: BudgetAlert): string {
  if (alert.rule_kind === 'daily_jump_pct')
    return `${formatMoney(alert.limit)} → ${formatMoney(alert.projected_monthly)} (${alert.change_pct}% in a day)`
  return `${formatMoney(alert.projected_monthly)} against ${formatMoney(alert.limit)}`
}

/** Alerts newest first with each delivery's status (polled while one is pending). */
export function AlertHistory({ scenarioId }: { scenarioId: string }) {
  const [page, setPage] = useState(1)
  const alerts = useAlerts(scenarioId, page, PAGE_SIZE)
  return (
    <Stack>
      <Title order={3} size="h4">
        Alert history
      </Title>
      {alerts.isPending ? (
        <LoadingState label="Loading alerts…" />
      ) : alerts.isError ? (
        <ErrorState error={alerts.error} onRetry={() => void alerts.refetch()} />
      ) : alerts.data.items.length === 0 ? (
        <EmptyState title="No alerts yet">Alerts appear here when a rule starts or stops firing.</EmptyState>
      ) : (
        <>
          <Table.ScrollContainer minWidth={560}>
            <Table aria-label="Alert history" verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>When</Table.Th>
                  <Table.Th>Alert</Table.Th>
                  <Table.Th>Projection</Table.Th>
                  <Table.Th>Deliveries</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {alerts.data.items.map((alert) => (
                  <Table.Tr key={alert.id} data-testid="alert-row">
                    <Table.Td>{formatDateTime(alert.created_at)}</Table.Td>
                    <Table.Td>
                      <Badge color={alert.transition === 'triggered' ? 'red' : 'teal'} variant="light">
                        {alert.transition}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{describeAlert(alert)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {alert.deliveries.length === 0 ? (
                          <Text size="sm" c="dimmed">
                            none
                          </Text>
                        ) : (
                          alert.deliveries.map((d) => <DeliveryBadge key={d.channel} delivery={d} />)
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {alerts.data.total > PAGE_SIZE && (
            <Pagination
              total={Math.ceil(alerts.data.total / PAGE_SIZE)}
              value={page}
              onChange={setPage}
              getItemProps={(p) => ({ 'aria-label': `Alerts page ${p}` })}
            />
          )}
        </>
      )}
    </Stack>
  )
}
