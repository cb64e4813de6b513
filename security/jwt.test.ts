import { randomUUID } from 'node:crypto'
import { decodeJwt, decodeProtectedHeader, SignJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Client, client, expectErrorShape, registerUser, type User } from './support/http.js'
import { expectNoSecretsLogged } from './support/log-scan.js'
import { rememberSecret } from './support/secrets.js'
import { ServerProcess } from './support/server.js'

// Production mode, default lifetimes and bcrypt cost: what an operator runs.
const SECRET = `jwt-suite-${randomUUID()}-${randomUUID()}`
let server: ServerProcess
let http: Client
let alice: User

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
const key = (s: string) => new TextEncoder().encode(s)

async function sign(claims: Record<string, unknown>, options: { secret?: string; alg?: string } = {}) {
  const now = Math.floor(Date.now() / 1000)
  const token = await new SignJWT({ type: 'access', ...claims })
    .setProtectedHeader({ alg: options.alg ?? 'HS256', typ: 'JWT' })
    .setSubject((claims.sub as string) ?? alice.id)
    .setJti(randomUUID())
    .setIssuedAt((claims.iat as number) ?? now)
    .setExpirationTime((claims.exp as number) ?? now + 600)
    .sign(key(options.secret ?? SECRET))
  rememberSecret(token)
  return token
}

async function me(authorization?: string) {
  return http('/api/v1/auth/me', { headers: { authorization } })
}

beforeAll(async () => {
  server = await ServerProcess.start({
    // No grace for a just-rotated refresh token here: replays below are reuse (the grace: refresh-grace.test.ts).
    env: {
      NODE_ENV: 'production',
      JWT_SECRET_KEY: SECRET,
      BCRYPT_ROUNDS: '12',
      REFRESH_REUSE_GRACE_SECONDS: '0',
    },
  })
  http = client(server.url)
  alice = await registerUser(http)
})

afterAll(async () => {
  await server?.dispose()
})

