/**
 * The single table. Keys are generic (pk, sk, gsi1pk, gsi1sk); each entity module documents
 * which values it puts there. This declaration is used by the CDK stack and the local runtime.
 *
 * | entity          | pk                     | sk            | gsi1pk              | gsi1sk            |
 * |-----------------|------------------------|---------------|---------------------|-------------------|
 * | round           | ROUND#<id>             | ROUND         | ROUNDS#<status>     | <createdAt>#<id>  |
 * | email outbox    | ROUND#<id>             | MAIL#<key>    | MAIL_PENDING (while pending) | <next>#<pk>#<sk> |
 * | email to person | MAILTO#<personId>      | <pk>#<sk> of the record |           |                   |
 * | reminder message| DIGEST#<personId>      | MAIL#reminder:<claim> | (as email outbox) |           |
 * | bounce notice   | DELIVERY#<hash>        | MAIL#notice   | (as email outbox)   |                   |
 * | audit record    | AUDIT#ROUND#<id>       | <key>         |                     |                   |
 * | round listing   | ROUND#<id>             | BODY          | BODYROUNDS#<body>   | <closedAt>#<id>   |
 * | person          | PERSON#<id>            | PERSON        | PEOPLE              | <name>#<id>       |
 * | body            | BODY#<id>              | BODY          | BODIES              | <name>#<id>       |
 * | organisation    | ORG#<id>               | ORG           | ORGS                | <name>#<id>       |
 * | document        | DOCS#<kind>#<ownerId>  | DOC#<id>      |                     |                   |
 * | idempotency key | IDEMPOTENCY#<scope>    | <scope>#<hash of actor and key> |   |                   |
 *
 * Versioned documents in general (rounds above are one kind): <E>#<id>/<E>, their email claims
 * <E>#<id>/MAIL#<key> and their audit AUDIT#<E>#<id>; see engine/versioned-store.ts.
 */
export const TABLE_SCHEMA = {
  partitionKey: 'pk',
  sortKey: 'sk',
  indexes: [{ name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' }],
} as const;

/** Idempotency records (platform/idempotency.ts) live under this prefix and expire through the table's TTL. */
export const IDEMPOTENCY_PREFIX = 'IDEMPOTENCY#';
/** The table's time-to-live attribute (epoch seconds); DynamoDB deletes expired items on its own. */
export const TTL_ATTRIBUTE = 'expiresAt';

/** Audit partitions start with this, so IAM can forbid updating or deleting them. */
export const AUDIT_PREFIX = 'AUDIT#';

export function isConditionFailure(err: unknown): boolean {
  return err instanceof Error && err.name === 'ConditionalCheckFailedException';
}

/**
 * A conditional write: its result, or undefined when its condition did not hold. That is an
 * answer, not a fault (someone else wrote first, or the write was done before), so the store
 * decides what it means; every other error is thrown.
 */
export async function unlessConditionFails<T>(write: Promise<T>): Promise<T | undefined> {
  try {
    return await write;
  } catch (err) {
    if (isConditionFailure(err)) return undefined;
    throw err;
  }
}

/** Whether a conditional write was made: false when its condition did not hold. */
export async function writeIf(write: Promise<unknown>): Promise<boolean> {
  return (await unlessConditionFails(write)) !== undefined;
}

/** One page of a query, as the DynamoDB document client answers it. */
export interface Page {
  Items?: Record<string, any>[];
  LastEvaluatedKey?: Record<string, any>;
}

/** Every item of a query, page by page: DynamoDB answers at most 1 MB per call. */
export async function queryAll(query: (start: Record<string, any> | undefined) => Promise<Page>) {
  const items: Record<string, any>[] = [];
  let start: Record<string, any> | undefined;
  do {
    const page = await query(start);
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}
