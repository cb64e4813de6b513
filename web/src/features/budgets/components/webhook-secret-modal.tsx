import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core'
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react'

/** The only time a rule's webhook signing secret is shown (docs/budgets.md tells receivers how to verify). */
export function WebhookSecretModal({ secret, onClose }: { secret: string | null; onClose: () => void }) {
  return (
    <Modal
      opened={secret !== null}
      onClose={onClose}
      title="Copy the webhook signing secret"
      closeOnClickOutside={false}
      size="lg"
    >
      {secret && (
        <Stack>
          <Alert
            color="yellow"
            icon={<IconAlertTriangle aria-hidden />}
            title="You will not see this secret again"
          >
            Your receiver uses it to check the <Code>X-Mockupaws-Signature</Code> header of every alert.
          </Alert>
          <Code block data-testid="webhook-secret" style={{ wordBreak: 'break-all' }}>
            {secret}
          </Code>
          <Group justify="space-between">
            <CopyButton value={secret}>
              {({ copied, copy }) => (
                <Button
                  onClick={copy}
                  color={copied ? 'teal' : undefined}
                  leftSection={
                    copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />
                  }
                >
                  {copied ? 'Copied' : 'Copy secret'}
                </Button>
              )}
            </CopyButton>
            <Button variant="default" onClick={onClose}>
              I have stored it
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            Signature: <Code>t=&lt;unix&gt;,v1=hex(HMAC-SHA256(secret, t + "." + body))</Code>
          </Text>
        </Stack>
      )}
    </Modal>
  )
}
