/**
 * Token counting for Bedrock events that send text instead of token counts.
 *
 * Uses gpt-tokenizer's `o200k_base` BPE (the GPT-4o encoding). Bedrock's models (Claude, Llama, Titan,
 * Mistral, Nova) each have their own tokenizer and most are not published as code, so any local count is an
 * approximation of what the model would bill. o200k_base is chosen because it is the newest encoding the
 * package ships and its large vocabulary (~200k) is nearer to current models' (Llama 3's is 128k) than the
 * older 50k/100k encodings, which split non-English text into noticeably more tokens.
 * Send `input_tokens`/`output_tokens` (from the model's response usage) whenever exact counts matter.
 */
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base'

// Special-token strings such as <|endoftext|> in user text are counted as ordinary text, never rejected.
const PLAIN_TEXT = { disallowedSpecial: new Set<string>() }

/** Counts the o200k_base BPE tokens of a text; an approximation of the Bedrock model's own tokenizer. */
export function countTextTokens(text: string): number {
  return text.length === 0 ? 0 : countTokens(text, PLAIN_TEXT)
}
