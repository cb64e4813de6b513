import { Alert, Button, Group, Progress, Stack, Text, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useEffect, useState } from 'react'
import { ErrorState, LoadingState } from '@/components/page-states'
import { errorMessage } from '@/lib/api-error'
import { formatMoney } from '@/lib/format'
import { useBudget, useRemoveBudget, useSetBudget } from '../api/budgets-api'
import { moneyProblem } from '../rule-input'

/** The monthly budget input and a bar of the projected month cost against it. */
export function BudgetForm({ scenarioId }: { scenarioId: string }) {
  const budget = useBudget(scenarioId)
  const save = useSetBudget(scenarioId)
  const remove = useRemoveBudget(scenarioId)
  const [value, setValue] = useState('')
  const [touched, setTouched] = useState(false)
  const stored = budget.data?.monthly_budget ?? null
  useEffect(() => setValue(stored ?? ''), [stored])

  if (budget.isPending) return <LoadingState label="Loading the budget…" />
  if (budget.isError) return <ErrorState error={budget.error} onRetry={() => void budget.refetch()} />
  const { currency, projected_monthly: projected, used_pct: usedPct } = budget.data
  const problem = touched ? moneyProblem(value) : null
  const over = usedPct !== null && usedPct > 100

  return (
    <Stack gap="xs">
      <form
        onSubmit={(event) => {
          event.preventDefault()
          setTouched(true)
          if (moneyProblem(value)) return
          save.mutate(value.trim(), {
            onSuccess: () => notifications.show({ message: 'Budget saved.' }),
          })
        }}
      >
        <Group align="flex-start" gap="sm">
          <TextInput
            label={`Monthly budget (${currency})`}
            placeholder="e.g. 250"
            inputMode="decimal"
            value={value}
            onChange={(e) => {
              setValue(e.currentTarget.value)
              setTouched(true)
            }}
            error={problem}
            w={220}
          />
          <Group gap="xs" mt={25}>
            <Button type="submit" loading={save.isPending}>
              Save budget
            </Button>
            {stored !== null && (
              <Button
                variant="subtle"
                color="red"
                loading={remove.isPending}
                onClick={() =>
                  remove.mutate(undefined, {
                    onSuccess: () => notifications.show({ message: 'Budget removed.' }),
                    onError: (e) =>
                      notifications.show({ color: 'red', title: 'Not removed', message: errorMessage(e) }),
                  })
                }
              >
                Remove
              </Button>
            )}
          </Group>
        </Group>
      </form>
      {save.isError && (
        <Alert color="red" role="alert">
          {errorMessage(save.error)}
        </Alert>
      )}
      {stored === null ? (
        <Text size="sm" c="dimmed">
          No budget yet. Projected month cost: {formatMoney(projected, currency)}.
        </Text>
      ) : (
        <Stack gap={4}>
          <Progress
            value={Math.min(usedPct ?? 0, 100)}
            color={over ? 'red' : (usedPct ?? 0) > 80 ? 'yellow' : 'teal'}
            size="lg"
            aria-label="Projected month cost against the budget"
          />
          <Text size="sm" c={over ? 'red' : undefined} data-testid="budget-usage">
            Projected {formatMoney(projected, currency)} of {formatMoney(stored, currency)} ({usedPct}%)
            {over && ' — over budget'}
          </Text>
        </Stack>
      )}
    </Stack>
  )
}
