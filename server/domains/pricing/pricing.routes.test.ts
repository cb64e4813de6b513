import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/client.js'
import { buildTestApp } from '../../test/build-test-app.js'
import { createApiKey, createUser } from '../../test/factories.js'
import { runCli } from '../../test/run-cli.js'
import { createTestDatabase, type TestDatabase, testEngine } from '../../test/test-db.js'
import { SERVICE_IDS } from './services/registry.js'

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname

describe(`pricing endpoints on ${testEngine}`, async () => {
  const app = await buildTestApp()
  const user = await createUser(app)
  const get = (url: string, headers: Record<string, string> = user.headers) =>
    app.inject({ method: 'GET', url: `/api/v1/pricing${url}`, headers })

  it('lists the regions of the catalog with its date', async () => {
    const res = await get('/regions')
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.currency).toBe('USD')
    expect(body.as_of).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    const codes = body.regions.map((r: { code: string }) => r.code)
    // every commercial AWS Region (no GovCloud, no China), sorted by code
    expect(codes).toHaveLength(34)
    expect(codes).toEqual([...codes].sort())
    expect(codes).toEqual(
      expect.arrayContaining(['ap-south-1', 'eu-west-2', 'sa-east-1', 'us-east-2', 'mx-central-1']),
    )
    expect(codes.filter((code: string) => code.startsWith('us-gov') || code.startsWith('cn-'))).toEqual([])
    expect(body.regions).toContainEqual({ code: 'us-east-1', name: 'US East (N. Virginia)' })
    expect(body.regions).toContainEqual({ code: 'ap-northeast-1', name: 'Asia Pacific (Tokyo)' })
  })

  it("lists the services with free tier, models and the catalog's choices (instance types)", async () => {
    const res = await get('/services')
    expect(res.statusCode).toBe(200)
    const services = res.json().services as {
      id: string
      models?: { id: string }[]
      choices: Record<string, string[]>
      choice_labels: Record<string, Record<string, string>>
    }[]
    expect(services.map((s) => s.id)).toEqual(SERVICE_IDS)
    const lambda = res.json().services[0]
    expect(lambda).toMatchObject({
      display_name: 'AWS Lambda',
      category: 'compute',
      ranged_params: [
        'provisioned_concurrency',
        'provisioned_hours',
        'managed_instances',
        'managed_instance_hours',
      ],
    })
    expect(lambda.params_schema.properties.memory_mb).toMatchObject({
      type: 'integer',
      minimum: 128,
      title: 'Memory (MB)',
    })
    expect(lambda.params_schema.required).toEqual(['invocations', 'avg_duration_ms', 'memory_mb'])
    expect(services.find((s) => s.id === 'bedrock')?.models?.map((m) => m.id)).toContain(
      'anthropic.claude-3-haiku',
    )
    const bedrock = services.find((s) => s.id === 'bedrock')
    // every model the form offers has its name for the picker; values without names have no labels
    expect(bedrock?.choice_labels.model?.['anthropic.claude-sonnet-4-5']).toBe('Claude Sonnet 4.5')
    expect(bedrock?.choices.model?.filter((id) => !bedrock.choice_labels.model?.[id])).toEqual([])
    expect(services.find((s) => s.id === 'ec2')?.choice_labels).toEqual({})
    expect(services.find((s) => s.id === 'ec2')?.choices.instance_type).toContain('m7g.large')
    expect(services.find((s) => s.id === 'rds')?.choices.instance_class).toContain('db.t4g.micro')
    expect(res.json().services[0].free_tier[0]).toMatchObject({
      usage_types: ['lambda.requests'],
      quantity: '1000000',
    })
  })

  it('answers the prices of one service in one region with tiers, source and free tier', async () => {
    const res = await get('/us-east-1/sqs')
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body).toMatchObject({ region: 'us-east-1', service: 'sqs', service_name: expect.any(String) })
    const standard = body.prices.find((p: { usage_type: string }) => p.usage_type === 'sqs.requests.standard')
    expect(standard).toMatchObject({
      unit: 'requests',
      per: '1000000',
      tiers: [
        { upto: '100000000000', price: '0.4' },
        { upto: '200000000000', price: '0.3' },
        { upto: null, price: '0.24' },
      ],
      confidence: expect.stringMatching(/official|price-list|secondary|inferred/),
      as_of: expect.any(String),
      source: expect.any(String),
    })
    expect(standard.source_url).toMatch(/^https:\/\//)
    expect(body.free_tier[0]).toMatchObject({ quantity: '1000000' })
    expect(body.unpriced_usage_types).toEqual([])
    expect(body.not_offered_usage_types).toEqual([])
  })

  it('names the usage types with no price in the region', async () => {
    // MQ's 2026-06-17 rate map prices Taipei's broker storage but none of the catalog's broker types there, while the
    // AWS SDK's endpoint list has an mq endpoint: missing prices, not a not-offered claim. (SES, an example before,
    // is not sold in Taipei at all.)
    const res = await get('/ap-east-2/mq')
    expect(res.statusCode).toBe(200)
    expect(
      res
        .json()
        .prices.map((p: { usage_type: string }) => p.usage_type)
        .sort(),
    ).toEqual(['mq.storage_gb_month.ebs', 'mq.storage_gb_month.efs'])
    expect(res.json().unpriced_usage_types).toEqual([
      { usage_type: 'mq.broker_hours.activemq.active_standby_multi_az.mq.m5.large', unit: 'broker-hours' },
      { usage_type: 'mq.broker_hours.activemq.single_instance.mq.t2.micro', unit: 'broker-hours' },
      { usage_type: 'mq.broker_hours.rabbitmq.cluster_multi_az.mq.m5.xlarge', unit: 'broker-hours' },
      { usage_type: 'mq.broker_hours.rabbitmq.single_instance.mq.m5.xlarge', unit: 'broker-hours' },
    ])
    expect(res.json().not_offered_usage_types).toEqual([])
    expect((await get('/ap-east-2/ses')).json().unpriced_usage_types).toEqual([])
  })

  it('names the usage types AWS does not offer in the region apart, with their source', async () => {
    const res = await get('/sa-east-1/apprunner')
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.prices).toEqual([])
    expect(body.unpriced_usage_types).toEqual([])
    expect(body.not_offered_usage_types.map((u: { usage_type: string }) => u.usage_type)).toEqual([
      'apprunner.active_gb_hours',
      'apprunner.active_vcpu_hours',
      'apprunner.provisioned_gb_hours',
    ])
    expect(body.not_offered_usage_types[0]).toEqual({
      usage_type: 'apprunner.active_gb_hours',
      unit: 'GB-hours',
      source: 'apprunner-endpoints',
      source_url: 'https://docs.aws.amazon.com/general/latest/gr/apprunner.html',
      as_of: '2026-12-07',
      note: 'App Runner has no endpoint in South America (São Paulo).',
    })
  })

  it.each([
    ['/mars-1/lambda', 'Region not found.'],
    ['/us-east-1/mainframe', 'Service not found.'],
  ])('answers 404 for %s', async (url, message) => {
    const res = await get(url)
    expect(res.statusCode).toBe(404)
    expect(res.json()).toEqual({ error: 'not_found', message })
  })

  it('requires authentication but no scope', async () => {
    const anonymous = await app.inject({ method: 'GET', url: '/api/v1/pricing/regions' })
    expect(anonymous.statusCode).toBe(401)
    expect(anonymous.json().error).toBe('missing_token')
    const key = await createApiKey(app, user, { scopes: ['write:ingest'] })
    const withKey = await get('/us-east-1/lambda', key.headers)
    expect(withKey.statusCode).toBe(200)
  })

  it('lists the services to anyone: a shared-link visitor sees their names', async () => {
    const anonymous = await app.inject({ method: 'GET', url: '/api/v1/pricing/services' })
    expect(anonymous.statusCode).toBe(200)
    expect(anonymous.json().services[0]).toMatchObject({ id: 'lambda', display_name: 'AWS Lambda' })
  })
})

