import type { WorkedExample } from '../service-descriptor.js'

/** AWS Security Services Best Practices guide (AWS-published), "WAF Cost", core scenario. */
const WAF_COST_GUIDE = 'https://aws.github.io/aws-security-services-best-practices/guides/waf/waf-cost/docs/'

/**
 * Account Assessment for AWS Organizations implementation guide, "Cost", "Sample cost table" (AWS Solutions
 * documentation, US East (N. Virginia), one month; read from a Markdown copy of the page).
 */
const ACCOUNT_ASSESSMENT_COST =
  'https://docs.aws.amazon.com/solutions/latest/account-assessment-for-aws-organizations/cost.html'

export const wafExamples: WorkedExample[] = [
  {
    // "Core scenario: One (1) Protection pack, Five (5) custom rules [...], Amazon Managed Rules [...]: Common Rule
    // Set (CRS), Known Bad Inputs (KBI), Ten million (10,000,000) requests." Its table: protection pack (web
    // ACL) 1 × $5.00/month = $5.00; rules (5 custom rules + CRS + KBI) 7 × $1.00/month = $7.00; requests
    // 10,000,000 × $0.60/million = $6.00; total $18.00. A managed rule group counts as one rule.
    name: 'WAF core scenario: 1 web ACL, 5 custom rules + 2 managed rule groups, 10M requests',
    source: WAF_COST_GUIDE,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [{ service: 'waf', params: { web_acls: 1, rules: 7, requests: 10_000_000 } }],
    printedTotal: '18.00',
  },
  {
    // "AWS WAF | 1 web ACL, 1 custom rule, 7 managed rule groups | fixed | $13.00": $5.00 for the web ACL and
    // 8 rules at $1.00. The row is the fixed part only and prices no requests.
    name: 'WAF: Account Assessment for AWS Organizations, 1 web ACL with 1 custom rule and 7 managed rule groups',
    source: ACCOUNT_ASSESSMENT_COST,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [{ service: 'waf', params: { web_acls: 1, rules: 8, requests: 0 } }],
    printedTotal: '13.00',
  },
]
