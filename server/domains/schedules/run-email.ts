/** What the email of one schedule run says about each scenario. */
export type EmailScenario = { name: string; region: string; totalMonthly: string }
export type RunEmail = { subject: string; text: string; html: string }

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** User text (schedule and scenario names) goes into the HTML part escaped, never as markup. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch)
}

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2 })

/**
 * The plain text and HTML parts of a run's email: the scenarios with their monthly totals, and either
 * "attached" or the links to download the reports when the attachments would be too large for mail.
 */
export function buildRunEmail(input: {
  scheduleName: string
  scenarios: EmailScenario[]
  attached: boolean
  downloadUrl: string
  failedReports: number
}): RunEmail {
  // Header injection is impossible through nodemailer, but a newline in a subject is still never wanted.
  const subject = `mockupAWS report: ${input.scheduleName.replace(/[\r\n]+/g, ' ')}`
  const lines = input.scenarios.map(
    (s) => `- ${s.name} (${s.region}): ${usd.format(Number(s.totalMonthly))} per month`,
  )
  const where = input.attached
    ? 'The reports are attached.'
    : `The reports are too large to attach; download them at ${input.downloadUrl}`
  const failed =
    input.failedReports > 0
      ? `\n${input.failedReports} report(s) could not be made; see the run history.`
      : ''
  const text = `Your scheduled report "${input.scheduleName}" is ready.\n\n${lines.join('\n')}\n\n${where}${failed}\n`
  const rows = input.scenarios
    .map(
      (s) =>
        `<tr><td>${escapeHtml(s.name)}</td><td>${escapeHtml(s.region)}</td><td style="text-align:right">${usd.format(Number(s.totalMonthly))}</td></tr>`,
    )
    .join('')
  const html = `<!doctype html><html><body style="font-family:sans-serif">
<p>Your scheduled report <strong>${escapeHtml(input.scheduleName)}</strong> is ready.</p>
<table cellpadding="6" style="border-collapse:collapse"><thead><tr><th align="left">Scenario</th><th align="left">Region</th><th align="right">Monthly cost</th></tr></thead><tbody>${rows}</tbody></table>
<p>${input.attached ? 'The reports are attached.' : `The reports are too large to attach; <a href="${escapeHtml(input.downloadUrl)}">download them here</a>.`}</p>
${input.failedReports > 0 ? `<p>${input.failedReports} report(s) could not be made; see the run history.</p>` : ''}
</body></html>`
  return { subject, text, html }
}
