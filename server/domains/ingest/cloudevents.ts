/**
 * CloudEvents 1.0 on POST /ingest (docs/cloudevents.md): the JSON event format, structured mode
 * (`application/cloudevents+json`, one event) and batched mode (`application/cloudevents-batch+json`, an
 * array). Each CloudEvent becomes one raw ingest item for validateEvents (events.ts): its `type` names the
 * ingest event type (docs/metering.md), `data` carries the fields and `time` becomes `timestamp`. Syntax only, all or nothing.
 */
import { EVENT_TYPES } from './events.js'

export const CLOUDEVENTS_CONTENT_TYPE = 'application/cloudevents+json'
export const CLOUDEVENTS_BATCH_CONTENT_TYPE = 'application/cloudevents-batch+json'

/** The CloudEvents `type` of each ingest event type is this prefix + the type, e.g. `mockupaws.sqs.send`. */
export const CLOUDEVENTS_TYPE_PREFIX = 'mockupaws.'

export interface CloudEventProblem {
  index: number
  field: string
  reason: string
}

export type CloudEventsResult = { ok: true; items: unknown[] } | { ok: false; problems: CloudEventProblem[] }

/** The ingest format of a request's Content-Type when it is one of the CloudEvents JSON types. */
export function cloudEventsFormatOf(
  contentType: string | undefined,
): 'cloudevents' | 'cloudevents-batch' | undefined {
  const media = contentType?.split(';')[0]?.trim().toLowerCase()
  if (media === CLOUDEVENTS_CONTENT_TYPE) return 'cloudevents'
  if (media === CLOUDEVENTS_BATCH_CONTENT_TYPE) return 'cloudevents-batch'
  return undefined
}

const MAX_PROBLEMS = 20
const MAX_ATTRIBUTE_LENGTH = 1024
const eventTypes: ReadonlySet<string> = new Set(EVENT_TYPES)

/** The ingest event type a CloudEvents `type` maps to: `mockupaws.<type>` or the bare `<type>`. */
export function ingestTypeOf(cloudEventType: string): string | undefined {
  const bare = cloudEventType.startsWith(CLOUDEVENTS_TYPE_PREFIX)
    ? cloudEventType.slice(CLOUDEVENTS_TYPE_PREFIX.length)
    : cloudEventType
  return eventTypes.has(bare) ? bare : undefined
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function isJsonContentType(value: string): boolean {
  const media = value.split(';')[0]?.trim().toLowerCase() ?? ''
  return media === 'application/json' || media.endsWith('+json')
}

function requireString(event: Record<string, unknown>, field: string, add: (f: string, r: string) => void) {
  const value = event[field]
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_ATTRIBUTE_LENGTH) {
    add(field, `is required: a non-empty string of at most ${MAX_ATTRIBUTE_LENGTH} characters`)
    return undefined
  }
  return value
}

/** Maps one CloudEvent to a raw ingest item, or records why it cannot be one. */
function toItem(value: unknown, add: (field: string, reason: string) => void): unknown {
  if (!isObject(value)) {
    add('event', 'must be a CloudEvent JSON object')
    return undefined
  }
  if (value.specversion !== '1.0') add('specversion', 'must be "1.0"')
  requireString(value, 'id', add)
  requireString(value, 'source', add)
  const cloudType = requireString(value, 'type', add)
  const type = cloudType === undefined ? undefined : ingestTypeOf(cloudType)
  if (cloudType !== undefined && type === undefined) {
    add('type', `must be ${CLOUDEVENTS_TYPE_PREFIX}<event type>, one of: ${EVENT_TYPES.join(', ')}`)
  }
  const contentType = value.datacontenttype
  if (contentType !== undefined && (typeof contentType !== 'string' || !isJsonContentType(contentType))) {
    add('datacontenttype', 'must be application/json (or absent)')
  }
  if (value.data_base64 !== undefined) add('data_base64', 'is not accepted: send the fields as JSON in data')
  if (value.time !== undefined && typeof value.time !== 'string') add('time', 'must be an RFC 3339 string')
  const data = value.data
  let fields: Record<string, unknown>
  if (data === undefined) fields = {}
  else if (isObject(data)) fields = data
  else if (typeof data === 'string' && type === 'log') fields = { message: data }
  else {
    add('data', 'must be a JSON object with the event fields (a string is accepted for log events)')
    return undefined
  }
  if (type === undefined) return undefined
  const item: Record<string, unknown> = { ...fields, type }
  // `time` is the CloudEvents timestamp attribute; it wins over a `timestamp` inside data.
  if (typeof value.time === 'string') item.timestamp = value.time
  return item
}

/**
 * Turns a parsed CloudEvents body into raw ingest items: `structured` is one event object, `batch` a
 * non-empty array of them. Any malformed event fails the whole body, reporting up to 20 problems with the
 * index of the event.
 */
export function cloudEventsToItems(body: unknown, mode: 'structured' | 'batch'): CloudEventsResult {
  const problems: CloudEventProblem[] = []
  let index = 0
  const add = (field: string, reason: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ index, field, reason })
  }
  if (mode === 'batch' && (!Array.isArray(body) || body.length === 0)) {
    return {
      ok: false,
      problems: [{ index: 0, field: 'body', reason: 'must be a non-empty JSON array of CloudEvents' }],
    }
  }
  const events = mode === 'batch' ? (body as unknown[]) : [body]
  const items: unknown[] = []
  for (; index < events.length && problems.length < MAX_PROBLEMS; index++) {
    items.push(toItem(events[index], add))
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, items }
}
