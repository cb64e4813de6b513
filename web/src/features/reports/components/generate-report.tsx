import { Button, Group, Select } from '@mantine/core'
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

  function generate(format: ReportFormat) {
    if (!scenarioId) return
    create.mutate(
      { scenarioId, format },
      {
        onSuccess: () =>
          notifications.show({ message: `${format.toUpperCase()} report queued; it will be ready shortly.` }),
        onError: (error) =>
          notifications.show({ color: 'red', title: 'Report not queued', message: errorMessage(error) }),
      },
    )
  }

  return (
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
  )
}
