import type { Config } from '../config.js'
import { closeRuntime, openRuntime } from './runtime.js'

/** `mockupaws migrate`: applies pending migrations (openRuntime does it) and exits. */
export async function migrateCommand(config: Config): Promise<void> {
  const runtime = await openRuntime(config)
  runtime.logger.info('migrations applied')
  await closeRuntime(runtime)
}
