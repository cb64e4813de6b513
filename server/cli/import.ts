import { readFile } from 'node:fs/promises'
import type { Writable } from 'node:stream'
import { parseArgs } from 'node:util'
import type { ClientSettings } from '../config.js'
import {
  isTerraformPlan,
  LABEL_PREFIX,
  type PlannedItem,
  planToLineItems,
  type SkippedResource,
  type UsageFile,
} from './terraform-plan.js'

const USAGE = `Usage: mockupaws import terraform PLAN.json [--scenario ID | --name NAME] [--region REGION]
                                   [--usage usage.json] [--api-key KEY] [--url URL] [--dry-run]

Reads the JSON of a Terraform plan (terraform show -json plan.out) and creates a scenario, or updates the
scenario ID, with one line item per resource it can price; prints the resources it skipped and why.
Usage-based quantities start at 0: send them with ingest or give them in --usage ({"<address>": {params}}).
KEY (scopes read:scenarios, write:scenarios) defaults to $MOCKUPAWS_API_KEY, URL to $MOCKUPAWS_URL.
`

export type ImportRun = {
  plan: unknown
  usage: UsageFile
  url: string
  apiKey: string
  scenarioId?: string
  name?: string
  region?: string
  dryRun: boolean
  out: Writable
}

export type ImportSummary = {
  scenarioId: string | undefined
  created: number
  updated: number
  removed: number
  skipped: SkippedResource[]
  /** Items the server refused (e.g. an instance type missing from the catalog), reported as skipped too. */
  refused: SkippedResource[]
}

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: { error?: string; message?: string; details?: { field: string; reason: string }[] },
  ) {
    const details = body.details?.map((d) => `${d.field}: ${d.reason}`).join('; ')
    super(`${body.message ?? `HTTP ${status}`}${details ? ` (${details})` : ''}`)
  }
}

function apiClient(url: string, apiKey: string) {
  const base = `${url.replace(/\/+$/, '')}/api/v1`
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { 'x-api-key': apiKey, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    const json = text ? (JSON.parse(text) as unknown) : undefined
    if (!res.ok) throw new ApiError(res.status, (json ?? {}) as ApiError['body'])
    return json as T
  }
}

type Item = { id: string; service: string; label: string | null }

/**
 * Creates or updates the scenario through the HTTP API. Items it made carry the label `terraform: <address>`:
 * a later import of the same scenario updates those in place and removes those whose resource left the plan,
 * and never touches items added by hand.
 */
export async function runImport(run: ImportRun): Promise<ImportSummary> {
  const mapping = planToLineItems(run.plan, run.usage)
  const summary: ImportSummary = {
    scenarioId: run.scenarioId,
    created: 0,
    updated: 0,
    removed: 0,
    skipped: mapping.skipped,
    refused: [],
  }
  const region = run.region ?? mapping.region ?? 'us-east-1'
  if (run.dryRun) {
    for (const item of mapping.items)
      run.out.write(`would add  ${item.address} → ${item.service} ${JSON.stringify(item.params)}\n`)
    writeSkipped(run.out, summary)
    return summary
  }
  const api = apiClient(run.url, run.apiKey)
  let existing = new Map<string, Item>()
  if (run.scenarioId) {
    await api('GET', `/scenarios/${run.scenarioId}`)
    existing = await listImportedItems(api, run.scenarioId)
  } else {
    const created = await api<{ id: string }>('POST', '/scenarios', {
      name: run.name ?? `Terraform plan ${new Date().toISOString().slice(0, 10)}`,
      region,
      tags: ['terraform'],
      description: 'Imported from a Terraform plan by mockupaws import terraform.',
    })
    summary.scenarioId = created.id
  }
  const scenarioId = summary.scenarioId as string
  for (const item of mapping.items) {
    await upsertItem(api, scenarioId, item, existing.get(item.label), summary)
    existing.delete(item.label)
  }
  for (const stale of existing.values()) {
    await api('DELETE', `/scenarios/${scenarioId}/items/${stale.id}`)
    summary.removed += 1
  }
  run.out.write(
    `scenario ${scenarioId} (${region}) · created ${summary.created} · updated ${summary.updated} · ` +
      `removed ${summary.removed} · skipped ${summary.skipped.length + summary.refused.length}\n`,
  )
  writeSkipped(run.out, summary)
  return summary
}

async function upsertItem(
  api: ReturnType<typeof apiClient>,
  scenarioId: string,
  item: PlannedItem,
  current: Item | undefined,
  summary: ImportSummary,
): Promise<void> {
  const body = { service: item.service, params: item.params, label: item.label }
  try {
    if (current) {
      await api('PATCH', `/scenarios/${scenarioId}/items/${current.id}`, body)
      summary.updated += 1
    } else {
      await api('POST', `/scenarios/${scenarioId}/items`, body)
      summary.created += 1
    }
  } catch (err) {
    if (!(err instanceof ApiError) || err.status !== 422) throw err
    summary.refused.push({ address: item.address, type: item.service, reason: `refused: ${err.message}` })
  }
}

async function listImportedItems(api: ReturnType<typeof apiClient>, scenarioId: string) {
  const items = new Map<string, Item>()
  for (let page = 1; ; page++) {
    const res = await api<{ items: Item[]; total: number }>(
      'GET',
      `/scenarios/${scenarioId}/items?page=${page}&page_size=100`,
    )
    for (const item of res.items) if (item.label?.startsWith(LABEL_PREFIX)) items.set(item.label, item)
    if (res.items.length === 0 || page * 100 >= res.total) return items
  }
}

function writeSkipped(out: Writable, summary: ImportSummary): void {
  for (const s of [...summary.skipped, ...summary.refused])
    out.write(`skipped ${s.address} (${s.type}): ${s.reason}\n`)
}

async function readJson(path: string, what: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown
  } catch (err) {
    throw new Error(`cannot read the ${what} ${path}: ${(err as Error).message}`)
  }
}

/** `mockupaws import terraform PLAN.json`: a client command; it needs no server configuration. */
export async function importCommand(settings: ClientSettings, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      scenario: { type: 'string' },
      name: { type: 'string' },
      region: { type: 'string' },
      usage: { type: 'string' },
      'api-key': { type: 'string' },
      url: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
    },
  })
  const [kind, planPath] = positionals
  const apiKey = values['api-key'] ?? settings.apiKey
  const dryRun = values['dry-run'] === true
  if (kind !== 'terraform' || !planPath || positionals.length !== 2 || (!apiKey && !dryRun)) {
    process.stderr.write(USAGE)
    process.exit(2)
  }
  const plan = await readJson(planPath, 'plan')
  if (!isTerraformPlan(plan)) {
    throw new Error(
      `${planPath} is not a Terraform plan in JSON (run: terraform show -json plan.out > plan.json)`,
    )
  }
  const usage = values.usage ? await readJson(values.usage, 'usage file') : {}
  if (typeof usage !== 'object' || usage === null || Array.isArray(usage)) {
    throw new Error('the usage file must be a JSON object {"<resource address>": {params}}')
  }
  try {
    await runImport({
      plan,
      usage: usage as UsageFile,
      url: values.url ?? settings.url,
      apiKey: apiKey ?? '',
      scenarioId: values.scenario,
      name: values.name,
      region: values.region,
      dryRun,
      out: process.stdout,
    })
  } catch (err) {
    if (!(err instanceof ApiError)) throw err
    throw new Error(`the server answered ${err.status}: ${err.message}`)
  }
}
