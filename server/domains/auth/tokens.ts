import { randomBytes, randomUUID } from 'node:crypto'
import { errors, jwtVerify, SignJWT } from 'jose'
import { unauthorized } from '../../errors.js'

export type AccessTokenSigner = ReturnType<typeof createAccessTokens>

/** HS256 access tokens carrying only `{sub, type, jti, iat, exp}`: nothing else about the user. */
export function createAccessTokens(secret: string, ttlMinutes: number) {
  const key = new TextEncoder().encode(secret)
  const ttlSeconds = ttlMinutes * 60
  return {
    ttlSeconds,
    /** `jti` ties the token to its session (refresh_tokens.access_jti), so revoking the session refuses it. */
    async sign(userId: string, jti: string = randomUUID()): Promise<string> {
      return new SignJWT({ type: 'access' })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(userId)
        .setJti(jti)
        .setIssuedAt()
        .setExpirationTime(`${ttlSeconds}s`)
        .sign(key)
    },
    /** Returns the user id, or throws `token_expired` / `invalid_token` (wrong alg, signature, type, shape). */
    async verify(token: string): Promise<{ userId: string; issuedAt: number; jti: string }> {
      try {
        const { payload } = await jwtVerify(token, key, {
          algorithms: ['HS256'],
          requiredClaims: ['sub', 'exp', 'iat', 'jti'],
        })
        if (payload.type !== 'access' || typeof payload.sub !== 'string')
          throw new Error('not an access token')
        return { userId: payload.sub, issuedAt: payload.iat ?? 0, jti: payload.jti ?? '' }
      } catch (err) {
        if (err instanceof errors.JWTExpired)
          throw unauthorized('token_expired', 'The access token has expired.')
        throw unauthorized('invalid_token', 'The access token is not valid.')
      }
    },
  }
}

/** Refresh tokens are opaque random strings; only their SHA-256 is stored. */
export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url')
}
