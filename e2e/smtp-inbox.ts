import { type ParsedMail, simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export type ReceivedMail = ParsedMail & { envelopeTo: string[] }

/**
 * A real SMTP server inside the Playwright test process, on the port the app's SMTP_URL points at
 * (E2E_SMTP_PORT, chosen in playwright.config.ts). It accepts every message (no TLS, no auth) and keeps it
 * parsed, so a test reads recipients, subject and attachments as a mail client would.
 */
export async function startSmtpInbox(port = Number(process.env.E2E_SMTP_PORT)) {
  const messages: ReceivedMail[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push(Object.assign(mail, { envelopeTo: session.envelope.rcptTo.map((r) => r.address) }))
          callback()
        })
        .catch(callback)
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject)
    server.listen(port, '127.0.0.1', resolve)
  })
  return {
    messages,
    /** Mail whose envelope includes `address`. */
    to: (address: string) => messages.filter((m) => m.envelopeTo.includes(address)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
