import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from '../../server/test/spawn-process.js'

export type ServerProcess = { url: string; child: ChildProcess; stop(): Promise<void> }

/**
 * Starts the built server (`npm run build` first) as its own process, as an operator would run it, with
 * limits raised so the benchmark measures the server rather than the rate limiter.
 */
export async function startServer(env: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort()
  // SERVER_NODE_FLAGS passes Node flags to the server only, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const nodeFlags = (process.env.SERVER_NODE_FLAGS ?? '').split(' ').filter(Boolean)
  // The heap sizes `npm start` and the Dockerfile run with (docs/PERFORMANCE.md).
  const child = spawn(
    process.execPath,
    ['--max-semi-space-size=16', '--max-old-space-size=512', ...nodeFlags, 'dist/server/main.js', 'serve'],
    {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        // Production logging (one access line per request); the lines go to /dev/null (stdio below).
        LOG_LEVEL: 'info',
        JWT_SECRET_KEY: randomBytes(32).toString('hex'),
        PORT: String(port),
        DATA_DIR: mkdtempSync(join(tmpdir(), 'mockupaws-bench-')),
        RATE_LIMIT_PER_MINUTE: '100000000',
        RATE_LIMIT_AUTH_PER_MINUTE: '100000000',
        RATE_LIMIT_INGEST_PER_MINUTE: '100000000',
        RATE_LIMIT_IP_PER_MINUTE: '100000000',
        SCHEDULER_ENABLED: 'false',
        ...env,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  )
  return waitForHealth(child, `http://127.0.0.1:${port}`, '/health')
}

/** Bare Fastify (bench/support/bare-fastify.ts) as its own process: the yardstick the ingest bench compares to. */
export async function startBareFastify(): Promise<ServerProcess> {
  const port = await freePort()
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/support/bare-fastify.ts', String(port)], {
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  return waitForHealth(child, `http://127.0.0.1:${port}`, '/')
}

async function waitForHealth(child: ChildProcess, url: string, path: string): Promise<ServerProcess> {
  const deadline = Date.now() + 120_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`)
    if (Date.now() > deadline) throw new Error(`${url}${path} did not answer within 120 s`)
    try {
      if ((await fetch(`${url}${path}`)).ok) break
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  return {
    url,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}
