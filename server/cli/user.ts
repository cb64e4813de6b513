import { parseArgs } from 'node:util'
import type { Config } from '../config.js'
import { createAuthService } from '../domains/auth/auth.service.js'
import { passwordProblem } from '../domains/auth/passwords.js'
import { createSecurityEventService } from '../domains/security-events/security-events.service.js'
import { AppError } from '../errors.js'
import { normaliseEmail } from '../lib/email.js'
import { closeRuntime, openRuntime } from './runtime.js'

const USAGE = 'Usage: mockupaws user create --email EMAIL --password-stdin [--name "Full Name"]\n'

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '')
}

/** `mockupaws user create`: for operators; the password comes on stdin so it never shows in `ps` or history. */
export async function userCommand(config: Config, args: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { email: { type: 'string' }, 'password-stdin': { type: 'boolean' }, name: { type: 'string' } },
  })
  if (positionals[0] !== 'create' || !values.email || !values['password-stdin']) {
    process.stderr.write(USAGE)
    process.exit(2)
  }
  const password = await readStdin()
  // Refuse a bad email or a weak password before opening the database.
  const problem = normaliseEmail(values.email) ? passwordProblem(password) : undefined
  if (!normaliseEmail(values.email) || problem) {
    const reason = problem ? `password ${problem}` : 'email must be a valid email address'
    process.stderr.write(`mockupaws: The request is not valid. (${reason})\n`)
    process.exitCode = 1
    return
  }
  const runtime = await openRuntime(config, { logToStderr: true })
  try {
    const securityEvents = createSecurityEventService({
      db: runtime.database.db,
      logger: runtime.logger,
      retentionDays: config.securityEventRetentionDays,
    })
    const auth = createAuthService({ db: runtime.database.db, config, securityEvents })
    const user = await auth.createUser({ email: values.email, password, full_name: values.name })
    await securityEvents.record({ type: 'registration', userId: user.id, details: 'created with the CLI' })
    process.stdout.write(`created user ${user.email} (${user.id})\n`)
  } catch (err) {
    if (!(err instanceof AppError)) throw err
    const details = err.details?.map((d) => `${d.field} ${d.reason}`).join('; ')
    process.stderr.write(`mockupaws: ${err.message}${details ? ` (${details})` : ''}\n`)
    process.exitCode = 1
  } finally {
    await closeRuntime(runtime)
  }
}
