import type { AlertRow } from './budgets.repo.js'

export type AlertContext = {
  alert: AlertRow
  scenarioName: string
  currency: string
  /** The scenario's page in the web app. */
  scenarioUrl: string
}

/** The webhook body (docs/budgets.md): the same event id is sent on every retry, for de-duplication. */
export function webhookPayload({ alert, scenarioName, currency, scenarioUrl }: AlertContext) {
  return {
    id: alert.id,
    type: `budget.alert.${alert.transition}`,
    created_at: alert.createdAt.toISOString(),
    scenario: { id: alert.scenarioId, name: scenarioName, url: scenarioUrl },
    rule: { id: alert.ruleId, kind: alert.ruleKind },
    currency,
    projected_monthly: alert.projectedMonthly,
    limit: alert.limitAmount,
    change_pct: alert.changePct,
  }
}

function describe({ alert, currency }: AlertContext): string {
  const amount = (value: string) => `${Number(value).toFixed(2)} ${currency}`
  if (alert.ruleKind === 'daily_jump_pct') {
    const change = `${Number(alert.changePct ?? 0).toFixed(2)}%`
    return alert.transition === 'triggered'
      ? `the projected month cost rose ${change} against the previous day (${amount(alert.limitAmount)} → ${amount(alert.projectedMonthly)}).`
      : `the projected month cost is back within the daily jump limit (${change} against the previous day).`
  }
  return alert.transition === 'triggered'
    ? `the projected month cost ${amount(alert.projectedMonthly)} is above ${amount(alert.limitAmount)}.`
    : `the projected month cost ${amount(alert.projectedMonthly)} is back under ${amount(alert.limitAmount)}.`
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** The alert email: a subject a person can triage from the inbox, plain text and the same as HTML. */
export function alertEmail(context: AlertContext): { subject: string; text: string; html: string } {
  const { alert, scenarioName, scenarioUrl } = context
  const headline = alert.transition === 'triggered' ? 'Budget alert' : 'Budget alert resolved'
  const sentence = `Scenario "${scenarioName}": ${describe(context)}`
  return {
    subject: `${headline}: ${scenarioName}`,
    text: `${sentence}\n\nOpen the scenario: ${scenarioUrl}\n`,
    html: `<p>${escapeHtml(sentence)}</p><p><a href="${escapeHtml(scenarioUrl)}">Open the scenario</a></p>`,
  }
}
