import { Button, Group, Pagination, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconPlus } from '@tabler/icons-react'
import { useState } from 'react'
import { ConfirmDialog } from '@/components/confirm-dialog'
import { EmptyState, ErrorState, LoadingState } from '@/components/page-states'
import {
  type ApiKey,
  type CreatedApiKey,
  useApiKeys,
  useRevokeApiKey,
  useRotateApiKey,
} from '@/features/api-keys/api/api-keys-api'
import { ApiKeyTable } from '@/features/api-keys/components/api-key-table'
import { CreateApiKeyModal } from '@/features/api-keys/components/create-api-key-modal'
import { KeySecretModal } from '@/features/api-keys/components/key-secret-modal'

const PAGE_SIZE = 20

export function ApiKeysRoute() {
  const [page, setPage] = useState(1)
  const keys = useApiKeys(page, PAGE_SIZE)
  const revoke = useRevokeApiKey()
  const rotate = useRotateApiKey()
  const [creating, setCreating] = useState(false)
  const [created, setCreated] = useState<CreatedApiKey | null>(null)
  const [revoking, setRevoking] = useState<ApiKey | null>(null)
  const [rotating, setRotating] = useState<ApiKey | null>(null)

  return (
    <Stack>
      <Group justify="space-between">
        <div>
          <Title order={1}>API keys</Title>
          <Text c="dimmed" size="sm">
            Keys let your backend, a log shipper or <code>mockupaws ingest</code> send usage to a scenario.
          </Text>
        </div>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
          Create key
        </Button>
      </Group>

      {keys.isPending ? (
        <LoadingState label="Loading API keys…" />
      ) : keys.isError ? (
        <ErrorState
          error={keys.error}
          onRetry={() => void keys.refetch()}
          title="Could not load your API keys"
        />
      ) : keys.data.items.length === 0 ? (
        <EmptyState
          title="No API keys yet"
          action={<Button onClick={() => setCreating(true)}>Create your first key</Button>}
        >
          Create a key with the <code>write:ingest</code> scope to stream usage events into a running
          scenario.
        </EmptyState>
      ) : (
        <>
          <ApiKeyTable keys={keys.data.items} onRevoke={setRevoking} onRotate={setRotating} />
          {keys.data.total > PAGE_SIZE && (
            <Pagination
              total={Math.ceil(keys.data.total / PAGE_SIZE)}
              value={page}
              onChange={setPage}
              getItemProps={(n) => ({ 'aria-label': `Page ${n}` })}
            />
          )}
        </>
      )}

      <CreateApiKeyModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(key) => {
          setCreating(false)
          setCreated(key)
        }}
      />
      <KeySecretModal created={created} onClose={() => setCreated(null)} />

      <ConfirmDialog
        opened={revoking !== null}
        title="Revoke this key?"
        confirmLabel="Revoke key"
        loading={revoke.isPending}
        error={revoke.error}
        onClose={() => {
          revoke.reset()
          setRevoking(null)
        }}
        onConfirm={() =>
          revoking &&
          revoke.mutate(revoking.id, {
            onSuccess: () => {
              notifications.show({ color: 'green', message: `Key “${revoking.name}” revoked.` })
              setRevoking(null)
            },
          })
        }
      >
        Anything using <strong>{revoking?.name}</strong> ({revoking?.key_prefix}…) stops working at once. The
        key stays listed for audit.
      </ConfirmDialog>

      <ConfirmDialog
        opened={rotating !== null}
        title="Rotate this key?"
        confirmLabel="Rotate key"
        color="orange"
        loading={rotate.isPending}
        error={rotate.error}
        onClose={() => {
          rotate.reset()
          setRotating(null)
        }}
        onConfirm={() =>
          rotating &&
          rotate.mutate(rotating.id, {
            onSuccess: (key) => {
              setRotating(null)
              setCreated(key)
            },
          })
        }
      >
        A new key with the same name and scopes replaces <strong>{rotating?.name}</strong>; the old one is
        revoked now.
      </ConfirmDialog>
    </Stack>
  )
}
