import { type Static, Type } from '@sinclair/typebox'
import { PaginationQueryProperties, paginated } from '../../lib/pagination.js'
import { DateTime, Nullable, Uuid } from '../../lib/schema-types.js'

/** Money in, as elsewhere: a decimal string, at most 12 integer digits and 6 decimals, above 0. */
/** Checked by the service after ownership (budgets.service.ts amountProblem), so another user's id is a 404. */
const moneyInput = (description: string) => Type.String({ minLength: 1, maxLength: 32, description })
const Money = Type.String({ description: 'Exact decimal string in the catalog currency.' })

export const RuleKind = Type.Union([Type.Literal('projected_above'), Type.Literal('daily_jump_pct')])
const RuleState = Type.Union([Type.Literal('ok'), Type.Literal('triggered')])

export const BudgetBody = Type.Object(
  { monthly_budget: moneyInput('Exact decimal string in the catalog currency (USD), e.g. "250" or "99.5".') },
  { additionalProperties: false },
)
export type BudgetBody = Static<typeof BudgetBody>

export const BudgetResponse = Type.Object({
  scenario_id: Uuid,
  monthly_budget: Nullable(Money),
  currency: Type.String(),
  projected_monthly: Type.String({
    description: 'The total_monthly of the costs answer, compared with rules.',
  }),
  used_pct: Nullable(Type.Number({ description: 'projected_monthly / monthly_budget × 100, 2 decimals.' })),
  updated_at: Nullable(DateTime),
})
export type BudgetResponse = Static<typeof BudgetResponse>

const ruleFields = {
  kind: RuleKind,
  threshold: Type.Optional(
    Nullable(moneyInput('projected_above: the limit (decimal string); absent or null means the budget.')),
  ),
  jump_pct: Type.Optional(
    Nullable(
      Type.Number({
        exclusiveMinimum: 0,
        maximum: 100_000,
        description: "daily_jump_pct: the rise in percent against the previous UTC day's projection.",
      }),
    ),
  ),
  emails: Type.Array(Type.String({ minLength: 3, maxLength: 254 }), { maxItems: 20 }),
  webhook_url: Type.Optional(
    Nullable(
      Type.String({
        minLength: 1,
        maxLength: 2048,
        description: 'https:// URL that receives a signed POST.',
      }),
    ),
  ),
  enabled: Type.Boolean(),
}

export const CreateRuleBody = Type.Object(
  {
    ...ruleFields,
    emails: Type.Array(ruleFields.emails.items, { maxItems: 20, default: [] }),
    enabled: Type.Boolean({ default: true }),
  },
  { additionalProperties: false },
)
export type CreateRuleBody = Static<typeof CreateRuleBody>

/** No defaults here: a missing field keeps its stored value. An empty patch is a 422 (after ownership). */
export const UpdateRuleBody = Type.Partial(Type.Object(ruleFields), { additionalProperties: false })
export type UpdateRuleBody = Static<typeof UpdateRuleBody>

export const RuleParams = Type.Object({ id: Uuid })

export const RuleResponse = Type.Object({
  id: Uuid,
  scenario_id: Uuid,
  kind: RuleKind,
  threshold: Nullable(Money),
  jump_pct: Nullable(Type.Number()),
  emails: Type.Array(Type.String()),
  webhook_url: Nullable(Type.String()),
  enabled: Type.Boolean(),
  state: RuleState,
  state_changed_at: Nullable(DateTime),
  created_at: DateTime,
  updated_at: DateTime,
})
export type RuleResponse = Static<typeof RuleResponse>

/** Create and update answers: `webhook_secret` only when this request generated one (shown once). */
export const SavedRuleResponse = Type.Composite([
  RuleResponse,
  Type.Object({
    webhook_secret: Type.Optional(
      Type.String({ description: 'HMAC-SHA256 key of the webhook signature; shown only here.' }),
    ),
  }),
])
export type SavedRuleResponse = Static<typeof SavedRuleResponse>

export const ListQuery = Type.Object(PaginationQueryProperties, { additionalProperties: false })
export const RulePage = paginated(RuleResponse)

const DeliveryResponse = Type.Object({
  channel: Type.Union([Type.Literal('email'), Type.Literal('webhook')]),
  target: Type.String({ description: 'The recipients, or the webhook URL.' }),
  status: Type.Union([
    Type.Literal('pending'),
    Type.Literal('sent'),
    Type.Literal('skipped'),
    Type.Literal('failed'),
  ]),
  attempts: Type.Integer(),
  last_error: Nullable(Type.String()),
  updated_at: DateTime,
})

export const AlertResponse = Type.Object({
  id: Uuid,
  rule_id: Nullable(Uuid),
  rule_kind: RuleKind,
  transition: Type.Union([Type.Literal('triggered'), Type.Literal('resolved')]),
  projected_monthly: Money,
  limit: Type.String({ description: 'The threshold or budget, or the previous day projection (jump).' }),
  change_pct: Nullable(Type.String()),
  created_at: DateTime,
  deliveries: Type.Array(DeliveryResponse),
})
export type AlertResponse = Static<typeof AlertResponse>
export const AlertPage = paginated(AlertResponse)
