import { type TSchema, Type } from '@sinclair/typebox'

/** Schema pieces every domain's `*.schemas.ts` shares, so the wire format is spelled one way. */
export const Uuid = Type.String({ format: 'uuid' })
export const DateTime = Type.String({ format: 'date-time' })
export const Nullable = <T extends TSchema>(schema: T, options?: { description: string }) =>
  Type.Union([schema, Type.Null()], options)
