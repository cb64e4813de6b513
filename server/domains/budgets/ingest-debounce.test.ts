import { describe, expect, it } from 'vitest'
import { createIngestDebounce } from './ingest-debounce.js'

function setup() {
  let clock = 1_000_000
  const queued: { scenarioId: string; delaySeconds: number; at: number }[] = []
  const errors: Error[] = []
  const debounce = createIngestDebounce({
    enqueue: async (scenarioId, delaySeconds) => {
      queued.push({ scenarioId, delaySeconds, at: clock })
    },
    onError: (err) => errors.push(err),
    windowSeconds: 30,
    now: () => clock,
  })
  return { debounce, queued, errors, advance: (ms: number) => (clock += ms) }
}

describe('ingest debounce', () => {
  it('queues nothing until the job queue has started', () => {
    const { debounce, queued } = setup()
    debounce.committed('a')
    expect(queued).toEqual([])
  })

  it('queues one delayed evaluation per scenario per window, however many commits', () => {
    const { debounce, queued, advance } = setup()
    debounce.activate()
    for (let i = 0; i < 100; i += 1) {
      debounce.committed('a')
      advance(100)
    }
    debounce.committed('b')
    expect(queued.map((q) => [q.scenarioId, q.delaySeconds])).toEqual([
      ['a', 30],
      ['b', 30],
    ])
    advance(20_000)
    debounce.committed('a')
    expect(queued).toHaveLength(3)
  })

  it('reports a failed enqueue without throwing into the ingest path', async () => {
    const errors: Error[] = []
    const debounce = createIngestDebounce({
      enqueue: async () => {
        throw new Error('queue down')
      },
      onError: (err) => errors.push(err),
    })
    debounce.activate()
    expect(() => debounce.committed('a')).not.toThrow()
    await new Promise((r) => setImmediate(r))
    expect(errors.map((e) => e.message)).toEqual(['queue down'])
  })
})
