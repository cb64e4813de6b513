import autocannon from 'autocannon'

/** `ok` counts the 2xx answers. */
export type LoadResult = { rps: number; p50: number; p99: number; errors: number; non2xx: number; ok: number }

/** Runs autocannon and keeps the figures the reports need. */
export async function load(options: autocannon.Options): Promise<LoadResult> {
  const result = await autocannon({ connections: 50, duration: 10, ...options })
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
    ok: result['2xx'],
  }
}

export function formatLoad(name: string, r: LoadResult): string {
  return `${name.padEnd(34)} ${r.rps.toFixed(0).padStart(8)} req/s  p50 ${r.p50.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms  errors ${r.errors}  non-2xx ${r.non2xx}`
}

/** The empty API route at 50 connections: the foundation baseline's first figure. */
export const measureEmptyRoute = (url: string, duration = 10) => load({ url: `${url}/api/v1/`, duration })

/** The foundation baseline every other benchmark compares to: an empty route and /health. */
export async function measureBaseline(url: string, duration = 10) {
  const empty = await measureEmptyRoute(url, duration)
  const health = await load({ url: `${url}/health`, duration })
  return { empty, health }
}
