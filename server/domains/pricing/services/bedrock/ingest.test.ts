import { describe, expect, it } from 'vitest'
import { meter } from '../../../../test/metered-usage.js'
import { needsTextTokens } from '../../../ingest/metering.js'

describe('Bedrock', () => {
  const base = { type: 'bedrock.invoke', time: undefined, model: 'amazon.nova-lite-v1:0' } as const

  it('uses the token counts sent with the event', () => {
    expect(
      meter({ ...base, inputTokens: 800, outputTokens: 200, inputText: 'ignored', outputText: 'ignored' }),
    ).toEqual({
      'bedrock.input_tokens.amazon.nova-lite-v1:0': 800,
      'bedrock.output_tokens.amazon.nova-lite-v1:0': 200,
    })
  })

  it('asks for the tokenizer only when a text has no count', () => {
    const textOnly = { ...base, inputTokens: undefined, outputTokens: 5, inputText: 'hi', outputText: 'x' }
    expect(needsTextTokens([textOnly])).toBe(true)
    expect(needsTextTokens([{ ...textOnly, inputTokens: 3 }])).toBe(false)
    expect(needsTextTokens([{ ...textOnly, inputText: undefined }])).toBe(false)
    expect(
      needsTextTokens([{ type: 'log', time: undefined, message: 'hi', level: 'info', service: undefined }]),
    ).toBe(false)
  })

  it('emits nothing for an invocation with neither counts nor text', () => {
    expect(
      meter({
        ...base,
        inputTokens: undefined,
        outputTokens: undefined,
        inputText: undefined,
        outputText: undefined,
      }),
    ).toEqual({})
  })
})
