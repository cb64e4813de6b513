import { Alert, Card, Container, Grid, Stack, Text, Title } from '@mantine/core'
import { IconLinkOff } from '@tabler/icons-react'
import { useParams } from 'react-router'
import { ErrorState, LoadingState } from '@/components/page-states'
import { CostByServiceChart } from '@/features/scenarios/components/cost-by-service-chart'
import { CostSummary } from '@/features/scenarios/components/cost-summary'
import { useSharedScenario } from '@/features/share-links/api/share-links-api'
import { sharedPricesNote } from '@/features/share-links/share-link-state'
import { ApiError } from '@/lib/api-error'

/**
 * The public page of a share link (`/shared/:token`), outside the signed-in layout: the scenario's name,
 * region and costs, read only, with no navigation or link into the app. The token in the URL is the only
 * credential; an unknown, revoked or expired link is the API's 404.
 */
export function SharedRoute() {
  const { token = '' } = useParams()
  const shared = useSharedScenario(token)
  return (
    <Container size="lg" py="xl">
      <Stack>
        <Text size="sm" c="dimmed" fw={600}>
          mockupAWS · shared cost view (read only)
        </Text>
        {shared.isPending ? (
          <LoadingState label="Loading the shared costs…" />
        ) : shared.isError ? (
          shared.error instanceof ApiError && shared.error.status === 404 ? (
            <Alert
              color="gray"
              icon={<IconLinkOff aria-hidden />}
              title="This link has expired or was revoked"
              data-testid="shared-unavailable"
            >
              Ask the person who shared it for a new link.
            </Alert>
          ) : (
            <ErrorState
              error={shared.error}
              title="Could not load the shared costs"
              onRetry={() => void shared.refetch()}
            />
          )
        ) : (
          <>
            <div>
              <Title order={1} data-testid="shared-name">
                {shared.data.name}
              </Title>
              <Text c="dimmed" size="sm">
                {shared.data.region} · monthly cost estimate
              </Text>
              <Text c="dimmed" size="sm" data-testid="shared-prices">
                {sharedPricesNote(shared.data.prices)}
              </Text>
            </div>
            <CostSummary costs={shared.data.costs} />
            <Grid>
              <Grid.Col span={{ base: 12, md: 8 }}>
                <Card withBorder>
                  <Title order={2} size="h3" mb="sm">
                    Cost by service
                  </Title>
                  <CostByServiceChart costs={shared.data.costs} />
                </Card>
              </Grid.Col>
            </Grid>
          </>
        )}
      </Stack>
    </Container>
  )
}
