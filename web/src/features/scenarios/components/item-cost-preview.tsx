import { Alert, Group, Loader, Paper, Stack, Text } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useEffect, useRef, useState } from 'react'
import { ApiError, errorMessage } from '@/lib/api-error'
import { applyServerErrors } from '@/lib/form-errors'
import { formatDelta, formatMoney, formatNumber } from '@/lib/format'
import { type ItemInput, type ItemPreview, useItemPreview } from '../api/scenarios-api'

/** Typing pauses this long before the item is priced again. */
const PREVIEW_DEBOUNCE_MS = 300

/** The form the preview puts the server's field errors on. */
type FieldErrors = {
  setFieldError: (path: string, error: string) => void
  clearFieldError: (path: string) => void
}

/**
 * The server's verdict on the item being typed, asked once typing pauses. `item` null asks nothing, but
 * `preview.data` still holds the last verdict then (TanStack's placeholder): check `body` before trusting it.
 */
export function useLiveItemPreview(scenarioId: string, item: ItemInput | null, itemId?: string) {
  const body = item ? JSON.stringify(item) : null
  const [debouncedBody] = useDebouncedValue(body, PREVIEW_DEBOUNCE_MS)
  const preview = useItemPreview(scenarioId, body === null ? null : debouncedBody, itemId)
  return { body, debouncedBody, preview }
}
export type LiveItemPreview = ReturnType<typeof useLiveItemPreview>

/**
 * The monthly cost of the item being typed, priced by the server as a save would (its rules, region, free tier
 * and rate card) and updated as the user types (`useLiveItemPreview`). A 422 puts the server's `details` on
 * the fields of `form`; they are taken off again by the next verdict, so errors of a save attempt are left
 * alone.
 */
export function ItemCostPreview({ live, form }: { live: LiveItemPreview; form: FieldErrors }) {
  const { body, debouncedBody, preview } = live
  const [rejection, setRejection] = useState<string | null>(null)
  const placedFields = useRef<string[]>([])
  const isAccepted = preview.isSuccess && !preview.isPlaceholderData

  // biome-ignore lint/correctness/useExhaustiveDependencies: once per verdict, when it arrives
  useEffect(() => {
    const error = preview.error instanceof ApiError && preview.error.status === 422 ? preview.error : null
    if (!error && !isAccepted) return
    for (const field of placedFields.current) form.clearFieldError(field)
    placedFields.current = error?.details.map((detail) => detail.field) ?? []
    setRejection(error && applyServerErrors(form, error, ['service', 'params']))
  }, [preview.error, isAccepted, preview.dataUpdatedAt])

  const settling = body !== debouncedBody || preview.isFetching
  return (
    <Paper withBorder p="sm" aria-live="polite" aria-busy={settling} data-testid="item-preview">
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm" fw={500}>
            Estimated monthly cost
          </Text>
          {settling && body !== null && <Loader size="xs" aria-label="Updating the estimate" />}
        </Group>
        {body === null ? (
          <Text size="sm" c="dimmed">
            Complete the highlighted fields to see what this item costs.
          </Text>
        ) : preview.isError ? (
          <PreviewProblem error={preview.error} rejection={rejection} />
        ) : preview.data ? (
          <PreviewFigures preview={preview.data} />
        ) : (
          <Text size="sm" c="dimmed">
            Pricing…
          </Text>
        )}
      </Stack>
    </Paper>
  )
}

function PreviewProblem({ error, rejection }: { error: Error; rejection: string | null }) {
  if (error instanceof ApiError && error.status === 422) {
    return (
      <Text size="sm" c="dimmed">
        {rejection ?? 'Fix the highlighted fields to see what this item costs.'}
      </Text>
    )
  }
  return (
    <Alert color="red" p="xs">
      {errorMessage(error)}
    </Alert>
  )
}

function PreviewFigures({ preview }: { preview: ItemPreview }) {
  const money = (amount: string) => formatMoney(amount, preview.currency)
  const cost = preview.monthly_cost
  const rows = cost.by_service.flatMap((service) => service.by_usage_type)
  const isRanged = preview.monthly_range.min !== preview.monthly_range.max
  const scenario = preview.modelled_monthly_total
  return (
    <>
      {/* Usage without a price is never a $0.00 item: with nothing priced the figure says so. */}
      <Text size="xl" fw={700} data-testid="item-preview-cost">
        {rows.length === 0 && cost.unpriced.length > 0 ? 'No price' : money(cost.total)}
        <Text span size="sm" c="dimmed" fw={400}>
          {rows.length === 0 && cost.unpriced.length > 0
            ? ` in ${preview.region}`
            : cost.unpriced.length > 0
              ? ' / month + usage with no price'
              : ' / month'}
        </Text>
      </Text>
      {isRanged && (
        <Text size="sm" data-testid="item-preview-range">
          Range {money(preview.monthly_range.min)} – {money(preview.monthly_range.max)}
        </Text>
      )}
      {rows.map((row) => (
        <Text size="xs" c="dimmed" key={row.usage_type}>
          {row.usage_type}: {formatNumber(row.billable_quantity)} {row.unit} billable → {money(row.cost)}
        </Text>
      ))}
      {/* The reason says why (no price in the catalog, or AWS does not offer it there, with the source's URL). */}
      {cost.unpriced.map((row) => (
        <Text
          size="xs"
          c="var(--mantine-color-orange-text)"
          key={row.usage_type}
          style={{ overflowWrap: 'anywhere' }}
        >
          {row.reason.includes(row.usage_type) ? row.reason : `${row.usage_type}: ${row.reason}`}
        </Text>
      ))}
      <Text size="sm" data-testid="item-preview-after">
        Scenario modelled total after saving: <strong>{money(scenario.after)}</strong> (
        {formatDelta(scenario.delta, preview.currency)})
      </Text>
    </>
  )
}
