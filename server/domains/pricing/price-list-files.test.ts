import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { savingsPlansFile } from './fixtures/price-list-server.js'
import { readSavingsPlansOffer } from './price-list-files.js'

describe('readSavingsPlansOffer', () => {
  it('matches each rate to its plan whether the plans come before or after the rates in the file', async () => {
    const file = savingsPlansFile('us-east-1', '2026-11-19T00:00:00Z')
    const { products, ...rest } = file
    const dir = mkdtempSync(join(tmpdir(), 'mockupaws-sp-'))
    const readAs = async (name: string, value: unknown) => {
      writeFileSync(join(dir, name), JSON.stringify(value))
      return readSavingsPlansOffer(join(dir, name))
    }
    const productsFirst = await readAs('first.json', file)
    const termsFirst = await readAs('last.json', { ...rest, products })
    expect(termsFirst).toEqual(productsFirst)
    expect(productsFirst.rates).toBe(5)
    // All five discount a usage type the catalog maps on demand; each carries its plan's length and payment.
    expect(
      productsFirst.mapped.map((r) => [r.plan, r.length, r.purchaseOption, r.usageType, r.operation]),
    ).toEqual([
      ['compute', '1yr', 'No Upfront', 'BoxUsage:m5.large', 'RunInstances'],
      ['compute', '1yr', 'No Upfront', 'BoxUsage:m5.large', 'RunInstances:0002'],
      ['compute', '1yr', 'No Upfront', 'Lambda-GB-Second', 'Invoke'],
      ['compute', '1yr', 'No Upfront', 'Fargate-vCPU-Hours:perCPU', 'FargateTask'],
      ['ec2_instance', '3yr', 'Partial Upfront', 'BoxUsage:m5.large', 'RunInstances'],
    ])
  })
})
