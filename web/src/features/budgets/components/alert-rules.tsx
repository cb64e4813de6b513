import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { IconTrash } from '@tabler/icons-react'
import { ErrorState, LoadingState } from '@/components/page-states'
import { errorMessage } from '@/lib/api-error'
import { applyServerErrors } from '@/lib/form-errors'
import { formatMoney } from '@/lib/format'
import {
  type AlertRule,
  useAlertRules,
  useCreateRule,
  useDeleteRule,
  useSetRuleEnabled,
} from '../api/budgets-api'
import { emailsProblem, moneyProblem, parseEmails } from '../rule-input'

/** A rule's condition in words. */
export function describeRule(rule: Pick<AlertRule, 'kind' | 'threshold' | 'jump_pct'>): string {
  if (rule.kind === 'daily_jump_pct') return `Projection rises more than ${rule.jump_pct}% in a day`
  return `Projection above ${rule.threshold === null ? 'the budget' : formatMoney(rule.threshold)}`
}

type Values = {
  kind: AlertRule['kind']
  threshold: string
  jump_pct: number | string
  emails: string
  webhook_url: string
}
const FIELDS = ['kind', 'threshold', 'jump_pct', 'emails', 'webhook_url'] as const

function AddRuleForm({ scenarioId, onSecret }: { scenarioId: string; onSecret: (secret: string) => void }) {
  const create = useCreateRule(scenarioId)
  const form = useForm<Values>({
    mode: 'controlled',
    validateInputOnChange: true,
    initialValues: { kind: 'projected_above', threshold: '', jump_pct: 25, emails: '', webhook_url: '' },
    validate: {
      threshold: (v, values) => (values.kind === 'projected_above' && v.trim() ? moneyProblem(v) : null),
      jump_pct: (v, values) =>
        values.kind === 'daily_jump_pct' && !(Number(v) > 0) ? 'Enter a percentage above 0' : null,
      emails: (v) => emailsProblem(v),
      webhook_url: (v) => (v.trim() && !/^https?:\/\//.test(v.trim()) ? 'Enter an https:// URL' : null),
    },
  })

  return (
    <form
      aria-label="New alert rule"
      onSubmit={form.onSubmit((values) => {
        const projected = values.kind === 'projected_above'
        create.mutate(
          {
            kind: values.kind,
            threshold: projected && values.threshold.trim() ? values.threshold.trim() : null,
            jump_pct: projected ? null : Number(values.jump_pct),
            emails: parseEmails(values.emails),
            webhook_url: values.webhook_url.trim() || null,
            enabled: true,
          },
          {
            onSuccess: (saved) => {
              form.reset()
              notifications.show({ message: 'Alert rule added.' })
              if (saved.webhook_secret) onSecret(saved.webhook_secret)
            },
            onError: (error) => {
              applyServerErrors(form, error, FIELDS)
            },
          },
        )
      })}
    >
      <Stack gap="xs">
        <Title order={3} size="h5">
          Add a rule
        </Title>
        <Group align="flex-start" grow>
          <Select
            label="Alert when"
            allowDeselect={false}
            data={[
              { value: 'projected_above', label: 'the projected month cost is above' },
              { value: 'daily_jump_pct', label: 'the projection jumps in a day by more than' },
            ]}
            {...form.getInputProps('kind')}
          />
          {form.values.kind === 'projected_above' ? (
            <TextInput
              label="Limit (USD)"
              placeholder="empty = the budget"
              inputMode="decimal"
              {...form.getInputProps('threshold')}
            />
          ) : (
            <NumberInput label="Jump (%)" min={0.01} max={100000} {...form.getInputProps('jump_pct')} />
          )}
        </Group>
        <Textarea
          label="Email recipients"
          description="Comma or line separated; leave empty for none."
          autosize
          minRows={1}
          {...form.getInputProps('emails')}
        />
        <TextInput
          label="Webhook URL"
          description="Receives a signed JSON POST; the signing secret is shown once."
          placeholder="https://hooks.example.com/budget"
          {...form.getInputProps('webhook_url')}
        />
        {create.isError && (
          <Alert color="red" role="alert">
            {errorMessage(create.error)}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={create.isPending}>
            Add rule
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

function RuleRow({ rule, scenarioId }: { rule: AlertRule; scenarioId: string }) {
  const setEnabled = useSetRuleEnabled(scenarioId)
  const remove = useDeleteRule(scenarioId)
  const label = describeRule(rule)
  const channels = [
    rule.emails.length > 0 && `email (${rule.emails.join(', ')})`,
    rule.webhook_url && 'webhook',
  ].filter(Boolean)
  const onError = (e: unknown) =>
    notifications.show({ color: 'red', title: 'Not changed', message: errorMessage(e) })
  return (
    <Table.Tr data-testid="alert-rule-row">
      <Table.Td>{label}</Table.Td>
      <Table.Td>
        <Text size="sm">{channels.length > 0 ? channels.join(' · ') : 'history only'}</Text>
      </Table.Td>
      <Table.Td>
        <Badge color={rule.state === 'triggered' ? 'red' : 'teal'} variant="light" data-testid="rule-state">
          {rule.state}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Switch
          aria-label={`Enabled: ${label}`}
          checked={rule.enabled}
          disabled={setEnabled.isPending}
          onChange={(e) => setEnabled.mutate({ id: rule.id, enabled: e.currentTarget.checked }, { onError })}
        />
      </Table.Td>
      <Table.Td>
        <Tooltip label="Delete rule">
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={`Delete rule: ${label}`}
            loading={remove.isPending}
            onClick={() => remove.mutate(rule.id, { onError })}
          >
            <IconTrash size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
      </Table.Td>
    </Table.Tr>
  )
}

/** The scenario's alert rules (state, on/off, delete) and the form that adds one. */
export function AlertRules({
  scenarioId,
  onSecret,
}: {
  scenarioId: string
  onSecret: (secret: string) => void
}) {
  const rules = useAlertRules(scenarioId)
  return (
    <Stack>
      <Title order={3} size="h4">
        Alert rules
      </Title>
      {rules.isPending ? (
        <LoadingState label="Loading alert rules…" />
      ) : rules.isError ? (
        <ErrorState error={rules.error} onRetry={() => void rules.refetch()} />
      ) : rules.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No rules yet: add one below. One alert is sent when a rule starts firing, and one when it stops.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label="Alert rules" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Condition</Table.Th>
                <Table.Th>Channels</Table.Th>
                <Table.Th>State</Table.Th>
                <Table.Th>Enabled</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rules.data.items.map((rule) => (
                <RuleRow key={rule.id} rule={rule} scenarioId={scenarioId} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <AddRuleForm scenarioId={scenarioId} onSecret={onSecret} />
    </Stack>
  )
}
