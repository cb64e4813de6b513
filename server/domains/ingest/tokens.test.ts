import { countTokens } from 'gpt-tokenizer/encoding/o200k_base'
import { describe, expect, it } from 'vitest'
import type { BedrockInvokeEvent } from '../pricing/services/bedrock/ingest.js'
import {
  countTextTokens,
  EXACT_CHARS_PER_REQUEST,
  loadTokenizer,
  RequestTokenCounter,
  SLICE_CHARS,
} from './tokens.js'

const PLAIN_TEXT = { disallowedSpecial: new Set<string>() }

const bedrock = (fields: Partial<BedrockInvokeEvent>): BedrockInvokeEvent => ({
  type: 'bedrock.invoke',
  time: undefined,
  model: 'amazon.nova-lite-v1:0',
  inputTokens: undefined,
  outputTokens: undefined,
  inputText: undefined,
  outputText: undefined,
  ...fields,
})

describe('countTextTokens', () => {
  it('fills in the counts of texts sent without them and keeps counts that were sent', async () => {
    // o200k_base: "Hello, world!" → Hello | , | world | ! = 4 tokens; the fox sentence is 10 tokens.
    const [counted, kept] = await countTextTokens([
      bedrock({ inputText: 'Hello, world!', outputText: 'The quick brown fox jumps over the lazy dog.' }),
      bedrock({ inputTokens: 7, inputText: 'Hello, world!', outputTokens: 0 }),
    ])
    expect(counted).toMatchObject({ inputTokens: 4, outputTokens: 10 })
    expect(kept).toMatchObject({ inputTokens: 7, outputTokens: 0 })
  })

  it('counts prose in pieces to the same total as counting it whole', async () => {
    const prose = 'The quick brown fox jumps over the lazy dog, then naps in the sun. '.repeat(400)
    const [counted] = await countTextTokens([bedrock({ inputText: prose })])
    expect(counted).toMatchObject({ inputTokens: countTokens(prose, PLAIN_TEXT) })
  })
})

describe('RequestTokenCounter bounds (a long word once froze the server)', () => {
  it('counts 256 KiB of one letter, which BPE would take quadratic time on, as 8 letters a token', async () => {
    await loadTokenizer()
    const text = 'a'.repeat(256 * 1024)
    expect(await new RequestTokenCounter().count(text)).toBe(text.length / 8)
  })

  it('yields to the event loop while it counts', async () => {
    await loadTokenizer()
    let otherWorkRan = false
    setImmediate(() => {
      otherWorkRan = true
    })
    const counting = new RequestTokenCounter().count('漢字かな交じり文'.repeat(SLICE_CHARS / 4))
    expect(otherWorkRan).toBe(false)
    await counting
    expect(otherWorkRan).toBe(true)
  })

  it('estimates what a request sends beyond its exact budget from the ratio it counted', async () => {
    await loadTokenizer()
    const counter = new RequestTokenCounter()
    const first = 'a'.repeat(EXACT_CHARS_PER_REQUEST)
    expect(await counter.count(first)).toBe(first.length / 8)
    // Nothing of this text is counted exactly: it is priced at the request's 1 token per 8 characters.
    expect(await counter.count('漢字'.repeat(1000))).toBe(2000 / 8)
  })
})
