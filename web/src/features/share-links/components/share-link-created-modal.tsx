import { Code, Text } from '@mantine/core'
import { ShowOnceSecret } from '@/components/show-once-secret'
import { formatDateTime } from '@/lib/format'
import type { CreatedShareLink } from '../api/share-links-api'
import { shareLinkJsonUrl, shareLinkPageUrl } from '../share-link-state'

/** The only time the link is visible: the server keeps just a hash of its token. */
export function ShareLinkCreatedModal({
  created,
  onClose,
}: {
  created: CreatedShareLink | null
  onClose: () => void
}) {
  return (
    <ShowOnceSecret
      value={created ? shareLinkPageUrl(window.location.origin, created.token) : null}
      onClose={onClose}
      title="Copy your share link"
      warning="You will not see this link again"
      explanation="Copy it now. If you lose it, revoke it and create a new one."
      valueTestId="new-share-link"
      copyLabel="Copy link"
      confirmLabel="Done"
      belowValue={
        created && (
          <Text size="sm" c="dimmed">
            Read only, no sign-in needed; expires {formatDateTime(created.expires_at)}. Scripts can read the
            same costs as JSON at{' '}
            <Code style={{ wordBreak: 'break-all' }}>
              {shareLinkJsonUrl(window.location.origin, created.token)}
            </Code>
            .
          </Text>
        )
      }
    />
  )
}
