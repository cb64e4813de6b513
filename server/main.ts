import { type Config, ConfigError, loadClientSettings, loadConfig } from './config.js'

const USAGE = `Usage: mockupaws <command>

Commands:
  serve      HTTP API, web app and scheduler (npm start)
  worker     report jobs and the scheduler without HTTP (scale-out)
  migrate    apply database migrations and exit
  user create --email EMAIL --password-stdin [--name NAME]
             create an account (the password is read from stdin)
  pricing import FILE
             apply an AWS Price List offer file (bulk JSON) to the stored pricing catalog
  pricing sync --regions us-east-1,eu-west-1|all [--services lambda,ec2] [--base-url URL] [--cache-dir DIR]
             download AWS's current Price List files and store them as a new pricing snapshot
  pricing coverage [--regions us-east-1,eu-west-1|all] [--service ec2]
             how complete the pricing catalog in use is per region (default: the ten main Regions), or
             which prices one service lacks where
  ingest --scenario ID [--url URL] [--batch 1000] [--flush-interval 1] [--api-key-stdin]
             send NDJSON events or log lines from stdin to a server's ingest API (key: $MOCKUPAWS_API_KEY;
             see \`mockupaws ingest --help\`)
  import terraform PLAN.json [--scenario ID | --name NAME] [--usage usage.json] [--api-key KEY] [--url URL]
             create or update a scenario's line items from \`terraform show -json\` output
`

type Command = (config: Config, args: string[]) => Promise<void>

// Each command loads only its own modules: a client command such as `ingest` starts in a fraction of the time
// the server's graph (Fastify, pdfkit, pg-boss, the catalog) takes to load.
const COMMANDS: Record<string, Command> = {
  serve: async (config) => (await import('./cli/serve.js')).serve(config),
  worker: async (config) => (await import('./cli/worker.js')).workerCommand(config),
  migrate: async (config) => (await import('./cli/migrate.js')).migrateCommand(config),
  user: async (config, args) => (await import('./cli/user.js')).userCommand(config, args),
  pricing: async (config, args) => (await import('./cli/pricing.js')).pricingCommand(config, args),
}

function loadDotEnv(): void {
  try {
    process.loadEnvFile()
  } catch {
    // no .env file: the environment alone is the configuration
  }
}

function readConfig(): Config {
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
  loadDotEnv()
  // A client command: it talks to a server over HTTP and needs none of the server's configuration.
  if (name === 'ingest') return (await import('./cli/ingest.js')).ingestCommand(loadClientSettings(), rest)
  if (name === 'import') return (await import('./cli/import.js')).importCommand(loadClientSettings(), rest)
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
