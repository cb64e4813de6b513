import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { ApiError, errorMessage } from '@/lib/api-error'
import { type RateCardRule, type RuleKind, useSaveRateCard } from '../api/rate-cards-api'

/** A rule as edited: every field a string, '' meaning "not set". */
type DraftRule = { kind: RuleKind; amount: string; service: string; usage_type: string; region: string }

const KINDS: { value: RuleKind; label: string }[] = [
  { value: 'discount', label: 'Discount %' },
  { value: 'markup', label: 'Markup %' },
  { value: 'override', label: 'Override (price per unit)' },
]

function toDraft(rule: RateCardRule): DraftRule {
  return {
    kind: rule.kind,
    amount: (rule.kind === 'override' ? rule.price_per_unit : rule.percent) ?? '',
    service: rule.service ?? '',
    usage_type: rule.usage_type ?? '',
    region: rule.region ?? '',
  }
}

/** The body of PUT /rate-card: only the fields the rule's kind takes, blanks left out. */
function toRule(draft: DraftRule): RateCardRule {
  const optional = (key: 'service' | 'usage_type' | 'region') =>
    draft[key].trim() ? { [key]: draft[key].trim() } : {}
  const amount = draft.amount.trim()
  return draft.kind === 'override'
    ? { kind: 'override', price_per_unit: amount, ...optional('usage_type'), ...optional('region') }
    : {
        kind: draft.kind,
        percent: amount,
        ...optional('service'),
        ...optional('usage_type'),
        ...optional('region'),
      }
}

/** Problems of one row from a 422, by field (`rules.2.percent` → row 2, "percent"). */
function rowProblems(error: unknown, index: number): string[] {
  if (!(error instanceof ApiError)) return []
  return error.details
    .filter((d) => d.field === `rules.${index}` || d.field.startsWith(`rules.${index}.`))
    .map((d) => `${d.field.split('.').slice(2).join('.') || 'rule'} ${d.reason}`)
}

export function RateCardEditor({
  rules,
  services,
  regions,
  usageTypes = [],
}: {
  rules: RateCardRule[]
  services: string[]
  regions: string[]
  /** The priced usage types per service (GET /pricing/services), for a searchable picker. */
  usageTypes?: { service: string; group: string; items: string[] }[]
}) {
  /** The picker's groups, narrowed to the rule's service, keeping a saved value the catalog no longer has. */
  const usageTypeData = (draft: DraftRule) => {
    const groups = usageTypes
      .filter((g) => !draft.service || g.service === draft.service)
      .map(({ group, items }) => ({ group, items }))
    const known = groups.some((g) => g.items.includes(draft.usage_type))
    return draft.usage_type && !known ? [{ group: 'Saved', items: [draft.usage_type] }, ...groups] : groups
  }
  const [drafts, setDrafts] = useState<DraftRule[]>(() => rules.map(toDraft))
  const save = useSaveRateCard()
  const change = (index: number, patch: Partial<DraftRule>) =>
    setDrafts((current) => current.map((d, i) => (i === index ? { ...d, ...patch } : d)))
  const add = () =>
    setDrafts((current) => [
      ...current,
      { kind: 'discount', amount: '', service: '', usage_type: '', region: '' },
    ])
  const remove = (index: number) => setDrafts((current) => current.filter((_, i) => i !== index))
  const submit = () =>
    save.mutate(drafts.map(toRule), {
      onSuccess: () => notifications.show({ message: 'Rate card saved. Costs now use it.' }),
    })

  return (
    <Card withBorder>
      <Stack>
        <div>
          <Title order={2} size="h3">
            Rules
          </Title>
          <Text size="sm" c="dimmed">
            An override replaces the catalog price of a usage type (tiers included) with one flat price per
            unit; then the most specific discount and the most specific markup multiply every price band.
            Leave a scope field empty to match everything.
          </Text>
        </div>
        {save.isError && (
          <Alert color="red" role="alert" title="The rate card was not saved">
            {errorMessage(save.error)}
          </Alert>
        )}
        {drafts.length === 0 ? (
          <Text size="sm">No rules: your scenarios are priced at catalog prices.</Text>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Kind</Table.Th>
                  <Table.Th>Percent or price</Table.Th>
                  <Table.Th>Service</Table.Th>
                  <Table.Th>Usage type</Table.Th>
                  <Table.Th>Region</Table.Th>
                  <Table.Th aria-label="Actions" />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {drafts.map((draft, index) => {
                  const problems = rowProblems(save.error, index)
                  const label = `rule ${index + 1}`
                  return (
                    // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id until saved; order is the identity
                    <Table.Tr key={index} data-testid="rate-card-rule">
                      <Table.Td>
                        <Select
                          aria-label={`Kind of ${label}`}
                          data={KINDS}
                          value={draft.kind}
                          allowDeselect={false}
                          onChange={(value) => value && change(index, { kind: value as RuleKind })}
                        />
                      </Table.Td>
                      <Table.Td>
                        <TextInput
                          aria-label={`Percent or price of ${label}`}
                          value={draft.amount}
                          placeholder={draft.kind === 'override' ? '0.0000002' : '10'}
                          error={problems.length > 0 ? problems.join('; ') : undefined}
                          onChange={(e) => change(index, { amount: e.currentTarget.value })}
                        />
                      </Table.Td>
                      <Table.Td>
                        <Select
                          aria-label={`Service of ${label}`}
                          data={services}
                          value={draft.service || null}
                          clearable
                          disabled={draft.kind === 'override'}
                          placeholder="all"
                          onChange={(value) => change(index, { service: value ?? '' })}
                        />
                      </Table.Td>
                      <Table.Td>
                        <Select
                          aria-label={`Usage type of ${label}`}
                          data={usageTypeData(draft)}
                          value={draft.usage_type || null}
                          searchable
                          clearable
                          maxDropdownHeight={320}
                          // Usage types are longer than the column: the list is as wide as its longest one.
                          comboboxProps={{ width: 'max-content', position: 'bottom-start' }}
                          nothingFoundMessage="No priced usage type matches"
                          placeholder={draft.kind === 'override' ? 'required: search' : 'all'}
                          onChange={(value) => change(index, { usage_type: value ?? '' })}
                        />
                      </Table.Td>
                      <Table.Td>
                        <Select
                          aria-label={`Region of ${label}`}
                          data={regions}
                          value={draft.region || null}
                          clearable
                          placeholder="all"
                          onChange={(value) => change(index, { region: value ?? '' })}
                        />
                      </Table.Td>
                      <Table.Td>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`Remove ${label}`}
                          onClick={() => remove(index)}
                        >
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      </Table.Td>
                    </Table.Tr>
                  )
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Group justify="space-between">
          <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={add}>
            Add rule
          </Button>
          <Button onClick={submit} loading={save.isPending}>
            Save rate card
          </Button>
        </Group>
      </Stack>
    </Card>
  )
}
