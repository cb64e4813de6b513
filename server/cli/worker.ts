import type { Config } from '../config.js'
import { createServices } from '../services.js'
import { closeRuntime, onShutdown, openRuntime } from './runtime.js'

/** `mockupaws worker`: report jobs and the scheduler, no HTTP; run several for scale-out. */
export async function workerCommand(config: Config): Promise<void> {
  const runtime = await openRuntime(config)
  const services = await createServices(runtime)
  await services.startBackground({ work: true })
  runtime.logger.info('worker started: report jobs and scheduler')
  onShutdown(runtime.logger, async () => {
    await services.stopBackground()
    await closeRuntime(runtime)
  })
}
