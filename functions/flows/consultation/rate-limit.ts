/**
 * The public answer form's limits, as a plain rule: how many answers one address (the caller's IP)
 * and one email may send in a window. The store counts them with a conditional write per window,
 * which expires by TTL (store.ts). The limit is the same whether or not an email is known to us,
 * so the answer never tells anyone whether someone is in the directory.
 */
import { createHash } from 'node:crypto';

export interface Limit {
  /** What is counted: the caller's address or the email given. */
  kind: 'ip' | 'email';
  max: number;
  windowSeconds: number;
}

/**
 * Enough for a household behind one address, and for an open huis where residents answer on the
 * centre's one tablet (everyone behind its address); too few for a script.
 */
export const LIMITS: readonly Limit[] = [
  { kind: 'ip', max: 60, windowSeconds: 3600 },
  { kind: 'email', max: 5, windowSeconds: 3600 },
];

/** The counter a request falls in: hashed, so no address or email is stored in the counter's key. */
export function counterFor(limit: Limit, value: string, now: Date) {
  const start = Math.floor(now.getTime() / 1000 / limit.windowSeconds) * limit.windowSeconds;
  const hash = createHash('sha256').update(`${limit.kind}:${value.trim().toLowerCase()}`).digest('base64url');
  return {
    key: `${limit.kind}#${hash.slice(0, 32)}`,
    window: String(start),
    // Kept a window longer than needed, then DynamoDB's TTL removes it.
    expiresAt: start + 2 * limit.windowSeconds,
    max: limit.max,
  };
}

export type Counter = ReturnType<typeof counterFor>;

/** The counters one answer counts against: its address always, its email when it gives one. */
export function countersFor(ip: string, email: string | undefined, now: Date): Counter[] {
  return LIMITS.flatMap((l) => {
    const value = l.kind === 'ip' ? ip : email;
    return value ? [counterFor(l, value, now)] : [];
  });
}
