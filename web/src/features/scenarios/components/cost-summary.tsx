import { Badge, Card, Group, List, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core'
import { formatDateTime, formatMoney } from '@/lib/format'
import type { Costs } from '../api/scenarios-api'

function Figure({
  label,
  amount,
  currency,
  hint,
  testId,
  caveat,
}: {
  label: string
  amount: string
  currency: string
  hint: string
  testId: string
  /** Shown under the figure when it should not be read alone (a projection from too little traffic). */
  caveat?: string
}) {
  return (
    <Card withBorder padding="sm">
      <Tooltip label={hint} multiline w={260} withArrow>
        <Text size="xs" c="dimmed" tt="uppercase" fw={600} tabIndex={0}>
          {label}
        </Text>
      </Tooltip>
      <Text
        fz={{ base: 'lg', sm: 'xl' }}
        fw={700}
        data-testid={testId}
        aria-label={`${label}: ${formatMoney(amount, currency)}`}
      >
        {formatMoney(amount, currency)}
      </Text>
      {caveat && (
        <Text size="xs" c="dimmed" data-testid={`${testId}-caveat`}>
          {caveat}
        </Text>
      )}
    </Card>
  )
}

/** The four cost blocks of GET /scenarios/:id/costs, money formatted with Intl.NumberFormat. */
export function CostSummary({ costs }: { costs: Costs }) {
  const { currency } = costs
  return (
    <Stack gap="xs">
      {/* Two by two on a phone, so the four figures and the tabs below them fit the first screen. */}
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="xs">
        <Figure
          label="Modelled / month"
          amount={costs.modelled_monthly.total}
          currency={currency}
          hint="The line items, priced as one month."
          testId="cost-modelled"
        />
        <Figure
          label="Observed"
          amount={costs.observed.total}
          currency={currency}
          hint="What the ingested traffic cost over its window."
          testId="cost-observed"
        />
        <Figure
          label="Projected / month"
          amount={costs.projected_monthly.total}
          currency={currency}
          hint="The observed traffic scaled to a 30-day month."
          testId="cost-projected"
          caveat={
            costs.projected_monthly.reliability === 'good'
              ? undefined
              : costs.projected_monthly.reliability_note
          }
        />
        <Figure
          label="Total / month"
          amount={costs.total_monthly.total}
          currency={currency}
          hint="Modelled and projected usage priced together for one month."
          testId="cost-total"
        />
      </SimpleGrid>
      {costs.reconciliation && (
        <Text size="xs" c="dimmed" role="note" data-testid="cost-reconciliation">
          Total ≠ modelled + projected ({formatMoney(costs.reconciliation.modelled_plus_projected, currency)})
          by {formatMoney(costs.reconciliation.difference, currency)}: {costs.reconciliation.explanation}
        </Text>
      )}
      <Group gap="xs">
        <Badge variant="light" color={costs.free_tier_applied ? 'teal' : 'gray'}>
          Free tier {costs.free_tier_applied ? 'applied' : 'not applied'}
        </Badge>
        <Text size="xs" c="dimmed">
          Prices for {costs.region} as of {costs.pricing_as_of}
          {costs.observed.window_start &&
            ` · observed ${formatDateTime(costs.observed.window_start)} – ${formatDateTime(costs.observed.window_end)}`}
        </Text>
      </Group>
      <Group gap="xs" data-testid="cost-assumptions">
        <Badge variant="light" color={costs.rate_card_applied ? 'orange' : 'gray'}>
          Rate card {costs.rate_card_applied ? 'applied' : 'not applied'}
        </Badge>
        <Text size="xs" c="dimmed">
          Snapshot {costs.pricing_snapshot.id}
        </Text>
      </Group>
      <List size="xs" c="dimmed" aria-label="Assumptions">
        {costs.assumptions.map((text) => (
          <List.Item key={text}>{text}</List.Item>
        ))}
      </List>
      {costs.unpriced.length > 0 && (
        <Text size="xs" c="orange" role="note" style={{ overflowWrap: 'anywhere' }}>
          Not priced in this region: {costs.unpriced.map((u) => `${u.usage_type} (${u.reason})`).join(', ')}
        </Text>
      )}
    </Stack>
  )
}
