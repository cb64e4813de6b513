import { sql } from 'drizzle-orm'
import { decodeJwt, SignJWT } from 'jose'
import { describe, expect, it } from 'vitest'
import { queryRows } from '../../db/client.js'
import { buildTestApp, TEST_SECRET } from '../../test/build-test-app.js'
import { createUser } from '../../test/factories.js'
import { testEngine } from '../../test/test-db.js'

const key = new TextEncoder().encode(TEST_SECRET)

describe(`auth on ${testEngine}`, async () => {
  // Replays here are reuse: no grace for a just-rotated refresh token (the grace: security/refresh-grace.test.ts).
  const app = await buildTestApp({ env: { REFRESH_REUSE_GRACE_SECONDS: '0' } })
  const events = async (type: string) =>
    queryRows<{ user_id: string | null; details: string | null }>(
      app.database.db,
      sql`select user_id, details from security_events where event_type = ${type}`,
    )

  describe('POST /auth/register', () => {
    it('creates a user, normalises the email and returns a session', async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/register',
        payload: { email: '  Alice@Example.COM ', password: 'correct-horse-1', full_name: 'Alice' },
      })
      expect(res.statusCode).toBe(201)
      const body = res.json()
      expect(body).toMatchObject({
        user: { email: 'alice@example.com', full_name: 'Alice', last_login_at: null },
        token_type: 'bearer',
        expires_in: 1800,
      })
      expect(body.user.id).toMatch(/^[0-9a-f-]{36}$/)
      expect(JSON.stringify(body)).not.toMatch(/password|hash/i)
      expect((await events('registration')).some((e) => e.user_id === body.user.id)).toBe(true)
    })

    it('answers 409 email_already_registered for a duplicate in any case', async () => {
      const user = await createUser(app)
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/register',
        payload: { email: user.email.toUpperCase(), password: 'another-pass-2' },
      })
      expect(res.statusCode).toBe(409)
      expect(res.json().error).toBe('email_already_registered')
    })

    it.each([
      [{ email: 'not-an-email', password: 'valid-pass-1' }, 'email'],
      [{ email: 'a@example.com', password: 'short1' }, 'password'],
      [{ email: 'b@example.com', password: 'no-digits-here' }, 'password'],
      [{ email: 'c@example.com', password: '1234567890' }, 'password'],
      [{ email: 'd@example.com', password: `a1${'x'.repeat(127)}` }, 'password'],
    ])('rejects %j with 422 on %s and stores nothing', async (payload, field) => {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/register', payload })
      expect(res.statusCode).toBe(422)
      expect(res.json()).toMatchObject({ error: 'validation_error', details: [{ field }] })
      const rows = await queryRows(app.database.db, sql`select 1 from users where email = ${payload.email}`)
      expect(rows).toHaveLength(0)
    })

    it('ignores fields a client must not set', async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/register',
        payload: {
          email: 'mass@example.com',
          password: 'valid-pass-1',
          is_active: false,
          id: crypto.randomUUID(),
        },
      })
      expect(res.statusCode).toBe(201)
      const [row] = await queryRows<{ is_active: boolean; id: string }>(
        app.database.db,
        sql`select is_active, id from users where email = 'mass@example.com'`,
      )
      expect(row?.is_active).toBe(true)
      expect(row?.id).toBe(res.json().user.id)
    })
  })

  describe('POST /auth/login', () => {
    it('signs in and records last_login_at', async () => {
      const user = await createUser(app)
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: ` ${user.email.toUpperCase()}`, password: user.password },
      })
      expect(res.statusCode).toBe(200)
      expect(res.json().user.last_login_at).not.toBeNull()
    })

    it('gives unknown email and wrong password the same 401 body and records both', async () => {
      const user = await createUser(app)
      const wrong = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: user.email, password: 'wrong-pass-1' },
      })
      const unknown = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'nobody@example.com', password: 'wrong-pass-1' },
      })
      expect(wrong.statusCode).toBe(401)
      expect(unknown.statusCode).toBe(401)
      expect(wrong.body).toBe(unknown.body)
      expect(wrong.json()).toEqual({
        error: 'invalid_credentials',
        message: 'The email or password is incorrect.',
      })
      const failed = await events('login_failed')
      expect(failed.some((e) => e.user_id === user.id)).toBe(true)
      expect(failed.some((e) => e.user_id === null && e.details === 'unknown email')).toBe(true)
    })

    it('lets only the exact password in, also beyond bcrypt’s 72-byte limit', async () => {
      const prefix = 'p4ss-'.repeat(16) // 80 bytes: beyond what bcrypt reads
      const user = await createUser(app, { password: `${prefix}first` })
      const other = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: user.email, password: `${prefix}second` },
      })
      expect(other.statusCode).toBe(401)
      const same = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: user.email, password: `${prefix}first` },
      })
      expect(same.statusCode).toBe(200)
    })

    it('never stores or returns the password: the hash is bcrypt', async () => {
      const user = await createUser(app)
      const [row] = await queryRows<{ password_hash: string }>(
        app.database.db,
        sql`select password_hash from users where id = ${user.id}`,
      )
      expect(row?.password_hash).toMatch(/^\$2b\$04\$/)
      expect(row?.password_hash).not.toContain(user.password)
    })
  })

  describe('access tokens', () => {
    it('carry only sub, type, jti, iat and exp with a 30-minute lifetime', async () => {
      const user = await createUser(app)
      const claims = decodeJwt(user.accessToken)
      expect(Object.keys(claims).sort()).toEqual(['exp', 'iat', 'jti', 'sub', 'type'])
      expect(claims).toMatchObject({ sub: user.id, type: 'access' })
      expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(1800)
    })

    it('GET /auth/me returns the profile without secrets', async () => {
      const user = await createUser(app, { full_name: 'Meg' })
      const res = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: user.headers })
      expect(res.statusCode).toBe(200)
      expect(Object.keys(res.json()).sort()).toEqual([
        'created_at',
        'email',
        'full_name',
        'id',
        'last_login_at',
      ])
      expect(res.json()).toMatchObject({ id: user.id, email: user.email, full_name: 'Meg' })
    })

    const me = (authorization?: string) =>
      app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: authorization ? { authorization } : {} })
    const sign = (payload: Record<string, unknown>, secret = key, exp: string | number = '5m') =>
      new SignJWT(payload)
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuedAt()
        .setJti('j')
        .setExpirationTime(exp)
        .sign(secret)

    it('answers missing_token without a header', async () => {
      const res = await me()
      expect(res.statusCode).toBe(401)
      expect(res.json().error).toBe('missing_token')
    })

    it('answers invalid_token for another secret, garbage, alg none, RS256 header, tampering, wrong type', async () => {
      const user = await createUser(app)
      const otherSecret = await sign(
        { sub: user.id, type: 'access' },
        new TextEncoder().encode('x'.repeat(40)),
      )
      const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url')
      const now = Math.floor(Date.now() / 1000)
      const body = b64({ sub: user.id, type: 'access', jti: 'j', iat: now, exp: now + 600 })
      const algNone = `${b64({ alg: 'none', typ: 'JWT' })}.${body}.`
      const [h, , s] = user.accessToken.split('.')
      const rs256 = `${b64({ alg: 'RS256', typ: 'JWT' })}.${body}.${s}`
      const tampered = `${h}.${b64({ ...decodeJwt(user.accessToken), sub: crypto.randomUUID() })}.${s}`
      const refreshAsAccess = user.refreshToken
      const wrongType = await sign({ sub: user.id, type: 'refresh' })
      for (const token of [otherSecret, 'garbage', algNone, rs256, tampered, refreshAsAccess, wrongType]) {
        const res = await me(`Bearer ${token}`)
        expect(res.statusCode, token).toBe(401)
        expect(res.json().error, token).toBe('invalid_token')
      }
      expect((await me(`Basic ${user.accessToken}`)).json().error).toBe('invalid_token')
    })

    it('answers token_expired for an expired token', async () => {
      const user = await createUser(app)
      const expired = await sign({ sub: user.id, type: 'access' }, key, Math.floor(Date.now() / 1000) - 5)
      const res = await me(`Bearer ${expired}`)
      expect(res.statusCode).toBe(401)
      expect(res.json().error).toBe('token_expired')
    })

    it('answers invalid_token for a deactivated user', async () => {
      const user = await createUser(app)
      await app.database.db.execute(sql`update users set is_active = false where id = ${user.id}`)
      const res = await me(`Bearer ${user.accessToken}`)
      expect(res.json().error).toBe('invalid_token')
    })
  })

  describe('refresh rotation', () => {
    const refresh = (token: string) =>
      app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refresh_token: token } })

    it('rotates: the new pair works and the old refresh token stops working', async () => {
      const user = await createUser(app)
      const first = await refresh(user.refreshToken)
      expect(first.statusCode).toBe(200)
      const next = first.json()
      expect(next.refresh_token).not.toBe(user.refreshToken)
      expect((await me(next.access_token)).statusCode).toBe(200)
      expect((await refresh(next.refresh_token)).statusCode).toBe(200)
    })

    it('revokes the whole family when a rotated token is presented again', async () => {
      const user = await createUser(app)
      const stolen = user.refreshToken
      const legit = (await refresh(stolen)).json().refresh_token
      const reuse = await refresh(stolen)
      expect(reuse.statusCode).toBe(401)
      expect(reuse.json().error).toBe('invalid_token')
      expect((await refresh(legit)).statusCode).toBe(401)
      expect((await events('refresh_token_reuse')).some((e) => e.user_id === user.id)).toBe(true)
    })

    it('stores refresh tokens only as SHA-256 hashes with a family id', async () => {
      const user = await createUser(app)
      const rows = await queryRows<{ token_hash: string; family_id: string }>(
        app.database.db,
        sql`select token_hash, family_id from refresh_tokens where user_id = ${user.id}`,
      )
      expect(rows).toHaveLength(1)
      expect(rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/)
      expect(rows[0]?.token_hash).not.toBe(user.refreshToken)
    })

    it('answers invalid_token for an unknown refresh token', async () => {
      expect((await refresh('not-a-real-token')).json().error).toBe('invalid_token')
    })

    const me = (access: string) =>
      app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${access}` } })
  })

  describe('logout and change-password', () => {
    it('logout revokes that refresh token’s family only', async () => {
      const user = await createUser(app)
      const other = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: user.email, password: user.password },
      })
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/logout',
        payload: { refresh_token: user.refreshToken },
      })
      expect(res.statusCode).toBe(204)
      const again = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/refresh',
        payload: { refresh_token: user.refreshToken },
      })
      expect(again.statusCode).toBe(401)
      const otherDevice = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/refresh',
        payload: { refresh_token: other.json().refresh_token },
      })
      expect(otherDevice.statusCode).toBe(200)
    })

    it('change-password checks the current one, enforces the policy, revokes every refresh token', async () => {
      const user = await createUser(app)
      const change = (payload: object) =>
        app.inject({ method: 'POST', url: '/api/v1/auth/change-password', headers: user.headers, payload })
      const wrong = await change({ current_password: 'nope-nope-1', new_password: 'brand-new-pass-2' })
      expect(wrong.statusCode).toBe(422)
      expect(wrong.json().details).toEqual([{ field: 'current_password', reason: 'is incorrect' }])
      const weak = await change({ current_password: user.password, new_password: 'weak' })
      expect(weak.json().details[0].field).toBe('new_password')

      const ok = await change({ current_password: user.password, new_password: 'brand-new-pass-2' })
      expect(ok.statusCode).toBe(204)
      const refreshed = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/refresh',
        payload: { refresh_token: user.refreshToken },
      })
      expect(refreshed.statusCode).toBe(401)
      const oldLogin = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: user.email, password: user.password },
      })
      expect(oldLogin.statusCode).toBe(401)
      const newLogin = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: user.email, password: 'brand-new-pass-2' },
      })
      expect(newLogin.statusCode).toBe(200)
      expect((await events('password_changed')).some((e) => e.user_id === user.id)).toBe(true)
    })
  })

  it('never writes a password or token into the logs', async () => {
    const user = await createUser(app)
    await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: 'bad-pass-9' },
    })
    const logs = app.logLines.join('\n')
    expect(logs).toContain('security event: login_failed')
    for (const secret of [user.password, 'bad-pass-9', user.accessToken, user.refreshToken]) {
      expect(logs).not.toContain(secret)
    }
  })
})

describe('auth rate limit', async () => {
  const app = await buildTestApp({ env: { RATE_LIMIT_AUTH_PER_MINUTE: '5' } })

  it('answers the 6th auth attempt from one IP within a minute with 429 and records it', async () => {
    const attempt = () =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'x@example.com', password: 'wrong-pass-1' },
        remoteAddress: '203.0.113.5',
      })
    const codes = []
    for (let i = 0; i < 6; i++) codes.push((await attempt()).statusCode)
    expect(codes).toEqual([401, 401, 401, 401, 401, 429])
    const limited = await attempt()
    expect(limited.headers['retry-after']).toBeDefined()
    expect(limited.headers['x-ratelimit-limit']).toBe('5')
    const register = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email: 'y@example.com', password: 'valid-pass-1' },
      remoteAddress: '203.0.113.5',
    })
    expect(register.statusCode).toBe(429)
    // The security event is recorded after the 429 is answered: wait for it to land.
    await expect
      .poll(
        async () =>
          (
            await queryRows(
              app.database.db,
              sql`select 1 from security_events where event_type = 'rate_limited'`,
            )
          ).length,
      )
      .toBeGreaterThan(0)
  })
})

describe('session refresh and the sign-in budget', async () => {
  const app = await buildTestApp({ env: { RATE_LIMIT_AUTH_PER_MINUTE: '5' } })

  it('lets a user reload twenty times a minute and still sign in: refresh counts apart from sign-in', async () => {
    const remoteAddress = '203.0.113.9'
    const registered = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email: 'reloader@example.com', password: 'valid-pass-1' },
      remoteAddress,
    })
    expect(registered.statusCode).toBe(201)
    let token: string = registered.json().refresh_token
    for (let i = 0; i < 20; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/refresh',
        payload: { refresh_token: token },
        remoteAddress,
      })
      expect(res.statusCode).toBe(200)
      token = res.json().refresh_token
    }
    const logins = []
    for (let i = 0; i < 4; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'reloader@example.com', password: 'valid-pass-1' },
        remoteAddress,
      })
      logins.push(res.statusCode)
    }
    // Register spent one of the five attempts; the twenty refreshes spent none.
    expect(logins).toEqual([200, 200, 200, 200])
    const sixth = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'reloader@example.com', password: 'valid-pass-1' },
      remoteAddress,
    })
    expect(sixth.statusCode).toBe(429)
  })
})

describe('default bcrypt cost', async () => {
  const app = await buildTestApp({ env: { BCRYPT_ROUNDS: '12' } })
  it('hashes with $2b$12$', async () => {
    const user = await createUser(app)
    const [row] = await queryRows<{ password_hash: string }>(
      app.database.db,
      sql`select password_hash from users where id = ${user.id}`,
    )
    expect(row?.password_hash).toMatch(/^\$2b\$12\$/)
  })
})
