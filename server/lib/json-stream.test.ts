import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type JsonPath, JsonStreamReader } from './json-stream.js'

/** Reads `text` in chunks of `size` characters, collecting the values at depth `depth`. */
function collect(text: string, size: number, depth: number): [JsonPath, unknown][] {
  const found: [JsonPath, unknown][] = []
  const reader = new JsonStreamReader({
    collect: (path) => path.length === depth,
    onValue: (path, value) => found.push([path, value]),
  })
  for (let i = 0; i < text.length; i += size) reader.write(text.slice(i, i + size))
  reader.end()
  return found
}

describe('JsonStreamReader', () => {
  it('builds the selected values exactly as JSON.parse does, however the text is cut', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.integer({ min: 1, max: 9 }), (doc, size) => {
        const text = JSON.stringify(doc, null, size % 2 === 0 ? 2 : undefined)
        const expected = Object.entries(JSON.parse(text) as Record<string, unknown>).map(([k, v]) => [[k], v])
        expect(collect(text, size, 1)).toEqual(expected)
      }),
      { numRuns: 300 },
    )
  })

  it('hands over the root when asked, and nested values by path', () => {
    const text =
      '{"products":{"A":{"sku":"A","n":[1,2.5e3,true,null]}},"terms":{"OnDemand":{"A":{"x":"\\u00e9\\n"}}}}'
    expect(collect(text, 1, 0)).toEqual([[[], JSON.parse(text)]])
    expect(collect(text, 4, 3)).toEqual([
      [['products', 'A', 'sku'], 'A'],
      [
        ['products', 'A', 'n'],
        [1, 2500, true, null],
      ],
      [['terms', 'OnDemand', 'A'], { x: 'é\n' }],
    ])
  })

  it('keeps a "__proto__" key as a plain property', () => {
    const [[, value]] = collect('{"a":{"__proto__":{"polluted":true}}}', 5, 1) as [[JsonPath, object]]
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype)
    expect(value).toEqual(JSON.parse('{"__proto__":{"polluted":true}}'))
  })

  it('refuses truncated and malformed documents', () => {
    for (const text of ['{"a":1', '{"a":', '{"a" 1}', '[1,2', '{"a":tru}', '{"a":1}}', '{"a":1} 2', '"abc']) {
      expect(() => collect(text, 3, 1), text).toThrow(/malformed JSON/)
    }
  })
})
