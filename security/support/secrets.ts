/**
 * Every password, token, key and secret the suite hands to (or receives from) a server. Each test file ends by
 * scanning its server's captured output for all of them: none may appear in a log line.
 */
const secrets = new Set<string>()

export function rememberSecret(value: string | undefined | null): void {
  // Short strings (a scope, "x") would match by accident; every real credential here is longer.
  if (value && value.length >= 8) secrets.add(value)
}

export function rememberedSecrets(): string[] {
  return [...secrets]
}

/** The secrets that occur in `text` (the empty list is the only good answer). */
export function leakedSecrets(text: string): string[] {
  return [...secrets].filter((s) => text.includes(s))
}
