import { describe, expect, it } from 'vitest'
import { buildTestApp } from '../../test/build-test-app.js'
import { createUser } from '../../test/factories.js'
import { testEngine } from '../../test/test-db.js'

type InjectResponse = { cookies: Array<{ name: string; value: string; [k: string]: unknown }> }
const refreshCookie = (res: InjectResponse) => res.cookies.find((c) => c.name === 'mockupaws_refresh')
const hintCookie = (res: InjectResponse) => res.cookies.find((c) => c.name === 'mockupaws_session')

describe(`refresh-token cookie on ${testEngine}`, async () => {
  // Replays here are reuse: no grace for a just-rotated refresh token (the grace: security/refresh-grace.test.ts).
  const app = await buildTestApp({ env: { REFRESH_REUSE_GRACE_SECONDS: '0' } })
  const login = (email: string, password: string) =>
    app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } })
  const refreshWithCookie = (token: string) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: {},
      cookies: { mockupaws_refresh: token },
    })

  it('register and login set an httpOnly, SameSite=Strict cookie scoped to /api/v1/auth', async () => {
    const register = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email: 'cookie-reg@example.com', password: 'valid-pass-1' },
    })
    expect(register.statusCode).toBe(201)
    const cookie = refreshCookie(register)
    expect(cookie).toMatchObject({
      httpOnly: true,
      sameSite: 'Strict',
      path: '/api/v1/auth',
      maxAge: 604_800,
    })
    expect(cookie?.value).toBe(register.json().refresh_token)
    expect(cookie?.secure).toBeFalsy()
    const again = await login('cookie-reg@example.com', 'valid-pass-1')
    expect(refreshCookie(again)?.value).toBe(again.json().refresh_token)
    // Beside it, a hint the page can read (no secret in it), so a signed-out page skips the refresh.
    expect(hintCookie(again)).toMatchObject({ value: '1', path: '/', sameSite: 'Strict', maxAge: 604_800 })
    expect(hintCookie(again)?.httpOnly).toBeFalsy()
  })

  it('refresh reads the cookie when the body has no token, rotates it, and the old cookie stops working', async () => {
    const user = await createUser(app)
    const first = await refreshWithCookie(user.refreshToken)
    expect(first.statusCode).toBe(200)
    const next = refreshCookie(first)?.value
    expect(next).toBe(first.json().refresh_token)
    expect(next).not.toBe(user.refreshToken)
    const reused = await refreshWithCookie(user.refreshToken)
    expect(reused.statusCode).toBe(401)
    expect(reused.json().error).toBe('invalid_token')
    // The failed refresh clears the dead cookie so the browser stops replaying it.
    expect(refreshCookie(reused)?.value).toBe('')
    expect(hintCookie(reused)).toMatchObject({ value: '', path: '/' })
  })

  it('refresh with neither body token nor cookie answers 401 missing_token', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: {} })
    expect(res.statusCode).toBe(401)
    expect(res.json().error).toBe('missing_token')
  })

  it('the body token wins over the cookie, for API clients', async () => {
    const user = await createUser(app)
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refresh_token: user.refreshToken },
      cookies: { mockupaws_refresh: 'garbage' },
    })
    expect(res.statusCode).toBe(200)
  })

  it('logout with only the cookie revokes that family and clears the cookie', async () => {
    const user = await createUser(app)
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      payload: {},
      cookies: { mockupaws_refresh: user.refreshToken },
    })
    expect(res.statusCode).toBe(204)
    const cleared = refreshCookie(res)
    expect(cleared?.value).toBe('')
    expect(cleared?.path).toBe('/api/v1/auth')
    expect(hintCookie(res)?.value).toBe('')
    expect((await refreshWithCookie(user.refreshToken)).statusCode).toBe(401)
  })

  it('logout without any token still answers 204', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', payload: {} })
    expect(res.statusCode).toBe(204)
  })
})

describe('refresh-token cookie in production', async () => {
  const app = await buildTestApp({ env: { NODE_ENV: 'production', BCRYPT_ROUNDS: '12' } })
  it('is marked Secure', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email: 'prod-cookie@example.com', password: 'valid-pass-1' },
    })
    expect(res.statusCode).toBe(201)
    expect(refreshCookie(res)?.secure).toBe(true)
    expect(hintCookie(res)?.secure).toBe(true)
  })
})
