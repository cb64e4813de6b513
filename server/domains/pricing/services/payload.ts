/**
 * Message payloads as SNS, SQS and EventBridge bill them: each 64 KB chunk of a payload is one request.
 */
import { Type } from '@sinclair/typebox'
import type { Decimal } from 'decimal.js'
import { d } from './params.js'

const CHUNK_KB = 64
const KB_PER_GB = 1_048_576

/** The optional average payload param (KB), bounded by the service's largest message. */
export const payloadKb = (maximumKb: number, service: string) =>
  Type.Optional(
    Type.Number({
      minimum: 0,
      maximum: maximumKb,
      title: 'Average payload (KB)',
      description:
        `Average ${service} message size in KB (up to ${maximumKb}); each 64 KB chunk is billed as one request. ` +
        'Left out, requests are billed as entered.',
    }),
  )

/** Requests billed per message: one per started 64 KB chunk, at least one; 1 when the size is not given. */
export function chunksOf(avgPayloadKb: number | undefined): number {
  return avgPayloadKb === undefined ? 1 : Math.max(1, Math.ceil(avgPayloadKb / CHUNK_KB))
}

/** GB of payload carried by `messages` of `avgPayloadKb` each (0 when the size is not given). */
export function payloadGb(messages: number, avgPayloadKb: number | undefined): Decimal {
  return d(messages)
    .times(avgPayloadKb ?? 0)
    .dividedBy(KB_PER_GB)
}
