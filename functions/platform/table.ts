/**
 * The single table. Keys are generic (pk, sk, gsi1pk, gsi1sk); each entity module documents
 * which values it puts there. This declaration is used by the CDK stack and the local runtime.
 *
 * | entity          | pk                     | sk            | gsi1pk              | gsi1sk            |
 * |-----------------|------------------------|---------------|---------------------|-------------------|
 * | round           | ROUND#<id>             | ROUND         | ROUNDS#<status>     | <createdAt>#<id>  |
 * | email claim     | ROUND#<id>             | MAIL#<key>    |                     |                   |
 * | audit record    | AUDIT#ROUND#<id>       | <key>         |                     |                   |
 * | round listing   | ROUND#<id>             | BODY          | BODYROUNDS#<body>   | <closedAt>#<id>   |
 * | (versioned documents in general: <E>#<id>/<E>, claims <E>#<id>/MAIL#<key>, audit AUDIT#<E>#<id>; see versioned-store.ts) |
 * | person          | PERSON#<id>            | PERSON        | PEOPLE              | <name>#<id>       |
 * | body            | BODY#<id>              | BODY          | BODIES              | <name>#<id>       |
 * | organisation    | ORG#<id>               | ORG           | ORGS                | <name>#<id>       |
 * | idempotency key | IDEMPOTENCY#<scope>    | <scope>#<hash of actor and key> |   |                   |
 */
export const TABLE_SCHEMA = {
  partitionKey: 'pk',
  sortKey: 'sk',
  indexes: [{ name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' }],
} as const;

/** Idempotency records (lib/idempotency.ts) live under this prefix and expire through the table's TTL. */
export const IDEMPOTENCY_PREFIX = 'IDEMPOTENCY#';
/** The table's time-to-live attribute (epoch seconds); DynamoDB deletes expired items on its own. */
export const TTL_ATTRIBUTE = 'expiresAt';

/** Audit partitions start with this, so IAM can forbid updating or deleting them. */
export const AUDIT_PREFIX = 'AUDIT#';

export function isConditionFailure(err: unknown): boolean {
  return err instanceof Error && err.name === 'ConditionalCheckFailedException';
}
