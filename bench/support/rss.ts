import { readFileSync } from 'node:fs'

/** Samples a process's resident set size from /proc every 200 ms; `stop()` returns the peak in MB. */
export function watchRss(pid: number) {
  let peak = 0
  const timer = setInterval(() => {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
      if (match) peak = Math.max(peak, Number(match[1]) / 1024)
    } catch {
      // process gone
    }
  }, 200)
  return {
    stop() {
      clearInterval(timer)
      return peak
    },
  }
}
