/**
 * The paging fields every list takes (`limit`, `cursor`, `q`), read the same way by the API and the
 * console: a bad limit or cursor is a ValidationError (400) that names the field, and a cursor is
 * bound to its list and its filters (the scope), so it cannot be carried over to another.
 */
import * as z from 'zod/mini';
import { type CursorPosition, openCursor, sealCursor } from './cursor';
import { ValidationError } from './errors';
import type { LinkKeys } from './link-token';
import { type ItemPage, searchable } from './paging';

export const API_LIMIT = { default: 100, max: 500 } as const;
export const MAX_SEARCH_LENGTH = 100;

/** The query string fields of paging, to spread into a list's own strict query schema. */
export const pageFields = {
  limit: z.optional(z.string()),
  cursor: z.optional(z.string()),
  q: z.optional(z.string()),
};

export interface ListParams {
  limit: number;
  cursor?: CursorPosition;
  /** The search words, normalised (searchable()); absent when none were given. */
  q?: string;
  scope: string;
}

export function readLimit(raw: string | undefined, limits: { default: number; max: number } = API_LIMIT): number {
  if (raw === undefined || raw === '') return limits.default;
  const n = /^\d{1,6}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(n >= 1 && n <= limits.max))
    throw new ValidationError({ limit: `must be a whole number from 1 to ${limits.max} (default ${limits.default})` });
  return n;
}

/** The list's paging request; `filters` are the list's own filters (status, kind), part of the scope. */
export function listParams(
  keys: LinkKeys,
  list: string,
  query: { limit?: string; cursor?: string; q?: string },
  filters: Record<string, string | undefined> = {},
  limits?: { default: number; max: number },
): ListParams {
  const limit = readLimit(query.limit, limits);
  const raw = query.q ?? '';
  if (raw.length > MAX_SEARCH_LENGTH)
    throw new ValidationError({ q: `must be at most ${MAX_SEARCH_LENGTH} characters` });
  const q = searchable(raw) || undefined;
  const shown = Object.entries(filters)
    .filter(([, v]) => v !== undefined && v !== '')
    .sort(([a], [b]) => a.localeCompare(b));
  const scope = JSON.stringify([list, shown, q ?? '']);
  const cursor = query.cursor ? openCursor(keys, scope, query.cursor) : undefined;
  return { limit, q, scope, ...(cursor ? { cursor } : {}) };
}

/** The opaque cursors of a page, null when there is no page that way. */
export function pageCursors(keys: LinkKeys, params: ListParams, page: Pick<ItemPage, 'next' | 'prev'>) {
  return {
    nextCursor: page.next ? sealCursor(keys, params.scope, page.next) : null,
    prevCursor: page.prev ? sealCursor(keys, params.scope, page.prev) : null,
  };
}

/** Reads one page of a list for the API: its rows and cursors. */
export async function apiPage<T>(
  keys: LinkKeys,
  list: string,
  query: { limit?: string; cursor?: string; q?: string },
  filters: Record<string, string | undefined>,
  read: (params: ListParams) => Promise<{ rows: T[]; next?: CursorPosition; prev?: CursorPosition }>,
) {
  const params = listParams(keys, list, query, filters);
  const page = await read(params);
  return { rows: page.rows, ...pageCursors(keys, params, page) };
}
