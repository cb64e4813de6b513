import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { savingsPlansFile } from './fixtures/price-list-server.js'
import { readRegionalOffer, readSavingsPlansOffer } from './price-list-files.js'

const dir = mkdtempSync(join(tmpdir(), 'mockupaws-price-list-files-'))
const write = (name: string, content: string) => {
  writeFileSync(join(dir, name), content)
  return join(dir, name)
}
const writeJson = (name: string, value: unknown) => write(name, JSON.stringify(value))

describe('readRegionalOffer', () => {
  it('keeps the mapped products, their OnDemand terms, and Reserved terms only where the rule maps them', async () => {
    const offer = JSON.parse(readFileSync(new URL('./fixtures/rds-offer.json', import.meta.url), 'utf8'))
    const term = (sku: string) => ({
      [`${sku}.TERM`]: { sku, termAttributes: { LeaseContractLength: '1yr' } },
    })
    // RDS PostgreSQL maps its Reserved terms; Aurora's rules have no Reserved template; RDS Custom backup
    // storage maps to nothing at all.
    const skus = ['RDSPGT3MICROSAZ', 'RDSAURORAPGR6GXL', 'RDSCUSTOMBACKUPMYSQL']
    offer.terms.Reserved = Object.fromEntries(skus.map((sku) => [sku, term(sku)]))
    const { products, ...rest } = offer
    const productsFirst = await readRegionalOffer(writeJson('products-first.json', offer))
    const termsFirst = await readRegionalOffer(writeJson('terms-first.json', { ...rest, products }))
    expect(termsFirst).toEqual(productsFirst)
    expect(Object.keys(productsFirst.offer.terms?.Reserved ?? {})).toEqual(['RDSPGT3MICROSAZ'])
    expect(productsFirst.reservedTermCount).toBe(3)
    expect(productsFirst.offer.products.RDSAURORAPGR6GXL).toBeDefined()
    expect(productsFirst.offer.terms?.OnDemand?.RDSAURORAPGR6GXL).toBeDefined()
    expect(productsFirst.offer.products.RDSCUSTOMBACKUPMYSQL).toBeUndefined()
    expect(productsFirst.offer.terms?.OnDemand?.RDSCUSTOMBACKUPMYSQL).toBeUndefined()
    expect(productsFirst.productCount).toBe(Object.keys(products).length)
  })

  it('refuses a truncated or malformed file, as a download cut short would be', async () => {
    const text = readFileSync(new URL('./fixtures/rds-offer.json', import.meta.url), 'utf8')
    await expect(readRegionalOffer(write('cut.json', text.slice(0, text.length / 2)))).rejects.toThrow()
    await expect(readRegionalOffer(write('empty.json', ''))).rejects.toThrow()
    await expect(readRegionalOffer(write('trailing.json', `${text} {`))).rejects.toThrow()
    await expect(readRegionalOffer(write('whole.json', text))).resolves.toMatchObject({ productCount: 16 })
  })
})

describe('readSavingsPlansOffer', () => {
  it('matches each rate to its plan whether the plans come before or after the rates in the file', async () => {
    const file = savingsPlansFile('us-east-1', '2026-11-19T00:00:00Z')
    const { products, ...rest } = file
    const productsFirst = await readSavingsPlansOffer(writeJson('first.json', file))
    const termsFirst = await readSavingsPlansOffer(writeJson('last.json', { ...rest, products }))
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
