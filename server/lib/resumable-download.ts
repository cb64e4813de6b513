import { mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'

/** Bytes on disk so far and the expected size when the server said it. */
export type DownloadProgress = (received: number, total: number | undefined) => void

export interface DownloadResult {
  /** The file was already complete in the cache: nothing was fetched. */
  cached: boolean
  bytes: number
  /** Where the last request started: > 0 when a partial file was resumed. */
  resumedFrom: number
}

/** A download that failed for good: the server refused the file, or every attempt was cut. */
export class DownloadError extends Error {}

const fileSize = (path: string) =>
  stat(path).then(
    (s) => s.size,
    () => undefined,
  )

/** What the first answer for a partial file said, so a resumed request asks for the same content. */
async function readValidator(path: string): Promise<string | undefined> {
  try {
    return (JSON.parse(await readFile(path, 'utf8')) as { etag?: string }).etag
  } catch {
    return undefined
  }
}

function describeFailure(url: string, err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause
  return `GET ${url} failed: ${cause?.code ?? cause?.message ?? (err as Error).message}`
}

/**
 * Downloads `url` to `target` so that an interruption loses nothing: bytes go to `<target>.partial`, which is
 * renamed into place only once complete (its size equals what the server announced), so `target` existing
 * means the file is whole and a later call returns it without a request. A partial file left by a cut
 * connection or a killed process is resumed with a `Range` request (guarded by `If-Range` with the first
 * answer's ETag); a server that ignores ranges sends the whole file again. Network errors and 5xx answers are
 * retried up to `attempts` times in all; a 4xx is final.
 */
export async function downloadResumable(
  url: string,
  target: string,
  options: { attempts?: number; onProgress?: DownloadProgress } = {},
): Promise<DownloadResult> {
  const complete = await fileSize(target)
  if (complete !== undefined) return { cached: true, bytes: complete, resumedFrom: 0 }
  await mkdir(dirname(target), { recursive: true })
  const partial = `${target}.partial`
  const validatorFile = `${target}.partial.json`
  const attempts = options.attempts ?? 3
  let lastError = ''
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    const offset = (await fileSize(partial)) ?? 0
    const etag = offset > 0 ? await readValidator(validatorFile) : undefined
    const headers: Record<string, string> = {}
    if (offset > 0) headers.range = `bytes=${offset}-`
    if (etag) headers['if-range'] = etag
    let response: Response
    try {
      response = await fetch(url, { headers })
    } catch (err) {
      lastError = describeFailure(url, err)
      continue
    }
    const resumed =
      response.status === 206 && response.headers.get('content-range')?.startsWith(`bytes ${offset}-`)
    if (response.status === 416 || (response.status === 206 && !resumed)) {
      // The partial file no longer matches what the server has: start over.
      await response.body?.cancel()
      await rm(partial, { force: true })
      lastError = `GET ${url}: the server refused to resume at byte ${offset}`
      continue
    }
    if (response.status !== 200 && response.status !== 206) {
      await response.body?.cancel()
      lastError = `GET ${url} answered ${response.status} ${response.statusText}`.trim()
      if (response.status < 500) break
      continue
    }
    const start = resumed ? offset : 0
    const length = response.headers.get('content-length')
    const total = length === null ? undefined : start + Number(length)
    const newEtag = response.headers.get('etag')
    if (start === 0) {
      await writeFile(validatorFile, JSON.stringify(newEtag ? { url, etag: newEtag } : { url }))
    }
    const file = await open(partial, start === 0 ? 'w' : 'a')
    let received = start
    try {
      if (response.body) {
        for await (const chunk of response.body) {
          await file.write(chunk)
          received += chunk.byteLength
          options.onProgress?.(received, total)
        }
      }
    } catch (err) {
      lastError = describeFailure(url, err)
      continue
    } finally {
      await file.close()
    }
    if (total !== undefined && received !== total) {
      lastError = `GET ${url} ended after ${received} of ${total} bytes`
      continue
    }
    await rename(partial, target)
    await rm(validatorFile, { force: true })
    return { cached: false, bytes: received, resumedFrom: start }
  }
  throw new DownloadError(lastError)
}
