import { BarChart } from '@mantine/charts'
import {
  Alert,
  Badge,
  Button,
  Card,
  Code,
  CopyButton,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core'
import { useState } from 'react'
import { ErrorState, LoadingState } from '@/components/page-states'
import { type CreatedApiKey, keyState, useApiKeys, useCreateApiKey } from '@/features/api-keys'
import { errorMessage } from '@/lib/api-error'
import { formatDateTime, formatNumber, formatTime } from '@/lib/format'
import { type Metrics, type Scenario, useScenarioMetrics } from '../api/scenarios-api'
import { buildSnippets } from '../ingest-snippets'

const SERIES_COLORS = ['orange.6', 'blue.6', 'teal.6', 'grape.6', 'red.6', 'cyan.6', 'lime.6', 'indigo.6']

function Snippet({ label, code }: { label: string; code: string }) {
  return (
    <Stack gap={4}>
      <Code block aria-label={label} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
        {code}
      </Code>
      <CopyButton value={code}>
        {({ copied, copy }) => (
          <Button size="xs" variant="light" onClick={copy} w="fit-content">
            {copied ? 'Copied' : `Copy ${label}`}
          </Button>
        )}
      </CopyButton>
    </Stack>
  )
}

/** How to send events here, with a key of the user's choosing, and what has arrived so far. */
export function IngestPanel({ scenario }: { scenario: Scenario }) {
  const running = scenario.status === 'running'
  const metrics = useScenarioMetrics(scenario.id, { poll: running })
  const keys = useApiKeys(1, 100)
  const createKey = useCreateApiKey()
  const [fresh, setFresh] = useState<CreatedApiKey | null>(null)
  const [chosen, setChosen] = useState<string | null>(null)

  const ingestKeys = (keys.data?.items ?? []).filter(
    (k) => keyState(k) === 'active' && k.scopes.includes('write:ingest'),
  )
  const chosenKey = ingestKeys.find((k) => k.id === chosen)
  const snippets = buildSnippets(
    window.location.origin,
    scenario.id,
    fresh
      ? { kind: 'fresh', key: fresh.key }
      : chosenKey
        ? { kind: 'stored', name: chosenKey.name, prefix: chosenKey.key_prefix }
        : { kind: 'env' },
  )

  return (
    <Card withBorder>
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h3">
            Ingest
          </Title>
          <Badge color={running ? 'green' : 'gray'} variant="dot">
            {running ? 'Accepting events (refreshing every 3 s)' : 'Not accepting events: start the scenario'}
          </Badge>
        </Group>

        <Group align="flex-end" wrap="wrap">
          <Select
            label="API key"
            placeholder={
              ingestKeys.length ? 'Choose a key with write:ingest' : 'No key with write:ingest yet'
            }
            data={ingestKeys.map((k) => ({ value: k.id, label: `${k.name} (${k.key_prefix}…)` }))}
            value={chosen}
            onChange={(v) => {
              setChosen(v)
              setFresh(null)
            }}
            w={300}
          />
          <Button
            variant="light"
            loading={createKey.isPending}
            onClick={() =>
              createKey.mutate(
                {
                  name: `ingest: ${scenario.name}`.slice(0, 100),
                  scopes: ['write:ingest'],
                  expires_days: 90,
                },
                {
                  onSuccess: (key) => {
                    setFresh(key)
                    setChosen(key.id)
                  },
                },
              )
            }
          >
            Create an ingest key
          </Button>
        </Group>
        {createKey.isError && (
          <Alert color="red" role="alert">
            {errorMessage(createKey.error)}
          </Alert>
        )}
        {fresh ? (
          <Alert color="yellow" title="Copy this key now">
            The snippets below contain the new key <Code>{fresh.key_prefix}…</Code>. It is shown only on this
            page, once.
          </Alert>
        ) : (
          <Text size="sm" c="dimmed">
            The server keeps only a hash of each key, so the snippets read it from{' '}
            <Code>$MOCKUPAWS_API_KEY</Code>
            {chosenKey && (
              <>
                : set it to the key starting <Code>{chosenKey.key_prefix}…</Code>
              </>
            )}
            .
          </Text>
        )}
        <Tabs defaultValue="curl">
          <Tabs.List>
            <Tabs.Tab value="curl">curl</Tabs.Tab>
            <Tabs.Tab value="cli">mockupaws ingest</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="curl" pt="xs">
            <Snippet label="curl command" code={snippets.curl} />
          </Tabs.Panel>
          <Tabs.Panel value="cli" pt="xs">
            <Snippet label="CLI command" code={snippets.cli} />
          </Tabs.Panel>
        </Tabs>

        {metrics.isPending ? (
          <LoadingState label="Loading live counters…" />
        ) : metrics.isError ? (
          <ErrorState
            error={metrics.error}
            onRetry={() => void metrics.refetch()}
            title="Could not load the counters"
          />
        ) : (
          <LiveMetrics metrics={metrics.data} />
        )}
      </Stack>
    </Card>
  )
}

function LiveMetrics({ metrics }: { metrics: Metrics }) {
  const types = Object.keys(metrics.totals.by_type).sort()
  // Series keys without dots: recharts reads "lambda.invoke" as a nested path (no bars, no legend entry).
  const data = metrics.series.map((point) => ({
    time: formatTime(point.bucket_start),
    ...Object.fromEntries(types.map((t, i) => [`t${i}`, point.by_type[t] ?? 0])),
  }))
  return (
    <Stack>
      <SimpleGrid cols={{ base: 2, sm: 4 }} aria-live="polite">
        <Card withBorder padding="sm">
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            Events
          </Text>
          <Text size="xl" fw={700} data-testid="events-total">
            {formatNumber(metrics.totals.events)}
          </Text>
        </Card>
        {types.map((t) => (
          <Card withBorder padding="sm" key={t}>
            <Text size="xs" c="dimmed" fw={600}>
              {t}
            </Text>
            <Text size="lg" fw={600} data-testid={`events-${t}`}>
              {formatNumber(metrics.totals.by_type[t] ?? 0)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      {data.length > 0 ? (
        <div
          role="img"
          aria-label={`Events per minute by type, ${data.length} minutes`}
          data-testid="usage-chart"
        >
          {/* Bars, not an area: a minute or two of traffic draws no area, and each bar is one minute. */}
          <BarChart
            h={220}
            data={data}
            dataKey="time"
            type="stacked"
            withLegend
            legendProps={{ verticalAlign: 'bottom' }}
            series={types.map((t, i) => ({
              name: `t${i}`,
              label: t,
              color: SERIES_COLORS[i % SERIES_COLORS.length] ?? 'gray.6',
            }))}
          />
        </div>
      ) : (
        <Text size="sm" c="dimmed">
          No events yet. Send some with the snippet above; counters update while the scenario runs.
        </Text>
      )}
      {metrics.usage.length > 0 && (
        <Table.ScrollContainer minWidth={400}>
          <Table aria-label="Metered usage" data-testid="usage-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Usage type</Table.Th>
                <Table.Th ta="right">Quantity</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {metrics.usage.map((u) => (
                <Table.Tr key={u.usage_type}>
                  <Table.Td>{u.usage_type}</Table.Td>
                  <Table.Td ta="right">
                    {formatNumber(u.quantity)} {u.unit}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <PiiFindings pii={metrics.pii} />
    </Stack>
  )
}

/** One row per kind of personal data: its count, up to three distinct masked examples, when last seen. */
export function piiByKind(pii: Metrics['pii']) {
  const kinds = new Set([...Object.keys(pii.by_kind), ...pii.samples.map((s) => s.kind)])
  return [...kinds].sort().map((kind) => {
    const samples = pii.samples.filter((s) => s.kind === kind)
    return {
      kind,
      hits: pii.by_kind[kind] ?? samples.length,
      examples: [...new Set(samples.map((s) => s.masked))].slice(0, 3),
      lastSeen:
        samples
          .map((s) => s.seen_at)
          .sort()
          .at(-1) ?? null,
    }
  })
}

function PiiFindings({ pii }: { pii: Metrics['pii'] }) {
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        PII findings
      </Title>
      {pii.total === 0 ? (
        <Text size="sm" c="dimmed" data-testid="pii-none">
          No personal data found in the logs so far.
        </Text>
      ) : (
        <>
          <Group gap="xs" data-testid="pii-kinds">
            {Object.entries(pii.by_kind).map(([kind, n]) => (
              <Badge key={kind} color="red" variant="light">
                {kind}: {n}
              </Badge>
            ))}
          </Group>
          <Table aria-label="PII findings by kind (masked)" data-testid="pii-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Kind</Table.Th>
                <Table.Th ta="right">Hits</Table.Th>
                <Table.Th>Masked examples</Table.Th>
                <Table.Th>Last seen</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {piiByKind(pii).map((row) => (
                <Table.Tr key={row.kind} data-testid="pii-row">
                  <Table.Td>{row.kind}</Table.Td>
                  <Table.Td ta="right">{formatNumber(row.hits)}</Table.Td>
                  <Table.Td ff="monospace">{row.examples.join(', ')}</Table.Td>
                  <Table.Td>{formatDateTime(row.lastSeen)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  )
}
