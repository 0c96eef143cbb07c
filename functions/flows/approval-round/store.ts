/**
 * Rounds in DynamoDB: a versioned document per round (see versioned-store.ts for the access patterns).
 * A closed round of a body also gets a small listing item beside it, so that the body's public
 * page queries its decisions instead of reading every round:
 * - listing item: pk ROUND#<id>, sk BODY, gsi1pk BODYROUNDS#<bodyId>, gsi1sk <closedAt>#<id> (only the id)
 * - a body's closed rounds, newest first: Query gsi1 BODYROUNDS#<bodyId> descending, then a
 *   consistent GetItem per round (the round itself stays the only copy of what it holds)
 * The listing item is put after the write that closes the round, and again by the step that
 * announces the outcome (a put of the same item), so a crash between the two writes is repaired.
 */
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Round, RoundStatus } from './round';
import { dynamo } from '../../platform/clients';
import type { SaveResult } from '../../engine/ports';
import type { RoundStore } from './ports';
import { VersionedStore } from '../../engine/versioned-store';

export class DynamoRoundStore extends VersionedStore<Round, RoundStatus> implements RoundStore {
  constructor(private readonly tableName: string) {
    super(tableName, {
      prefix: 'ROUND',
      listPrefix: 'ROUNDS',
      statuses: ['open', 'closed'],
      sortKey: (r) => r.createdAt,
    });
  }

  override async save(
    next: Round,
    expectedVersion: number,
    options: { takeToken?: boolean } = {},
  ): Promise<SaveResult> {
    const result = await super.save(next, expectedVersion, options);
    if (result.ok) await this.indexClosed(next);
    return result;
  }

  async indexClosed(round: Round): Promise<void> {
    if (round.status !== 'closed' || !round.bodyId || !round.closedAt) return;
    await dynamo.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          pk: `ROUND#${round.id}`,
          sk: 'BODY',
          roundId: round.id,
          gsi1pk: `BODYROUNDS#${round.bodyId}`,
          gsi1sk: `${round.closedAt}#${round.id}`,
        },
      }),
    );
  }

  async listClosedByBody(bodyId: string, limit: number): Promise<Round[]> {
    const res = await dynamo.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :p',
        ExpressionAttributeValues: { ':p': `BODYROUNDS#${bodyId}` },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    const rounds = await Promise.all((res.Items ?? []).map((i) => this.get(i.roundId as string)));
    return rounds.filter((r): r is Round => r !== null && r.status === 'closed' && r.bodyId === bodyId);
  }
}
