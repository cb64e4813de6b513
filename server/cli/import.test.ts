import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { buildTestApp } from '../test/build-test-app.js'
import { createApiKey, createScenario, createUser } from '../test/factories.js'
import { runCli } from '../test/run-cli.js'
import { testEngine } from '../test/test-db.js'

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/terraform/${name}`, import.meta.url))

// Each test spawns the CLI as its own Node process, which takes seconds on a busy machine.
describe(`mockupaws import terraform against a running server on ${testEngine}`, {
  timeout: 90_000,
}, async () => {
  const app = await buildTestApp()
  const url = await app.listen({ port: 0, host: '127.0.0.1' })
  const user = await createUser(app)
  const key = await createApiKey(app, user, { scopes: ['read:scenarios', 'write:scenarios'] })
  const env = { MOCKUPAWS_URL: url, MOCKUPAWS_API_KEY: key.key }

  const itemsOf = async (scenarioId: string) => {
    const res = await app.inject({
      method: 'GET',
      url: `/api/v1/scenarios/${scenarioId}/items?page_size=100`,
      headers: user.headers,
    })
    const items = res.json().items as {
      id: string
      label: string | null
      service: string
      params: Record<string, unknown>
    }[]
    return new Map(items.map((i) => [i.label, i]))
  }

  it('creates a scenario with one line item per priced resource and reports the skipped ones', async () => {
    const result = await runCli(
      [
        'import',
        'terraform',
        fixture('web-stack.plan.json'),
        '--name',
        'Web stack',
        '--usage',
        fixture('web-stack.usage.json'),
      ],
      { env },
    )
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const id = /scenario ([0-9a-f-]{36})/.exec(result.stdout)?.[1] ?? ''
    expect(result.stdout).toContain('created 44 · updated 0 · removed 0 · skipped 7')
    expect(result.stdout).not.toContain('skipped aws_nat_gateway.main')
    expect(result.stdout).toMatch(/skipped aws_instance\.gpu \(ec2\): refused: .*p5\.48xlarge/)

    const scenario = (
      await app.inject({ method: 'GET', url: `/api/v1/scenarios/${id}`, headers: user.headers })
    ).json()
    expect(scenario).toMatchObject({
      name: 'Web stack',
      region: 'eu-west-1',
      tags: ['terraform'],
      status: 'draft',
    })
    const items = await itemsOf(id)
    expect(items.size).toBe(44)
    expect(items.get('terraform: aws_lambda_function.api')?.params).toMatchObject({
      invocations: 10_000_000,
      avg_duration_ms: 120,
      memory_mb: 512,
      architecture: 'arm64',
    })
    expect(items.get('terraform: aws_ecs_service.app')?.params).toMatchObject({
      tasks: 3,
      vcpu: 0.5,
      memory_gb: 1,
    })

    const costs = await app.inject({
      method: 'GET',
      url: `/api/v1/scenarios/${id}/costs`,
      headers: user.headers,
    })
    expect(costs.statusCode).toBe(200)
    // Each imported service is priced or listed as unpriced in the plan's region, never silently dropped.
    const modelled = costs.json().modelled_monthly as {
      by_service: { service: string }[]
      unpriced: { service: string }[]
    }
    const seen = new Set([...modelled.by_service, ...modelled.unpriced].map((s) => s.service))
    expect([...seen]).toEqual(
      expect.arrayContaining(['ec2', 'rds', 'fargate', 'lambda', 'sqs', 's3', 'apigateway', 'nat_gateway']),
    )
  })

  it('updates the items it made in an existing scenario and leaves items added by hand alone', async () => {
    const scenario = await createScenario(app, user, { status: 'running' })
    const manual = await app.inject({
      method: 'POST',
      url: `/api/v1/scenarios/${scenario.id}/items`,
      headers: user.headers,
      payload: { service: 'data_transfer', params: { gb_out: 10 }, label: 'egress estimate' },
    })
    expect(manual.statusCode).toBe(201)
    const first = await runCli(
      ['import', 'terraform', fixture('web-stack.plan.json'), '--scenario', scenario.id],
      {
        env,
      },
    )
    expect(first.code).toBe(0)
    expect(first.stdout).toContain('created 44 · updated 0 · removed 0')
    const second = await runCli(
      ['import', 'terraform', fixture('web-stack-v2.plan.json'), '--scenario', scenario.id],
      {
        env,
      },
    )
    expect(second.code).toBe(0)
    expect(second.stdout).toContain('created 0 · updated 12 · removed 32')
    const items = await itemsOf(scenario.id)
    expect(items.size).toBe(13)
    expect(items.has('egress estimate')).toBe(true)
    expect(items.has('terraform: aws_sqs_queue.jobs')).toBe(false)
    expect(items.get('terraform: aws_lambda_function.api')?.params.memory_mb).toBe(1024)
  })

  it("fails with the server message for another user's scenario, and with usage for bad arguments", async () => {
    const other = await createUser(app)
    const theirs = await createScenario(app, other)
    const result = await runCli(
      ['import', 'terraform', fixture('web-stack.plan.json'), '--scenario', theirs.id],
      {
        env,
      },
    )
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/the server answered 404/)
    const usage = await runCli(['import', 'cloudformation', 'x.json'], { env })
    expect(usage.code).toBe(2)
    expect(usage.stderr).toContain('Usage: mockupaws import terraform')
    const notPlan = await runCli(['import', 'terraform', fixture('web-stack.usage.json')], { env })
    expect(notPlan.code).toBe(1)
    expect(notPlan.stderr).toContain('is not a Terraform plan')
  })

  it('prints the mapping without calling the server with --dry-run', async () => {
    const result = await runCli(['import', 'terraform', fixture('web-stack.plan.json'), '--dry-run'], {
      env: { MOCKUPAWS_URL: 'http://127.0.0.1:1', MOCKUPAWS_API_KEY: '' },
    })
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('would add  aws_ecs_service.app → fargate')
    expect(result.stdout).toContain('would add  aws_kinesis_stream.clicks → kinesis')
    expect(result.stdout).toContain('skipped aws_iam_role.lambda')
  })
})
