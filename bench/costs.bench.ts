import { performance } from 'node:perf_hooks'
import { bundledCatalog as catalog } from '../server/domains/pricing/catalog.js'
import { priceUsage } from '../server/domains/pricing/cost-engine.js'
import { type LineItem, lineItemsToUsage } from '../server/domains/pricing/line-items.js'

/** A scenario of 100 line items cycling through every service, as a busy modelled scenario would have. */
function buildScenario(): LineItem[] {
  const templates: LineItem[] = [
    {
      service: 'lambda',
      params: { invocations: 10_000_000, avg_duration_ms: 200, memory_mb: 1024, architecture: 'arm64' },
    },
    { service: 'sqs', params: { requests: 50_000_000, queue_type: 'fifo' } },
    { service: 'sns', params: { publishes: 2_000_000, http_deliveries: 500_000, email_deliveries: 5_000 } },
    { service: 's3', params: { storage_gb: 500, put_requests: 1_000_000, get_requests: 10_000_000 } },
    {
      service: 'dynamodb',
      params: { write_request_units: 5_000_000, read_request_units: 20_000_000, storage_gb: 40 },
    },
    { service: 'apigateway', params: { api_type: 'http', requests: 30_000_000 } },
    { service: 'cloudwatch_logs', params: { ingested_gb: 50, stored_gb: 200 } },
    {
      service: 'bedrock',
      params: { model: 'anthropic.claude-3-haiku', input_tokens: 1.6e9, output_tokens: 4e8 },
    },
    { service: 'ec2', params: { instance_type: 'm7g.large', count: 3 } },
    { service: 'rds', params: { instance_class: 'db.t3.medium', count: 1, storage_gb: 100 } },
    { service: 'fargate', params: { tasks: 4, vcpu: 0.5, memory_gb: 1, hours: 730 } },
    { service: 'data_transfer', params: { gb_out: 2_000 } },
  ]
  return Array.from({ length: 100 }, (_, index) => templates[index % templates.length] as LineItem)
}

function runOnce(items: LineItem[]) {
  const result = lineItemsToUsage(items, catalog)
  if (!result.ok) throw new Error(`invalid scenario: ${JSON.stringify(result.details)}`)
  return priceUsage({ region: 'us-east-1', usage: result.usage, includeFreeTier: true, catalog })
}

const items = buildScenario()
const warmup = 200
const runs = 2_000
for (let i = 0; i < warmup; i += 1) runOnce(items)
const timings: number[] = []
for (let i = 0; i < runs; i += 1) {
  const start = performance.now()
  runOnce(items)
  timings.push(performance.now() - start)
}
timings.sort((a, b) => a - b)
const at = (q: number) => timings[Math.min(timings.length - 1, Math.floor(q * timings.length))] ?? Number.NaN
const mean = timings.reduce((sum, t) => sum + t, 0) / timings.length
const budgetMs = 10
console.log(`costs: 100 line items → validate + usage + price, ${runs} runs`)
console.log(`mean ${mean.toFixed(3)} ms  p50 ${at(0.5).toFixed(3)} ms  p99 ${at(0.99).toFixed(3)} ms`)
console.log(`budget ${budgetMs} ms, p99 is ${(at(0.99) / budgetMs).toFixed(3)}× the budget`)
