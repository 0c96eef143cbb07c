/**
 * Actielijnen in DynamoDB: a versioned document each on the shared engine (engine/versioned-store.ts).
 * Key design, in the one table every flow shares:
 * - the actielijn: pk ACTIELIJN#<id>, sk ACTIELIJN, the whole document (with its state history) in
 *   `doc`, `version` and `status` beside it; read with a consistent GetItem
 * - list by status: gsi1pk ACTIELIJNEN#<status>, gsi1sk <createdAt>#<id>, a Query per status, newest
 *   first (no scans; the public page reads the active ones this way)
 * - every change (fields, a new current state, ended) is an UpdateItem conditional on
 *   `version = :expected`: the version the office read, or the one a cycle's step read
 * - the create is a PutItem if `attribute_not_exists(pk)`; under an Idempotency-Key the id derives
 *   from the caller and the key (platform/keyed-create.ts), so a retried create finds its actielijn
 * - the audit trail: pk AUDIT#ACTIELIJN#<id>, sk `v<version>:<what>`, put once
 * No workflow parks on an actielijn: the monitoring cycle's workflow does the asking.
 */
import { ACTIELIJN_STATUSES, type Actielijn, type ActielijnStatus } from './actielijn';
import { VersionedStore } from '../../engine/versioned-store';

export class DynamoActielijnStore extends VersionedStore<Actielijn, ActielijnStatus> {
  constructor(table: string) {
    super(table, {
      prefix: 'ACTIELIJN',
      listPrefix: 'ACTIELIJNEN',
      statuses: [...ACTIELIJN_STATUSES],
      sortKey: (a) => a.createdAt,
      waitingStatuses: [],
    });
  }
}
