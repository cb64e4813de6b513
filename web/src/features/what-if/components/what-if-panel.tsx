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

const factorFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 })

/** Consecutive months with the same factor and total, shown as one row ("1–12") instead of twelve equal ones. */
export function groupMonths(
  months: WhatIfMonth[],
): Array<{ first: WhatIfMonth; last: WhatIfMonth; count: number }> {
  const groups: Array<{ first: WhatIfMonth; last: WhatIfMonth; count: number }> = []
  for (const m of months) {
    const current = groups.at(-1)
    if (current && current.last.total === m.total && current.last.usage_factor === m.usage_factor) {
      current.last = m
      current.count++
    } else groups.push({ first: m, last: m, count: 1 })
  }
  return groups
}

function WhatIfTable({ months, currency }: { months: WhatIfMonth[]; currency: string }) {
  const serviceLabel = useServiceLabel()
  const groups = groupMonths(months)
  let cumulative = 0
  return (
    <Table.ScrollContainer minWidth={600}>
      {groups.length < months.length && (
        <Text size="sm" c="dimmed" mb="xs">
          Months with the same traffic and cost are on one row; set a growth rate to see them change.
        </Text>
      )}
      <Table verticalSpacing="xs" aria-label="What-if projection by month" data-testid="what-if-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Month</Table.Th>
            <Table.Th ta="right">Traffic</Table.Th>
            <Table.Th ta="right">Total per month</Table.Th>
            <Table.Th ta="right">Cumulative</Table.Th>
            <Table.Th>Top services</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.map(({ first, last, count }) => {
            cumulative += Number(first.total) * count
            return (
              <Table.Tr key={first.month} data-testid="what-if-row">
                <Table.Td>{count > 1 ? `${first.month}–${last.month}` : first.month}</Table.Td>
                <Table.Td ta="right">×{factorFormat.format(Number(first.usage_factor))}</Table.Td>
                <Table.Td ta="right" fw={600}>
                  {formatMoney(first.total, currency)}
                </Table.Td>
                <Table.Td ta="right" data-testid="what-if-cumulative">
                  {formatMoney(cumulative, currency)}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={first.by_service.length === 0 ? 'dimmed' : undefined}>
                    {topServices(first.by_service)
                      .map((s) => `${serviceLabel(s.service)} ${formatMoney(s.cost, currency)}`)
                      .join(' · ') || 'No cost'}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th colSpan={3}>
              Total over {months.length} month{months.length === 1 ? '' : 's'}
            </Table.Th>
            <Table.Th ta="right" data-testid="what-if-grand-total">
              {formatMoney(cumulative, currency)}
            </Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  )
}
