import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase } from '../db/client.js'
import { databaseUrl, dropDatabase, TEMPLATE_ENV, withAdmin } from './test-db.js'

/**
 * Migrates one template per run, which every test file's database copies (server/test/test-db.ts):
 * on PostgreSQL a database cloned with `create database … template`, on PGlite a dumped data directory.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const adminUrl = process.env.TEST_DATABASE_URL
  if (adminUrl) {
    const name = `mockupaws_template_${randomBytes(6).toString('hex')}`
    await withAdmin(adminUrl, (c) => c.query(`create database ${name}`))
    const template = await openDatabase({ url: databaseUrl(adminUrl, name), poolSize: 1 })
    await template.migrate()
    await template.close()
    process.env[TEMPLATE_ENV] = name
    return () => dropDatabase(adminUrl, name)
  }
  const template = await openDatabase({})
  await template.migrate()
  const image = await template.pglite?.dumpDataDir('none')
  await template.close()
  if (!image) throw new Error('PGlite did not dump its data directory')
  const dir = mkdtempSync(join(tmpdir(), 'mockupaws-test-template-'))
  const file = join(dir, 'pglite.tar')
  writeFileSync(file, Buffer.from(await image.arrayBuffer()))
  process.env[TEMPLATE_ENV] = file
  return async () => rmSync(dir, { recursive: true, force: true })
}
