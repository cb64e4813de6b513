const EMAIL =
  /^[^\s@"<>()[\]\\,;:]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/

/** Trims and lower-cases an email; undefined when it is not a plausible address. */
export function normaliseEmail(email: string): string | undefined {
  const value = email.trim().toLowerCase()
  if (value.length > 254 || !EMAIL.test(value)) return undefined
  const [local = ''] = value.split('@')
  return local.length <= 64 ? value : undefined
}
