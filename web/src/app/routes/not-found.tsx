import { Anchor, Stack, Text, Title } from '@mantine/core'
import { Link } from 'react-router'
import { paths } from '@/config/paths'

export function NotFoundRoute() {
  return (
    <Stack align="flex-start">
      <Title order={1}>Page not found</Title>
      <Text c="dimmed">There is nothing at this address.</Text>
      <Anchor component={Link} to={paths.home}>
        Back to the dashboard
      </Anchor>
    </Stack>
  )
}
