import { type Static, type TSchema, Type } from '@sinclair/typebox'

/** Largest page a list endpoint returns (docs/api.md#lists-and-pagination); a bigger `page_size` is a 422, not silently capped. */
export const MAX_PAGE_SIZE = 100
export const DEFAULT_PAGE_SIZE = 20

/** `?page=1&page_size=20` for every list endpoint; spread it into a route's own query schema. */
export const PaginationQueryProperties = {
  page: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1, description: 'Page number, from 1.' }),
  page_size: Type.Integer({
    minimum: 1,
    maximum: MAX_PAGE_SIZE,
    default: DEFAULT_PAGE_SIZE,
    description: `Items per page, at most ${MAX_PAGE_SIZE}.`,
  }),
}

export const PaginationQuery = Type.Object(PaginationQueryProperties, { additionalProperties: false })
export type PaginationQuery = Static<typeof PaginationQuery>

/** The list envelope `{items, total, page, page_size}` around an item schema. */
export function paginated<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    total: Type.Integer({ minimum: 0, description: 'Items matching the filters, on all pages.' }),
    page: Type.Integer({ minimum: 1 }),
    page_size: Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE }),
  })
}

export type Page<T> = { items: T[]; total: number; page: number; page_size: number }

/** SQL `limit`/`offset` of a page. */
export function pageWindow(query: { page: number; page_size: number }): { limit: number; offset: number } {
  return { limit: query.page_size, offset: (query.page - 1) * query.page_size }
}

/** Builds the list envelope from one page of items and the total count. */
export function toPage<T>(items: T[], total: number, query: { page: number; page_size: number }): Page<T> {
  return { items, total, page: query.page, page_size: query.page_size }
}
