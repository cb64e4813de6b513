import type { WorkedExample } from '../service-descriptor.js'

/**
 * AWS Generative AI CDK Constructs (awslabs), "aws-bedrock-batch-stepfn" README, "Pricing": "a workload that
 * uses Amazon Nova Pro with 10,000 input tokens and 1,000 output tokens per invocation, 100 records per
 * invocation job and 300 invocation jobs per month", "in the US East (N. Virginia) Region for one month". That is
 * 30,000 records a month: 300 million input and 30 million output tokens.
 */
const BATCH_STEPFN_README =
  'https://github.com/awslabs/generative-ai-cdk-constructs/blob/main/src/patterns/gen-ai/aws-bedrock-batch-stepfn/README.md'

const NOVA_PRO_WORKLOAD = {
  model: 'amazon.nova-pro',
  input_tokens: 300_000_000,
  output_tokens: 30_000_000,
}

export const bedrockExamples: WorkedExample[] = [
  {
    // "Amazon Bedrock | Amazon Nova Pro with 10,000 input tokens and 1,000 output tokens per invocation, 100
    // records per invocation job and 300 invocation jobs per month | $168.00": batch inference at $0.0004 per
    // 1,000 input and $0.0016 per 1,000 output tokens ($120 + $48).
    name: 'Bedrock: batch Step Functions construct, Nova Pro batch inference, 300M in / 30M out tokens',
    source: BATCH_STEPFN_README,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [{ service: 'bedrock', params: { ...NOVA_PRO_WORKLOAD, inference: 'batch' } }],
    printedTotal: '168.00',
  },
  {
    // "For comparison, with on-demand inference, the Amazon Bedrock usage would cost $336.00": the same tokens
    // at $0.0008 and $0.0032 per 1,000 ($240 + $96).
    name: 'Bedrock: batch Step Functions construct, the same Nova Pro tokens on demand',
    source: BATCH_STEPFN_README,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [{ service: 'bedrock', params: { ...NOVA_PRO_WORKLOAD, inference: 'on_demand' } }],
    printedTotal: '336.00',
  },
]
