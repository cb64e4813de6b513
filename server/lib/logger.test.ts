import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { createLogger, prettyDestination, serverLogDestination } from './logger.js'

const readAll = (stream: PassThrough) =>
  new Promise<string>((resolve) => setImmediate(() => resolve(String(stream.read() ?? ''))))

describe('server log', () => {
  it('is readable lines on a developer terminal, credentials still redacted', async () => {
    const output = new PassThrough()
    const destination = await prettyDestination(output)
    expect(destination).toBeDefined()
    createLogger('info', destination).info({ password: 'hunter2', port: 8000 }, 'mockupAWS is running')
    const text = await readAll(output)
    expect(text).toMatch(/INFO.*mockupAWS is running/)
    expect(text).toContain('"port":8000')
    expect(text).not.toContain('hunter2')
    expect(text).not.toContain('{"level"')
  })

  it('is JSON lines in production and whenever standard output is not a terminal', async () => {
    expect(await serverLogDestination(true)).toBeUndefined()
    // The test runner's standard output is a pipe, as under a process manager or in a container.
    expect(await serverLogDestination(false)).toBeUndefined()
  })
})
