import { Stack, Text, Title } from '@mantine/core'
import { ErrorState, LoadingState } from '@/components/page-states'
import { useRateCard, useSnapshots } from '@/features/rate-cards/api/rate-cards-api'
import { RateCardEditor } from '@/features/rate-cards/components/rate-card-editor'
import { SnapshotDiff } from '@/features/rate-cards/components/snapshot-diff'
import { usePricingRegions, usePricingServices } from '@/features/scenarios/api/scenarios-api'

/** The user's rate card and the pricing snapshots (docs/rate-cards-and-snapshots.md). */
export function RateCardRoute() {
  const card = useRateCard()
  const snapshots = useSnapshots()
  const regions = usePricingRegions()
  const services = usePricingServices()

  return (
    <Stack>
      <div>
        <Title order={1}>Rate card</Title>
        <Text c="dimmed" size="sm">
          Your negotiated discounts, price overrides and markups. Every scenario's costs apply them and say
          so, unless the scenario opts out.
        </Text>
      </div>
      {card.isPending ? (
        <LoadingState label="Loading your rate card…" />
      ) : card.isError ? (
        <ErrorState
          error={card.error}
          onRetry={() => void card.refetch()}
          title="Could not load your rate card"
        />
      ) : (
        <RateCardEditor
          key={card.data.updated_at ?? 'empty'}
          rules={card.data.rules}
          services={(services.data?.services ?? []).map((s) => s.id)}
          regions={(regions.data?.regions ?? []).map((r) => r.code)}
          usageTypes={(services.data?.services ?? []).map((s) => ({
            service: s.id,
            group: s.display_name,
            items: s.usage_types,
          }))}
        />
      )}
      {snapshots.isPending ? (
        <LoadingState label="Loading pricing snapshots…" />
      ) : snapshots.isError ? (
        <ErrorState
          error={snapshots.error}
          onRetry={() => void snapshots.refetch()}
          title="Could not load snapshots"
        />
      ) : (
        <SnapshotDiff snapshots={snapshots.data.items} />
      )}
    </Stack>
  )
}
