import { randomBytes, randomUUID } from 'node:crypto'
import type { Config } from '../../config.js'
import type { Db } from '../../db/client.js'
import { AppError, conflict, unauthorized, validationError } from '../../errors.js'
import { normaliseEmail } from '../../lib/email.js'
import { sha256Hex } from '../../lib/hash.js'
import type { Principal } from '../../plugins/auth.js'
import { SCOPES } from '../api-keys/scopes.js'
import type { SecurityEventService } from '../security-events/security-events.service.js'
import * as repo from './auth.repo.js'
import type {
  ChangePasswordBody,
  LoginBody,
  RegisterBody,
  SessionResponse,
  UpdateMeBody,
  UserResponse,
} from './auth.schemas.js'
import { hashPassword, passwordProblem, verifyPassword } from './passwords.js'
import { createAccessTokens, newRefreshToken } from './tokens.js'

type AuthDeps = { db: Db; config: Config; securityEvents: SecurityEventService }
/** Who asked, for security events: the client address as Fastify resolved it (TRUST_PROXY aware). */
type RequestContext = { ip: string }

export function toUserResponse(row: repo.UserRow): UserResponse {
  return {
    id: row.id,
    email: row.email,
    full_name: row.fullName,
    created_at: row.createdAt.toISOString(),
    last_login_at: row.lastLoginAt?.toISOString() ?? null,
  }
}

const invalidCredentials = () => unauthorized('invalid_credentials', 'The email or password is incorrect.')

