/**
 * Console sessions in a signed cookie: who is signed in, until when, and the secret that the
 * forms of this session carry against cross-site request forgery. Signed with the same keys
 * as decision links, under a different purpose, so one key rotation covers both.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { LinkKeys } from '../../platform/link-token';

export interface Session {
  /** The signed-in user (Cognito username, or "programmabureau" locally). */
  sub: string;
  name: string;
  /** Expiry, epoch seconds. */
  exp: number;
  /** Per-session secret that every form posts back (double submit, bound to the signed cookie). */
  csrf: string;
  /** During a Cognito sign-in only: the PKCE verifier, kept until the callback. */
  pkce?: string;
}

export const SESSION_COOKIE = '__Host-ac_session';
/** The console's language (nl or en); not secret, so not signed. */
export const LANG_COOKIE = '__Host-ac_lang';
export const SESSION_SECONDS = 8 * 3600;

const mac = (key: Buffer, kid: string, body: string) =>
  createHmac('sha256', key).update(`session|${kid}|${body}`).digest();

export function newSession(sub: string, name: string, nowSeconds: number, ttlSeconds = SESSION_SECONDS): Session {
  return { sub, name, exp: nowSeconds + ttlSeconds, csrf: randomBytes(18).toString('base64url') };
}

export function sealSession(keys: LinkKeys, session: Session): string {
  const body = Buffer.from(JSON.stringify(session)).toString('base64url');
  return `${keys.currentKid}.${body}.${mac(keys.keys[keys.currentKid], keys.currentKid, body).toString('base64url')}`;
}

export function openSession(keys: LinkKeys, cookie: string | undefined, nowSeconds: number): Session | null {
  if (!cookie || cookie.length > 2048) return null;
  const [kid, body, sig, extra] = cookie.split('.');
  if (extra !== undefined || !kid || !body || !sig || !Object.hasOwn(keys.keys, kid)) return null;
  const given = Buffer.from(sig, 'base64url');
  const expected = mac(keys.keys[kid], kid, body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const s = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Session;
    if (typeof s.sub !== 'string' || typeof s.csrf !== 'string' || !Number.isInteger(s.exp) || s.exp <= nowSeconds)
      return null;
    return s;
  } catch {
    return null;
  }
}

export function csrfMatches(session: Session, posted: string | undefined): boolean {
  const a = Buffer.from(String(posted ?? ''));
  const b = Buffer.from(session.csrf);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Set-Cookie values: host-only, secure, not readable by scripts, not sent on cross-site posts. */
export function sessionCookie(value: string, maxAgeSeconds = SESSION_SECONDS): string {
  return `${SESSION_COOKIE}=${value}; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}`;
}

export function readCookie(cookies: string[] | undefined, name: string): string | undefined {
  for (const c of cookies ?? []) {
    const i = c.indexOf('=');
    if (i > 0 && c.slice(0, i).trim() === name) return c.slice(i + 1).trim();
  }
  return undefined;
}
