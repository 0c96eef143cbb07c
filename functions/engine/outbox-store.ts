/**
 * Each person's reminder outbox: the reminders the flows queued for them and the state of
 * their budget (when the last message went, when the next one is planned).
 *
 * | item            | pk                 | sk          | gsi1pk       | gsi1sk                  |
 * |-----------------|--------------------|-------------|--------------|-------------------------|
 * | queued reminder | OUTBOX#<personId>  | R#<entryId> |              |                         |
 * | budget state    | OUTBOX#<personId>  | STATE       | OUTBOX_DUE   | <sendAt>#<personId>     |
 * | message's email | DIGEST#<personId>  | MAIL#reminder:<claim> | (mail-outbox-store.ts)         |
 *
 * Access patterns:
 * - queue: PutItem R#<entryId> if it does not exist (a retried step queues once)
 * - one person's outbox: Query OUTBOX#<personId> (state and reminders in one read, consistent)
 * - plan or claim: UpdateItem STATE if `version = :expected` (or it does not exist yet); the
 *   index keys are only present while something waits, so the index stays small
 * - who is due: Query gsi1 OUTBOX_DUE with gsi1sk <= now (sorted by the planned moment)
 * - clear what was sent: DeleteItem R#<entryId>
 */
import { DeleteCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../platform/clients';
import type { OutboxState, OutboxStore, QueuedReminder } from './ports';
import { queryAll, unlessConditionFails, writeIf } from '../platform/table';

const pk = (personId: string) => `OUTBOX#${personId}`;
const DUE = 'OUTBOX_DUE';

export class DynamoOutboxStore implements OutboxStore {
  constructor(private readonly table: string) {}

  async add(entry: QueuedReminder): Promise<void> {
    // Queued before by an earlier try of the same step: nothing to do.
    await unlessConditionFails(
      dynamo.send(
        new PutCommand({
          TableName: this.table,
          Item: { pk: pk(entry.personId), sk: `R#${entry.id}`, entry },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
  }

  async read(personId: string): Promise<{ state: OutboxState; entries: QueuedReminder[] }> {
    const entries: QueuedReminder[] = [];
    let state: OutboxState = { version: 0, lastBatch: [] };
    const items = await queryAll((start) =>
      dynamo.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'pk = :p',
          ExpressionAttributeValues: { ':p': pk(personId) },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      ),
    );
    for (const item of items) {
      if (item.sk === 'STATE')
        state = {
          version: item.version,
          lastSentAt: item.lastSentAt,
          sendAt: item.sendAt,
          lastBatch: item.lastBatch ?? [],
          // 0: no message claimed yet (claims are versions, from 1 on).
          lastClaim: item.lastClaim || undefined,
        };
      else entries.push(item.entry as QueuedReminder);
    }
    return { state, entries };
  }

  async saveState(personId: string, next: OutboxState, expectedVersion: number): Promise<boolean> {
    const set = [
      'version = :next',
      'lastBatch = :batch',
      ...(next.lastSentAt ? ['lastSentAt = :last'] : []),
      'lastClaim = :claim',
      // The index keys exist only while a message is planned, so the due index stays small.
      ...(next.sendAt ? ['sendAt = :send', 'gsi1pk = :due', 'gsi1sk = :when'] : []),
    ];
    const removed = [
      ...(next.lastSentAt ? [] : ['lastSentAt']),
      ...(next.sendAt ? [] : ['sendAt', 'gsi1pk', 'gsi1sk']),
    ];
    return writeIf(
      dynamo.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { pk: pk(personId), sk: 'STATE' },
          UpdateExpression: `SET ${set.join(', ')}${removed.length ? ` REMOVE ${removed.join(', ')}` : ''}`,
          ConditionExpression: expectedVersion === 0 ? 'attribute_not_exists(pk)' : 'version = :expected',
          ExpressionAttributeValues: {
            ':next': next.version,
            ':batch': next.lastBatch,
            ...(expectedVersion === 0 ? {} : { ':expected': expectedVersion }),
            ...(next.lastSentAt ? { ':last': next.lastSentAt } : {}),
            ':claim': next.lastClaim ?? 0,
            ...(next.sendAt ? { ':send': next.sendAt, ':due': DUE, ':when': `${next.sendAt}#${personId}` } : {}),
          },
        }),
      ),
    );
  }

  async remove(personId: string, entryIds: string[]): Promise<void> {
    for (const id of entryIds)
      await dynamo.send(new DeleteCommand({ TableName: this.table, Key: { pk: pk(personId), sk: `R#${id}` } }));
  }

  async dueBy(at: string): Promise<string[]> {
    const items = await queryAll((start) =>
      dynamo.send(
        new QueryCommand({
          TableName: this.table,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :due AND gsi1sk <= :at',
          // '~' sorts after every person id, so everyone planned at or before `at` is included.
          ExpressionAttributeValues: { ':due': DUE, ':at': `${at}#~` },
          ExclusiveStartKey: start,
        }),
      ),
    );
    return items.map((i) => String(i.pk).slice('OUTBOX#'.length));
  }
}