describe('access tokens', () => {
  it('carries only sub, type, jti, iat and exp, signed HS256, for 30 minutes', async () => {
    const header = decodeProtectedHeader(alice.accessToken)
    expect(header.alg).toBe('HS256')
    const payload = decodeJwt(alice.accessToken)
    expect(Object.keys(payload).sort()).toEqual(['exp', 'iat', 'jti', 'sub', 'type'])
    expect(payload.sub).toBe(alice.id)
    expect(payload.type).toBe('access')
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(30 * 60)
    const text = JSON.stringify(payload)
    expect(text).not.toContain(alice.email)
    expect(text).not.toContain(alice.password)
  })

  it('reports expires_in 1800 and sets a 7-day httpOnly refresh cookie on login', async () => {
    const res = await http('/api/v1/auth/login', {
      method: 'POST',
      body: { email: alice.email, password: alice.password },
    })
    expect(res.status).toBe(200)
    const body = res.json()
    rememberSecret(body.access_token)
    rememberSecret(body.refresh_token)
    expect(body.expires_in).toBe(1800)
    expect(body.token_type).toBe('bearer')
    const cookie = [res.headers['set-cookie'] ?? []].flat().join('\n')
    expect(cookie).toMatch(/mockupaws_refresh=/)
    expect(cookie).toMatch(/Max-Age=604800/)
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/Secure/i)
    expect(cookie).toMatch(/SameSite=Strict/i)
  })

  it('accepts a valid token', async () => {
    const res = await me(alice.auth.authorization)
    expect(res.status).toBe(200)
    expect(res.json().id).toBe(alice.id)
  })

  it('answers missing_token without a credential', async () => {
    const res = await me()
    expect(res.status).toBe(401)
    expect(expectErrorShape(res).error).toBe('missing_token')
  })

  it('answers token_expired for a correctly signed token whose exp has passed', async () => {
    const now = Math.floor(Date.now() / 1000)
    const res = await me(`Bearer ${await sign({ iat: now - 3600, exp: now - 60 })}`)
    expect(res.status).toBe(401)
    expect(expectErrorShape(res).error).toBe('token_expired')
  })

  const forgeries: Array<[string, () => Promise<string>]> = [
    ['a bad signature', () => sign({}, { secret: `other-${SECRET}` })],
    [
      'a tampered payload',
      async () => {
        const [h, , s] = (await sign({})).split('.')
        const now = Math.floor(Date.now() / 1000)
        return `${h}.${b64url({ sub: randomUUID(), type: 'access', jti: randomUUID(), iat: now, exp: now + 600 })}.${s}`
      },
    ],
    [
      'alg "none"',
      async () => {
        const now = Math.floor(Date.now() / 1000)
        return `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ sub: alice.id, type: 'access', jti: randomUUID(), iat: now, exp: now + 600 })}.`
      },
    ],
    [
      'alg RS256 in the header',
      async () => {
        const [, p, s] = (await sign({})).split('.')
        return `${b64url({ alg: 'RS256', typ: 'JWT' })}.${p}.${s}`
      },
    ],
    ['HS512 with the right secret', () => sign({}, { alg: 'HS512' })],
    ['type "refresh"', () => sign({ type: 'refresh' })],
    ['an unknown user', () => sign({ sub: randomUUID() })],
    ['garbage', async () => 'not.a.jwt'],
    ['an empty-looking value', async () => '...'],
  ]
  for (const [name, make] of forgeries) {
    it(`answers invalid_token for ${name}`, async () => {
      const res = await me(`Bearer ${await make()}`)
      expect(res.status).toBe(401)
      expect(expectErrorShape(res).error).toBe('invalid_token')
    })
  }

  it('answers invalid_token for a non-Bearer Authorization header', async () => {
    const res = await me(`Basic ${Buffer.from(`${alice.email}:${alice.password}`).toString('base64')}`)
    expect(res.status).toBe(401)
    expect(expectErrorShape(res).error).toBe('invalid_token')
  })
})

describe('refresh tokens', () => {
  it('rotates: the new pair works, the old refresh token stops, and replaying it revokes the family', async () => {
    const user = await registerUser(http)
    const first = await http('/api/v1/auth/refresh', {
      method: 'POST',
      body: { refresh_token: user.refreshToken },
    })
    expect(first.status).toBe(200)
    const rotated = first.json()
    rememberSecret(rotated.access_token)
    rememberSecret(rotated.refresh_token)
    expect(rotated.refresh_token).not.toBe(user.refreshToken)
    expect((await me(`Bearer ${rotated.access_token}`)).status).toBe(200)

    const replay = await http('/api/v1/auth/refresh', {
      method: 'POST',
      body: { refresh_token: user.refreshToken },
    })
    expect(replay.status).toBe(401)
    expectErrorShape(replay)
    // Stolen-token detection: the legitimate newest token of the family is dead too.
    const next = await http('/api/v1/auth/refresh', {
      method: 'POST',
      body: { refresh_token: rotated.refresh_token },
    })
    expect(next.status).toBe(401)
  })

  it('logout revokes the refresh token family', async () => {
    const user = await registerUser(http)
    expect(
      (await http('/api/v1/auth/logout', { method: 'POST', body: { refresh_token: user.refreshToken } }))
        .status,
    ).toBe(204)
    const res = await http('/api/v1/auth/refresh', {
      method: 'POST',
      body: { refresh_token: user.refreshToken },
    })
    expect(res.status).toBe(401)
  })

  it('change-password revokes every refresh token and the old password', async () => {
    const user = await registerUser(http)
    const login = await http('/api/v1/auth/login', {
      method: 'POST',
      body: { email: user.email, password: user.password },
    })
    const second = login.json().refresh_token as string
    rememberSecret(second)
    rememberSecret(login.json().access_token)
    const newPassword = `New-${randomUUID()}-9`
    rememberSecret(newPassword)
    const change = await http('/api/v1/auth/change-password', {
      method: 'POST',
      headers: user.auth,
      body: { current_password: user.password, new_password: newPassword },
    })
    expect(change.status).toBe(204)
    for (const token of [user.refreshToken, second]) {
      const res = await http('/api/v1/auth/refresh', { method: 'POST', body: { refresh_token: token } })
      expect(res.status).toBe(401)
    }
    const old = await http('/api/v1/auth/login', {
      method: 'POST',
      body: { email: user.email, password: user.password },
    })
    expect(old.status).toBe(401)
    const fresh = await http('/api/v1/auth/login', {
      method: 'POST',
      body: { email: user.email, password: newPassword },
    })
    expect(fresh.status).toBe(200)
    rememberSecret(fresh.json().access_token)
    rememberSecret(fresh.json().refresh_token)
  })
})

