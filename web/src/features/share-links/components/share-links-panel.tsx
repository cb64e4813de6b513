import { Badge, Button, Card, Code, Group, Select, Table, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconLink } from '@tabler/icons-react'
import { useState } from 'react'
import { ConfirmDialog } from '@/components/confirm-dialog'
import { ErrorState, LoadingState } from '@/components/page-states'
import { errorMessage } from '@/lib/api-error'
import { formatDateTime } from '@/lib/format'
import {
  type CreatedShareLink,
  type SharedPrices,
  type ShareLink,
  useCreateShareLink,
  useRevokeShareLink,
  useShareLinks,
} from '../api/share-links-api'
import { EXPIRY_CHOICES, PRICES_CHOICES, type ShareLinkState, shareLinkState } from '../share-link-state'
import { ShareLinkCreatedModal } from './share-link-created-modal'

const STATE_COLOR: Record<ShareLinkState, string> = { active: 'green', revoked: 'red', expired: 'gray' }

/** Read-only links to this scenario's costs for people without an account: create, list, revoke. */
export function ShareLinksPanel({ scenarioId }: { scenarioId: string }) {
  const links = useShareLinks(scenarioId)
  const create = useCreateShareLink(scenarioId)
  const revoke = useRevokeShareLink(scenarioId)
  const [expiresDays, setExpiresDays] = useState<string>('7')
  const [prices, setPrices] = useState<SharedPrices>('list')
  const [created, setCreated] = useState<CreatedShareLink | null>(null)
  const [revoking, setRevoking] = useState<ShareLink | null>(null)

  return (
    <Card withBorder data-testid="share-links-panel">
      <Group justify="space-between" align="flex-end" mb="sm">
        <div>
          <Title order={2} size="h3">
            Share links
          </Title>
          <Text size="sm" c="dimmed">
            Anyone with a link sees this scenario's costs, read only, until it expires or you revoke it.
          </Text>
        </div>
        <Group align="flex-end" gap="xs">
          <Select
            label="Expires after"
            data={EXPIRY_CHOICES.map((c) => ({ ...c }))}
            value={expiresDays}
            onChange={(value) => value && setExpiresDays(value)}
            allowDeselect={false}
            w={130}
          />
          <Select
            label="Prices shown"
            data={PRICES_CHOICES.map((c) => ({ ...c }))}
            value={prices}
            onChange={(value) => value && setPrices(value as SharedPrices)}
            allowDeselect={false}
            w={170}
          />
          <Button
            leftSection={<IconLink size={16} aria-hidden />}
            loading={create.isPending}
            onClick={() =>
              create.mutate(
                { expires_days: Number(expiresDays), prices },
                {
                  onSuccess: setCreated,
                  onError: (e) =>
                    notifications.show({ color: 'red', title: 'No link created', message: errorMessage(e) }),
                },
              )
            }
          >
            Create link
          </Button>
        </Group>
      </Group>
      {links.isPending ? (
        <LoadingState label="Loading share links…" />
      ) : links.isError ? (
        <ErrorState error={links.error} onRetry={() => void links.refetch()} />
      ) : links.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No share links yet.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" aria-label="Share links" data-testid="share-links-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Link</Table.Th>
                <Table.Th>Created</Table.Th>
                <Table.Th>Expires</Table.Th>
                <Table.Th>Prices</Table.Th>
                <Table.Th>State</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {links.data.items.map((link) => {
                const state = shareLinkState(link)
                return (
                  <Table.Tr key={link.id} data-testid="share-link-row">
                    <Table.Td>
                      <Code>{link.token_prefix}…</Code>
                    </Table.Td>
                    <Table.Td>{formatDateTime(link.created_at)}</Table.Td>
                    <Table.Td>{formatDateTime(link.expires_at)}</Table.Td>
                    <Table.Td>{link.prices === 'list' ? 'List' : 'Rate card'}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={STATE_COLOR[state]}>
                        {state === 'revoked' ? `revoked ${formatDateTime(link.revoked_at)}` : state}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right">
                      {state === 'active' && (
                        <Button size="xs" variant="subtle" color="red" onClick={() => setRevoking(link)}>
                          Revoke
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                )
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ShareLinkCreatedModal created={created} onClose={() => setCreated(null)} />
      <ConfirmDialog
        opened={revoking !== null}
        title="Revoke this share link?"
        confirmLabel="Revoke link"
        loading={revoke.isPending}
        error={revoke.error}
        onClose={() => {
          revoke.reset()
          setRevoking(null)
        }}
        onConfirm={async () => {
          if (!revoking) return
          try {
            await revoke.mutateAsync(revoking.id)
          } catch {
            return // the dialog shows the server's message
          }
          notifications.show({ message: 'Share link revoked: it stops working at once.' })
          setRevoking(null)
        }}
      >
        Anyone opening the link {revoking?.token_prefix}… will see that it was revoked or expired. This cannot
        be undone; create a new link to share again.
      </ConfirmDialog>
    </Card>
  )
}
