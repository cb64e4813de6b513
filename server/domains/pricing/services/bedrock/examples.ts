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

/**
 * Amazon Bedrock pricing page, "Pricing examples", Provisioned Throughput: each buys model units for a month and
 * bills them for 24 hours × 31 days (744 hours). Read from the page's Korean edition as crawled on 2025-02-28
 * (github.com/sungminna/GapS, crawl/aws_pricing_data_titan.md at commit a5dddfd3bb92e80accf07a5482f55f77d918345a).
 * Tokens served by provisioned model units are not billed, so the items carry none.
 */
const BEDROCK_PRICING_PAGE = 'https://aws.amazon.com/bedrock/pricing/'

const provisioned = (model: string, model_units: number) => ({
  service: 'bedrock',
  params: {
    model,
    input_tokens: 0,
    output_tokens: 0,
    inference: 'provisioned',
    model_units,
    commitment: '1_month',
    provisioned_hours: 744,
  },
})

export const bedrockExamples: WorkedExample[] = [
  {
    // Amazon: "2 model units of Amazon Titan Text Express with a 1-month commitment for a text summarization use
    // case [...] = 2 model units * $18.40/hour * 24 hours * 31 days = $27,379.20".
    name: 'Bedrock pricing page: Provisioned Throughput, 2 model units of Titan Text Express, 1-month commitment',
    source: BEDROCK_PRICING_PAGE,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [provisioned('amazon.titan-text-express', 2)],
    printedTotal: '27379.20',
  },
  {
    // Amazon: "1 model unit of the base Amazon Titan Image Generator model with a 1-month commitment [...] = 1 model
    // unit * $16.20 * 24 hours * 31 days = $12,052.80".
    name: 'Bedrock pricing page: Provisioned Throughput, 1 model unit of Titan Image Generator, 1-month commitment',
    source: BEDROCK_PRICING_PAGE,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [provisioned('amazon.titan-image-generator', 1)],
    printedTotal: '12052.80',
  },
  {
    // Anthropic: "1 model unit of Anthropic Claude Instant in the US West (Oregon) Region [...] = 1 model unit *
    // $39.60 * 24 hours * 31 days = $29,462.40" ($39.60 is the 1-month rate).
    name: 'Bedrock pricing page: Provisioned Throughput, 1 model unit of Claude Instant in US West (Oregon), 1-month commitment',
    source: BEDROCK_PRICING_PAGE,
    region: 'us-west-2',
    includeFreeTier: false,
    items: [provisioned('anthropic.claude-instant', 1)],
    printedTotal: '29462.40',
  },
  {
    // Cohere: "1 model unit of Cohere Command with a 1-month commitment for a text summarization use case [...] = 1
    // model unit * $39.60 * 24 hours * 31 days = $29,462.40".
    name: 'Bedrock pricing page: Provisioned Throughput, 1 model unit of Cohere Command, 1-month commitment',
    source: BEDROCK_PRICING_PAGE,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [provisioned('cohere.command', 1)],
    printedTotal: '29462.40',
  },
  {
    // Meta Llama: "1 model unit of Meta Llama 2 with a 1-month commitment [...] = 1 model unit * $21.18 * 24 hours *
    // 31 days = $15,757.92" (both Llama 2 sizes list $21.18).
    name: 'Bedrock pricing page: Provisioned Throughput, 1 model unit of Llama 2 (13B), 1-month commitment',
    source: BEDROCK_PRICING_PAGE,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [provisioned('meta.llama2-13b', 1)],
    printedTotal: '15757.92',
  },
  {
    // Stability AI: "1 model unit of SDXL1.0 with a 1-month commitment. Total cost = 1 * $49.86 * 24 hours * 31
    // days = $37,095.84".
    name: 'Bedrock pricing page: Provisioned Throughput, 1 model unit of SDXL 1.0, 1-month commitment',
    source: BEDROCK_PRICING_PAGE,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [provisioned('stability.stable-diffusion-xl-v1', 1)],
    printedTotal: '37095.84',
  },
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
