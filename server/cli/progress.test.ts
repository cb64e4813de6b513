import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { createSyncProgress, progressLine } from './progress.js'

/** A stream that records what was written, posing as a terminal or not. */
function output(tty: boolean) {
  let text = ''
  const stream = new Writable({
    write(chunk, _enc, done) {
      text += chunk
      done()
    },
  }) as Writable & { isTTY?: boolean }
  stream.isTTY = tty
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => text }
}

describe('pricing sync progress', () => {
  it('draws a bar with the share, the sizes and the file', () => {
    expect(progressLine('AmazonEC2/us-east-1', 134_000_000, 268_000_000)).toBe(
      '[############............]  50%  134.0 MB / 268.0 MB  AmazonEC2/us-east-1',
    )
    expect(progressLine('AWSLambda/eu-west-1', 2_500, undefined)).toBe('2.5 kB  AWSLambda/eu-west-1')
  })

  it('redraws one line in place on a terminal, and clears it before the next message', () => {
    const out = output(true)
    const progress = createSyncProgress(out.stream)
    progress.transfer('AWSLambda/us-east-1', 4_000, 4_000)
    progress.transferred('AWSLambda/us-east-1', 4_000, 0, false)
    expect(out.text()).toBe(
      `\r\x1b[2K${progressLine('AWSLambda/us-east-1', 4_000, 4_000)}\r\x1b[2KAWSLambda/us-east-1: 4.0 kB downloaded\n`,
    )
  })

  it('writes plain lines, once per download, when the output is not a terminal', () => {
    const out = output(false)
    const progress = createSyncProgress(out.stream)
    progress.transfer('AmazonEC2/eu-west-1', 1_000_000, 3_000_000)
    progress.transfer('AmazonEC2/eu-west-1', 2_000_000, 3_000_000)
    progress.transferred('AmazonEC2/eu-west-1', 3_000_000, 1_000_000, false)
    progress.transferred('AmazonEC2/us-east-1', 5_000, 0, true)
    expect(out.text()).toBe(
      'downloading AmazonEC2/eu-west-1 (3.0 MB)\n' +
        'AmazonEC2/eu-west-1: 3.0 MB downloaded (resumed at 1.0 MB)\n' +
        'AmazonEC2/us-east-1: 5.0 kB already in the cache\n',
    )
  })
})
