/**
 * A person's emails in the mail outbox, for their export and erasure (AVG): found by key through
 * the per-person index items that DynamoMailOutbox.record writes (key design in mail-outbox-store.ts).
 * Apart from the outbox itself, so only the functions that export and erase carry this code.
 */
import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  DeleteCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../platform/clients';
import { queryAll, writeIf } from '../platform/table';
import type { MailState, PersonalMail, PersonMail } from './mail-outbox';
import { PERSON_PREFIX, type PersonIndexItem } from './mail-outbox-store';

/** BatchGetItem takes at most 100 keys. */
const BATCH = 100;

export class DynamoPersonalMail implements PersonalMail {
  constructor(private readonly table: string) {}

  private async indexOf(personId: string): Promise<PersonIndexItem[]> {
    const items = await queryAll((start) =>
      dynamo.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'pk = :p',
          ExpressionAttributeValues: { ':p': `${PERSON_PREFIX}${personId}` },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      ),
    );
    return items as PersonIndexItem[];
  }

  /** The records the index items point to, by `<pk>#<sk>`; absent ones are not in the map. */
  private async recordsOf(index: PersonIndexItem[]): Promise<Map<string, Record<string, any>>> {
    const found = new Map<string, Record<string, any>>();
    for (let i = 0; i < index.length; i += BATCH) {
      let keys: Record<string, any>[] | undefined = index
        .slice(i, i + BATCH)
        .map((x) => ({ pk: x.mailPk, sk: x.mailSk }));
      while (keys?.length) {
        const res: BatchGetCommandOutput = await dynamo.send(
          new BatchGetCommand({ RequestItems: { [this.table]: { Keys: keys, ConsistentRead: true } } }),
        );
        for (const item of res.Responses?.[this.table] ?? []) found.set(`${item.pk}#${item.sk}`, item);
        // DynamoDB may leave keys unread under load: ask for those again.
        keys = res.UnprocessedKeys?.[this.table]?.Keys;
      }
    }
    return found;
  }

  async ofPerson(personId: string): Promise<PersonMail[]> {
    const index = await this.indexOf(personId);
    const records = await this.recordsOf(index);
    // An index item without its record: the record's put never came, so nothing was sent.
    return index
      .filter((x) => records.has(x.sk))
      .map((x) => {
        const r = records.get(x.sk)!;
        return {
          key: x.key,
          to: x.to,
          subject: x.subject,
          tag: x.tag,
          state: (r.state ?? 'pending') as MailState,
          createdAt: x.createdAt,
          ...(r.finishedAt ? { finishedAt: r.finishedAt as string } : {}),
        };
      })
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  async forgetPerson(personId: string, at: string): Promise<number> {
    let changed = 0;
    for (const x of await this.indexOf(personId)) {
      const Key = { pk: x.mailPk, sk: x.mailSk };
      // Off the pending index too, so the sweeper never sends it. A sender or the sweeper may have
      // taken it meanwhile: then it went (once), and it is redacted as a sent one below.
      const cancelled = await writeIf(
        dynamo.send(
          new UpdateCommand({
            TableName: this.table,
            Key,
            UpdateExpression: 'SET #state = :cancelled, finishedAt = :at REMOVE gsi1pk, gsi1sk, email, lastError',
            ConditionExpression: '#state = :pending',
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: { ':cancelled': 'cancelled', ':at': at, ':pending': 'pending' },
          }),
        ),
      );
      const redacted =
        cancelled ||
        (await writeIf(
          dynamo.send(
            new UpdateCommand({
              TableName: this.table,
              Key,
              UpdateExpression: 'REMOVE email, lastError',
              ConditionExpression: 'attribute_exists(pk)',
            }),
          ),
        ));
      if (redacted) changed += 1;
      // Last, so an erasure that stopped half-way finds the rest again when it is repeated.
      await dynamo.send(new DeleteCommand({ TableName: this.table, Key: { pk: x.pk, sk: x.sk } }));
    }
    return changed;
  }
}
