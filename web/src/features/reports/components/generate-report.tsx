import { Button, Checkbox, Group, NumberInput, Select, Stack } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconFileTypeCsv, IconFileTypePdf } from '@tabler/icons-react'
import { useState } from 'react'
import { errorMessage } from '@/lib/api-error'
import { type ReportFormat, useCreateReport } from '../api/reports-api'

/**
 * "Generate PDF" / "Generate CSV": queues a report (202) and lets the list below poll it to ready. With
 * `scenarios` the user first picks one (the overall reports page); with `scenarioId` it is fixed.
 */
export function GenerateReport(
  props: { scenarioId: string } | { scenarios: { value: string; label: string }[] },
) {
  const create = useCreateReport()
  const [picked, setPicked] = useState<string | null>(null)
  const scenarioId = 'scenarioId' in props ? props.scenarioId : picked
  const [withWhatIf, setWithWhatIf] = useState(false)
  const [scale, setScale] = useState<number | string>(1)
  const [growth, setGrowth] = useState<number | string>(0)
  // The API checks the ranges (422 shown in the notification); blanks fall back to its defaults.
  const whatIf = withWhatIf
    ? {
        months: 12,
        ...(typeof scale === 'number' ? { scale } : {}),
        ...(typeof growth === 'number' ? { growth_pct_per_month: growth } : {}),
      }
    : undefined

  function generate(format: ReportFormat) {
    if (!scenarioId) return
    create.mutate(
      { scenarioId, format, ...(whatIf ? { what_if: whatIf } : {}) },
      {
        onSuccess: () =>
          notifications.show({ message: `${format.toUpperCase()} report queued; it will be ready shortly.` }),
        onError: (error) =>
          notifications.show({ color: 'red', title: 'Report not queued', message: errorMessage(error) }),
      },
    )
  }

  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="sm">
        {'scenarios' in props && (
          <Select
            label="Scenario"
            placeholder="Pick a scenario"
            data={props.scenarios}
            value={picked}
            onChange={setPicked}
            searchable
            w={280}
          />
        )}
        <Button
          leftSection={<IconFileTypePdf size={16} aria-hidden />}
          onClick={() => generate('pdf')}
          disabled={!scenarioId}
          loading={create.isPending && create.variables?.format === 'pdf'}
        >
          Generate PDF
        </Button>
        <Button
          variant="light"
          leftSection={<IconFileTypeCsv size={16} aria-hidden />}
          onClick={() => generate('csv')}
          disabled={!scenarioId}
          loading={create.isPending && create.variables?.format === 'csv'}
        >
          Generate CSV
        </Button>
      </Group>
      <Group align="flex-end" gap="sm">
        <Checkbox
          label="Include a 12-month what-if projection"
          checked={withWhatIf}
          onChange={(e) => setWithWhatIf(e.currentTarget.checked)}
        />
        {withWhatIf && (
          <>
            <NumberInput
              label="Traffic scale (×)"
              value={scale}
              onChange={setScale}
              min={0.001}
              max={1000}
              w={140}
            />
            <NumberInput
              label="Growth % / month"
              value={growth}
              onChange={setGrowth}
              min={-50}
              max={500}
              w={150}
            />
          </>
        )}
      </Group>
    </Stack>
  )
}
