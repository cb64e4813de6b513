/** A position in a JSON document: object keys and array indexes from the root. */
export type JsonPath = readonly (string | number)[]

/**
 * Which values to build: `collect(path)` is asked for every value whose parent is not being collected; a true
 * answer builds that value whole and hands it to `onValue`. Everything else is read and dropped, so memory
 * stays bounded by the collected values however large the document (AWS's EC2 offer files are gigabytes).
 */
export interface JsonSelection {
  collect(path: JsonPath): boolean
  onValue(path: JsonPath, value: unknown): void
}

type Container =
  | { kind: 'object'; key: string | undefined; expectKey: boolean }
  | { kind: 'array'; index: number }

/** A value under construction: its path and the containers opened inside it. */
type Build = { path: JsonPath; stack: (Record<string, unknown> | unknown[])[] }

const WHITESPACE = new Set([' ', '\n', '\r', '\t'])
const LITERAL_CHAR = /[-+0-9.eEtrufalsn]/

/**
 * A streaming JSON reader for documents too large to parse at once: feed it text chunks in order, then call
 * `end()`. It checks the structure as it goes (a truncated or malformed document throws) and builds only the
 * values the selection asks for.
 */
export class JsonStreamReader {
  private readonly containers: Container[] = []
  private build: Build | undefined
  private string: string[] | undefined
  private escape = ''
  private literal = ''
  private done = false

  constructor(private readonly selection: JsonSelection) {}

  write(chunk: string): void {
    let i = 0
    while (i < chunk.length) {
      if (this.string) {
        i = this.readString(chunk, i)
        continue
      }
      const char = chunk.charAt(i)
      if (this.literal && !LITERAL_CHAR.test(char)) this.endLiteral()
      if (LITERAL_CHAR.test(char)) {
        if (!this.literal) this.checkValueAllowed()
        this.literal += char
      } else if (char === '"') {
        this.string = []
      } else if (char === '{' || char === '[') {
        this.open(char === '{' ? 'object' : 'array')
      } else if (char === '}' || char === ']') {
        this.close(char === '}' ? 'object' : 'array')
      } else if (char === ':') {
        const top = this.containers.at(-1)
        if (top?.kind !== 'object' || top.key === undefined || !top.expectKey) this.fail("unexpected ':'")
        top.expectKey = false
      } else if (char === ',') {
        const top = this.containers.at(-1)
        if (!top) this.fail("unexpected ','")
        if (top.kind === 'object') {
          top.expectKey = true
          top.key = undefined
        }
      } else if (!WHITESPACE.has(char)) {
        this.fail(`unexpected character ${JSON.stringify(char)}`)
      }
      i += 1
    }
  }

  /** Checks that the document is complete. */
  end(): void {
    if (this.literal) this.endLiteral()
    if (this.string || this.containers.length > 0 || !this.done) this.fail('the document ends too early')
  }

  private fail(message: string): never {
    throw new Error(`malformed JSON: ${message}`)
  }

  private readString(chunk: string, start: number): number {
    const parts = this.string as string[]
    let i = start
    if (this.escape) {
      // An escape split across chunks: gather its remaining characters first.
      const marker = this.escape.length > 1 ? this.escape.charAt(1) : chunk.charAt(i)
      const need = marker === 'u' ? 6 : 2
      const take = chunk.slice(i, i + need - this.escape.length)
      this.escape += take
      i += take.length
      if (this.escape.length < need) return i
      parts.push(JSON.parse(`"${this.escape}"`) as string)
      this.escape = ''
    }
    while (i < chunk.length) {
      const quote = chunk.indexOf('"', i)
      const backslash = chunk.indexOf('\\', i)
      if (backslash !== -1 && (quote === -1 || backslash < quote)) {
        parts.push(chunk.slice(i, backslash))
        const need = chunk.charAt(backslash + 1) === 'u' ? 6 : 2
        const sequence = chunk.slice(backslash, backslash + need)
        if (sequence.length < need) {
          this.escape = sequence
          return chunk.length
        }
        parts.push(JSON.parse(`"${sequence}"`) as string)
        i = backslash + need
        continue
      }
      if (quote === -1) {
        parts.push(chunk.slice(i))
        return chunk.length
      }
      parts.push(chunk.slice(i, quote))
      this.string = undefined
      this.endString(parts.join(''))
      return quote + 1
    }
    return i
  }

  private endString(text: string): void {
    const top = this.containers.at(-1)
    if (top?.kind === 'object' && top.expectKey) {
      if (top.key !== undefined) this.fail('two keys without a value')
      top.key = text
      return
    }
    this.checkValueAllowed()
    this.value(text)
  }

  private endLiteral(): void {
    const text = this.literal
    this.literal = ''
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch {
      this.fail(`bad literal ${JSON.stringify(text.slice(0, 20))}`)
    }
    this.value(value)
  }

  private checkValueAllowed(): void {
    const top = this.containers.at(-1)
    if (!top && this.done) this.fail('more than one document')
    if (top?.kind === 'object' && top.expectKey) this.fail('a value where a key was expected')
  }

  /** The path of the value starting now. */
  private pathHere(): (string | number)[] {
    return this.containers.map((c) => (c.kind === 'object' ? (c.key as string) : c.index))
  }

  private advance(): void {
    const top = this.containers.at(-1)
    if (!top) this.done = true
    else if (top.kind === 'array') top.index += 1
  }

  private value(value: unknown): void {
    if (this.build) this.addToBuild(value)
    else {
      const path = this.pathHere()
      if (this.selection.collect(path)) this.selection.onValue(path, value)
    }
    this.advance()
  }

  private addToBuild(value: unknown): void {
    const build = this.build as Build
    const parent = build.stack.at(-1)
    if (Array.isArray(parent)) parent.push(value)
    // Defined, not assigned: a "__proto__" key in a downloaded file stays a plain property, as with JSON.parse.
    else if (parent) {
      Object.defineProperty(parent, this.currentKey() ?? '', {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      })
    }
  }

  private currentKey(): string | undefined {
    const top = this.containers.at(-1)
    return top?.kind === 'object' ? top.key : undefined
  }

  private open(kind: 'object' | 'array'): void {
    this.checkValueAllowed()
    const fresh: Record<string, unknown> | unknown[] = kind === 'object' ? {} : []
    if (this.build) {
      this.addToBuild(fresh)
      this.build.stack.push(fresh)
    } else {
      const path = this.pathHere()
      if (this.selection.collect(path)) this.build = { path, stack: [fresh] }
    }
    this.containers.push(kind === 'object' ? { kind, key: undefined, expectKey: true } : { kind, index: 0 })
  }

  private close(kind: 'object' | 'array'): void {
    const top = this.containers.pop()
    if (!top || top.kind !== kind) this.fail(`unexpected '${kind === 'object' ? '}' : ']'}'`)
    if (top.kind === 'object' && top.key !== undefined && top.expectKey) this.fail('a key without a value')
    const build = this.build
    if (build) {
      const finished = build.stack.pop()
      if (build.stack.length === 0) {
        this.build = undefined
        this.selection.onValue(build.path, finished)
      }
    }
    this.advance()
  }
}
