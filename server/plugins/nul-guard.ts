import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { nulError, nulInJson, nulPath } from '../lib/nul-text.js'

/**
 * A NUL character (U+0000) in any string of a JSON body, the query string or a path parameter answers 422
 * `validation_error` before the route runs, and nothing is stored. JSON bodies keep Fastify's own parser
 * (prototype-poisoning checks included); routes with their own parsers (ingest) call `nulInJson` themselves.
 */
export const nulGuardPlugin = fp(async (app: FastifyInstance) => {
  const parseJson = app.getDefaultJsonParser('error', 'error')
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    parseJson(req, body as string, (err, value) => {
      if (err) return done(err, undefined)
      const nul = nulInJson(body as string, value)
      return nul ? done(nul, undefined) : done(null, value)
    })
  })
  app.addHook('preValidation', (req, _reply, done) => {
    // Only a percent-encoded NUL can put one in the query or the path.
    if (!req.raw.url?.includes('%00')) return done()
    for (const [part, value] of [
      ['query', req.query],
      ['params', req.params],
    ] as const) {
      const path = nulPath(value)
      if (path !== undefined) return done(nulError(path ? `${part}.${path}` : part))
    }
    done()
  })
})
