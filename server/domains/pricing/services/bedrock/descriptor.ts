import { Type } from '@sinclair/typebox'
import { listModels, modelNames } from '../catalog-values.js'
import { catalogName, count, d, MAX_HOURS, optional, strict } from '../params.js'
import { defineService, type ValidationDetail } from '../service-descriptor.js'
import { bedrockExamples } from './examples.js'
import { bedrockIngest } from './ingest.js'

/** Provisioned Throughput terms: the usage type family of each (`bedrock.provisioned_mu_hours_<term>.<model>`). */
const COMMITMENTS = ['no_commitment', '1_month', '6_months'] as const
type Commitment = (typeof COMMITMENTS)[number]

/** Params that only Provisioned Throughput reads. */
const PROVISIONED_PARAMS = ['model_units', 'commitment', 'provisioned_hours'] as const

/**
 * A Terraform `model_arn` to a catalog model id: the foundation model's id without its version
 * (`anthropic.claude-instant-v1:2:100k` → `anthropic.claude-instant`, `amazon.titan-text-express-v1:0:8k` →
 * `amazon.titan-text-express`); Claude 2 keeps its `-v2`, which names the model (`anthropic.claude-v2:1`).
 */
export function modelOfArn(arn: string): string | undefined {
  const match = /:foundation-model\/([^:/]+)/.exec(arn)
  if (!match?.[1]) return undefined
  const id = match[1]
  return /^anthropic\.claude-v\d+$/.test(id) ? id : id.replace(/-v\d+$/, '')
}

/** Terraform's `commitment_duration` (`OneMonth`, `SixMonths`, absent for none) as our commitment. */
function commitmentOf(duration: unknown): Commitment | undefined {
  if (duration === undefined || duration === null || duration === '') return 'no_commitment'
  if (duration === 'OneMonth') return '1_month'
  if (duration === 'SixMonths') return '6_months'
  return undefined
}

/**
 * On-demand inference bills input and output tokens per model; batch inference bills them at the model's batch
 * rates (half the on-demand ones where AWS lists them), and prompt caching bills tokens written to and read from
 * the cache at their own rates. Provisioned Throughput bills model units per hour at the model's rate for the
 * commitment term, whatever the tokens they serve. A model without a listed rate is reported unpriced for it.
 */
