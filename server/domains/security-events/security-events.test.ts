import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { queryRows } from '../../db/client.js'
import { buildTestApp } from '../../test/build-test-app.js'
import { testEngine } from '../../test/test-db.js'

describe(`security events on ${testEngine}`, async () => {
  const app = await buildTestApp({ env: { SECURITY_EVENT_RETENTION_DAYS: '30' } })
  const events = app.services.securityEvents
  const rowsFor = (ip: string) =>
    queryRows<{ event_type: string; count: number; details: string }>(
      app.database.db,
      sql`select event_type, count, details from security_events where ip = ${ip} order by event_type`,
    )

  it('stores one row per client and window for repeated events, with the number of occurrences', async () => {
    for (let i = 0; i < 250; i++) {
      events.recordRepeated(
        { type: 'rate_limited', ip: '203.0.113.5', details: 'general class' },
        'general:ip:a',
      )
      events.recordRepeated({ type: 'invalid_api_key', ip: '203.0.113.5', details: 'unknown' }, '203.0.113.5')
    }
    events.recordRepeated({ type: 'rate_limited', ip: '203.0.113.6' }, 'general:ip:b')
    await events.flush()
    expect(await rowsFor('203.0.113.5')).toEqual([
      { event_type: 'invalid_api_key', count: 250, details: 'unknown' },
      { event_type: 'rate_limited', count: 250, details: 'general class' },
    ])
    expect(await rowsFor('203.0.113.6')).toEqual([{ event_type: 'rate_limited', count: 1, details: null }])
    const warnLines = app.logLines.filter((l) => l.includes('"ip":"203.0.113.5"'))
    // One line when the window opens, one with the count when it closes, per event type.
    expect(warnLines).toHaveLength(4)
    expect(warnLines.filter((l) => l.includes('"count":250'))).toHaveLength(2)
  })

  it('purges events older than SECURITY_EVENT_RETENTION_DAYS and keeps the rest', async () => {
    await events.record({ type: 'login_failed', ip: '203.0.113.9', details: 'old' })
    await events.record({ type: 'login_failed', ip: '203.0.113.9', details: 'recent' })
    await app.database.db.execute(
      sql`update security_events set created_at = now() - interval '31 days' where details = 'old'`,
    )
    await app.database.db.execute(
      sql`update security_events set created_at = now() - interval '29 days' where details = 'recent'`,
    )
    expect(await events.purgeExpired()).toBe(1)
    expect((await rowsFor('203.0.113.9')).map((r) => r.details)).toEqual(['recent'])
    expect(await events.purgeExpired()).toBe(0)
  })
})
