import nodemailer from 'nodemailer'

export type MailMessage = {
  to: string[]
  subject: string
  text: string
  html: string
  attachments: { filename: string; content: Buffer; contentType: string }[]
}

/** Sends mail over SMTP_URL with nodemailer; undefined when SMTP is not configured. */
export function createMailer(smtpUrl: string | undefined, from: string) {
  if (!smtpUrl) return undefined
  const url = new URL(smtpUrl)
  // Time-outs short enough that a dead server fails an attempt quickly; the run retries with back-off.
  url.searchParams.set('connectionTimeout', '10000')
  url.searchParams.set('greetingTimeout', '10000')
  url.searchParams.set('socketTimeout', '30000')
  const transport = nodemailer.createTransport(url.toString())
  return {
    async send(message: MailMessage): Promise<void> {
      await transport.sendMail({ from, ...message })
    },
    close: () => transport.close(),
  }
}
export type Mailer = NonNullable<ReturnType<typeof createMailer>>
