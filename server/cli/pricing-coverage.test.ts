import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { bundledCatalog } from '../domains/pricing/catalog.js'
import { coverageMarkdown, coverageOf, serviceGapsMarkdown } from '../domains/pricing/coverage-table.js'
import { runCli } from '../test/run-cli.js'

// Each run spawns the CLI as its own Node process on its own embedded database, which takes seconds.
describe('mockupaws pricing coverage', { timeout: 180_000 }, () => {
  const env = {
    DATA_DIR: mkdtempSync(join(tmpdir(), 'mockupaws-coverage-cli-')),
    JWT_SECRET_KEY: 'cli-test-secret-0123456789abcdef0123',
  }

  it('prints the catalog in use per region, in the order asked for, as the coverage endpoint counts it', async () => {
    const res = await runCli(['pricing', 'coverage', '--regions', 'sa-east-1,us-east-1'], { env })
    expect(res.stderr).toBe('')
    expect(res.code).toBe(0)
    expect(res.stdout).toBe(coverageMarkdown(coverageOf(bundledCatalog, ['sa-east-1', 'us-east-1'])))
    expect(res.stdout).toMatch(/^\| sa-east-1 \| \d+ of \d+ \| 1 \|/m)
  })

  it('shows every region with --regions all, each once when named twice', async () => {
    const all = await runCli(['pricing', 'coverage', '--regions', 'all'], { env })
    expect(all.code).toBe(0)
    expect(all.stdout).toBe(
      coverageMarkdown(coverageOf(bundledCatalog, Object.keys(bundledCatalog.regions).sort())),
    )
    const twice = await runCli(['pricing', 'coverage', '--regions', 'eu-west-1,eu-west-1'], { env })
    expect(twice.stdout).toBe(coverageMarkdown(coverageOf(bundledCatalog, ['eu-west-1'])))
  })

  it('lists one service’s missing prices with --service, and refuses an unknown service', async () => {
    const res = await runCli(['pricing', 'coverage', '--service', 'rds', '--regions', 'sa-east-1'], { env })
    expect(res.code).toBe(0)
    expect(res.stdout).toBe(serviceGapsMarkdown(coverageOf(bundledCatalog, ['sa-east-1']), 'rds'))
    expect(res.stdout).toContain('rds.reserved_hours.1y_no_upfront.mysql_multi_az.db.m7g.large')
    const unknown = await runCli(['pricing', 'coverage', '--service', 's4'], { env })
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toMatch(/^mockupaws: unknown service s4; services: lambda, /)
  })

  it('answers --regions naming none with its usage, not an empty table', async () => {
    const res = await runCli(['pricing', 'coverage', '--regions', ','], { env })
    expect(res.code).toBe(2)
    expect(res.stdout).toBe('')
    expect(res.stderr).toContain('mockupaws pricing coverage [--regions')
  })

  it('refuses a region the catalog does not have, naming it', async () => {
    const res = await runCli(['pricing', 'coverage', '--regions', 'us-east-1,mars-north-1'], { env })
    expect(res.code).toBe(1)
    expect(res.stdout).toBe('')
    expect(res.stderr).toMatch(/^mockupaws: not a region of the catalog: mars-north-1 /)
  })
})
