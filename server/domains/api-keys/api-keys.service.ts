import { randomBytes } from 'node:crypto'
import type { Config } from '../../config.js'
import type { Db } from '../../db/client.js'
import { conflict, notFound, unauthorized } from '../../errors.js'
import { sha256Hex } from '../../lib/hash.js'
import type { Principal } from '../../plugins/auth.js'
import type { SecurityEventService } from '../security-events/security-events.service.js'
import * as repo from './api-keys.repo.js'
import type { ApiKeyResponse, CreateApiKeyBody, CreatedApiKeyResponse } from './api-keys.schemas.js'
import type { Scope } from './scopes.js'

/** A user may hold this many active (not revoked, not expired) keys. */
export const MAX_ACTIVE_KEYS = 25
/** How long a verified key is trusted without asking the database again (revocation on another instance). */
const CACHE_TTL_MS = 5_000
/** last_used_at is written at most this often per key. */
const LAST_USED_INTERVAL_MS = 60_000
const PREFIX_LENGTH = 12

type ApiKeyDeps = { db: Db; config: Config; securityEvents: SecurityEventService }
type CachedKey = { principal: Principal; expiresAt: Date | null; cachedUntil: number }

export function toApiKeyResponse(row: repo.ApiKeyRow): ApiKeyResponse {
  return {
    id: row.id,
    name: row.name,
    key_prefix: row.keyPrefix,
    scopes: row.scopes as Scope[],
    created_at: row.createdAt.toISOString(),
    expires_at: row.expiresAt?.toISOString() ?? null,
    last_used_at: row.lastUsedAt?.toISOString() ?? null,
    revoked_at: row.revokedAt?.toISOString() ?? null,
  }
}

function toCreatedResponse(row: repo.ApiKeyRow, key: string): CreatedApiKeyResponse {
  return {
    id: row.id,
    name: row.name,
    key,
    key_prefix: row.keyPrefix,
    scopes: row.scopes as Scope[],
    expires_at: row.expiresAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
  }
}

const invalidApiKey = () => unauthorized('invalid_api_key', 'The API key is not valid.')

