/**
 * Fixed-window hit counters per key, in this process. Each answer is its own snapshot, so concurrent callers
 * never share a mutable count; expired windows are dropped at most once per window, so memory follows the
 * number of active keys.
 */
export class FixedWindowCounters {
  private readonly windows = new Map<string, { count: number; resetAt: number }>()
  private lastSweep = Date.now()

  /** Counts one hit of `key`; answers the count in its current window and the ms until the window resets. */
  hit(key: string, windowMs: number, now = Date.now()): { count: number; ttl: number } {
    this.sweep(now, windowMs)
    let window = this.windows.get(key)
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + windowMs }
      this.windows.set(key, window)
    }
    window.count += 1
    return { count: window.count, ttl: window.resetAt - now }
  }

  /** The count of `key` in its current window, without counting (0 when none is open). */
  peek(key: string, now = Date.now()): { count: number; ttl: number } {
    const window = this.windows.get(key)
    if (!window || window.resetAt <= now) return { count: 0, ttl: 0 }
    return { count: window.count, ttl: window.resetAt - now }
  }

  private sweep(now: number, windowMs: number): void {
    if (now - this.lastSweep < windowMs) return
    this.lastSweep = now
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key)
  }
}