export const bedrock = defineService({
  id: 'bedrock',
  usageTypePrefix: 'bedrock',
  name: 'Amazon Bedrock',
  category: 'ai-ml',
  description:
    'Foundation models billed per input and output token, or per model unit-hour when provisioned.',
  help: 'Input and output tokens per month for one model of the catalog, on demand or in batch, and prompt-cache writes and reads; or model units of Provisioned Throughput under a commitment term.',
  params: Type.Object(
    {
      model: catalogName({ title: 'Model', description: 'A model id of the catalog.' }),
      input_tokens: count({ title: 'Input tokens per month', description: 'Input tokens per month.' }),
      output_tokens: count({ title: 'Output tokens per month', description: 'Output tokens per month.' }),
      inference: optional(
        Type.Union([Type.Literal('on_demand'), Type.Literal('batch'), Type.Literal('provisioned')], {
          title: 'Inference',
          description:
            'on_demand, batch at the model’s batch rates, or provisioned (Provisioned Throughput: model units billed per hour, tokens not billed); on_demand when left out.',
        }),
      ),
      cache_write_tokens: optional(
        count({
          title: 'Cache write tokens per month',
          description: 'Input tokens written to the prompt cache per month; 0 when left out.',
        }),
      ),
      cache_read_tokens: optional(
        count({
          title: 'Cache read tokens per month',
          description: 'Input tokens read from the prompt cache per month; 0 when left out.',
        }),
      ),
      model_units: optional(
        Type.Integer({
          minimum: 1,
          maximum: 1000,
          title: 'Model units',
          description:
            'Provisioned Throughput model units bought for the model (inference: provisioned only); 1 when left out.',
        }),
      ),
      commitment: optional(
        Type.Union([Type.Literal('no_commitment'), Type.Literal('1_month'), Type.Literal('6_months')], {
          title: 'Commitment term',
          description:
            'Provisioned Throughput term: no_commitment (hourly), 1_month or 6_months, each at its own rate per model unit-hour (inference: provisioned only); no_commitment when left out.',
        }),
      ),
      provisioned_hours: optional(
        Type.Number({
          minimum: 0,
          maximum: MAX_HOURS,
          title: 'Provisioned hours per month',
          description:
            'Hours per month the model units are held (inference: provisioned only; a commitment bills every hour of its term, 744 in a 31-day month); 730 when left out.',
        }),
      ),
    },
    strict,
  ),
  rangedParams: [],
  catalogValues: [{ param: 'model', what: 'Bedrock model', known: listModels, names: modelNames }],
  checkParams(p) {
    const problems: ValidationDetail[] = []
    if (p.inference !== undefined && p.inference !== 'on_demand') {
      if (p.cache_read_tokens !== undefined || p.cache_write_tokens !== undefined) {
        problems.push({
          field: 'params.inference',
          reason: 'prompt caching applies to on-demand inference; make it its own item',
        })
      }
    }
    if (p.inference !== 'provisioned') {
      for (const param of PROVISIONED_PARAMS) {
        if (p[param] !== undefined) {
          problems.push({
            field: `params.${param}`,
            reason: 'applies to Provisioned Throughput only; set inference to provisioned',
          })
        }
      }
    }
    return problems
  },
  toUsage(p, _at, sink) {
    if (p.inference === 'provisioned') {
      // Provisioned Throughput: every model unit is billed each hour it is held, at the term's rate; the
      // tokens it serves are not billed.
      const hours = d(p.provisioned_hours ?? 730)
      sink(
        `bedrock.provisioned_mu_hours_${p.commitment ?? 'no_commitment'}.${p.model}`,
        hours.times(p.model_units ?? 1),
      )
      return
    }
    const mode = p.inference === 'batch' ? 'batch_' : ''
    sink(`bedrock.${mode}input_tokens.${p.model}`, d(p.input_tokens))
    sink(`bedrock.${mode}output_tokens.${p.model}`, d(p.output_tokens))
    sink(`bedrock.cache_write_tokens.${p.model}`, d(p.cache_write_tokens ?? 0))
    sink(`bedrock.cache_read_tokens.${p.model}`, d(p.cache_read_tokens ?? 0))
  },
  usageTypes: [
    {
      match: 'bedrock.input_tokens.*',
      unit: 'tokens',
      kind: 'flow',
      description: 'Input tokens, per model.',
    },
    {
      match: 'bedrock.output_tokens.*',
      unit: 'tokens',
      kind: 'flow',
      description: 'Output tokens, per model.',
    },
    {
      match: 'bedrock.batch_input_tokens.*',
      unit: 'tokens',
      kind: 'flow',
      description: 'Input tokens processed in batch, per model.',
    },
    {
      match: 'bedrock.batch_output_tokens.*',
      unit: 'tokens',
      kind: 'flow',
      description: 'Output tokens produced in batch, per model.',
    },
    {
      match: 'bedrock.cache_write_tokens.*',
      unit: 'tokens',
      kind: 'flow',
      description: 'Input tokens written to the prompt cache, per model.',
    },
    {
      match: 'bedrock.cache_read_tokens.*',
      unit: 'tokens',
      kind: 'flow',
      description: 'Input tokens read from the prompt cache, per model.',
    },
    ...COMMITMENTS.map((term) => ({
      match: `bedrock.provisioned_mu_hours_${term}.*`,
      unit: 'model-unit-hours',
      kind: 'flow' as const,
      description: `Provisioned Throughput model unit-hours, ${term.replace('_', ' ')} term, per model.`,
    })),
  ],
  ingest: bedrockIngest,
  sdk: [{ client: 'BedrockRuntimeClient', commands: ['Converse', 'InvokeModel'] }],
  priceList: [],
  terraform: {
    aws_bedrock_provisioned_model_throughput: ({ values }) => {
      const arn = typeof values.model_arn === 'string' ? values.model_arn : undefined
      if (!arn) return { skip: 'model_arn is not known until apply' }
      const model = modelOfArn(arn)
      if (!model) return { skip: 'a custom model: price its base model as a provisioned item' }
      const commitment = commitmentOf(values.commitment_duration)
      if (!commitment)
        return { skip: `commitment_duration ${String(values.commitment_duration)} is not one AWS offers` }
      const units = typeof values.model_units === 'number' ? values.model_units : 1
      return {
        params: {
          model,
          input_tokens: 0,
          output_tokens: 0,
          inference: 'provisioned' as const,
          model_units: units,
          commitment,
        },
      }
    },
  },
  examples: bedrockExamples,
})
