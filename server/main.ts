import { migrateCommand } from './cli/migrate.js'
import { serve } from './cli/serve.js'
import { userCommand } from './cli/user.js'
import { type Config, ConfigError, loadConfig } from './config.js'

const USAGE = `Usage: mockupaws <command>

Commands:
  serve      HTTP API, web app and scheduler (npm start)
  migrate    apply database migrations and exit
  user create --email EMAIL --password-stdin [--name NAME]
             create an account (the password is read from stdin)
`

type Command = (config: Config, args: string[]) => Promise<void>

const COMMANDS: Record<string, Command> = {
  serve: (config) => serve(config),
  migrate: (config) => migrateCommand(config),
  user: userCommand,
}

function readConfig(): Config {
  try {
    process.loadEnvFile()
  } catch {
    // no .env file: the environment alone is the configuration
  }
  try {
    return loadConfig()
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err
    for (const line of err.problems) process.stderr.write(`config error: ${line}\n`)
    process.exit(1)
  }
}

async function main(argv: string[]): Promise<void> {
  const [name, ...rest] = argv
  const command = name ? COMMANDS[name] : undefined
  if (!command) {
    process.stderr.write(USAGE)
    process.exit(name ? 2 : 0)
  }
  await command(readConfig(), rest)
}

main(process.argv.slice(2)).catch((err: Error) => {
  process.stderr.write(`mockupaws: ${err.message}\n`)
  process.exit(1)
})
