import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs'
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises'
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'
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

type Answer = { status: number; statusText: string; headers: IncomingHttpHeaders; body: IncomingMessage }

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

/** One GET, its body left unread. */
function get(url: string, headers: Record<string, string>): Promise<Answer> {
  const request = url.startsWith('https:') ? httpsRequest : httpRequest
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) =>
      resolve({
        status: res.statusCode ?? 0,
        statusText: res.statusMessage ?? '',
        headers: res.headers,
        body: res,
      }),
    )
    req.on('error', reject)
    req.end()
  })
}

/**
 * Appends the body to the file chunk by chunk as it arrives (Node hands each chunk over before reporting a
 * dropped connection), so every byte received is on disk however the transfer ends.
 */
function saveBody(body: IncomingMessage, path: string, append: boolean, onChunk: (size: number) => void) {
  const fd = openSync(path, append ? 'a' : 'w')
  return new Promise<void>((resolve) => {
    body.on('data', (chunk: Buffer) => {
      writeSync(fd, chunk)
      onChunk(chunk.length)
    })
    // 'close' follows both a complete body and a cut connection; the caller compares sizes.
    body.on('close', () => {
      closeSync(fd)
      resolve()
    })
    body.on('error', () => undefined)
  })
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
    let answer: Answer
    try {
      answer = await get(url, headers)
    } catch (err) {
      lastError = `GET ${url} failed: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`
      continue
    }
    const resumed = answer.status === 206 && answer.headers['content-range']?.startsWith(`bytes ${offset}-`)
    if (answer.status === 416 || (answer.status === 206 && !resumed)) {
      // The partial file no longer matches what the server has: start over.
      answer.body.resume()
      await rm(partial, { force: true })
      lastError = `GET ${url}: the server refused to resume at byte ${offset}`
      continue
    }
    if (answer.status !== 200 && answer.status !== 206) {
      answer.body.resume()
      lastError = `GET ${url} answered ${answer.status} ${answer.statusText}`.trim()
      if (answer.status < 500) break
      continue
    }
    const start = resumed ? offset : 0
    const length = answer.headers['content-length']
    const total = length === undefined ? undefined : start + Number(length)
    // No await between the answer and reading its body: a cut connection would close it unobserved.
    if (start === 0) {
      const newEtag = answer.headers.etag
      writeFileSync(validatorFile, JSON.stringify(newEtag ? { url, etag: newEtag } : { url }))
    }
    let received = start
    await saveBody(answer.body, partial, start > 0, (size) => {
      received += size
      options.onProgress?.(received, total)
    })
    if (!answer.body.complete || (total !== undefined && received !== total)) {
      lastError = `GET ${url} ended after ${received} of ${total ?? 'an unknown number of'} bytes`
      continue
    }
    await rename(partial, target)
    await rm(validatorFile, { force: true })
    return { cached: false, bytes: received, resumedFrom: start }
  }
  throw new DownloadError(lastError)
}
