/**
 * Decision-link tokens: a capability for one assignment (one approver in one round), not
 * for one outcome. Format: base64url(JSON claims) "." base64url(HMAC-SHA256 over the first part).
 * The signature covers the claims only, never a URL or Host header.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface LinkClaims {
  v: 1;
  /** Key id: which signing key made the signature. */
  kid: string;
  /** What the link is for: "round" (decision page). Later flows add their own kinds. */
  typ: string;
  /** The subject, e.g. a round id. */
  sub: string;
  /** The person the link belongs to. */
  pid: string;
  /** Expiry, epoch seconds. */
  exp: number;
}

export interface LinkKeys {
  currentKid: string;
  /** Key id -> secret bytes. Holds the current key and the previous ones still accepted. */
  keys: Record<string, Buffer>;
}

export type VerifyResult =
  | { ok: true; claims: LinkClaims }
  /** The signature is valid but the link is too old: the claims can still be trusted to explain. */
  | { ok: false; reason: 'expired'; claims: LinkClaims }
  | { ok: false; reason: 'malformed' | 'bad-signature' | 'unknown-key' };

const SIGNATURE_BYTES = 32;
const MAX_TOKEN_LENGTH = 1024;

function mac(key: Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

export function signLink(keys: LinkKeys, claims: Omit<LinkClaims, 'v' | 'kid'>): string {
  const key = keys.keys[keys.currentKid];
  if (!key) throw new Error(`signing key ${keys.currentKid} is missing`);
  const body = Buffer.from(JSON.stringify({ v: 1, kid: keys.currentKid, ...claims })).toString('base64url');
  return `${body}.${mac(key, body).toString('base64url')}`;
}

const B64URL = /^[A-Za-z0-9_-]+$/;

export function verifyLink(keys: LinkKeys, token: string, nowSeconds: number): VerifyResult {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: 'malformed' };
  const parts = token.split('.');
  if (parts.length !== 2 || !B64URL.test(parts[0]) || !B64URL.test(parts[1])) return { ok: false, reason: 'malformed' };
  const [body, sig] = parts;
  const claims = parseClaims(body);
  if (!claims) return { ok: false, reason: 'malformed' };
  const key = Object.hasOwn(keys.keys, claims.kid) ? keys.keys[claims.kid] : undefined;
  if (!key) return { ok: false, reason: 'unknown-key' };
  const given = Buffer.from(sig, 'base64url');
  // Re-encoding guards against non-canonical base64url that decodes to the same bytes.
  if (given.length !== SIGNATURE_BYTES || given.toString('base64url') !== sig)
    return { ok: false, reason: 'bad-signature' };
  if (!timingSafeEqual(given, mac(key, body))) return { ok: false, reason: 'bad-signature' };
  if (claims.exp <= nowSeconds) return { ok: false, reason: 'expired', claims };
  return { ok: true, claims };
}

function parseClaims(body: string): LinkClaims | null {
  try {
    const raw = Buffer.from(body, 'base64url');
    if (raw.toString('base64url') !== body) return null;
    const c = JSON.parse(raw.toString('utf8'));
    if (!c || typeof c !== 'object' || c.v !== 1) return null;
    for (const f of ['kid', 'typ', 'sub', 'pid'] as const)
      if (typeof c[f] !== 'string' || c[f].length === 0) return null;
    if (!Number.isInteger(c.exp)) return null;
    return { v: 1, kid: c.kid, typ: c.typ, sub: c.sub, pid: c.pid, exp: c.exp };
  } catch {
    return null;
  }
}

/**
 * Anti-forgery value for the decision form: bound to what the page was shown for (the link and
 * the stage of the round) and to the moment it was rendered, so a form can only be posted back
 * from a page we served, for the question that page asked.
 */
export function formProof(keys: LinkKeys, boundTo: string, issuedAtSeconds: number): string {
  const proof = mac(keys.keys[keys.currentKid], `form|${boundTo}|${issuedAtSeconds}`).toString('base64url');
  return `${issuedAtSeconds}.${proof}`;
}

/** The render time of a valid proof, or null. */
export function checkFormProof(
  keys: LinkKeys,
  boundTo: string,
  proof: string,
  nowSeconds: number,
  maxAgeSeconds: number,
): number | null {
  const [issued, sig, extra] = String(proof).split('.');
  const issuedAt = Number(issued);
  if (
    extra !== undefined ||
    !/^\d{1,12}$/.test(issued ?? '') ||
    !sig ||
    issuedAt > nowSeconds + 60 ||
    nowSeconds - issuedAt > maxAgeSeconds
  )
    return null;
  const given = Buffer.from(sig, 'base64url');
  const valid = Object.values(keys.keys).some((key) => {
    const expected = mac(key, `form|${boundTo}|${issuedAt}`);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return valid ? issuedAt : null;
}
