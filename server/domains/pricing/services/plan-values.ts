/** Readers for values of a Terraform plan, which may be absent, `null`, or strings holding numbers. */
type Raw = Record<string, unknown>

export const asRecord = (value: unknown): Raw =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Raw) : {}
export const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : [])
export const asNumber = (value: unknown): number | undefined => {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined
}
export const asString = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined
/** The first block of a nested block list (`ephemeral_storage { size = 1024 }` is `[{size: 1024}]`). */
export const firstBlock = (value: unknown): Raw => asRecord(asArray(value)[0])
