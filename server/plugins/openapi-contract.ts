/**
 * What the OpenAPI document states beyond the route schemas Fastify validates with: every route's error
 * responses in the one error shape, and request bodies whose documented form is stricter than the envelope
 * validated at the edge (a line item's params are checked by its service descriptor, which answers with
 * field-level details; the document shows the same schemas as a union on `service`).
 */
import { type TSchema, Type } from '@sinclair/typebox'
import type { FastifySchema } from 'fastify'
import { ERROR_CODES } from '../errors.js'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The request body as the OpenAPI document shows it, when stricter than `schema.body`. */
    documentedBody?: TSchema
  }
}

export const ErrorResponse = Type.Object(
  {
    error: Type.Union(
      ERROR_CODES.map((code) => Type.Literal(code)),
      { description: 'A stable error code (docs/http-conventions.md).' },
    ),
    message: Type.String({ description: 'A human-readable explanation; may change.' }),
    details: Type.Optional(
      Type.Array(Type.Object({ field: Type.String(), reason: Type.String() }), {
        description: 'One entry per invalid field, for validation errors.',
      }),
    ),
  },
  { $id: 'ErrorResponse', title: 'ErrorResponse', description: 'The body of every error answer.' },
)

const errorResponses = {
  '4XX': { ...Type.Ref(ErrorResponse), description: 'The request was refused; `error` says why.' },
  '5XX': { ...Type.Ref(ErrorResponse), description: 'The server could not answer; `error` says why.' },
}

type RouteDocument = { schema: FastifySchema; url: string; route: { config?: { documentedBody?: TSchema } } }

/** The `@fastify/swagger` transform: adds the error responses and the documented body to each route. */
export function documentRoute({ schema, url, route }: RouteDocument): { schema: FastifySchema; url: string } {
  if (!schema) return { schema, url }
  const documentedBody = route.config?.documentedBody
  return {
    url,
    schema: {
      ...schema,
      ...(documentedBody ? { body: documentedBody } : {}),
      response: { ...errorResponses, ...(schema.response as object | undefined) },
    },
  }
}
