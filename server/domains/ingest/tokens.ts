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
 *
 * Bounds (docs/metering.md "Tokenizer"): BPE is quadratic in the length of one pre-tokenized word, so a long
 * run without spaces (one letter repeated, CJK text) once froze the server for seconds. Text is therefore
 * counted in pieces of at most PIECE_CHARS characters, cut before whitespace where there is some, which makes
 * counting linear; the work yields to the event loop every SLICE_CHARS characters; and one request counts at
 * most EXACT_CHARS_PER_REQUEST characters exactly, estimating the rest from the tokens-per-character ratio it
 * has seen.
 */
import type { BedrockInvokeEvent } from '../pricing/services/bedrock/ingest.js'
import type { IngestEvent } from './events.js'

type Encoding = typeof import('gpt-tokenizer/encoding/o200k_base')
let encoding: Encoding | undefined

/** Longest piece handed to the BPE at once; a cut costs at most about one token of accuracy. */
export const PIECE_CHARS = 256
/** Characters counted between two yields to the event loop (a few milliseconds of work, CJK included). */
export const SLICE_CHARS = 16 * 1024
/** Characters one request counts exactly; beyond them its texts are estimated. */
export const EXACT_CHARS_PER_REQUEST = 256 * 1024

/** Loads the encoding once; await it before counting. */
export async function loadTokenizer(): Promise<void> {
  encoding ??= await import('gpt-tokenizer/encoding/o200k_base')
}

// Special-token strings such as <|endoftext|> in user text are counted as ordinary text, never rejected.
const PLAIN_TEXT = { disallowedSpecial: new Set<string>() }
const WHITESPACE = /\s/

/** Where the piece starting at `start` ends: before the last whitespace within PIECE_CHARS, else a hard cut. */
function pieceEnd(text: string, start: number): number {
  const limit = start + PIECE_CHARS
  if (limit >= text.length) return text.length
  for (let i = limit; i > start; i--) if (WHITESPACE.test(text[i] as string)) return i
  return limit
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * Counts the tokens of one request's texts within the request's budget. Each call is one text; the counter
 * remembers how much it has counted exactly so far.
 */
export class RequestTokenCounter {
  private exactChars = 0
  private exactTokens = 0
  private sinceYield = 0

  async count(text: string): Promise<number> {
    if (text.length === 0) return 0
    if (!encoding) throw new Error('RequestTokenCounter: await loadTokenizer() first')
    let tokens = 0
    let start = 0
    while (start < text.length && this.exactChars < EXACT_CHARS_PER_REQUEST) {
      const end = pieceEnd(text, start)
      const pieceTokens = encoding.countTokens(text.slice(start, end), PLAIN_TEXT)
      tokens += pieceTokens
      this.exactTokens += pieceTokens
      this.exactChars += end - start
      this.sinceYield += end - start
      start = end
      if (this.sinceYield >= SLICE_CHARS) {
        this.sinceYield = 0
        await nextTurn()
      }
    }
    return tokens + this.estimate(text.length - start)
  }

  /** Tokens for `chars` characters not counted exactly, at the ratio counted so far in this request. */
  private estimate(chars: number): number {
    if (chars <= 0) return 0
    return Math.ceil((chars * this.exactTokens) / Math.max(1, this.exactChars))
  }
}

/**
 * Bedrock events that sent text without a count get the text's count (an approximation, see above), so
 * metering only ever sees counts. Other events are returned as they are.
 */
export async function countTextTokens(events: readonly IngestEvent[]): Promise<IngestEvent[]> {
  await loadTokenizer()
  const counter = new RequestTokenCounter()
  const counted: IngestEvent[] = []
  for (const event of events)
    counted.push(event.type === 'bedrock.invoke' ? await withCounts(event, counter) : event)
  return counted
}

async function withCounts(
  event: BedrockInvokeEvent,
  counter: RequestTokenCounter,
): Promise<BedrockInvokeEvent> {
  const inputTokens =
    event.inputTokens ?? (event.inputText === undefined ? undefined : await counter.count(event.inputText))
  const outputTokens =
    event.outputTokens ?? (event.outputText === undefined ? undefined : await counter.count(event.outputText))
  return { ...event, inputTokens, outputTokens }
}
