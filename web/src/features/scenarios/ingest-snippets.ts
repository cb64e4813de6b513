/** Which key the ingest snippets use: the environment variable, a key just created (whole), or a stored one. */
export type SnippetKey =
  | { kind: 'env' }
  | { kind: 'fresh'; key: string }
  | { kind: 'stored'; name: string; prefix: string }

/** One shell word in single quotes: nothing inside is expanded; a `'` is closed, escaped and reopened. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`
}

const EVENT =
  '{"events":[{"type":"lambda.invoke","duration_ms":120,"memory_mb":512},{"type":"log","message":"order placed"}]}'

/**
 * The curl and `mockupaws ingest` commands for a scenario. The key variable is expanded inside double quotes
 * (in single quotes the server would get the literal text `$MOCKUPAWS_API_KEY`: a 401), a new key is a quoted
 * literal, and a stored key (the server only has its hash) is named in a comment instead of overwriting the
 * variable with placeholder text.
 */
export function buildSnippets(origin: string, scenarioId: string, key: SnippetKey) {
  const keyHeader =
    key.kind === 'fresh' ? shellQuote(`X-API-Key: ${key.key}`) : '"X-API-Key: $MOCKUPAWS_API_KEY"'
  const setKey =
    key.kind === 'fresh'
      ? [`export MOCKUPAWS_API_KEY=${shellQuote(key.key)}`]
      : key.kind === 'stored'
        ? [
            `# MOCKUPAWS_API_KEY must hold the key “${key.name}” (${key.prefix}…), as you stored it when it was made.`,
          ]
        : ['# MOCKUPAWS_API_KEY must hold an API key with the write:ingest scope.']
  return {
    curl: [
      ...(key.kind === 'stored' ? setKey : []),
      `curl -X POST ${shellQuote(`${origin}/api/v1/ingest`)} \\`,
      `  -H ${keyHeader} \\`,
      `  -H ${shellQuote(`X-Scenario-ID: ${scenarioId}`)} \\`,
      `  -H 'Content-Type: application/json' \\`,
      `  -d ${shellQuote(EVENT)}`,
    ].join('\n'),
    cli: [
      ...setKey,
      `tail -f app.log | npx mockupaws ingest --scenario ${shellQuote(scenarioId)} --url ${shellQuote(origin)}`,
    ].join('\n'),
  }
}
