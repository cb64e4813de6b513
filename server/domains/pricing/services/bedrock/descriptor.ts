import { Type } from '@sinclair/typebox'
import { listModels } from '../catalog-values.js'
import { catalogName, count, d, optional, strict } from '../params.js'
import { defineService } from '../service-descriptor.js'
import { bedrockExamples } from './examples.js'
import { bedrockIngest } from './ingest.js'

/**
 * On-demand inference bills input and output tokens per model; batch inference bills them at the model's batch
 * rates (half the on-demand ones where AWS lists them), and prompt caching bills tokens written to and read from
 * the cache at their own rates. A model without a listed batch or cache rate is reported unpriced for it.
 */
export const bedrock = defineService({
  id: 'bedrock',
  usageTypePrefix: 'bedrock',
  name: 'Amazon Bedrock',
  category: 'ai-ml',
  description: 'Foundation models on demand, billed per input and output token.',
  help: 'Input and output tokens per month for one model of the catalog, on demand or in batch, and prompt-cache writes and reads.',
  params: Type.Object(
    {
      model: catalogName({ title: 'Model', description: 'A model id of the catalog.' }),
      input_tokens: count({ title: 'Input tokens per month', description: 'Input tokens per month.' }),
      output_tokens: count({ title: 'Output tokens per month', description: 'Output tokens per month.' }),
      inference: optional(
        Type.Union([Type.Literal('on_demand'), Type.Literal('batch')], {
          title: 'Inference',
          description: 'on_demand, or batch at the model’s batch rates; on_demand when left out.',
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
    },
    strict,
  ),
  rangedParams: [],
  catalogValues: [{ param: 'model', what: 'Bedrock model', known: listModels }],
  checkParams(p) {
    return p.inference === 'batch' &&
      (p.cache_read_tokens !== undefined || p.cache_write_tokens !== undefined)
      ? [
          {
            field: 'params.inference',
            reason: 'prompt caching applies to on-demand inference; make it its own item',
          },
        ]
      : []
  },
  toUsage(p, _at, sink) {
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
  ],
  ingest: bedrockIngest,
  sdk: [{ client: 'BedrockRuntimeClient', commands: ['Converse', 'InvokeModel'] }],
  priceList: [],
  terraform: {},
  examples: bedrockExamples,
})