describe('passwords and sign-in', () => {
  it('answers a wrong password and an unknown email identically', async () => {
    const wrong = await http('/api/v1/auth/login', {
      method: 'POST',
      body: { email: alice.email, password: 'Wrong-password-1' },
    })
    const unknown = await http('/api/v1/auth/login', {
      method: 'POST',
      body: { email: `nobody-${randomUUID()}@example.com`, password: 'Wrong-password-1' },
    })
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    expect(expectErrorShape(wrong)).toEqual(expectErrorShape(unknown))
    expect(wrong.json().error).toBe('invalid_credentials')
  })

  it('never lets two passwords that share their first 72 bytes open one account', async () => {
    const stem = `A1${'x'.repeat(70)}`
    const user = await registerUser(http, {}, { password: `${stem}-first` })
    const other = await http('/api/v1/auth/login', {
      method: 'POST',
      body: { email: user.email, password: `${stem}-second` },
    })
    expect(other.status).toBe(401)
  })
})

describe('stored credentials (database)', () => {
  let deactivated: User

  beforeAll(async () => {
    deactivated = await registerUser(http)
    await server.withDatabase(async (query) => {
      await query('update users set is_active = false where id = $1', [deactivated.id])
    })
  })

  it('stores bcrypt cost-12 hashes and only SHA-256 hashes of refresh tokens, valid 7 days', async () => {
    await server.withDatabase(async (query) => {
      const users = await query<{ password_hash: string }>('select password_hash from users')
      expect(users.length).toBeGreaterThan(0)
      for (const u of users) expect(u.password_hash).toMatch(/^\$2b\$12\$/)
      const tokens = await query<{ token_hash: string; days: string }>(
        `select token_hash, extract(epoch from (expires_at - created_at)) / 86400 as days from refresh_tokens`,
      )
      expect(tokens.length).toBeGreaterThan(0)
      for (const t of tokens) {
        expect(t.token_hash).toMatch(/^[0-9a-f]{64}$/)
        expect(Number(t.days)).toBeCloseTo(7, 2)
      }
      const dump = JSON.stringify(await query('select * from refresh_tokens'))
      expect(dump).not.toContain(alice.refreshToken)
    })
  })

  it('answers invalid_token for a deactivated user and refuses their login', async () => {
    const res = await me(deactivated.auth.authorization)
    expect(res.status).toBe(401)
    expect(res.json().error).toBe('invalid_token')
    const login = await http('/api/v1/auth/login', {
      method: 'POST',
      body: { email: deactivated.email, password: deactivated.password },
    })
    expect(login.status).toBe(401)
  })
})

describe('logs', () => {
  it('records failed logins, refresh reuse and password changes as security events', () => {
    const events = new Set(server.logLines().map((l) => l.security_event))
    for (const e of ['login_failed', 'refresh_token_reuse', 'password_changed']) expect(events).toContain(e)
  })

  it('never logs a password, token or the JWT secret', () => {
    expectNoSecretsLogged(server)
  })
})
