/** Provisioned streams bill each record in 25 KB PUT payload units (a 5 KB record is 1, a 45 KB record 2). */
export const PUT_PAYLOAD_UNIT_BYTES = 25 * 1024
/** On-demand streams bill each record's size rounded up to the next KB (a 4.5 KB record counts 5 KB). */
export const ON_DEMAND_RECORD_STEP_BYTES = 1024
/** A record's data blob plus partition key is at most 1 MiB. */
export const MAX_RECORD_BYTES = 1024 * 1024
