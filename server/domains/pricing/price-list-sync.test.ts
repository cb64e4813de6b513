import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { buildTestApp } from '../../test/build-test-app.js'
import { createUser } from '../../test/factories.js'
import { runCli } from '../../test/run-cli.js'
import { testEngine } from '../../test/test-db.js'
import { ec2Offer, lambdaOffer, startPriceListServer } from './fixtures/price-list-server.js'
import { type SyncProgress, type SyncResult, syncPriceList } from './price-list-sync.js'

const NOVEMBER = { version: '20261120000000', publicationDate: '2026-11-20T00:00:00Z' }
const DECEMBER = { version: '20261201000000', publicationDate: '2026-12-01T00:00:00Z' }
/** The catalog's own m5.large Windows and Standard 1-year No Upfront rates, so only what a test changes differs. */
const EC2_RATES = {
  'us-east-1': { windowsUsd: '0.1880000000', reservedUsd: '0.0600000000' },
  'eu-west-1': { windowsUsd: '0.1990000000', reservedUsd: '0.0670000000' },
}

/** Progress as plain lines, so a test can read what the user saw. */
function recordProgress(): SyncProgress & { lines: string[] } {
  const lines: string[] = []
  return {
    lines,
    note: (message) => lines.push(message),
    transfer: () => undefined,
    transferred: (label, bytes, resumedFrom, cached) =>
      lines.push(`${label} ${bytes} ${resumedFrom} ${cached}`),
  }
}

