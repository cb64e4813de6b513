import { buildApp } from '../app.js'
import type { Config } from '../config.js'
import { closeRuntime, onShutdown, openRuntime } from './runtime.js'

/** `mockupaws serve`: the HTTP API, the web app and (unless disabled) the scheduler in one process. */
export async function serve(config: Config): Promise<void> {
  const runtime = await openRuntime(config)
  const app = await buildApp(runtime)
  await app.listen({ port: config.port, host: config.host })
  onShutdown(runtime.logger, async () => {
    // close() stops accepting, lets in-flight requests finish, then runs onClose hooks.
    await app.close()
    await closeRuntime(runtime)
  })
}
