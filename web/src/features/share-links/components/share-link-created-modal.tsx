import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core'
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react'
import { formatDateTime } from '@/lib/format'
import type { CreatedShareLink } from '../api/share-links-api'
import { shareLinkPageUrl } from '../share-link-state'

/** The only time the link is visible: the server keeps just a hash of its token. */
export function ShareLinkCreatedModal({
  created,
  onClose,
}: {
  created: CreatedShareLink | null
  onClose: () => void
}) {
  const url = created ? shareLinkPageUrl(window.location.origin, created.token) : ''
  return (
    <Modal
      opened={created !== null}
      onClose={onClose}
      title="Copy your share link"
      closeOnClickOutside={false}
      size="lg"
    >
      {created && (
        <Stack>
          <Alert
            color="yellow"
            icon={<IconAlertTriangle aria-hidden />}
            title="You will not see this link again"
          >
            Copy it now. If you lose it, revoke it and create a new one.
          </Alert>
          <Code block data-testid="new-share-link" style={{ wordBreak: 'break-all' }}>
            {url}
          </Code>
          <Text size="sm" c="dimmed">
            Read only, no sign-in needed; expires {formatDateTime(created.expires_at)}. Scripts can read the
            same costs as JSON at <Code style={{ wordBreak: 'break-all' }}>{created.url}</Code>.
          </Text>
          <Group justify="space-between">
            <CopyButton value={url}>
              {({ copied, copy }) => (
                <Button
                  onClick={copy}
                  color={copied ? 'teal' : undefined}
                  leftSection={
                    copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />
                  }
                >
                  {copied ? 'Copied' : 'Copy link'}
                </Button>
              )}
            </CopyButton>
            <Button variant="default" onClick={onClose}>
              Done
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  )
}
