/** Direct PUT and Kinesis-stream sources bill each record rounded up to the next 5 KB (5,120 bytes). */
export const RECORD_STEP_BYTES = 5 * 1024
/** A Firehose record's data blob is at most 1,000 KiB. */
export const MAX_RECORD_BYTES = 1000 * 1024
