/**
 * Opaque list cursors: where a page of a list stopped (DynamoDB's LastEvaluatedKey, or the keys of
 * the last row shown), encrypted and authenticated with AES-256-GCM under a key derived from the
 * link keys. Encrypted, not only signed, because a person's key holds their name (`<name>#<id>`)
 * and cursors travel in URLs and logs. The scope (which list, which search) is inside: a cursor
 * is refused by any other list or search, and any changed byte fails the tag. Format:
 * `c1.<kid>.<base64url(iv 12 | ciphertext | tag 16)>`.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { ValidationError } from './errors';
import type { LinkKeys } from './link-token';

/** Where a page stopped: the partition (one status of a list) and the key in it; `b`: read backwards. */
export interface CursorPosition {
  p: number;
  k?: Record<string, string | number>;
  b?: true;
}

const MAX_CURSOR_LENGTH = 2048;
const derived = new WeakMap<Buffer, Buffer>();

function cursorKey(secret: Buffer): Buffer {
  let key = derived.get(secret);
  if (!key) {
    // Its own key for cursors, so a cursor can never be mistaken for, or help forge, a link.
    key = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'alliance-cycle list cursor v1', 32));
    derived.set(secret, key);
  }
  return key;
}

export function sealCursor(keys: LinkKeys, scope: string, at: CursorPosition): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', cursorKey(keys.keys[keys.currentKid]), iv);
  const plain = Buffer.from(JSON.stringify({ s: scope, ...at }));
  const sealed = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  return `c1.${keys.currentKid}.${sealed.toString('base64url')}`;
}

export const CURSOR_INVALID = 'is not a cursor this list gave out (changed, or too old a key)';
export const CURSOR_OTHER_LIST = 'belongs to another list or another search: start again from the first page';

/** The position in a cursor of this scope; a ValidationError (400) for anything else. */
export function openCursor(keys: LinkKeys, scope: string, cursor: string): CursorPosition {
  const invalid = () => new ValidationError({ cursor: CURSOR_INVALID });
  const [version, kid, body, extra] = cursor.length <= MAX_CURSOR_LENGTH ? cursor.split('.') : [];
  if (version !== 'c1' || extra !== undefined || !body || !/^[A-Za-z0-9_-]+$/.test(body)) throw invalid();
  const secret = kid && Object.hasOwn(keys.keys, kid) ? keys.keys[kid] : undefined;
  const raw = Buffer.from(body, 'base64url');
  // Re-encoding refuses non-canonical base64url that decodes to the same bytes.
  if (!secret || raw.length < 12 + 16 + 2 || raw.toString('base64url') !== body) throw invalid();
  let value: { s?: unknown; p?: unknown; k?: unknown; b?: unknown };
  try {
    const decipher = createDecipheriv('aes-256-gcm', cursorKey(secret), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(raw.length - 16));
    const plain = Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]);
    value = JSON.parse(plain.toString('utf8'));
  } catch {
    throw invalid();
  }
  if (value.s !== scope) throw new ValidationError({ cursor: CURSOR_OTHER_LIST });
  if (!Number.isInteger(value.p) || (value.k !== undefined && (typeof value.k !== 'object' || value.k === null)))
    throw invalid();
  return {
    p: value.p as number,
    ...(value.k ? { k: value.k as CursorPosition['k'] } : {}),
    ...(value.b === true ? { b: true as const } : {}),
  };
}
