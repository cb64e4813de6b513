import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { getTableName, isTable } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import * as schema from '../db/schema/index.js'

/** Each table's one owning domain (docs/contributing.md#boundaries): only its code queries the table. */
const OWNERS: Record<string, string> = {
  users: 'auth',
  refresh_tokens: 'auth',
  api_keys: 'api-keys',
  security_events: 'security-events',
  scenarios: 'scenarios',
  scenario_line_items: 'scenarios',
  ingest_batches: 'ingest',
  usage_rollups: 'ingest',
  usage_day_rollups: 'ingest',
  usage_totals: 'ingest',
  usage_totals_by_key: 'ingest',
  event_rollups: 'ingest',
  event_day_rollups: 'ingest',
  event_totals: 'ingest',
  pii_findings: 'ingest',
  pii_totals: 'ingest',
  pricing_catalogs: 'pricing',
  rate_cards: 'rate-cards',
  reports: 'reports',
  report_schedules: 'schedules',
  schedule_runs: 'schedules',
  share_links: 'share-links',
  scenario_budgets: 'budgets',
  budget_alert_rules: 'budgets',
  budget_alerts: 'budgets',
  budget_alert_deliveries: 'budgets',
  budget_projections: 'budgets',
}

/**
 * The one read of another domain's table allowed: the ingest commit statement locks and counts into the
 * running scenarios on the hot path (docs/architecture.md#one-exception-to-table-ownership).
 */
const KNOWN_EXCEPTIONS = ['ingest reads scenarios']

const domainsDir = fileURLToPath(new URL('.', import.meta.url))
const tableOf = new Map(
  Object.entries(schema)
    .filter(([, value]) => isTable(value))
    .map(([name, table]) => [name, getTableName(table as Parameters<typeof getTableName>[0])]),
)

/** The tables a domain's code touches: Drizzle tables it imports, and table names after FROM/JOIN/UPDATE/INTO. */
function tablesUsedBy(domain: string): Set<string> {
  const used = new Set<string>()
  for (const file of readdirSync(`${domainsDir}/${domain}`)) {
    if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue
    const source = readFileSync(`${domainsDir}/${domain}/${file}`, 'utf8')
    const imported = /import \{([^}]*)\} from '\.\.\/\.\.\/db\/schema\/index\.js'/.exec(source)?.[1] ?? ''
    for (const name of imported.split(',').map((s) => s.trim())) {
      const table = tableOf.get(name)
      if (table) used.add(table)
    }
    for (const match of source.matchAll(/\b(?:from|join|update|into)\s+([a-z_]+)\b/gi)) {
      const table = match[1] ?? ''
      if (table in OWNERS) used.add(table)
    }
  }
  return used
}

describe('table ownership', () => {
  it('names an owner for every table of the schema', () => {
    expect([...tableOf.values()].sort()).toEqual(Object.keys(OWNERS).sort())
  })

  it("no domain reads another domain's table beyond the known exceptions (which only shrink)", () => {
    const domains = readdirSync(domainsDir, { withFileTypes: true }).filter((d) => d.isDirectory())
    const crossings = domains.flatMap(({ name }) =>
      [...tablesUsedBy(name)]
        .filter((table) => OWNERS[table] !== name)
        .map((table) => `${name} reads ${table}`),
    )
    expect(crossings.sort()).toEqual(KNOWN_EXCEPTIONS)
  })
})
