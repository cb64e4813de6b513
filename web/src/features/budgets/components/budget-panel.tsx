import { Card, Divider, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { AlertHistory } from './alert-history'
import { AlertRules } from './alert-rules'
import { BudgetForm } from './budget-form'
import { WebhookSecretModal } from './webhook-secret-modal'

/** "Budget & alerts" on a scenario's page: the budget against the projection, alert rules, alert history. */
export function BudgetPanel({ scenarioId }: { scenarioId: string }) {
  const [secret, setSecret] = useState<string | null>(null)
  return (
    <Card withBorder component="section" aria-labelledby="budget-heading">
      <Stack>
        <div>
          <Title order={2} size="h3" id="budget-heading">
            Budget &amp; alerts
          </Title>
          <Text size="sm" c="dimmed">
            Get an email or a signed webhook when the projected month cost passes a limit or jumps in a day.
          </Text>
        </div>
        <BudgetForm scenarioId={scenarioId} />
        <Divider />
        <AlertRules scenarioId={scenarioId} onSecret={setSecret} />
        <Divider />
        <AlertHistory scenarioId={scenarioId} />
      </Stack>
      <WebhookSecretModal secret={secret} onClose={() => setSecret(null)} />
    </Card>
  )
}