export function createAuthService({ db, config, securityEvents }: AuthDeps) {
  const accessTokens = createAccessTokens(config.jwt.secret, config.jwt.accessTtlMinutes)
  // An unknown email is checked against this hash so it costs one bcrypt comparison, like a wrong password.
  const dummyHash = hashPassword(randomBytes(16).toString('hex'), config.bcryptRounds)

  function checkNewPassword(field: string, password: string): void {
    const problem = passwordProblem(password)
    if (problem) throw validationError([{ field, reason: problem }])
  }

  async function issueSession(user: repo.UserRow, familyId: string = randomUUID()): Promise<SessionResponse> {
    const refreshToken = newRefreshToken()
    const accessJti = randomUUID()
    await repo.insertRefreshToken(db, {
      userId: user.id,
      familyId,
      tokenHash: sha256Hex(refreshToken),
      expiresAt: new Date(Date.now() + config.jwt.refreshTtlDays * 86_400_000),
      accessJti,
    })
    return {
      user: toUserResponse(user),
      access_token: await accessTokens.sign(user.id, accessJti),
      refresh_token: refreshToken,
      token_type: 'bearer',
      expires_in: accessTokens.ttlSeconds,
    }
  }

  /** A token rotated moments ago (or by a request racing this one) and not revoked since: a second tab. */
  function isGraceReplay(row: { rotatedAt: Date | null; revokedAt: Date | null }): boolean {
    if (row.revokedAt) return false
    const rotatedAt = row.rotatedAt?.getTime() ?? Date.now()
    return Date.now() - rotatedAt <= config.refreshReuseGraceSeconds * 1000
  }

  async function activeUser(userId: string): Promise<repo.UserRow> {
    const user = await repo.findUserById(db, userId)
    if (!user?.isActive) throw unauthorized('invalid_token', 'The access token is not valid.')
    return user
  }

  return {
    /** Creates an account (also used by `mockupaws user create`); a taken email is a 409. */
    async createUser(input: RegisterBody): Promise<repo.UserRow> {
      const email = normaliseEmail(input.email)
      if (!email) throw validationError([{ field: 'email', reason: 'must be a valid email address' }])
      checkNewPassword('password', input.password)
      const user = await repo.insertUser(db, {
        email,
        passwordHash: await hashPassword(input.password, config.bcryptRounds),
        fullName: input.full_name?.trim() || null,
      })
      if (!user) throw conflict('An account with this email already exists.', 'email_already_registered')
      return user
    },

    /** Registers and signs in at once. */
    async register(input: RegisterBody, ctx: RequestContext): Promise<SessionResponse> {
      const user = await this.createUser(input)
      await securityEvents.record({ type: 'registration', userId: user.id, ip: ctx.ip })
      return issueSession(user)
    },

    /** Unknown email and wrong password answer the same 401 after the same amount of bcrypt work. */
    async login(input: LoginBody, ctx: RequestContext): Promise<SessionResponse> {
      const email = normaliseEmail(input.email)
      const user = email ? await repo.findUserByEmail(db, email) : undefined
      const matches = await verifyPassword(input.password, user?.passwordHash ?? (await dummyHash))
      if (!user || !matches || !user.isActive) {
        await securityEvents.record({
          type: 'login_failed',
          userId: user?.id ?? null,
          ip: ctx.ip,
          details: user ? 'wrong password or inactive user' : 'unknown email',
        })
        throw invalidCredentials()
      }
      return issueSession((await repo.touchLastLogin(db, user.id)) ?? user)
    },

    /**
     * Rotates a refresh token. Presenting one that was already rotated (or revoked) means it was copied:
     * the whole family is revoked, so the thief and the victim both have to sign in again. Except within
     * REFRESH_REUSE_GRACE_SECONDS of its rotation: two tabs refreshing at once present the same token, and the
     * second gets a successor of its own in the same family (which a later reuse still revokes).
     */
    async refresh(refreshToken: string, ctx: RequestContext): Promise<SessionResponse> {
      const row = await repo.findRefreshToken(db, sha256Hex(refreshToken))
      if (!row) throw unauthorized('invalid_token', 'The refresh token is not valid.')
      const rotatedNow = !row.rotatedAt && !row.revokedAt && (await repo.markRotated(db, row.id))
      if (!rotatedNow && !isGraceReplay(row)) {
        await repo.revokeFamily(db, row.familyId)
        await securityEvents.record({
          type: 'refresh_token_reuse',
          userId: row.userId,
          ip: ctx.ip,
          details: `family ${row.familyId} revoked`,
        })
        throw unauthorized('invalid_token', 'The refresh token is not valid.')
      }
      if (row.expiresAt.getTime() <= Date.now())
        throw unauthorized('token_expired', 'The refresh token has expired.')
      const user = await repo.findUserById(db, row.userId)
      if (!user?.isActive) throw unauthorized('invalid_token', 'The refresh token is not valid.')
      return issueSession(user, row.familyId)
    },

    /** Revokes the presented token's family (this device's session); unknown tokens are ignored. */
    async logout(refreshToken: string): Promise<void> {
      const row = await repo.findRefreshToken(db, sha256Hex(refreshToken))
      if (row) await repo.revokeFamily(db, row.familyId)
    },

    /** The address of an active account, else undefined: where the account's own reports may be sent. */
    async emailOf(userId: string): Promise<string | undefined> {
      const user = await repo.findUserById(db, userId)
      return user?.isActive ? user.email : undefined
    },

    /** Whether the account exists and is active: what another domain asks before acting for its owner. */
    async isActive(userId: string): Promise<boolean> {
      return (await repo.findUserById(db, userId))?.isActive === true
    },

    async me(userId: string): Promise<UserResponse> {
      return toUserResponse(await activeUser(userId))
    },

    /**
     * Changes the account's name (PATCH /auth/me), trimmed and never blank; an absent name changes nothing.
     * The body schema drops every other field, so email, is_active or a password hash cannot be set here.
     */
    async updateMe(userId: string, input: UpdateMeBody): Promise<UserResponse> {
      const user = await activeUser(userId)
      if (input.full_name === undefined) return toUserResponse(user)
      const fullName = input.full_name.trim()
      if (!fullName) throw validationError([{ field: 'full_name', reason: 'must not be blank' }])
      const updated = await repo.updateFullName(db, userId, fullName)
      if (!updated) throw unauthorized('invalid_token', 'The access token is not valid.')
      return toUserResponse(updated)
    },

    /** Changes the password and revokes every refresh token of the user (all devices sign in again). */
    async changePassword(userId: string, input: ChangePasswordBody, ctx: RequestContext): Promise<void> {
      const user = await activeUser(userId)
      if (!(await verifyPassword(input.current_password, user.passwordHash))) {
        throw new AppError(422, 'validation_error', 'The current password is incorrect.', [
          { field: 'current_password', reason: 'is incorrect' },
        ])
      }
      checkNewPassword('new_password', input.new_password)
      const passwordHash = await hashPassword(input.new_password, config.bcryptRounds)
      await db.transaction(async (tx) => {
        await repo.updatePassword(tx, userId, passwordHash)
        await repo.revokeAllForUser(tx, userId)
      })
      await securityEvents.record({ type: 'password_changed', userId, ip: ctx.ip })
    },

    /**
     * The bearer authenticator of the auth plugin: a valid access token of an active user has every scope.
     * Refused: a token issued before the password last changed (iat is in whole seconds, so a token of the
     * same second as the change passes; the change revokes its session anyway), and a token whose session
     * was revoked (logout, password change, refresh-token reuse).
     */
    async authenticateBearer(token: string): Promise<Principal> {
      const { userId, issuedAt, jti } = await accessTokens.verify(token)
      const state = await repo.findBearerState(db, userId, jti)
      const changedAt = state?.passwordChangedAt?.getTime()
      if (
        !state?.isActive ||
        state.sessionRevokedAt ||
        (changedAt !== undefined && issuedAt < Math.floor(changedAt / 1000))
      )
        throw unauthorized('invalid_token', 'The access token is not valid.')
      return { userId, via: 'jwt', scopes: SCOPES }
    },
  }
}
export type AuthService = ReturnType<typeof createAuthService>