describe(`mockupaws pricing sync on ${testEngine}`, { timeout: 120_000 }, async () => {
  const server = await startPriceListServer()
  afterAll(() => server.close())
  const lambdaUse1 = server.publish(
    'AWSLambda',
    'us-east-1',
    lambdaOffer('us-east-1', { ...NOVEMBER, requestUsd: '0.00000025' }),
  )
  server.publish('AWSLambda', 'eu-west-1', lambdaOffer('eu-west-1', { ...NOVEMBER, requestUsd: '0.0000002' }))
  const ec2Use1 = server.publish(
    'AmazonEC2',
    'us-east-1',
    ec2Offer('us-east-1', { ...NOVEMBER, ...EC2_RATES['us-east-1'], linuxUsd: '0.0960000000' }),
  )
  server.publish(
    'AmazonEC2',
    'eu-west-1',
    ec2Offer('eu-west-1', { ...NOVEMBER, ...EC2_RATES['eu-west-1'], linuxUsd: '0.1070000000' }),
  )

  const app = await buildTestApp()
  const user = await createUser(app)
  const get = (url: string) =>
    app.inject({ method: 'GET', url: `/api/v1/pricing${url}`, headers: user.headers })
  const snapshots = async () => (await get('/snapshots?page_size=100')).json()
  const cacheDir = mkdtempSync(join(tmpdir(), 'mockupaws-price-list-'))
  const sync = (options: { services?: string[]; regions?: string[]; cacheDir?: string } = {}) =>
    syncPriceList(app.services.pricing, {
      services: options.services ?? ['lambda', 'ec2'],
      regions: options.regions ?? ['us-east-1', 'eu-west-1'],
      baseUrl: server.url,
      cacheDir: options.cacheDir ?? cacheDir,
      progress: recordProgress(),
    })
  const regionalRequests = () => server.requests.filter((r) => /\/\d{14}\//.test(r.path)).map((r) => r.path)

  it('refuses an unknown service, a service without Price List mapping and an unknown region before any download', async () => {
    await expect(sync({ services: ['lambda', 'nope'] })).rejects.toThrow(
      /^unknown service nope; services that sync: .*lambda/,
    )
    await expect(sync({ services: ['bedrock'] })).rejects.toThrow(
      /service bedrock has no AWS Price List mapping yet/,
    )
    await expect(sync({ regions: ['us-east-1', 'xx-north-9'] })).rejects.toThrow(
      /^unknown region xx-north-9; regions are AWS/,
    )
    await expect(sync({ regions: [] })).rejects.toThrow(/no region chosen/)
    expect(server.requests).toEqual([])
  })

  it('leaves the catalog unchanged when the server fails, even after other files downloaded', async () => {
    const failingDir = mkdtempSync(join(tmpdir(), 'mockupaws-price-list-'))
    server.fail(ec2Use1, 503)
    const before = await snapshots()
    await expect(sync({ cacheDir: failingDir })).rejects.toThrow(
      new RegExp(`GET ${server.url}${ec2Use1} answered 503 .*the catalog is unchanged`),
    )
    expect(await snapshots()).toEqual(before)
    // 503 is retried, then given up.
    expect(server.requests.filter((r) => r.path === ec2Use1)).toHaveLength(3)
    server.fail(ec2Use1, undefined)
    server.fail('/offers/v1.0/aws/AWSLambda/current/region_index.json', 500)
    await expect(sync({ cacheDir: failingDir })).rejects.toThrow(/region_index.json answered 500/)
    server.fail('/offers/v1.0/aws/AWSLambda/current/region_index.json', undefined)
    expect(await snapshots()).toEqual(before)
    expect(app.services.pricing.currentSnapshot().id).toBe(before.items[0].id)
  })

  let first: SyncResult
  it('stores one snapshot dated with the publication date; the diff shows what changed', async () => {
    const before = await snapshots()
    server.requests.length = 0
    first = await sync()
    expect(first.offers.map((o) => o.key)).toEqual([
      'AWSLambda/us-east-1',
      'AWSLambda/eu-west-1',
      'AmazonEC2/us-east-1',
      'AmazonEC2/eu-west-1',
    ])
    expect(first.snapshot?.as_of).toBe('2026-11-20')
    const listed = await snapshots()
    expect(listed.total).toBe(before.total + 1)
    expect(listed.items[0]).toMatchObject({
      id: first.snapshot?.id,
      source: 'import',
      as_of: '2026-11-20',
      current: true,
    })
    expect(listed.items[0].source_file).toContain('AWS Price List sync 2026-11-20')

    // Lambda requests went from $0.20 to $0.25 per million in us-east-1 (a price change served on purpose), and
    // the Savings Plans rates of m5.large and Lambda duration, which the catalog did not have, were added in both
    // regions.
    const diff = (await get(`/snapshots/diff?from=${before.items[0].id}&to=${first.snapshot?.id}`)).json()
    const changes = diff.items.map(
      (i: { region: string; usage_type: string; change: string; new_unit_price: string }) =>
        `${i.region} ${i.usage_type} ${i.change} ${i.new_unit_price}`,
    )
    expect(changes).toEqual(
      ['eu-west-1', 'us-east-1'].flatMap((region) => [
        `${region} ec2.savings_plan_hours.compute_1y_no_upfront.m5.large added 0.068`,
        `${region} ec2.savings_plan_hours.compute_1y_no_upfront.windows.m5.large added 0.16`,
        // Partial Upfront splits the rate as the AWS Pricing Calculator does: half hourly, half upfront
        // ($0.041 × 26,280 hours × 50 % = $538.74 per instance covered).
        `${region} ec2.savings_plan_hours.ec2_instance_3y_partial_upfront.m5.large added 0.0205`,
        `${region} ec2.savings_plan_upfront.ec2_instance_3y_partial_upfront.m5.large added 538.74`,
        ...(region === 'us-east-1' ? ['us-east-1 lambda.requests changed 0.00000025'] : []),
        `${region} lambda.savings_plan_gb_seconds.compute_1y_no_upfront.x86_64 added 0.0000139`,
      ]),
    )
    expect(diff.items.find((i: { usage_type: string }) => i.usage_type === 'lambda.requests')).toMatchObject({
      old_unit_price: '0.0000002',
      percent_change: '25',
    })
    // Everything else equals the catalog: the three tiered duration bands, m5.large Linux (not Windows).
    const lambda = (await get('/us-east-1/lambda')).json()
    const x86 = lambda.prices.find((p: { usage_type: string }) => p.usage_type === 'lambda.gb_seconds.x86_64')
    expect(x86).toMatchObject({
      confidence: 'price-list',
      as_of: '2026-11-20',
      source: 'price-list-AWSLambda-us-east-1',
      source_url: `${server.url}${lambdaUse1}`,
      tiers: [
        { upto: '6000000000', price: '0.0000166667' },
        { upto: '15000000000', price: '0.000015' },
        { upto: null, price: '0.0000133334' },
      ],
    })
    const ec2 = (await get('/eu-west-1/ec2')).json()
    expect(
      ec2.prices.find((p: { usage_type: string }) => p.usage_type === 'ec2.instance_hours.m5.large'),
    ).toMatchObject({
      tiers: [{ upto: null, price: '0.107' }],
      as_of: '2026-11-20',
    })
    const ec2Use1Result = first.offers.find((o) => o.key === 'AmazonEC2/us-east-1')
    expect(ec2Use1Result).toMatchObject({ products: 3, reserved_terms: 1 })
    // Linux on demand and its Reserved term, Windows with its licence; bring-your-own-licence maps to nothing.
    expect(ec2Use1Result?.updated.map((u) => u.usage_type)).toEqual([
      'ec2.instance_hours.m5.large',
      'ec2.reserved_hours.standard_1y_no_upfront.m5.large',
      'ec2.instance_hours_windows.m5.large',
    ])
    const reservedUse1 = (await get('/us-east-1/ec2')).json()
    expect(
      reservedUse1.prices.find(
        (p: { usage_type: string }) => p.usage_type === 'ec2.reserved_hours.standard_1y_no_upfront.m5.large',
      ),
    ).toMatchObject({ confidence: 'price-list', as_of: '2026-11-20', tiers: [{ upto: null, price: '0.06' }] })
    // Savings Plans: one file per region; the rates of the synced services (EC2, Lambda) are applied, Fargate's
    // are not (Fargate was not asked for).
    expect(
      first.savings_plans.map((plans) => ({ ...plans, updated: plans.updated.map((u) => u.usage_type) })),
    ).toEqual(
      ['us-east-1', 'eu-west-1'].map((region) => ({
        key: `AWSComputeSavingsPlan/${region}`,
        publication_date: '2026-11-19T00:00:00Z',
        rates: 5,
        updated: [
          'ec2.savings_plan_hours.compute_1y_no_upfront.m5.large',
          'ec2.savings_plan_hours.compute_1y_no_upfront.windows.m5.large',
          'lambda.savings_plan_gb_seconds.compute_1y_no_upfront.x86_64',
          'ec2.savings_plan_hours.ec2_instance_3y_partial_upfront.m5.large',
          'ec2.savings_plan_upfront.ec2_instance_3y_partial_upfront.m5.large',
        ],
        withdrawn_not_offered: [],
      })),
    )
    // Files are fetched in place, not re-downloaded from the failed runs' partial cache (other directory).
    expect(regionalRequests()).toHaveLength(6)
  })

  it('skips offers whose version was already synced, and fetches only a newly published one', async () => {
    server.requests.length = 0
    const again = await sync()
    expect(again.snapshot).toBeNull()
    expect(again.offers).toEqual([])
    expect(again.unchanged.sort()).toEqual(
      [...first.offers.map((o) => o.key), ...first.savings_plans.map((p) => p.key)].sort(),
    )
    expect(regionalRequests()).toEqual([])

    const december = server.publish(
      'AWSLambda',
      'us-east-1',
      lambdaOffer('us-east-1', { ...DECEMBER, requestUsd: '0.0000002' }),
    )
    server.requests.length = 0
    const third = await sync()
    expect(regionalRequests()).toEqual([december])
    expect(third.offers.map((o) => o.key)).toEqual(['AWSLambda/us-east-1'])
    expect(third.snapshot?.as_of).toBe('2026-12-01')
    const diff = (await get(`/snapshots/diff?from=${first.snapshot?.id}&to=${third.snapshot?.id}`)).json()
    expect(
      diff.items.map((i: { usage_type: string; percent_change: string }) => [i.usage_type, i.percent_change]),
    ).toEqual([['lambda.requests', '-20']])
  })

  it('resumes a download cut mid-file, from the byte where it stopped', async () => {
    const path = server.publish(
      'AmazonEC2',
      'us-east-1',
      ec2Offer('us-east-1', { ...DECEMBER, ...EC2_RATES['us-east-1'], linuxUsd: '0.0990000000' }),
    )
    const half = Math.floor(server.sizeOf(path) / 2)
    server.cutAfter(path, half)
    server.requests.length = 0
    const result = await sync({ services: ['ec2'], regions: ['us-east-1'] })
    const attempts = server.requests.filter((r) => r.path === path)
    expect(attempts).toHaveLength(2)
    expect(attempts[0]?.range).toBeUndefined()
    expect(attempts[1]?.range).toBe(`bytes=${half}-`)
    expect(attempts[1]?.ifRange).toMatch(/^"[0-9a-f]{32}"$/)
    expect(result.offers[0]?.updated[0]?.tiers).toEqual([{ upto: null, price: '0.099' }])
    const partials = readdirSync(cacheDir, { recursive: true }).filter((f) => String(f).includes('.partial'))
    expect(partials).toEqual([])
  })

  it('keeps the partial file of a run that gave up, and the next run resumes it', async () => {
    const path = server.publish(
      'AmazonEC2',
      'eu-west-1',
      ec2Offer('eu-west-1', { ...DECEMBER, ...EC2_RATES['eu-west-1'], linuxUsd: '0.1110000000' }),
    )
    server.cutAfter(path, 1000, 3)
    const before = await snapshots()
    await expect(sync({ services: ['ec2'], regions: ['eu-west-1'] })).rejects.toThrow(
      /a re-run resumes the download/,
    )
    expect(await snapshots()).toEqual(before)
    const partial = readdirSync(cacheDir, { recursive: true })
      .map(String)
      .find((f) => f.endsWith('index.json.partial'))
    expect(partial).toBeDefined()
    server.requests.length = 0
    const result = await sync({ services: ['ec2'], regions: ['eu-west-1'] })
    expect(server.requests.filter((r) => r.path === path).map((r) => r.range)).toEqual(['bytes=3000-'])
    expect(result.offers[0]?.updated[0]?.tiers).toEqual([{ upto: null, price: '0.111' }])
    expect(existsSync(join(cacheDir, String(partial)))).toBe(false)
  })

  it('runs as `mockupaws pricing sync` with plain progress lines off a terminal', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mockupaws-sync-cli-'))
    const env = { DATA_DIR: dataDir, JWT_SECRET_KEY: 'cli-test-secret-0123456789abcdef0123' }
    const refused = await runCli(['pricing', 'sync', '--regions', 'us-east-1', '--services', 'nope'], { env })
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/^mockupaws: unknown service nope; services that sync: /)
    const res = await runCli(
      ['pricing', 'sync', '--regions', 'us-east-1', '--services', 'lambda', '--base-url', server.url],
      { env },
    )
    expect(res.code).toBe(0)
    expect(res.stderr).toContain('downloading AWSLambda/us-east-1')
    expect(res.stderr).toMatch(/AWSLambda\/us-east-1: [\d.]+ kB downloaded/)
    expect(res.stdout).toContain(
      'AWSLambda/us-east-1 (published 2026-12-01T00:00:00Z): 2 prices applied from 3 products',
    )
    expect(res.stdout).toContain('lambda.requests ← Request: 0.0000002 (was 0.2 per 1000000)')
    // Only Lambda's plan rate applies: the EC2 and Fargate rates are not Lambda's.
    expect(res.stdout).toContain(
      'AWSComputeSavingsPlan/us-east-1 (published 2026-11-19T00:00:00Z): 1 price applied from 5 Savings Plans rates',
    )
    expect(res.stdout).toContain(
      'lambda.savings_plan_gb_seconds.compute_1y_no_upfront.x86_64 ← Lambda-GB-Second: 0.0000139 (new)',
    )
    expect(res.stdout).toMatch(/stored snapshot [0-9a-f-]{36} \(as of 2026-12-01\)/)
    expect(existsSync(join(dataDir, 'price-list-cache'))).toBe(true)
  }, 300_000)
  it('downloads AmazonRDS once for RDS and Aurora and applies the rows of both', async () => {
    const rdsOffer = JSON.parse(
      readFileSync(new URL('./fixtures/rds-offer.json', import.meta.url), 'utf8'),
    ) as { version: string }
    const path = server.publish('AmazonRDS', 'us-east-1', rdsOffer)
    server.requests.length = 0
    const result = await sync({ services: ['rds', 'aurora'], regions: ['us-east-1'] })
    expect(regionalRequests()).toEqual([path])
    expect(result.offers.map((o) => o.key)).toEqual(['AmazonRDS/us-east-1'])
    const usageTypes = result.offers[0]?.updated.map((u) => u.usage_type) ?? []
    expect(usageTypes).toContain('aurora.instance_hours.postgresql.db.r6g.xlarge')
    expect(usageTypes).toContain('rds.mysql_instance_hours_multi_az.db.t3.micro')
    expect(usageTypes).toContain('rds.sqlserver_se_instance_hours.db.m5.xlarge')
    expect(usageTypes).toHaveLength(10)
    expect(result.snapshot?.as_of).toBe('2026-10-08')
  })
})
