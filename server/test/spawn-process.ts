import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:net'

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

export type MockupawsProcess = {
  child: ChildProcess
  url: string | undefined
  output: () => string
  stop(): Promise<void>
}

/**
 * Starts `mockupaws <command>` from source as its own process (serve or worker), waits until a `serve`
 * answers /health, and stops it with SIGTERM as an operator would.
 */
export async function startMockupaws(
  command: 'serve' | 'worker',
  env: Record<string, string>,
): Promise<MockupawsProcess> {
  const port = command === 'serve' ? await freePort() : 0
  let output = ''
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', command], {
    env: { ...process.env, LOG_LEVEL: 'warn', BCRYPT_ROUNDS: '4', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (d) => {
    output += d
  })
  child.stderr?.on('data', (d) => {
    output += d
  })
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
    })
  const url = command === 'serve' ? `http://127.0.0.1:${port}` : undefined
  const deadline = Date.now() + 60_000
  while (url && Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`mockupaws ${command} exited: ${output}`)
    try {
      if ((await fetch(`${url}/health`)).ok) break
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  return { child, url, output: () => output, stop }
}
