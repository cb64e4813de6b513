import { Type } from '@sinclair/typebox'
import { count, d, strict } from '../params.js'
import { asArray } from '../plan-values.js'
import { defineService } from '../service-descriptor.js'
import { wafExamples } from './examples.js'

/**
 * AWS WAF (v2): each web ACL and each rule (a rule group counts as one rule) is billed per month, prorated
 * hourly, and every request a web ACL inspects is billed per million at the base rate, which covers web ACLs of
 * up to 1,500 WCUs inspecting the default request body size. Managed rule groups with their own fees (Bot
 * Control, Fraud Control), CAPTCHA and challenge are billed on top and are not modelled.
 */
export const waf = defineService({
  id: 'waf',
  usageTypePrefix: 'waf',
  name: 'AWS WAF',
  category: 'security',
  description: 'Web application firewall, billed per web ACL, per rule and per million requests inspected.',
  help:
    'Web ACLs and their rules (a rule group counts as one rule) held all month, and the requests they inspect, ' +
    'at the base rate (up to 1,500 WCUs, default body inspection). Bot Control, Fraud Control, CAPTCHA and ' +
    'challenge fees are not included.',
  params: Type.Object(
    {
      web_acls: count({ title: 'Web ACLs', description: 'Web ACLs held all month.' }),
      rules: count({
        title: 'Rules',
        description: 'Rules across all web ACLs (each rule group, managed or your own, counts as one rule).',
      }),
      requests: count({
        title: 'Requests inspected per month',
        description: 'Web requests the web ACLs inspect per month.',
      }),
    },
    strict,
  ),
  rangedParams: [],
  catalogValues: [],
  toUsage(p, _at, sink) {
    sink('waf.web_acl_months', d(p.web_acls))
    sink('waf.rule_months', d(p.rules))
    sink('waf.requests', d(p.requests))
  },
  usageTypes: [
    { match: 'waf.web_acl_months', unit: 'web-ACL-months', kind: 'stock', description: 'Web ACL-months.' },
    { match: 'waf.rule_months', unit: 'rule-months', kind: 'stock', description: 'Rule-months.' },
    { match: 'waf.requests', unit: 'requests', kind: 'flow', description: 'Requests inspected (base rate).' },
  ],
  ingest: {},
  sdk: [],
  priceList: [
    {
      offerCode: 'awswaf',
      awsUsageType: /^WebACLV2$/,
      usageType: 'waf.web_acl_months',
      unit: 'web-ACL-months',
    },
    { offerCode: 'awswaf', awsUsageType: /^RuleV2$/, usageType: 'waf.rule_months', unit: 'rule-months' },
    { offerCode: 'awswaf', awsUsageType: /^RequestV2-Tier1$/, usageType: 'waf.requests', unit: 'requests' },
  ],
  terraform: {
    aws_wafv2_web_acl: ({ values }) => ({
      params: { web_acls: 1, rules: asArray(values.rule).length, requests: 0 },
    }),
    aws_wafv2_rule_group: () => ({ skip: 'billed as one rule of each web ACL that uses it' }),
    aws_wafv2_web_acl_association: () => ({ skip: 'no charge of its own' }),
  },
  examples: wafExamples,
})
