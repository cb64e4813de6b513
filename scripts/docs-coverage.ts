// Rewrites the generated tables of docs/pricing.md from the bundled catalog (`npm run docs:coverage`).
// server/domains/pricing/coverage-table.test.ts fails while one there is stale.
import { readFile, writeFile } from 'node:fs/promises'
import { bundledCatalog } from '../server/domains/pricing/catalog.js'
import {
  docsTables,
  type GeneratedTable,
  replaceGenerated,
} from '../server/domains/pricing/coverage-table.js'

const file = new URL('../docs/pricing.md', import.meta.url)
let document = await readFile(file, 'utf8')
for (const [name, table] of Object.entries(docsTables(bundledCatalog))) {
  document = replaceGenerated(document, name as GeneratedTable, table)
}
await writeFile(file, document)
