/**
 * Reading and changing one round: every change is read-modify-write with a version check, retried
 * on conflict, and put on record with a deterministic audit key.
 */
import type { Person } from '../../engine/directory';
import type { AuditEntry } from '../../engine/ports';
import { mutateVersioned } from '../../engine/versioned-write';
import { NotFoundError } from '../../platform/errors';
import type { RoundDeps } from './ports';
import type { Round } from './round';

export async function loadRound(deps: RoundDeps, id: string): Promise<Round> {
  const round = await deps.rounds.get(id);
  if (!round) throw new NotFoundError('round', id);
  return round;
}

/** Apply `change` to the latest version of a round until the conditional write succeeds (see versioned-write.ts). */
export function mutateRound(
  deps: RoundDeps,
  id: string,
  change: (round: Round) => Round | null,
  options: { takeToken?: (next: Round) => boolean; current?: Round } = {},
) {
  return mutateVersioned(
    { load: (x) => loadRound(deps, x), save: (n, v, o) => deps.rounds.save(n, v, o) },
    id,
    change,
    options,
  );
}

/**
 * Audit keys are deterministic, so a retried step writes the same record once: by default the
 * round version plus the event kind; events that are not a round version name their own key.
 */
export async function audit(
  deps: RoundDeps,
  roundId: string,
  entry: Omit<AuditEntry, 'at' | 'key'> & ({ version: number } | { key: string }),
) {
  const { version, key, ...rest } = entry as Omit<AuditEntry, 'at'> & { version?: number };
  await deps.rounds.appendAudit(roundId, {
    at: deps.now().toISOString(),
    key: key ?? `v${String(version).padStart(6, '0')}:${entry.kind}`,
    ...rest,
  });
}

/** The people a round addresses (all its approvers, or the ones named), as the directory has them now. */
export async function approversOf(deps: RoundDeps, round: Round, ids = round.approverIds): Promise<Person[]> {
  return deps.directory.getPeople(ids);
}
