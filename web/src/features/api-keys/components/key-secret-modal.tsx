import { Code, Text } from '@mantine/core'
import { ShowOnceSecret } from '@/components/show-once-secret'
import type { CreatedApiKey } from '../api/api-keys-api'

/** The only time the whole key is visible: the server stores just its hash. */
export function KeySecretModal({ created, onClose }: { created: CreatedApiKey | null; onClose: () => void }) {
  return (
    <ShowOnceSecret
      value={created?.key ?? null}
      onClose={onClose}
      title="Copy your new API key"
      warning="You will not see this key again"
      explanation="Store it now in a secret manager or your environment. If you lose it, rotate the key to get a new one."
      valueTestId="new-api-key"
      copyLabel="Copy key"
      confirmLabel="I have stored it"
      aboveValue={
        created && (
          <Text size="sm">
            Key <strong>{created.name}</strong> with scopes {created.scopes.join(', ')}.
          </Text>
        )
      }
      footer={
        <Text size="xs" c="dimmed" aria-live="polite">
          Use it as the <Code>X-API-Key</Code> header.
        </Text>
      }
    />
  )
}
