import { Badge, Button, Group, Table, Text } from '@mantine/core'
import { formatDateTime } from '@/lib/format'
import { type ApiKey, keyState } from '../api/api-keys-api'

const stateColor = { active: 'green', revoked: 'gray', expired: 'orange' } as const

export function ApiKeyTable({
  keys,
  onRevoke,
  onRotate,
}: {
  keys: ApiKey[]
  onRevoke: (key: ApiKey) => void
  onRotate: (key: ApiKey) => void
}) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label="API keys">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Prefix</Table.Th>
            <Table.Th>Scopes</Table.Th>
            <Table.Th>Created</Table.Th>
            <Table.Th>Expires</Table.Th>
            <Table.Th>Last used</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>
              <span className="sr-only">Actions</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {keys.map((key) => {
            const state = keyState(key)
            return (
              <Table.Tr key={key.id} data-testid={`api-key-row-${key.key_prefix}`}>
                <Table.Td fw={500}>{key.name}</Table.Td>
                <Table.Td>
                  <Text ff="monospace" size="sm">
                    {key.key_prefix}…
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {key.scopes.map((s) => (
                      <Badge key={s} variant="light" size="sm" tt="none">
                        {s}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>{formatDateTime(key.created_at)}</Table.Td>
                <Table.Td>{formatDateTime(key.expires_at, 'Never')}</Table.Td>
                <Table.Td>{formatDateTime(key.last_used_at, 'Never')}</Table.Td>
                <Table.Td>
                  <Badge color={stateColor[state]} variant="dot">
                    {state === 'revoked' ? `Revoked ${formatDateTime(key.revoked_at)}` : state}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {state !== 'revoked' && (
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => onRotate(key)}
                        aria-label={`Rotate ${key.name}`}
                      >
                        Rotate
                      </Button>
                      <Button
                        size="xs"
                        variant="light"
                        color="red"
                        onClick={() => onRevoke(key)}
                        aria-label={`Revoke ${key.name}`}
                      >
                        Revoke
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
