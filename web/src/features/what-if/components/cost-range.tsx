import { Card, Group, SimpleGrid, Text, Tooltip } from '@mantine/core'
import { formatMoney } from '@/lib/format'
import type { CostRange, CostsWithWhatIf } from '../api/what-if-api'

/** Percentiles over fewer observed hours than this are not shown: one hour has no spread to speak of. */
const MIN_RANGE_HOURS = 2

/** "$12.00 – $40.00", or the single figure when both ends are equal. */
export function formatSpread(low: string, high: string, currency: string): string {
  return Number(low) === Number(high)
    ? formatMoney(low, currency)
    : `${formatMoney(low, currency)} – ${formatMoney(high, currency)}`
}

/** Says what the p50/p90 are taken over, so a one-hour sample is not read as a forecast. */
export function rangeBasis(range: CostRange): string {
  if (range.basis === 'no_observations') return 'No events yet: both equal the modelled month.'
  return `Over ${range.hours} observed hour${range.hours === 1 ? '' : 's'}: the month as if every hour were typical (p50) or busy (p90).`
}

/**
 * The spread of the month beside the point figures: p50/p90 from the hour-to-hour variance of the ingested
 * traffic (`?range=true`), and min/max of line items that declare `{min, typical, max}` params. Reads the
 * page's one costs answer (the scenario page asks for it with `range=true`), so it costs no request.
 */
export function CostRangeCard({ costs }: { costs: CostsWithWhatIf | undefined }) {
  if (!costs) return null
  const { range, modelled_range: modelled, modelled_monthly: point, currency } = costs
  const ranged = modelled && Number(modelled.min) !== Number(modelled.max)
  return (
    <Card withBorder padding="md" data-testid="cost-range">
      <SimpleGrid cols={{ base: 1, sm: ranged ? 2 : 1 }}>
        {range && (
          <div>
            <Tooltip label={rangeBasis(range)} multiline w={280} withArrow>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600} tabIndex={0}>
                Total / month, p50 – p90
              </Text>
            </Tooltip>
            {range.basis === 'hourly_usage' && range.hours < MIN_RANGE_HOURS ? (
              <Text size="sm" c="dimmed" data-testid="cost-range-percentiles">
                Needs more than one observed hour: a spread over a single hour says nothing.
              </Text>
            ) : (
              <Group gap="xs" align="baseline">
                <Text size="lg" fw={700} data-testid="cost-range-percentiles">
                  {formatSpread(range.p50, range.p90, currency)}
                </Text>
                <Text size="xs" c="dimmed">
                  {range.basis === 'hourly_usage' ? `${range.hours} h observed` : 'no events yet'}
                </Text>
              </Group>
            )}
          </div>
        )}
        {ranged && (
          <div>
            <Tooltip
              label="The line items priced with every ranged count or hours at its min, and at its max."
              multiline
              w={280}
              withArrow
            >
              <Text size="xs" c="dimmed" tt="uppercase" fw={600} tabIndex={0}>
                Modelled / month, min – max
              </Text>
            </Tooltip>
            <Group gap="xs" align="baseline">
              <Text size="lg" fw={700} data-testid="cost-range-modelled">
                {formatSpread(modelled.min, modelled.max, currency)}
              </Text>
              <Text size="xs" c="dimmed">
                typical {formatMoney(point.total, currency)}
              </Text>
            </Group>
          </div>
        )}
      </SimpleGrid>
    </Card>
  )
}
