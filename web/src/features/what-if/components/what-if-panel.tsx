import { LineChart } from '@mantine/charts'
import { Alert, Card, Group, Loader, NumberInput, Stack, Table, Text, Title } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useState } from 'react'
import { ErrorState } from '@/components/page-states'
import { useServiceLabel } from '@/features/scenarios'
import { formatMoney } from '@/lib/format'
import { useWhatIf, type WhatIfMonth } from '../api/what-if-api'
import {
  DEFAULT_WHAT_IF,
  topServices,
  toWhatIfParams,
  validateWhatIf,
  WHAT_IF_LIMITS,
  type WhatIfValues,
} from '../what-if-params'

/** Inputs settle this long before the projection is asked again. */
const DEBOUNCE_MS = 400

/**
 * What-if: the observed traffic times `scale`, growing by a percentage per month, priced month by month by
 * the server (tiers and free tier re-applied; line items are not scaled).
 */
export function WhatIfPanel({ scenarioId }: { scenarioId: string }) {
  const [values, setValues] = useState<WhatIfValues>(DEFAULT_WHAT_IF)
  const [settled] = useDebouncedValue(values, DEBOUNCE_MS)
  const errors = validateWhatIf(values)
  const projection = useWhatIf(scenarioId, toWhatIfParams(settled))
  const set = (field: keyof WhatIfValues) => (value: number | string) =>
    setValues((v) => ({ ...v, [field]: value }))
  const months = projection.data?.what_if ?? []
  const currency = projection.data?.currency ?? 'USD'

  return (
    <Card withBorder data-testid="what-if-panel">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3">
          What-if
        </Title>
        {projection.isFetching && <Loader size="xs" aria-label="Updating the projection" />}
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        The observed traffic scaled and grown month by month, priced with tiers and the free tier re-applied.
        Line items stay as they are.
      </Text>
      <Group align="flex-start" grow preventGrowOverflow={false} mb="md">
        <NumberInput
          label="Scale (× traffic)"
          value={values.scale}
          onChange={set('scale')}
          error={errors.scale}
          min={0}
          max={WHAT_IF_LIMITS.scale.max}
          step={1}
          decimalScale={4}
        />
        <NumberInput
          label="Growth % per month"
          value={values.growth}
          onChange={set('growth')}
          error={errors.growth}
          min={WHAT_IF_LIMITS.growth.min}
          max={WHAT_IF_LIMITS.growth.max}
          decimalScale={4}
          suffix="%"
        />
        <NumberInput
          label="Months"
          value={values.months}
          onChange={set('months')}
          error={errors.months}
          min={WHAT_IF_LIMITS.months.min}
          max={WHAT_IF_LIMITS.months.max}
          allowDecimal={false}
        />
      </Group>
      {projection.isError ? (
        <ErrorState error={projection.error} title="Could not project the scenario" />
      ) : months.length === 0 ? (
        projection.isPending ? (
          <Text size="sm" c="dimmed">
            Projecting…
          </Text>
        ) : (
          <Alert color="blue">Correct the inputs to see the projection.</Alert>
        )
      ) : (
        <Stack>
          <WhatIfChart months={months} currency={currency} />
          <WhatIfTable months={months} currency={currency} />
        </Stack>
      )}
    </Card>
  )
}

function WhatIfChart({ months, currency }: { months: WhatIfMonth[]; currency: string }) {
  const data = months.map((m) => ({ month: `M${m.month}`, total: Number(m.total) }))
  return (
    <figure aria-label="Projected total per month" style={{ margin: 0 }}>
      <LineChart
        h={220}
        data={data}
        dataKey="month"
        series={[{ name: 'total', label: 'Total per month', color: 'orange.6' }]}
        valueFormatter={(v) => formatMoney(v, currency)}
        yAxisProps={{ width: 90 }}
        curveType="linear"
        data-testid="what-if-chart"
      />
    </figure>
  )
}

function WhatIfTable({ months, currency }: { months: WhatIfMonth[]; currency: string }) {
  const serviceLabel = useServiceLabel()
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table verticalSpacing="xs" aria-label="What-if projection by month" data-testid="what-if-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Month</Table.Th>
            <Table.Th ta="right">Usage factor</Table.Th>
            <Table.Th ta="right">Total</Table.Th>
            <Table.Th>Top services</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {months.map((m) => (
            <Table.Tr key={m.month} data-testid="what-if-row">
              <Table.Td>{m.month}</Table.Td>
              <Table.Td ta="right">×{m.usage_factor}</Table.Td>
              <Table.Td ta="right" fw={600}>
                {formatMoney(m.total, currency)}
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={m.by_service.length === 0 ? 'dimmed' : undefined}>
                  {topServices(m.by_service)
                    .map((s) => `${serviceLabel(s.service)} ${formatMoney(s.cost, currency)}`)
                    .join(' · ') || 'No cost'}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
