/**
 * The office's calendar feed link: a decision-link style token (platform/link-token.ts, type
 * `calendar`) whose subject is the nonce stored in the feed's item (feed-store.ts). A link with a bad
 * signature or of another kind names nothing (404); a valid one whose nonce is no longer the stored
 * one was replaced or stopped by the office (403), as is one past its expiry. The office makes a new
 * link (the old one stops at once) or stops the feed from the calendar page.
 */
import { randomBytes } from 'node:crypto';
import { type LinkKeys, signLink, verifyLink } from '../../platform/link-token';
import { ConflictError } from '../../platform/errors';
import type { FeedStore } from './feed-store';

export const FEED_TYP = 'calendar';
/** A subscription lives long: five years, unless the office replaces or stops it first. */
const LINK_SECONDS = 5 * 366 * 86_400;
/** The link's path; the route is `/k/{token}` (k for kalender). */
export const FEED_PATH = '/k/';

export interface FeedDeps {
  store: FeedStore;
  linkKeys: () => Promise<LinkKeys>;
  now: () => Date;
  publicBaseUrl: string;
}

export interface FeedLink {
  /** The address to subscribe to, while a feed exists. */
  url?: string;
  /** The version the page shows; a change is made on it. */
  version: number;
}

const sign = (keys: LinkKeys, nonce: string, exp: number) =>
  signLink(keys, { typ: FEED_TYP, sub: nonce, pid: 'office', exp });

/** The current link, signed again from what is stored (the same claims give the same link). */
export async function feedLink(deps: FeedDeps): Promise<FeedLink> {
  const state = await deps.store.get();
  if (!state.nonce || !state.exp) return { version: state.version };
  const token = sign(await deps.linkKeys(), state.nonce, state.exp);
  return { url: `${deps.publicBaseUrl}${FEED_PATH}${token}`, version: state.version };
}

/** A new link (the first, or instead of the one before, which stops at once). */
export async function newFeedLink(deps: FeedDeps, expectedVersion: number): Promise<void> {
  const nonce = randomBytes(18).toString('base64url');
  const exp = Math.floor(deps.now().getTime() / 1000) + LINK_SECONDS;
  if (!(await deps.store.replace(nonce, exp, expectedVersion))) throw new ConflictError('calendar feed changed');
}

/** No link opens the feed any more. */
export async function stopFeed(deps: FeedDeps, expectedVersion: number): Promise<void> {
  if (!(await deps.store.revoke(expectedVersion))) throw new ConflictError('calendar feed changed');
}

export type FeedAccess = { ok: true } | { ok: false; status: 403 | 404 };

/** May this token read the feed? */
export async function openFeed(deps: FeedDeps, token: string): Promise<FeedAccess> {
  const checked = verifyLink(await deps.linkKeys(), token, Math.floor(deps.now().getTime() / 1000));
  if (!checked.ok && checked.reason !== 'expired') return { ok: false, status: 404 };
  if (checked.claims.typ !== FEED_TYP) return { ok: false, status: 404 };
  if (!checked.ok) return { ok: false, status: 403 };
  const state = await deps.store.get();
  return state.nonce === checked.claims.sub ? { ok: true } : { ok: false, status: 403 };
}