export function createApiKeyService({ db, config, securityEvents }: ApiKeyDeps) {
  const cache = new Map<string, CachedKey>()
  const lastUsedWrites = new Map<string, number>()

  /** `mk_` + 32 random bytes in base64url (43 characters). */
  function generateKey(): { key: string; keyPrefix: string; keyHash: string } {
    const key = `${config.apiKeyPrefix}${randomBytes(32).toString('base64url')}`
    return { key, keyPrefix: key.slice(0, PREFIX_LENGTH), keyHash: sha256Hex(key) }
  }

  function forget(keyId: string): void {
    for (const [hash, entry] of cache) if (entry.principal.apiKeyId === keyId) cache.delete(hash)
  }

  function noteUse(keyId: string): void {
    const now = Date.now()
    if (now - (lastUsedWrites.get(keyId) ?? 0) < LAST_USED_INTERVAL_MS) return
    lastUsedWrites.set(keyId, now)
    repo.touchLastUsed(db, keyId).catch(() => lastUsedWrites.delete(keyId))
  }

  async function rejectKey(
    key: string,
    ip: string | undefined,
    reason: string,
    userId?: string,
  ): Promise<never> {
    // Anyone can send bad keys on every request: one row per address and window, with a count.
    securityEvents.recordRepeated(
      {
        type: 'invalid_api_key',
        userId: userId ?? null,
        ip,
        apiKeyPrefix: key.slice(0, PREFIX_LENGTH),
        details: reason,
      },
      ip ?? 'unknown address',
    )
    throw invalidApiKey()
  }

  return {
    /** Creates a key; the whole key is in this answer and nowhere else, ever. */
    async create(userId: string, input: CreateApiKeyBody): Promise<CreatedApiKeyResponse> {
      const generated = generateKey()
      const expiresAt = input.expires_days ? new Date(Date.now() + input.expires_days * 86_400_000) : null
      const row = await db.transaction(async (tx) => {
        await repo.lockUser(tx, userId)
        if ((await repo.countActive(tx, userId)) >= MAX_ACTIVE_KEYS) {
          throw conflict(
            `You already have ${MAX_ACTIVE_KEYS} active API keys; revoke one before creating another.`,
          )
        }
        return repo.insertKey(tx, {
          userId,
          name: input.name.trim() || input.name,
          keyPrefix: generated.keyPrefix,
          keyHash: generated.keyHash,
          scopes: [...input.scopes],
          expiresAt,
        })
      })
      await securityEvents.record({ type: 'api_key_created', userId, apiKeyPrefix: row.keyPrefix })
      return toCreatedResponse(row, generated.key)
    },

    async list(userId: string, page: number, pageSize: number) {
      const { items, total } = await repo.listOwned(db, userId, page, pageSize)
      return { items: items.map(toApiKeyResponse), total, page, page_size: pageSize }
    },

    async get(userId: string, id: string): Promise<ApiKeyResponse> {
      const row = await repo.findOwned(db, userId, id)
      if (!row) throw notFound('API key')
      return toApiKeyResponse(row)
    },

    /** Revokes (kept for audit). Revoking twice is harmless. */
    async revoke(userId: string, id: string): Promise<void> {
      const row = await repo.findOwned(db, userId, id)
      if (!row) throw notFound('API key')
      await repo.revoke(db, id)
      forget(id)
      await securityEvents.record({ type: 'api_key_revoked', userId, apiKeyPrefix: row.keyPrefix })
    },

    /**
     * Replaces a key with a new one of the same name, scopes and lifetime, revoking the old one in the same
     * transaction: there is never a moment with both or neither valid.
     */
    async rotate(userId: string, id: string): Promise<CreatedApiKeyResponse> {
      const generated = generateKey()
      const row = await db.transaction(async (tx) => {
        const old = await repo.findOwned(tx, userId, id, { forUpdate: true })
        if (!old) throw notFound('API key')
        if (old.revokedAt) throw conflict('This API key is revoked; create a new one instead.')
        const lifetimeMs = old.expiresAt ? old.expiresAt.getTime() - old.createdAt.getTime() : null
        await repo.revoke(tx, old.id)
        return repo.insertKey(tx, {
          userId,
          name: old.name,
          keyPrefix: generated.keyPrefix,
          keyHash: generated.keyHash,
          scopes: old.scopes,
          expiresAt: lifetimeMs === null ? null : new Date(Date.now() + lifetimeMs),
        })
      })
      forget(id)
      await securityEvents.record({ type: 'api_key_rotated', userId, apiKeyPrefix: row.keyPrefix })
      return toCreatedResponse(row, generated.key)
    },

    /** The X-API-Key authenticator: unknown, revoked, expired, or a deactivated owner → invalid_api_key. */
    async authenticate(key: string, ip?: string): Promise<Principal> {
      if (key.length > 200 || !key.startsWith(config.apiKeyPrefix)) return rejectKey(key, ip, 'malformed')
      const keyHash = sha256Hex(key)
      const now = Date.now()
      const cached = cache.get(keyHash)
      if (cached && cached.cachedUntil > now && (!cached.expiresAt || cached.expiresAt.getTime() > now)) {
        noteUse(cached.principal.apiKeyId ?? '')
        return cached.principal
      }
      cache.delete(keyHash)
      const found = await repo.findByHash(db, keyHash)
      if (!found) return rejectKey(key, ip, 'unknown')
      const { key: row, userActive } = found
      if (row.revokedAt) return rejectKey(key, ip, 'revoked', row.userId)
      if (row.expiresAt && row.expiresAt.getTime() <= now) return rejectKey(key, ip, 'expired', row.userId)
      if (!userActive) return rejectKey(key, ip, 'owner deactivated', row.userId)
      const principal: Principal = {
        userId: row.userId,
        via: 'api_key',
        scopes: row.scopes as Scope[],
        apiKeyId: row.id,
      }
      cache.set(keyHash, { principal, expiresAt: row.expiresAt, cachedUntil: now + CACHE_TTL_MS })
      noteUse(row.id)
      return principal
    },
  }
}
export type ApiKeyService = ReturnType<typeof createApiKeyService>
