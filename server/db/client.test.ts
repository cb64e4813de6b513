import { sql } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { createTestDatabase, testEngine } from '../test/test-db.js'
import { prepareStatement, queryPrepared } from './client.js'

const ROUND_TRIP = prepareStatement(
  'client_test_round_trip',
  sql`select ${sql.placeholder('texts')}::text[] as texts, ${sql.placeholder('numbers')}::float8[] as numbers,
             ${sql.placeholder('exact')}::numeric[]::text[] as exact, ${sql.placeholder('flags')}::boolean[] as flags,
             cardinality(${sql.placeholder('empty')}::uuid[]) as empty`,
)

describe(`prepared statements' array parameters on ${testEngine}`, async () => {
  const database = await createTestDatabase()
  afterAll(() => database.close())

  it('reach the database element for element, whatever the text holds', async () => {
    const texts = [
      'plain',
      '',
      'NULL',
      'a "quoted" word',
      'back\\slash',
      '{braces},commas',
      'ünï 日本',
      null,
      ' padded ',
    ]
    const [row] = await queryPrepared<{
      texts: (string | null)[]
      numbers: number[]
      exact: string[]
      flags: boolean[]
      empty: number
    }>(database.db, ROUND_TRIP, {
      texts,
      numbers: [0, -1.5, 1_732_406_400_000, 1.5e-7],
      exact: ['0.000000016667', '12345678901234567890.5'],
      flags: [true, false],
      empty: [],
    })
    expect(row).toEqual({
      texts,
      numbers: [0, -1.5, 1_732_406_400_000, 1.5e-7],
      exact: ['0.000000016667', '12345678901234567890.5'],
      flags: [true, false],
      empty: 0,
    })
  })
})
