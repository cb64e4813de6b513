import { Type } from '@sinclair/typebox'
import { listModels } from '../catalog-values.js'
import { catalogName, count, d, strict } from '../params.js'
import { defineService } from '../service-descriptor.js'

export const bedrock = defineService({
  id: 'bedrock',
  usageTypePrefix: 'bedrock',
  name: 'Amazon Bedrock',
  category: 'ai-ml',
  description: 'Foundation models on demand, billed per input and output token.',
  help: 'On-demand inference: input and output tokens per month for one model of the catalog.',
  params: Type.Object(
    {
      model: catalogName({ title: 'Model', description: 'A model id of the catalog.' }),
      input_tokens: count({ title: 'Input tokens per month', description: 'Input tokens per month.' }),
      output_tokens: count({ title: 'Output tokens per month', description: 'Output tokens per month.' }),
    },
    strict,
  ),
  rangedParams: [],
  catalogValues: [{ param: 'model', what: 'Bedrock model', known: listModels }],
  toUsage(p, _at, sink) {
    sink(`bedrock.input_tokens.${p.model}`, d(p.input_tokens))
    sink(`bedrock.output_tokens.${p.model}`, d(p.output_tokens))
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
  ],
  ingestEvents: ['bedrock.invoke'],
  sdk: [{ client: 'BedrockRuntimeClient', commands: ['Converse', 'InvokeModel'] }],
  priceList: [],
  terraform: {},
  examples: [],
})
