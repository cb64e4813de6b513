// Rewrites the generated coverage table of docs/pricing.md from the bundled catalog (`npm run docs:coverage`).
// server/domains/pricing/coverage-table.test.ts fails while the table there is stale.
import { readFile, writeFile } from 'node:fs/promises'
import { bundledCatalog } from '../server/domains/pricing/catalog.js'
import {
  coverageMarkdown,
  coverageOf,
  replaceCoverageTable,
} from '../server/domains/pricing/coverage-table.js'

const file = new URL('../docs/pricing.md', import.meta.url)
const table = coverageMarkdown(coverageOf(bundledCatalog))
await writeFile(file, replaceCoverageTable(await readFile(file, 'utf8'), table))
process.stdout.write(table)
