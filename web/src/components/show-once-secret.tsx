import { Alert, Button, Code, CopyButton, Group, Modal, Stack } from '@mantine/core'
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react'
import type { ReactNode } from 'react'

/**
 * A value the server returns once and keeps only as a hash (an API key, a signing secret, a share link):
 * open while `value` is not null, it can't be dismissed by a stray click outside.
 */
export function ShowOnceSecret({
  value,
  onClose,
  title,
  warning,
  explanation,
  valueTestId,
  copyLabel,
  confirmLabel,
  aboveValue,
  belowValue,
  footer,
}: {
  value: string | null
  onClose: () => void
  title: string
  /** The alert's title, such as "You will not see this key again". */
  warning: string
  /** The alert's text: where to keep the value, or what it is for. */
  explanation: ReactNode
  valueTestId: string
  copyLabel: string
  confirmLabel: string
  aboveValue?: ReactNode
  belowValue?: ReactNode
  /** Below the buttons. */
  footer?: ReactNode
}) {
  return (
    <Modal opened={value !== null} onClose={onClose} title={title} closeOnClickOutside={false} size="lg">
      {value !== null && (
        <Stack>
          <Alert color="yellow" icon={<IconAlertTriangle aria-hidden />} title={warning}>
            {explanation}
          </Alert>
          {aboveValue}
          <Code block data-testid={valueTestId} style={{ wordBreak: 'break-all' }}>
            {value}
          </Code>
          {belowValue}
          <Group justify="space-between">
            <CopyButton value={value}>
              {({ copied, copy }) => (
                <Button
                  onClick={copy}
                  color={copied ? 'teal' : undefined}
                  leftSection={
                    copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />
                  }
                >
                  {copied ? 'Copied' : copyLabel}
                </Button>
              )}
            </CopyButton>
            <Button variant="default" onClick={onClose}>
              {confirmLabel}
            </Button>
          </Group>
          {footer}
        </Stack>
      )}
    </Modal>
  )
}
