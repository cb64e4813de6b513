import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { queryRows } from '../../db/client.js'
import { buildTestApp } from '../../test/build-test-app.js'
import { createApiKey, createUser, type TestUser } from '../../test/factories.js'
import { testEngine } from '../../test/test-db.js'

describe(`PATCH /auth/me on ${testEngine}`, async () => {
  const app = await buildTestApp()

  const patchMe = (headers: Record<string, string>, payload: unknown) =>
    app.inject({ method: 'PATCH', url: '/api/v1/auth/me', headers, payload: payload as object })
  const getMe = (user: TestUser) =>
    app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: user.headers })
  const storedUser = async (id: string) =>
    (
      await queryRows<{ email: string; full_name: string | null; is_active: boolean; password_hash: string }>(
        app.database.db,
        sql`select email, full_name, is_active, password_hash from users where id = ${id}`,
      )
    )[0]

  it('renames the user, trimmed, and answers the user as GET /auth/me does', async () => {
    const user = await createUser(app, { full_name: 'Old Name' })
    const res = await patchMe(user.headers, { full_name: '  Grace Hopper  ' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual((await getMe(user)).json())
    expect(res.json()).toMatchObject({ id: user.id, email: user.email, full_name: 'Grace Hopper' })
    expect((await storedUser(user.id))?.full_name).toBe('Grace Hopper')
  })

  it('accepts 255 characters, the limit of registration', async () => {
    const user = await createUser(app)
    const name = 'n'.repeat(255)
    const res = await patchMe(user.headers, { full_name: name })
    expect(res.statusCode).toBe(200)
    expect(res.json().full_name).toBe(name)
  })

  it.each([
    ['blank', { full_name: '   ' }],
    ['empty', { full_name: '' }],
    ['too long', { full_name: 'n'.repeat(256) }],
    ['null', { full_name: null }],
  ])('refuses a %s name with 422 on full_name and changes nothing', async (_case, payload) => {
    const user = await createUser(app, { full_name: 'Kept' })
    const res = await patchMe(user.headers, payload)
    expect(res.statusCode).toBe(422)
    expect(res.json()).toMatchObject({ error: 'validation_error', details: [{ field: 'full_name' }] })
    expect((await storedUser(user.id))?.full_name).toBe('Kept')
  })

  it('drops email, is_active, password_hash and id (mass assignment changes nothing)', async () => {
    const user = await createUser(app, { full_name: 'Before' })
    const before = await storedUser(user.id)
    const res = await patchMe(user.headers, {
      full_name: 'After',
      email: 'taken-over@example.com',
      is_active: false,
      password_hash: '$2b$04$abcdefghijklmnopqrstuv',
      id: crypto.randomUUID(),
      created_at: '2000-01-01T00:00:00Z',
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ id: user.id, email: user.email, full_name: 'After' })
    expect(await storedUser(user.id)).toEqual({ ...before, full_name: 'After' })
    expect((await getMe(user)).statusCode).toBe(200)
  })

  it('changes nothing for a body without full_name', async () => {
    const user = await createUser(app, { full_name: 'Same' })
    const res = await patchMe(user.headers, { email: 'x@example.com' })
    expect(res.statusCode).toBe(200)
    expect(res.json().full_name).toBe('Same')
    expect((await storedUser(user.id))?.email).toBe(user.email)
  })

  it('needs a signed-in user: 401 without a token, 403 for an API key even with every scope', async () => {
    const user = await createUser(app, { full_name: 'Owner' })
    const anonymous = await patchMe({}, { full_name: 'Anyone' })
    expect(anonymous.statusCode).toBe(401)
    expect(anonymous.json().error).toBe('missing_token')
    const key = await createApiKey(app, user, { scopes: ['read:scenarios', 'write:scenarios'] })
    const viaKey = await patchMe(key.headers, { full_name: 'Key' })
    expect(viaKey.statusCode).toBe(403)
    expect(viaKey.json().error).toBe('forbidden')
    expect((await storedUser(user.id))?.full_name).toBe('Owner')
  })

  it("changes only the caller's own name", async () => {
    const alice = await createUser(app, { full_name: 'Alice' })
    const bob = await createUser(app, { full_name: 'Bob' })
    expect((await patchMe(bob.headers, { full_name: 'Bobby' })).statusCode).toBe(200)
    expect((await storedUser(alice.id))?.full_name).toBe('Alice')
    expect((await storedUser(bob.id))?.full_name).toBe('Bobby')
  })
})
