import { buildApp } from '../app.js'
import type { Config } from '../config.js'
import { createServices } from '../services.js'
import { closeRuntime, onShutdown, openRuntime } from './runtime.js'

/**
 * `mockupaws serve`: the HTTP API and the web app; unless SCHEDULER_ENABLED=false, also the background work
 * (report jobs and the scheduler). With it false, this instance only enqueues and `mockupaws worker`
 * processes do the work.
 */
export async function serve(config: Config): Promise<void> {
  const runtime = await openRuntime(config)
  const services = await createServices(runtime)
  await services.startBackground({ work: config.schedulerEnabled })
  const app = await buildApp({ ...runtime, services })
  await app.listen({ port: config.port, host: config.host })
  if (!config.isProduction) runtime.logger.info(`mockupAWS is running: open http://localhost:${config.port}`)
  onShutdown(runtime.logger, async () => {
    // close() stops accepting, lets in-flight requests finish, then stops background work (preClose).
    await app.close()
    await closeRuntime(runtime)
  })
}
