import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconCalendarTime } from '@tabler/icons-react'
import { useMemo, useState } from 'react'
import { applyServerErrors } from '@/lib/form-errors'
import {
  type Frequency,
  type Schedule,
  type ScheduleInput,
  useCreateSchedule,
  useUpdateSchedule,
} from '../api/schedules-api'
import {
  browserTimeZone,
  cronProblem,
  isValidTimeZone,
  previewTiming,
  type Timing,
  timeZones,
  WEEKDAYS,
} from '../schedule-text'

const MAX_RECIPIENTS = 20
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

type Values = {
  name: string
  scenario_ids: string[]
  formats: ('pdf' | 'csv')[]
  frequency: Frequency
  cron: string
  timezone: string
  time: string
  day_of_week: string
  day_of_month: number | string
  recipients: string[]
  enabled: boolean
}

function initialValues(schedule: Schedule | null): Values {
  if (!schedule)
    return {
      name: '',
      scenario_ids: [],
      formats: ['pdf'],
      frequency: 'weekly',
      cron: '0 8 * * 1-5',
      timezone: browserTimeZone(),
      time: '08:00',
      day_of_week: '1',
      day_of_month: 1,
      recipients: [],
      enabled: true,
    }
  return {
    name: schedule.name,
    scenario_ids: schedule.scenario_ids,
    formats: schedule.formats,
    frequency: schedule.frequency,
    cron: schedule.cron ?? '0 8 * * 1-5',
    timezone: schedule.timezone,
    time: `${String(schedule.hour).padStart(2, '0')}:${String(schedule.minute).padStart(2, '0')}`,
    day_of_week: String(schedule.day_of_week ?? 1),
    day_of_month: schedule.day_of_month ?? 1,
    recipients: schedule.recipients,
    enabled: schedule.enabled,
  }
}

function timingOf(values: Values): Timing {
  const [hour = 0, minute = 0] = values.time.split(':').map(Number)
  return {
    frequency: values.frequency,
    cron: values.frequency === 'cron' ? values.cron.trim() : null,
    timezone: values.timezone,
    hour,
    minute,
    day_of_week: values.frequency === 'weekly' ? Number(values.day_of_week) : null,
    day_of_month: values.frequency === 'monthly' ? Number(values.day_of_month) : null,
  }
}

function bodyOf(values: Values): ScheduleInput {
  return {
    name: values.name.trim(),
    scenario_ids: values.scenario_ids,
    formats: values.formats,
    recipients: values.recipients,
    enabled: values.enabled,
    ...timingOf(values),
  }
}

/** Create or edit a report schedule, with a plain-words preview of when it runs next. */
export function ScheduleFormModal({
  opened,
  schedule,
  scenarios,
  onClose,
  onSaved,
}: {
  opened: boolean
  /** The schedule being edited, or null to create one. */
  schedule: Schedule | null
  scenarios: { value: string; label: string }[]
  onClose: () => void
  onSaved: (schedule: Schedule) => void
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={schedule ? 'Edit schedule' : 'New schedule'} size="lg">
      {/* Mounted per opening, so the form starts from the schedule being edited. */}
      {opened && (
        <ScheduleForm schedule={schedule} scenarios={scenarios} onSaved={onSaved} onCancel={onClose} />
      )}
    </Modal>
  )
}

