import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core'
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react'
import type { CreatedApiKey } from '../api/api-keys-api'

/** The only time the whole key is visible: the server stores just its hash. */
export function KeySecretModal({ created, onClose }: { created: CreatedApiKey | null; onClose: () => void }) {
  return (
    <Modal
      opened={created !== null}
      onClose={onClose}
      title="Copy your new API key"
      closeOnClickOutside={false}
      size="lg"
    >
      {created && (
        <Stack>
          <Alert
            color="yellow"
            icon={<IconAlertTriangle aria-hidden />}
            title="You will not see this key again"
          >
            Store it now in a secret manager or your environment. If you lose it, rotate the key to get a new
            one.
          </Alert>
          <Text size="sm">
            Key <strong>{created.name}</strong> with scopes {created.scopes.join(', ')}.
          </Text>
          <Code block data-testid="new-api-key" style={{ wordBreak: 'break-all' }}>
            {created.key}
          </Code>
          <Group justify="space-between">
            <CopyButton value={created.key}>
              {({ copied, copy }) => (
                <Button
                  onClick={copy}
                  color={copied ? 'teal' : undefined}
                  leftSection={
                    copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />
                  }
                >
                  {copied ? 'Copied' : 'Copy key'}
                </Button>
              )}
            </CopyButton>
            <Button variant="default" onClick={onClose}>
              I have stored it
            </Button>
          </Group>
          <Text size="xs" c="dimmed" aria-live="polite">
            Use it as the <Code>X-API-Key</Code> header.
          </Text>
        </Stack>
      )}
    </Modal>
  )
}
