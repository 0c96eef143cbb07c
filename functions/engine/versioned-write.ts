/**
 * Read-modify-write on a flow document with a version check, retried on conflict with jittered
 * backoff. Every flow (rounds, action items, input rounds) changes its document this way.
 */
import { BusyError } from '../platform/errors';
import type { SaveResult } from './ports';

export interface VersionedAccess<T> {
  load(id: string): Promise<T>;
  save(next: T, expectedVersion: number, options: { takeToken: boolean }): Promise<SaveResult>;
}

/**
 * Apply `change` to the latest version until the conditional write succeeds. Returns null when
 * `change` decides nothing needs to change. `current` saves the first read for a caller that
 * has just read the document; conflicts always re-read.
 */
export async function mutateVersioned<T extends { version: number }>(
  access: VersionedAccess<T>,
  id: string,
  change: (doc: T) => T | null,
  options: { takeToken?: (next: T) => boolean; current?: T; maxAttempts?: number } = {},
): Promise<{ before: T; after: T; takenToken?: string } | null> {
  const attempts = options.maxAttempts ?? 50;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const before = attempt === 0 && options.current ? options.current : await access.load(id);
    const after = change(before);
    if (!after) return null;
    const result = await access.save(after, before.version, { takeToken: options.takeToken?.(after) ?? false });
    if (result.ok) return { before, after, takenToken: result.takenToken };
    // Someone else wrote first: back off a little, with jitter, so that a burst spreads out.
    await new Promise((r) => setTimeout(r, Math.random() * Math.min(100, 5 * 2 ** attempt)));
  }
  throw new BusyError(`${id} is changing too fast; try again`);
}
