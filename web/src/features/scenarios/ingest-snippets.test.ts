import { describe, expect, it } from 'vitest'
import { buildSnippets, shellQuote } from './ingest-snippets'

const origin = 'http://127.0.0.1:8000'
const id = '3f6c7dbb-d636-4956-ac36-1e733143449d'

/** The words a POSIX shell makes of one line (single quotes, double quotes with $VAR, backslash-newline). */
function shellWords(line: string, env: Record<string, string>): string[] {
  const words: string[] = []
  let word: string | null = null
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string
    if (c === "'") {
      const end = line.indexOf("'", i + 1)
      word = (word ?? '') + line.slice(i + 1, end)
      i = end
    } else if (c === '"') {
      const end = line.indexOf('"', i + 1)
      word =
        (word ?? '') + line.slice(i + 1, end).replace(/\$([A-Z_]+)/g, (_, name: string) => env[name] ?? '')
      i = end
    } else if (c === '\\' && line[i + 1] === "'") {
      word = `${word ?? ''}'`
      i++
    } else if (c === ' ' || c === '\\' || c === '\n') {
      if (word !== null) words.push(word)
      word = null
    } else if (c === '$') {
      const name = /^[A-Z_]+/.exec(line.slice(i + 1))?.[0] ?? ''
      word = (word ?? '') + (env[name] ?? '')
      i += name.length
    } else word = (word ?? '') + c
  }
  if (word !== null) words.push(word)
  return words
}

function commands(code: string): string[] {
  return code.split('\n').filter((l) => !l.trimStart().startsWith('#'))
}

describe('ingest snippets', () => {
  it('curl reads the key from the environment inside double quotes (never single: a 401)', () => {
    const { curl } = buildSnippets(origin, id, { kind: 'env' })
    expect(curl).not.toContain("'X-API-Key: $MOCKUPAWS_API_KEY'")
    const words = shellWords(commands(curl).join('\n'), { MOCKUPAWS_API_KEY: 'mk_live_secret' })
    expect(words).toContain('X-API-Key: mk_live_secret')
    expect(words).toContain(`X-Scenario-ID: ${id}`)
    expect(words).toContain(`${origin}/api/v1/ingest`)
    expect(JSON.parse(words[words.indexOf('-d') + 1] ?? '')).toMatchObject({ events: expect.any(Array) })
  })

  it('the CLI never overwrites the variable unless it has the real key', () => {
    for (const key of [
      { kind: 'env' } as const,
      { kind: 'stored', name: 'ci', prefix: 'mk_ab12' } as const,
    ]) {
      const { cli } = buildSnippets(origin, id, key)
      expect(commands(cli).some((l) => l.includes('MOCKUPAWS_API_KEY='))).toBe(false)
    }
    const { cli } = buildSnippets(origin, id, { kind: 'fresh', key: 'mk_new_key' })
    expect(commands(cli)[0]).toBe("export MOCKUPAWS_API_KEY='mk_new_key'")
  })

  it('choosing a key changes the snippets: a stored key is named, a new one is in them', () => {
    const env = buildSnippets(origin, id, { kind: 'env' })
    const stored = buildSnippets(origin, id, { kind: 'stored', name: 'shipper', prefix: 'mk_ab12' })
    const fresh = buildSnippets(origin, id, { kind: 'fresh', key: 'mk_whole_key' })
    expect(stored.curl).not.toBe(env.curl)
    expect(stored.curl).toContain('“shipper” (mk_ab12…)')
    expect(stored.cli).toContain('mk_ab12…')
    expect(shellWords(commands(fresh.curl).join('\n'), {})).toContain('X-API-Key: mk_whole_key')
  })

  it('quotes a single quote inside a word', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`)
    expect(shellWords(`echo ${shellQuote("it's $HOME")}`, { HOME: '/root' })).toEqual(['echo', "it's $HOME"])
  })
})
