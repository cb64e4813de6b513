import { Center, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { IconCloudDollar } from '@tabler/icons-react'
import type { ReactNode } from 'react'

export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Center mih="100vh" p="md" component="main">
      <Stack w="100%" maw={420}>
        <Stack gap={4} align="center">
          <Group justify="center" gap={6}>
            <IconCloudDollar size={32} color="var(--mantine-color-orange-6)" aria-hidden />
            <Text fw={700} size="xl">
              mockupAWS
            </Text>
          </Group>
          <Text size="sm" c="dimmed" ta="center" data-testid="product-tagline">
            A self-hosted AWS cost simulator: model a system's services and usage, or send it real events, and
            see what it would cost each month on AWS.
          </Text>
        </Stack>
        <Paper withBorder shadow="sm" p="lg" radius="md">
          <Title order={1} size="h3" mb="md">
            {title}
          </Title>
          {children}
        </Paper>
      </Stack>
    </Center>
  )
}
