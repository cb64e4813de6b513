import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify'
import fp from 'fastify-plugin'
import type { Scope } from '../domains/api-keys/scopes.js'
import { AppError, forbidden, insufficientScope, unauthorized, unavailable } from '../errors.js'
import { isDatabaseUnavailable } from './error-handler.js'

/** Who is calling: a user through a JWT session (all scopes) or through one of their API keys. */
export type Principal = {
  userId: string
  via: 'jwt' | 'api_key'
  scopes: readonly Scope[]
  apiKeyId?: string
}

/** Turns a credential into a principal, or throws the AppError the client must see. */
export type Authenticators = {
  bearer: (token: string) => Promise<Principal>
  apiKey?: (key: string, ip: string) => Promise<Principal>
}

/** What a protected route declared, recorded for the scope-matrix tests and the docs. */
export type ProtectedRoute = {
  method: string
  url: string
  scope?: Scope
  alsoNeeds?: Scope
  jwtOnly: boolean
}
/**
 * `alsoNeeds`: a second scope an API key must hold, for writes that disclose data (a share link or a mailed
 * report shows costs, so creating one needs the read scope of what it shows).
 */
type AuthRequirement = { scope?: Scope; alsoNeeds?: Scope; jwtOnly?: boolean }
const REQUIREMENT = Symbol('authRequirement')

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal
    authFailure?: AppError
  }
  interface FastifyInstance {
    /** preHandler for a protected route: a principal is required, and `scope` when the caller is an API key. */
    requireAuth(options?: AuthRequirement): preHandlerAsyncHookHandler
    /** Every route guarded by requireAuth, with its scope. */
    protectedRoutes: ProtectedRoute[]
  }
}

/** A user id the route can trust: only callable after `requireAuth` ran. */
export function principalOf(req: FastifyRequest): Principal {
  if (!req.principal) throw unauthorized('missing_token', 'Authentication is required.')
  return req.principal
}

/** Whether the request carries an API key or an Authorization header, valid or not. */
export function carriesCredential(req: FastifyRequest): boolean {
  return req.headers['x-api-key'] !== undefined || req.headers.authorization !== undefined
}

/**
 * Identifies the caller in onRequest (so rate limits can count per user or key) without rejecting anyone;
 * `requireAuth` rejects on the routes that need it.
 */
export const authPlugin = fp(
  async (
    app: FastifyInstance,
    opts: {
      authenticators: Authenticators
      onCredentialRejected?: (req: FastifyRequest) => void
      /** Requests whose headers carry no user credential (the operators' endpoints). */
      skip?: (req: FastifyRequest) => boolean
    },
  ) => {
    app.decorateRequest('principal', undefined)
    app.decorateRequest('authFailure', undefined)

    const authenticate = async (req: FastifyRequest) => {
      const apiKey = req.headers['x-api-key']
      const authorization = req.headers.authorization
      try {
        if (typeof apiKey === 'string' && apiKey.length > 0) {
          if (!opts.authenticators.apiKey) throw unauthorized('invalid_api_key', 'The API key is not valid.')
          req.principal = await opts.authenticators.apiKey(apiKey, req.ip)
        } else if (authorization) {
          const match = /^Bearer\s+(\S+)$/i.exec(authorization)
          if (!match?.[1])
            throw unauthorized('invalid_token', 'The Authorization header must be "Bearer <token>".')
          req.principal = await opts.authenticators.bearer(match[1])
        }
      } catch (err) {
        // A lost database is only fatal for routes that need the caller: /health still answers its own 503.
        if (isDatabaseUnavailable(err)) req.authFailure = unavailable()
        else if (err instanceof AppError) {
          req.authFailure = err
          // An expired token is a client that must refresh, not a guess.
          if (err.code === 'invalid_api_key' || err.code === 'invalid_token') opts.onCredentialRejected?.(req)
        } else throw err
      }
    }
    // Synchronous when the request carries no credential (health checks, the web app's pages, public routes):
    // no promise to settle for them.
    app.addHook('onRequest', (req, _reply, done) => {
      if (opts.skip?.(req) || !carriesCredential(req)) return done()
      authenticate(req).then(() => done(), done)
    })

    app.decorate('requireAuth', (options: AuthRequirement = {}) => {
      const guard = async (req: FastifyRequest) => {
        if (req.authFailure) throw req.authFailure
        const principal = principalOf(req)
        if (options.jwtOnly && principal.via !== 'jwt') {
          throw forbidden('This needs a signed-in session; API keys cannot manage keys or the account.')
        }
        for (const scope of [options.scope, options.alsoNeeds])
          if (scope && !principal.scopes.includes(scope)) throw insufficientScope(scope)
      }
      return Object.assign(guard, { [REQUIREMENT]: options })
    })

    const protectedRoutes: ProtectedRoute[] = []
    app.decorate('protectedRoutes', protectedRoutes)
    // Routes declare the guard as a preHandler; it is moved to run before body validation, so a caller without
    // the right credential or scope gets 401/403 and learns nothing about the route's schema.
    app.addHook('onRoute', (route) => {
      const preHandlers = [route.preHandler ?? []].flat() as Array<{ [REQUIREMENT]?: AuthRequirement }>
      const guard = preHandlers.find((h) => h[REQUIREMENT])
      const requirement = guard?.[REQUIREMENT]
      if (!guard || !requirement) return
      route.preHandler = preHandlers.filter((h) => h !== guard) as typeof route.preHandler
      route.preValidation = [guard, ...[route.preValidation ?? []].flat()] as typeof route.preValidation
      for (const method of [route.method].flat()) {
        if (method === 'HEAD') continue
        protectedRoutes.push({
          method,
          url: route.url,
          scope: requirement.scope,
          ...(requirement.alsoNeeds ? { alsoNeeds: requirement.alsoNeeds } : {}),
          jwtOnly: requirement.jwtOnly ?? false,
        })
      }
    })
  },
)
