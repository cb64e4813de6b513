import { Code, Text } from '@mantine/core'
import { ShowOnceSecret } from '@/components/show-once-secret'

/** The only time a rule's webhook signing secret is shown (docs/budgets.md tells receivers how to verify). */
export function WebhookSecretModal({ secret, onClose }: { secret: string | null; onClose: () => void }) {
  return (
    <ShowOnceSecret
      value={secret}
      onClose={onClose}
      title="Copy the webhook signing secret"
      warning="You will not see this secret again"
      explanation={
        <>
          Your receiver uses it to check the <Code>X-Mockupaws-Signature</Code> header of every alert.
        </>
      }
      valueTestId="webhook-secret"
      copyLabel="Copy secret"
      confirmLabel="I have stored it"
      footer={
        <Text size="xs" c="dimmed">
          Signature: <Code>t=&lt;unix&gt;,v1=hex(HMAC-SHA256(secret, t + "." + body))</Code>
        </Text>
      }
    />
  )
}
