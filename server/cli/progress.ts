import type { SyncProgress } from '../domains/pricing/price-list-sync.js'

const BAR_WIDTH = 24
/** A terminal redraw at most this often: a fast download would otherwise spend its time printing. */
const REDRAW_MS = 100

function megabytes(bytes: number): string {
  return bytes < 1_000_000 ? `${(bytes / 1000).toFixed(1)} kB` : `${(bytes / 1_000_000).toFixed(1)} MB`
}

/** `[#######.........]  45%  12.3 MB / 27.1 MB  label`, or the bytes alone when the size is unknown. */
export function progressLine(label: string, received: number, total: number | undefined): string {
  if (!total) return `${megabytes(received)}  ${label}`
  const ratio = Math.min(1, received / total)
  const filled = Math.round(ratio * BAR_WIDTH)
  const percent = `${Math.floor(ratio * 100)}%`.padStart(4)
  return `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${percent}  ${megabytes(received)} / ${megabytes(total)}  ${label}`
}

/**
 * Progress of `mockupaws pricing sync` on `out` (stderr): on a terminal, one bar redrawn in place per
 * download; otherwise (a log, a pipe) one plain line when a download starts and one when it ends.
 */
export function createSyncProgress(out: NodeJS.WriteStream): SyncProgress {
  const tty = out.isTTY === true
  let drawnAt = 0
  const started = new Set<string>()
  const clearLine = () => {
    if (tty) out.write('\r\x1b[2K')
  }
  return {
    note(message) {
      clearLine()
      out.write(`${message}\n`)
    },
    transfer(label, received, total) {
      if (!tty) {
        if (!started.has(label)) out.write(`downloading ${label}${total ? ` (${megabytes(total)})` : ''}\n`)
        started.add(label)
        return
      }
      const now = Date.now()
      if (now - drawnAt < REDRAW_MS && received !== total) return
      drawnAt = now
      out.write(`\r\x1b[2K${progressLine(label, received, total)}`)
    },
    transferred(label, bytes, resumedFrom, cached) {
      clearLine()
      const how = cached
        ? 'already in the cache'
        : resumedFrom > 0
          ? `resumed at ${megabytes(resumedFrom)}`
          : 'downloaded'
      out.write(`${label}: ${megabytes(bytes)} ${how}\n`)
    },
  }
}