function ScheduleForm({
  schedule,
  scenarios,
  onSaved,
  onCancel,
}: {
  schedule: Schedule | null
  scenarios: { value: string; label: string }[]
  onSaved: (schedule: Schedule) => void
  onCancel: () => void
}) {
  const create = useCreateSchedule()
  const update = useUpdateSchedule()
  const [formError, setFormError] = useState<string | null>(null)
  const zones = useMemo(() => timeZones(), [])
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: initialValues(schedule),
    validateInputOnChange: true,
    validate: {
      name: (v) =>
        !v.trim() ? 'Give the schedule a name' : v.length > 255 ? 'Use at most 255 characters' : null,
      scenario_ids: (v) =>
        v.length === 0 ? 'Pick at least one scenario' : v.length > 20 ? 'At most 20 scenarios' : null,
      formats: (v) => (v.length === 0 ? 'Choose PDF, CSV or both' : null),
      cron: (v, values) => (values.frequency === 'cron' ? (cronProblem(v) ?? null) : null),
      timezone: (v) => (isValidTimeZone(v) ? null : 'Pick a time zone from the list'),
      time: (v) => (/^([01]\d|2[0-3]):[0-5]\d$/.test(v) ? null : 'Enter a time as HH:MM'),
      day_of_month: (v, values) => {
        if (values.frequency !== 'monthly') return null
        const day = Number(v)
        return Number.isInteger(day) && day >= 1 && day <= 31 ? null : 'Enter a day from 1 to 31'
      },
      recipients: (v) => {
        if (v.length === 0) return 'Add at least one email address'
        if (v.length > MAX_RECIPIENTS) return `At most ${MAX_RECIPIENTS} recipients`
        const bad = v.find((email) => !EMAIL.test(email))
        return bad ? `“${bad}” is not an email address` : null
      },
    },
  })

  const values = form.getValues()
  const timing = timingOf(values)
  const previewable =
    isValidTimeZone(values.timezone) &&
    /^([01]\d|2[0-3]):[0-5]\d$/.test(values.time) &&
    (values.frequency !== 'cron' || !cronProblem(values.cron))

  const submit = form.onSubmit(async (v) => {
    setFormError(null)
    try {
      const saved = schedule
        ? await update.mutateAsync({ id: schedule.id, body: bodyOf(v) })
        : await create.mutateAsync(bodyOf(v))
      onSaved(saved)
    } catch (error) {
      setFormError(
        applyServerErrors(form, error, [
          'name',
          'scenario_ids',
          'formats',
          'cron',
          'timezone',
          'day_of_month',
          'recipients',
        ]),
      )
    }
  })

  return (
    <form onSubmit={submit} noValidate aria-label={schedule ? 'Edit schedule' : 'New schedule'}>
      <Stack>
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
        <MultiSelect
          label="Scenarios"
          placeholder="Pick one or more"
          data={scenarios}
          searchable
          required
          maxValues={20}
          nothingFoundMessage="No scenario with that name"
          {...form.getInputProps('scenario_ids')}
        />
        <Checkbox.Group label="Formats" required {...form.getInputProps('formats')}>
          <Group mt={4}>
            <Checkbox value="pdf" label="PDF" />
            <Checkbox value="csv" label="CSV" />
          </Group>
        </Checkbox.Group>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="frequency-label">
            Frequency
          </Text>
          <SegmentedControl
            aria-labelledby="frequency-label"
            data={[
              { value: 'daily', label: 'Daily' },
              { value: 'weekly', label: 'Weekly' },
              { value: 'monthly', label: 'Monthly' },
              { value: 'cron', label: 'Cron' },
            ]}
            {...form.getInputProps('frequency')}
          />
        </Stack>
        {values.frequency === 'cron' ? (
          <TextInput
            label="Cron expression"
            description="minute hour day-of-month month day-of-week, e.g. 0 8 * * 1-5"
            required
            ff="monospace"
            {...form.getInputProps('cron')}
          />
        ) : (
          <Group grow align="flex-start">
            {values.frequency === 'weekly' && (
              <Select
                label="Day of the week"
                data={WEEKDAYS.map((label, i) => ({ value: String(i), label }))}
                allowDeselect={false}
                {...form.getInputProps('day_of_week')}
              />
            )}
            {values.frequency === 'monthly' && (
              <NumberInput
                label="Day of the month"
                description="Past the month's end: its last day"
                min={1}
                max={31}
                allowDecimal={false}
                {...form.getInputProps('day_of_month')}
              />
            )}
            <TextInput label="Time" type="time" required {...form.getInputProps('time')} />
          </Group>
        )}
        <Select
          label="Time zone"
          data={zones}
          searchable
          allowDeselect={false}
          limit={50}
          nothingFoundMessage="No such time zone"
          {...form.getInputProps('timezone')}
        />
        <Alert
          color="orange"
          variant="light"
          icon={<IconCalendarTime aria-hidden />}
          title="Runs"
          aria-live="polite"
        >
          <Text size="sm" data-testid="schedule-preview">
            {previewable ? previewTiming(timing) : 'Complete the timing to see when it runs.'}
          </Text>
        </Alert>
        <TagsInput
          label="Recipients"
          description={`Email addresses, up to ${MAX_RECIPIENTS}; press Enter or comma after each`}
          placeholder="name@example.com"
          splitChars={[',', ' ', ';']}
          acceptValueOnBlur
          clearable
          required
          {...form.getInputProps('recipients')}
        />
        <Switch label="Enabled" {...form.getInputProps('enabled', { type: 'checkbox' })} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={form.submitting}>
            {schedule ? 'Save changes' : 'Create schedule'}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
