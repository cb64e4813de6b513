import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type Client,
  client,
  createApiKey,
  createScenario,
  expectErrorShape,
  registerUser,
  type User,
} from './support/http.js'
import { expectNoSecretsLogged } from './support/log-scan.js'
import { rememberSecret } from './support/secrets.js'
import { ServerProcess, sleep, tableCounts } from './support/server.js'

let server: ServerProcess
let http: Client

beforeAll(async () => {
  server = await ServerProcess.start()
  http = client(server.url)
})

afterAll(async () => {
  if (server) expectNoSecretsLogged(server)
  await server?.dispose()
})

const me = (authorization: string) => http('/api/v1/auth/me', { headers: { authorization } })

describe('access tokens end with their session', () => {
  it('refuses the access token after logout', async () => {
    const user = await registerUser(http)
    expect((await me(user.auth.authorization)).status).toBe(200)
    const out = await http('/api/v1/auth/logout', {
      method: 'POST',
      headers: user.auth,
      body: { refresh_token: user.refreshToken },
    })
    expect(out.status).toBe(204)
    const after = await me(user.auth.authorization)
    expect(after.status).toBe(401)
    expect(expectErrorShape(after).error).toBe('invalid_token')
  })

  it('refuses access tokens issued before a password change, on every device', async () => {
    const user = await registerUser(http)
    const login = await http('/api/v1/auth/login', {
      method: 'POST',
      body: { email: user.email, password: user.password },
    })
    const otherDevice = `Bearer ${login.json().access_token}`
    rememberSecret(login.json().access_token)
    rememberSecret(login.json().refresh_token)
    const newPassword = `New-${user.password}`
    rememberSecret(newPassword)
    const change = await http('/api/v1/auth/change-password', {
      method: 'POST',
      headers: user.auth,
      body: { current_password: user.password, new_password: newPassword },
    })
    expect(change.status).toBe(204)
    expect((await me(user.auth.authorization)).status).toBe(401)
    expect((await me(otherDevice)).status).toBe(401)
    const fresh = await http('/api/v1/auth/login', {
      method: 'POST',
      body: { email: user.email, password: newPassword },
    })
    rememberSecret(fresh.json().access_token)
    rememberSecret(fresh.json().refresh_token)
    expect((await me(`Bearer ${fresh.json().access_token}`)).status).toBe(200)
  })
})

describe('API keys need the read scope for writes that disclose data', () => {
  let owner: User
  let scenarioId: string
  beforeAll(async () => {
    owner = await registerUser(http)
    scenarioId = await createScenario(http, owner)
  })

  it('a write:scenarios-only key cannot create a share link', async () => {
    const key = await createApiKey(http, owner, ['write:scenarios'])
    const res = await http(`/api/v1/scenarios/${scenarioId}/share-links`, {
      method: 'POST',
      headers: key.auth,
      body: { expires_days: 7 },
    })
    expect(res.status).toBe(403)
    expect(expectErrorShape(res).error).toBe('insufficient_scope')
    const both = await createApiKey(http, owner, ['write:scenarios', 'read:scenarios'])
    const created = await http(`/api/v1/scenarios/${scenarioId}/share-links`, {
      method: 'POST',
      headers: both.auth,
      body: { expires_days: 7 },
    })
    expect(created.status).toBe(201)
    rememberSecret(created.json().token)
  })

  it('a write:schedules-only key cannot make or run a schedule that mails reports', async () => {
    const body = {
      name: 'Costs',
      scenario_ids: [scenarioId],
      formats: ['csv'],
      frequency: 'daily',
      timezone: 'UTC',
      recipients: [owner.email],
    }
    const writeOnly = await createApiKey(http, owner, ['write:schedules'])
    const refused = await http('/api/v1/report-schedules', { method: 'POST', headers: writeOnly.auth, body })
    expect(refused.status).toBe(403)
    expect(expectErrorShape(refused).message).toMatch(/read:reports/)
    const made = await http('/api/v1/report-schedules', { method: 'POST', headers: owner.auth, body })
    expect(made.status).toBe(201)
    const run = await http(`/api/v1/report-schedules/${made.json().id}/run`, {
      method: 'POST',
      headers: writeOnly.auth,
    })
    expect(run.status).toBe(403)
  })
})

