/**
 * Cycles in DynamoDB: a versioned document per cycle on the shared engine (engine/versioned-store.ts).
 * Key design, in the one table every flow shares:
 * - the cycle: pk CYCLE#<id>, sk CYCLE, the whole document in `doc` with `version` and `status`
 *   beside it; read with a consistent GetItem
 * - list by status: gsi1pk CYCLES#<status>, gsi1sk <createdAt>#<id>, a Query per status, newest
 *   first (no scans); the index keys are rewritten in the same write that changes the status
 * - every change (a phase moved, skipped, added; the cycle cancelled) is an UpdateItem conditional on
 *   `version = :expected`, the version the office user read, so two users never overwrite each other
 * - the create is a PutItem if `attribute_not_exists(pk)`; under an Idempotency-Key the id derives
 *   from the caller and the key (platform/keyed-create.ts), so a retried create finds its cycle
 * - the audit trail: pk AUDIT#CYCLE#<id>, sk the record's key, put once: `v000001:created`,
 *   `v000003:move:draft` (the cycle's new version and the phase), so a retried write records once
 */
import { CYCLE_STATUSES, type Cycle, type CycleStatus } from './cycle';
import type { CycleStore } from './office';
import { VersionedStore } from '../../engine/versioned-store';

export class DynamoCycleStore extends VersionedStore<Cycle, CycleStatus> implements CycleStore {
  constructor(table: string) {
    super(table, {
      prefix: 'CYCLE',
      listPrefix: 'CYCLES',
      statuses: [...CYCLE_STATUSES],
      sortKey: (c) => c.createdAt,
      // The cycle's workflow parks on it from its start (run.ts): planned until a phase starts, then running.
      waitingStatuses: ['planned', 'running'],
    });
  }
}
