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

/**
 * Generative AI Application Builder on AWS implementation guide, "Cost" (AWS Solutions documentation, US East
 * (N. Virginia); read from a Markdown copy of the page). Its token examples count 100 interactions a day for
 * 30 days: 190K input and 16K output tokens a day, 5.7M and 480K a month.
 */
const GAAB_COST =
  'https://docs.aws.amazon.com/solutions/latest/generative-ai-application-builder-on-aws/cost.html'

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
  {
    // "Sample costs for a text-based proof of concept [...] Amazon Bedrock (Nova Pro) | [...] Monthly cost for 190K
    // input tokens per day = $0.152 × 30 * Monthly cost for 16K output tokens per day = $0.0512 × 30 | $6.10":
    // 5.7M input tokens × $0.0008 per 1,000 = $4.56 and 480K output × $0.0032 per 1,000 = $1.536.
    name: 'Bedrock: Generative AI Application Builder text proof of concept, Nova Pro 5.7M in / 480K out',
    source: GAAB_COST,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [
      {
        service: 'bedrock',
        params: {
          model: 'amazon.nova-pro',
          input_tokens: 5_700_000,
          output_tokens: 480_000,
          inference: 'on_demand',
        },
      },
    ],
    printedTotal: '6.10',
  },
  {
    // "Sample costs for an agent-based proof of concept [...] Anthropic Claude 3.5 Sonnet | * Daily cost for 190K
    // input tokens per day (0.003/1,000 tokens) = $0.57 [...] × 30 days = $17.10 * Daily cost for 16K output
    // tokens per day (0.015/1,000 tokens) = $0.24 [...] × 30 days = $7.20 | $24.30". The catalog's Claude 3.5
    // Sonnet rates are the 2025-07-20 page snapshot's (see its note on a reported later change).
    name: 'Bedrock: Generative AI Application Builder agent proof of concept, Claude 3.5 Sonnet 5.7M in / 480K out',
    source: GAAB_COST,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [
      {
        service: 'bedrock',
        params: {
          model: 'anthropic.claude-3-5-sonnet',
          input_tokens: 5_700_000,
          output_tokens: 480_000,
          inference: 'on_demand',
        },
      },
    ],
    printedTotal: '24.30',
  },
]
