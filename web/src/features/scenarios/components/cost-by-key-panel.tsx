import { Badge, Card, Progress, Table, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { EmptyState, ErrorState, LoadingState } from '@/components/page-states'
import { type Scenario, scenarioKeys } from '@/features/scenarios/api/scenarios-api'
import { api, unwrap } from '@/lib/api-client'
import { formatMoney } from '@/lib/format'

function useCostsByApiKey(id: string, poll: boolean) {
  return useQuery({
    queryKey: [...scenarioKeys.costs(id), 'by-api-key'],
    queryFn: () => unwrap(api.GET('/api/v1/scenarios/{id}/costs/by-api-key', { params: { path: { id } } })),
    refetchInterval: poll ? 5000 : false,
  })
}

function senderLabel(key: { api_key_id: string | null; name: string | null }): string {
  if (key.api_key_id === null) return 'Signed-in users (no API key)'
  return key.name ?? 'Deleted key'
}

/** Which API key drives the ingested spend: the projected month split by sender (docs/scenarios.md). */
export function CostByKeyPanel({ scenario }: { scenario: Scenario }) {
  const split = useCostsByApiKey(scenario.id, scenario.status === 'running')

  return (
    <Card withBorder>
      <Title order={2} size="h3" mb="xs">
        Cost by API key
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        The ingested cost, shared between the keys by how much of each usage type they sent.
      </Text>
      {split.isPending ? (
        <LoadingState label="Splitting the cost by key…" />
      ) : split.isError ? (
        <ErrorState
          error={split.error}
          onRetry={() => void split.refetch()}
          title="Could not split the cost"
        />
      ) : split.data.keys.length === 0 ? (
        <EmptyState title="No ingested usage yet">
          Send events with an API key to see which one drives the cost.
        </EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table aria-label="Cost by API key">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Sender</Table.Th>
                <Table.Th ta="right">Observed</Table.Th>
                <Table.Th ta="right">Projected month</Table.Th>
                <Table.Th w="30%">Share</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {split.data.keys.map((key) => (
                <Table.Tr key={key.api_key_id ?? 'jwt'} data-testid="cost-by-key-row">
                  <Table.Td>
                    {senderLabel(key)}{' '}
                    {key.key_prefix && (
                      <Text span c="dimmed" size="xs" ff="monospace">
                        {key.key_prefix}…
                      </Text>
                    )}{' '}
                    {key.revoked && (
                      <Badge size="xs" color="gray" variant="light">
                        revoked
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{formatMoney(key.observed_cost, split.data.currency)}</Table.Td>
                  <Table.Td ta="right">
                    {formatMoney(key.projected_monthly_cost, split.data.currency)}
                  </Table.Td>
                  <Table.Td>
                    <Progress
                      value={Number(key.share_pct)}
                      aria-label={`${senderLabel(key)}: ${Number(key.share_pct).toFixed(1)}% of the projected cost`}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {Number(split.data.unattributed.projected_monthly_cost) > 0 && (
            <Text size="sm" c="dimmed" mt="xs">
              {formatMoney(split.data.unattributed.projected_monthly_cost, split.data.currency)} of the
              projected month was ingested before costs were kept per key.
            </Text>
          )}
        </Table.ScrollContainer>
      )}
    </Card>
  )
}
