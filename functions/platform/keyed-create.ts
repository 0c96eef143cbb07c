/**
 * The second line of a create under an Idempotency-Key (the first is idempotency.ts, Powertools'
 * record of the key). That record goes when an attempt fails, and a crashed attempt holds it only
 * until its Lambda would have timed out; the attempt may have stored its document by then. So the
 * document's id derives from the caller and the key, and the document keeps a hash of the request:
 * the request sent again finds the document and finishes it (its audit record, its workflow)
 * instead of making a second one, and another request under the same key is refused.
 */
import { createHash, randomUUID } from 'node:crypto';

/** `<prefix>-<uuid-shaped hash of caller and key>`, or a random id without a key. */
export function idForKey(prefix: string, actor: string, key: string | undefined): string {
  if (!key) return `${prefix}-${randomUUID()}`;
  const h = createHash('sha256').update(`${actor}\n${key}`).digest('hex');
  return `${prefix}-${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Keys sorted at every level, so two bodies that mean the same hash the same. */
function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, stable(v)]),
    );
  }
  return value;
}

/** The hash a document made under a key keeps of the request that made it. */
export function requestHash(request: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(stable(request)))
    .digest('base64url');
}
