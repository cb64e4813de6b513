/**
 * Token counting for Bedrock events that send text instead of token counts.
 *
 * Uses gpt-tokenizer's `o200k_base` BPE (the GPT-4o encoding). Bedrock's models (Claude, Llama, Titan,
 * Mistral, Nova) each have their own tokenizer and most are not published as code, so any local count is an
 * approximation of what the model would bill. o200k_base is chosen because it is the newest encoding the
 * package ships and its large vocabulary (~200k) is nearer to current models' (Llama 3's is 128k) than the
 * older 50k/100k encodings, which split non-English text into noticeably more tokens.
 * Send `input_tokens`/`output_tokens` (from the model's response usage) whenever exact counts matter.
 *
 * The encoding takes ~57 MB of memory, so it is loaded the first time a text has to be counted: a server
 * whose clients send counts never pays for it.
 */
type Encoding = typeof import('gpt-tokenizer/encoding/o200k_base')
let encoding: Encoding | undefined

/** Loads the encoding once; await it before metering events that need `countTextTokens`. */
export async function loadTokenizer(): Promise<void> {
  encoding ??= await import('gpt-tokenizer/encoding/o200k_base')
}

// Special-token strings such as <|endoftext|> in user text are counted as ordinary text, never rejected.
const PLAIN_TEXT = { disallowedSpecial: new Set<string>() }

/** Counts the o200k_base BPE tokens of a text; an approximation of the Bedrock model's own tokenizer. */
export function countTextTokens(text: string): number {
  if (text.length === 0) return 0
  if (!encoding) throw new Error('countTextTokens: await loadTokenizer() first')
  return encoding.countTokens(text, PLAIN_TEXT)
}