// Each test spawns the CLI twice through tsx, and each run migrates a fresh PGlite directory: about 10 s apiece on
// a quiet 2-core machine, several times that while other suites share the cores.
const CLI_TEST_TIMEOUT_MS = 180_000

describe(`mockupaws pricing import on ${testEngine}`, () => {
  /** The CLI's database: a PGlite directory, or a fresh PostgreSQL database when TEST_DATABASE_URL is set. */
  async function cliDatabase(): Promise<{ env: Record<string, string>; open(): Promise<TestDatabase> }> {
    const dataDir = mkdtempSync(join(tmpdir(), 'mockupaws-pricing-'))
    const env = { DATA_DIR: dataDir, JWT_SECRET_KEY: 'cli-test-secret-0123456789abcdef0123' }
    if (testEngine === 'postgres') {
      const database = await createTestDatabase()
      return { env: { ...env, DATABASE_URL: database.url ?? '' }, open: async () => database }
    }
    return { env, open: () => openDatabase({ dataDir: join(dataDir, 'pglite') }) }
  }

  it(
    'stores the imported catalog, prints a summary, and a new app serves the imported price',
    async () => {
      const { env, open } = await cliDatabase()
      const res = await runCli(['pricing', 'import', fixture('lambda-offer.json')], { env })
      expect(res.stderr).toBe('')
      expect(res.code).toBe(0)
      expect(res.stdout).toContain('eu-west-1: 1 usage type updated')
      expect(res.stdout).toContain('us-east-1: 3 usage types updated')
      expect(res.stdout).toContain(
        'lambda.provisioned_concurrency_gb_seconds.x86_64 ← Lambda-Provisioned-Concurrency: 0.0000041667',
      )
      expect(res.stdout).toMatch(/lambda\.gb_seconds\.arm64 ← EU-Lambda-GB-Second-ARM: .*\(was /)
      expect(res.stdout).toContain('skipped 1 product')
      expect(res.stdout).toContain('stored the updated catalog')

      const second = await runCli(['pricing', 'import', fixture('sqs-offer.json')], { env })
      expect(second.code).toBe(0)

      const app = await buildTestApp({ database: await open() })
      const user = await createUser(app)
      const lambda = await app.inject({
        method: 'GET',
        url: '/api/v1/pricing/us-east-1/lambda',
        headers: user.headers,
      })
      const x86 = lambda
        .json()
        .prices.find((p: { usage_type: string }) => p.usage_type === 'lambda.gb_seconds.x86_64')
      expect(x86).toMatchObject({
        per: '1',
        confidence: 'price-list',
        as_of: '2025-10-01',
        source: 'offer-AWSLambda',
        tiers: [
          { upto: '6000000000', price: '0.0000166667' },
          { upto: '15000000000', price: '0.000015' },
          { upto: null, price: '0.0000133334' },
        ],
      })
      // The second import was applied on top of the first: both offers are in the stored catalog.
      const sqs = await app.inject({
        method: 'GET',
        url: '/api/v1/pricing/us-east-1/sqs',
        headers: user.headers,
      })
      expect(
        sqs.json().prices.find((p: { usage_type: string }) => p.usage_type === 'sqs.requests.standard'),
      ).toMatchObject({ source: 'offer-AWSQueueService', per: '1' })
      const arm = await app.inject({
        method: 'GET',
        url: '/api/v1/pricing/eu-west-1/lambda',
        headers: user.headers,
      })
      expect(
        arm.json().prices.find((p: { usage_type: string }) => p.usage_type === 'lambda.gb_seconds.arm64'),
      ).toMatchObject({ confidence: 'price-list' })
    },
    CLI_TEST_TIMEOUT_MS,
  )

  it(
    'refuses a file that is not an offer file, and prints usage without a file',
    async () => {
      const { env } = await cliDatabase()
      const dir = mkdtempSync(join(tmpdir(), 'mockupaws-offer-'))
      const notOffer = join(dir, 'not-offer.json')
      writeFileSync(notOffer, '{"hello": "world"}')
      const bad = await runCli(['pricing', 'import', notOffer], { env })
      expect(bad.code).toBe(1)
      expect(bad.stderr).toContain('is not an AWS Price List offer file')
      const missing = await runCli(['pricing', 'import', join(dir, 'absent.json')], { env })
      expect(missing.code).toBe(1)
      expect(missing.stderr).toContain('cannot read')
      const usage = await runCli(['pricing'], { env })
      expect(usage.code).toBe(2)
      expect(usage.stderr).toContain('Usage: mockupaws pricing import FILE')
    },
    CLI_TEST_TIMEOUT_MS,
  )
})