describe('a NUL character in input', () => {
  it('answers 422 for a JSON body, a query value and an ingest event, and stores nothing', async () => {
    const user = await registerUser(http)
    const scenarioId = await createScenario(http, user, { running: true })
    const key = await createApiKey(http, user, ['write:ingest'])
    const before = await server.withDatabase(tableCounts)

    const body = await http('/api/v1/scenarios', {
      method: 'POST',
      headers: user.auth,
      body: { name: 'bad\u0000name', region: 'us-east-1' },
    })
    expect(body.status).toBe(422)
    expect(body.json().details).toEqual([
      { field: 'body.name', reason: 'must not contain the NUL character (U+0000)' },
    ])
    const query = await http('/api/v1/scenarios?q=a%00b', { headers: user.auth })
    expect(query.status).toBe(422)
    expect(query.json().details).toEqual([
      { field: 'query.q', reason: 'must not contain the NUL character (U+0000)' },
    ])
    const event = { type: 'log', message: 'x\u0000y' }
    for (const [type, payload] of [
      ['application/json', JSON.stringify({ events: [event] })],
      ['application/x-ndjson', `${JSON.stringify(event)}\n`],
    ]) {
      const res = await http('/api/v1/ingest', {
        method: 'POST',
        headers: { ...key.auth, 'x-scenario-id': scenarioId, 'content-type': type },
        body: payload,
      })
      expect(res.status, type).toBe(422)
      expect(expectErrorShape(res).error).toBe('validation_error')
    }
    expect(await server.withDatabase(tableCounts)).toEqual(before)
  })
})

describe('share links of a deactivated owner', () => {
  it('stop working when the owner is deactivated', async () => {
    const owner = await registerUser(http)
    const scenarioId = await createScenario(http, owner)
    const link = await http(`/api/v1/scenarios/${scenarioId}/share-links`, {
      method: 'POST',
      headers: owner.auth,
      body: { expires_days: 7 },
    })
    expect(link.status).toBe(201)
    const token = link.json().token as string
    rememberSecret(token)
    expect((await http(`/api/v1/shared/${token}`)).status).toBe(200)
    await server.withDatabase((query) =>
      query('update users set is_active = false where id = $1', [owner.id]),
    )
    const after = await http(`/api/v1/shared/${token}`)
    expect(after.status).toBe(404)
    expect(expectErrorShape(after).error).toBe('not_found')
  })
})

describe('request logs', () => {
  it('mask share-link tokens and drop query values', async () => {
    const owner = await registerUser(http)
    const scenarioId = await createScenario(http, owner)
    const link = await http(`/api/v1/scenarios/${scenarioId}/share-links`, {
      method: 'POST',
      headers: owner.auth,
      body: { expires_days: 7 },
    })
    const token = link.json().token as string
    rememberSecret(token)
    const refusedKey = `mk_${'x'.repeat(20)}${Date.now()}`
    rememberSecret(refusedKey)
    const from = server.output.length
    await http(`/shared/${token}`)
    await http(`/api/v1/shared/${token}`)
    await http(`/api/v1/scenarios?api_key=${refusedKey}&q=private-name`)
    // The child's log lines can arrive after the answers: wait for the last request's line.
    const loggedUrls = () => server.logLines().map((line) => (line.req as { url?: string } | undefined)?.url)
    for (let tries = 0; tries < 100 && !loggedUrls().includes('/api/v1/scenarios?api_key=&q='); tries++)
      await sleep(50)
    const written = server.output.slice(from)
    expect(written).not.toContain(token)
    expect(written).not.toContain(refusedKey)
    expect(written).not.toContain('private-name')
    expect(loggedUrls()).toContain(`/shared/${token.slice(0, 12)}…`)
    expect(loggedUrls()).toContain('/api/v1/scenarios?api_key=&q=')
  })
})
