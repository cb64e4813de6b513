/**
 * Initial JavaScript of the login route: what a first visit to /login downloads before it can render.
 * Reads the Vite build (dist/web/index.html), follows the entry script, its modulepreloads and their static
 * imports (never the dynamic `import()` of the lazy pages), gzips each file and sums. Budget: 250 KB gzipped.
 * Run: npm run build:web && npx tsx bench/web-bundle.bench.ts (exits 1 over budget)
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const BUDGET_KB = 250
const WEB_DIR = fileURLToPath(new URL('../dist/web/', import.meta.url))

/** `import … from "./x.js"` and bare `import "./x.js"` of a built chunk; `import("./x.js")` is not followed. */
function staticImports(code: string): string[] {
  const found = new Set<string>()
  for (const m of code.matchAll(
    /(?:^|[;}\s])(?:import|export)\s*(?:[\w*${}\s,]+from\s*)?["']([^"']+\.js)["']/g,
  ))
    if (m[1]) found.add(m[1])
  return [...found]
}

function resolveAsset(from: string, spec: string): string {
  if (spec.startsWith('/')) return join(WEB_DIR, spec)
  return join(from, '..', spec)
}

function main() {
  const indexPath = join(WEB_DIR, 'index.html')
  if (!existsSync(indexPath)) {
    console.error('dist/web/index.html is missing: run `npm run build:web` first.')
    process.exit(2)
  }
  const html = readFileSync(indexPath, 'utf8')
  const entries = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((m) => join(WEB_DIR, m[1] as string))

  const seen = new Map<string, { raw: number; gzip: number }>()
  const queue = [...entries]
  while (queue.length > 0) {
    const file = queue.shift() as string
    if (seen.has(file)) continue
    const content = readFileSync(file)
    seen.set(file, { raw: content.length, gzip: gzipSync(content, { level: 9 }).length })
    for (const spec of staticImports(content.toString('utf8'))) queue.push(resolveAsset(file, spec))
  }

  let raw = 0
  let gzip = 0
  console.log('initial JavaScript of /login (entry + modulepreloads + static imports):')
  for (const [file, size] of [...seen].sort((a, b) => b[1].gzip - a[1].gzip)) {
    raw += size.raw
    gzip += size.gzip
    console.log(
      `  ${file.slice(WEB_DIR.length).padEnd(36)} ${(size.raw / 1024).toFixed(1).padStart(7)} KB  gzip ${(size.gzip / 1024).toFixed(1).padStart(6)} KB`,
    )
  }
  const gzipKb = gzip / 1024
  console.log(`total: ${(raw / 1024).toFixed(1)} KB raw, ${gzipKb.toFixed(1)} KB gzipped`)
  console.log(`budget: ${BUDGET_KB} KB gzipped → ${gzipKb <= BUDGET_KB ? 'within budget' : 'OVER BUDGET'}`)
  if (gzipKb > BUDGET_KB) process.exit(1)
}

main()
