import { describe, expect, it } from 'vitest'
import { buildTestApp } from '../test/build-test-app.js'
import { createApiKey, createScenario, createUser } from '../test/factories.js'

describe('GET /metrics for operators', async () => {
  const app = await buildTestApp({ jobs: 'enqueue', env: { RATE_LIMIT_AUTH_PER_MINUTE: '2' } })

  it('counts ingest, auth failures, rate-limit rejections, queue depth and schedule runs', async () => {
    const user = await createUser(app)
    const key = await createApiKey(app, user, { scopes: ['write:ingest'] })
    const scenario = await createScenario(app, user, { status: 'running' })
    await app.inject({
      method: 'POST',
      url: '/api/v1/ingest',
      headers: { ...key.headers, 'x-scenario-id': scenario.id, 'content-type': 'application/json' },
      payload: { events: [{ type: 's3.get' }, { type: 's3.get' }, { type: 's3.get' }] },
    })
    await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { 'x-api-key': 'mk_nope' } })
    await app.inject({ method: 'GET', url: '/api/v1/auth/me' })
    for (let i = 0; i < 3; i++) {
      await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'x@example.com', password: 'wrong-pass-1' },
        remoteAddress: '198.51.100.7',
      })
    }
    await app.inject({
      method: 'POST',
      url: `/api/v1/scenarios/${scenario.id}/reports`,
      headers: user.headers,
      payload: { format: 'csv' },
    })
    await app.inject({ method: 'GET', url: `/api/v1/scenarios/${scenario.id}`, headers: user.headers })
    await app.inject({ method: 'GET', url: '/wp-admin/install.php' })
    const text = (await app.inject({ method: 'GET', url: '/metrics' })).body
    // Request durations are labelled by route pattern; any URL no route matches shares one label.
    expect(text).toMatch(
      /^http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/auth\/me",status_code="401"\} 2$/m,
    )
    expect(text).toMatch(
      /^http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/scenarios\/:id",status_code="200"\} 1$/m,
    )
    expect(text).toMatch(
      /^http_request_duration_seconds_count\{method="GET",route="unmatched",status_code="404"\} 1$/m,
    )
    expect(text).toMatch(/^mockupaws_rate_limited_total\{class="auth"\} 1$/m)
    expect(text).toMatch(/^mockupaws_ingest_events_total 3$/m)
    expect(text).toMatch(/^mockupaws_ingest_batches_total 1$/m)
    expect(text).toMatch(/^mockupaws_auth_failures_total\{reason="invalid_api_key"\} 1$/m)
    expect(text).toMatch(/^mockupaws_auth_failures_total\{reason="missing_token"\} 1$/m)
    expect(text).toMatch(/^mockupaws_auth_failures_total\{reason="invalid_credentials"\} 2$/m)
    expect(text).toMatch(/^mockupaws_job_queue_depth\{queue="render-report"\} 1$/m)
    expect(text).toContain('# TYPE mockupaws_schedule_runs gauge')
    expect(text).toContain('# TYPE mockupaws_job_failures_total counter')
  })

  it('labels a request the per-address pre-limit refused with its route, though its route hooks never ran', async () => {
    const limited = await buildTestApp({ env: { RATE_LIMIT_IP_PER_MINUTE: '1' } })
    for (let i = 0; i < 2; i++) {
      await limited.inject({ method: 'GET', url: '/api/v1/auth/me', remoteAddress: '198.51.100.9' })
    }
    const text = (await limited.inject({ method: 'GET', url: '/metrics' })).body
    expect(text).toMatch(
      /^http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/auth\/me",status_code="429"\} 1$/m,
    )
  })
})
