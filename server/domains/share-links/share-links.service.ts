import { randomBytes } from 'node:crypto'
import type { Db } from '../../db/client.js'
import { conflict, notFound } from '../../errors.js'
import { sha256Hex } from '../../lib/hash.js'
import type { CostService } from '../scenarios/costs.service.js'
import type { CostsQuery } from '../scenarios/scenarios.schemas.js'
import type { ScenarioService } from '../scenarios/scenarios.service.js'
import * as repo from './share-links.repo.js'
import type {
  CreatedShareLinkResponse,
  CreateShareLinkBody,
  SharedScenarioResponse,
  ShareLinkList,
  ShareLinkResponse,
} from './share-links.schemas.js'

/** Share tokens start with this, so they are never mistaken for an API key (`mk_`) or a JWT. */
export const SHARE_TOKEN_PREFIX = 'ms_'
/** A scenario may have this many active (not revoked, not expired) links. */
export const MAX_ACTIVE_LINKS = 20
const PREFIX_LENGTH = 12
const DAY_MS = 86_400_000

type ShareLinkDeps = {
  db: Db
  publicUrl: string
  scenarios: ScenarioService
  costs: CostService
  /** Whether a link's owner is active: a deactivated owner's links stop working at once (and work again). */
  ownerIsActive: (userId: string) => Promise<boolean>
}

function toShareLinkResponse(row: repo.ShareLinkRow, now = Date.now()): ShareLinkResponse {
  return {
    id: row.id,
    token_prefix: row.tokenPrefix,
    created_at: row.createdAt.toISOString(),
    expires_at: row.expiresAt.toISOString(),
    revoked_at: row.revokedAt?.toISOString() ?? null,
    is_active: row.revokedAt === null && row.expiresAt.getTime() > now,
    prices: row.prices,
  }
}

export function createShareLinkService({ db, publicUrl, scenarios, costs, ownerIsActive }: ShareLinkDeps) {
  /** `ms_` + 32 random bytes in base64url (43 characters), stored as its SHA-256 hex only. */
  function generateToken(): { token: string; tokenPrefix: string; tokenHash: string } {
    const token = `${SHARE_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`
    return { token, tokenPrefix: token.slice(0, PREFIX_LENGTH), tokenHash: sha256Hex(token) }
  }

  return {
    /**
     * Creates a read-only link to the costs of one of the user's scenarios; the token is in this answer
     * and nowhere else. At most MAX_ACTIVE_LINKS active links per scenario (409 beyond).
     */
    async create(
      userId: string,
      scenarioId: string,
      input: CreateShareLinkBody,
    ): Promise<CreatedShareLinkResponse> {
      const scenario = await scenarios.owned(userId, scenarioId)
      if ((await repo.countActive(db, scenario.id)) >= MAX_ACTIVE_LINKS) {
        throw conflict(`A scenario has at most ${MAX_ACTIVE_LINKS} active share links; revoke one first.`)
      }
      const generated = generateToken()
      const row = await repo.insertLink(db, {
        scenarioId: scenario.id,
        userId,
        tokenPrefix: generated.tokenPrefix,
        tokenHash: generated.tokenHash,
        expiresAt: new Date(Date.now() + input.expires_days * DAY_MS),
        prices: input.prices ?? 'list',
      })
      return {
        id: row.id,
        token: generated.token,
        url: `${publicUrl}/shared/${generated.token}`,
        api_url: `${publicUrl}/api/v1/shared/${generated.token}`,
        expires_at: row.expiresAt.toISOString(),
        prices: row.prices,
      }
    },

    /** The scenario's links, revoked and expired ones included, without their tokens. */
    async list(userId: string, scenarioId: string): Promise<ShareLinkList> {
      const scenario = await scenarios.owned(userId, scenarioId)
      const rows = await repo.listForScenario(db, userId, scenario.id)
      const now = Date.now()
      return { items: rows.map((row) => toShareLinkResponse(row, now)) }
    },

    /** Revokes a link at once (kept for the list). Revoking twice is harmless. */
    async revoke(userId: string, scenarioId: string, linkId: string): Promise<void> {
      const scenario = await scenarios.owned(userId, scenarioId)
      if (!(await repo.revoke(db, userId, scenario.id, linkId))) throw notFound('share link')
    },

    /**
     * What a link shows: the scenario's name, region and costs answer (at list prices unless the owner chose
     * the rate card), nothing else. An unknown, malformed,
     * revoked or expired token, or a deleted scenario, is the same 404.
     */
    async view(token: string, query?: CostsQuery): Promise<SharedScenarioResponse> {
      if (!token.startsWith(SHARE_TOKEN_PREFIX) || token.length > 100) throw notFound('share link')
      const link = await repo.findActiveByHash(db, sha256Hex(token))
      if (!link || !(await ownerIsActive(link.userId))) throw notFound('share link')
      const [scenario, answer] = await Promise.all([
        scenarios.get(link.userId, link.scenarioId),
        costs.costs(link.userId, link.scenarioId, query, { listPrices: link.prices === 'list' }),
      ])
      return { name: scenario.name, region: scenario.region, prices: link.prices, costs: answer }
    },
  }
}
export type ShareLinkService = ReturnType<typeof createShareLinkService>
