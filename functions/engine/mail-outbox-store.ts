/**
 * The mail outbox in DynamoDB: each email's claim item is also its outbox record, written once with
 * the whole outgoing email before it is sent (see "When mail fails" in docs/architecture.md).
 * Key design (in the one table, next to the document the email belongs to):
 * - record: PutItem <E>#<id>/MAIL#<key> if attribute_not_exists(pk): the claim and the intent in one write
 * - pending: the sparse index gsi1 MAIL_PENDING / <nextAttemptAt>#<pk>#<sk>; only pending records carry it
 * - due: Query gsi1 MAIL_PENDING with gsi1sk < <now>$ (ISO times sort as text), oldest first
 * - lease an attempt: UpdateItem SET attempts + 1 and a later nextAttemptAt if gsi1sk is still the one
 *   read, so of two sweepers only one sends (a crash during that send is retried at the new moment)
 * - sent: UpdateItem SET state sent, REMOVE gsi1pk, gsi1sk and the email (no copy of mail is kept)
 * - dead: UpdateItem SET state dead, REMOVE gsi1pk, gsi1sk (the email stays, for the office to see)
 * - earliest pending: Query gsi1 MAIL_PENDING, Limit 1, ascending: when the sweeper's next wake is due
 * After a record and after a failed send the sweeper's wake is made sure of (mail-wake.ts): at or
 * before the record's nextAttemptAt; mostly without any write, as one wake serves a whole fan-out.
 * A lease sets none: the sweep that took it plans the next wake when it ends, and a sweep that dies
 * is invoked again (Scheduler invokes the sweeper asynchronously: Lambda retries a failed run twice),
 * or else the daily safety sweep follows.
 * A person's emails, for their export and erasure (AVG), without a scan:
 * - index item per email to a person: MAILTO#<personId> / <pk>#<sk> with the address, subject, tag and
 *   the record's keys, put once (attribute_not_exists) *before* the record, so no record to a person
 *   is ever without one; one left by a record's put that never came is skipped by the export
 * - their emails: Query MAILTO#<personId>, then BatchGetItem the records for their state
 * - erase: per index item, cancel a pending record (SET state cancelled, REMOVE gsi1pk, gsi1sk, email,
 *   if still pending) or REMOVE email and lastError from a sent or dead one; then DeleteItem the index item
 * The reads and the erasure are in personal-mail-store.ts: only the directory's functions carry them.
 */
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../platform/clients';
import { log } from '../platform/logger';
import { unlessConditionFails, writeIf } from '../platform/table';
import type { MailKeys, MailOutbox, MailRecord } from './mail-outbox';
import type { MailWake } from './mail-wake';
import { sharedMailWake } from './mail-wake-store';
import type { AuditEntry } from './ports';

export const PENDING_PARTITION = 'MAIL_PENDING';
export const PERSON_PREFIX = 'MAILTO#';

const indexSk = (at: string, k: MailKeys) => `${at}#${k.pk}#${k.sk}`;

/** A person's index item (key design above); personal-mail-store.ts reads and deletes them. */
export interface PersonIndexItem {
  pk: string;
  sk: string;
  mailPk: string;
  mailSk: string;
  key: string;
  to: string;
  subject: string;
  tag: string;
  createdAt: string;
}

export class DynamoMailOutbox implements MailOutbox {
  /**
   * `wake`: what wakes the sweeper; by default the function's own (none where the function is not
   * told of the sweep schedule), null for none.
   */
  constructor(
    private readonly table: string,
    private readonly wake?: MailWake | null,
  ) {}

  private get sweeperWake(): MailWake | null {
    return this.wake === undefined ? sharedMailWake(this.table) : this.wake;
  }

  /**
   * A sweep at or before `at`, for a record written (or tried) just before. Never throws: the email
   * goes on; if this failed, the record waits for the next wake planned or the daily safety sweep.
   */
  private async wakeBy(r: MailKeys, at: string): Promise<void> {
    try {
      await this.sweeperWake?.ensureBy(at);
    } catch (err) {
      log.error('the mail sweeper could not be woken for an email', { key: r.key, error: (err as Error).name });
    }
  }

  async record(r: MailRecord): Promise<boolean> {
    if (r.personId) await this.indexForPerson(r.personId, r);
    const recorded = await writeIf(
      dynamo.send(
        new PutCommand({
          TableName: this.table,
          Item: {
            ...r,
            state: 'pending',
            gsi1pk: PENDING_PARTITION,
            gsi1sk: indexSk(r.nextAttemptAt, r),
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
    // Its sender may die before the send ends: the sweeper wakes when the sender's lease ends.
    if (recorded) await this.wakeBy(r, r.nextAttemptAt);
    return recorded;
  }

  async due(now: string, limit: number): Promise<MailRecord[]> {
    const res = await dynamo.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :p AND gsi1sk < :t',
        ExpressionAttributeValues: { ':p': PENDING_PARTITION, ':t': `${now}$` },
        Limit: limit,
      }),
    );
    // The index projects every attribute; it may lag a moment behind, which the lease's condition covers.
    return (res.Items ?? []) as MailRecord[];
  }

  /** When the earliest pending record may be tried; undefined when nothing is pending. */
  async earliestPending(): Promise<string | undefined> {
    const res = await dynamo.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :p',
        ExpressionAttributeValues: { ':p': PENDING_PARTITION },
        ProjectionExpression: 'nextAttemptAt',
        Limit: 1,
      }),
    );
    const next = res.Items?.[0]?.nextAttemptAt;
    return typeof next === 'string' ? next : undefined;
  }

  async planSweep(notBefore: string): Promise<void> {
    const next = await this.earliestPending();
    if (next !== undefined) await this.sweeperWake?.ensureBy(next > notBefore ? next : notBefore);
  }

  async lease(r: MailRecord, nextAttemptAt: string): Promise<boolean> {
    return writeIf(
      dynamo.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { pk: r.pk, sk: r.sk },
          UpdateExpression: 'SET attempts = attempts + :one, nextAttemptAt = :n, gsi1sk = :g',
          ConditionExpression: '#state = :pending AND gsi1sk = :seen',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: {
            ':one': 1,
            ':n': nextAttemptAt,
            ':g': indexSk(nextAttemptAt, r),
            ':pending': 'pending',
            ':seen': indexSk(r.nextAttemptAt, r),
          },
        }),
      ),
    );
  }

  async wasRecorded(r: MailKeys): Promise<boolean> {
    const res = await dynamo.send(
      new GetCommand({ TableName: this.table, Key: { pk: r.auditPk, sk: `mail:${r.key}` }, ConsistentRead: true }),
    );
    return Boolean(res.Item);
  }

  async appendAudit(r: MailKeys, entry: AuditEntry): Promise<void> {
    // Put once: a sweeper that finds it there marks the record sent and sends nothing.
    await writeIf(
      dynamo.send(
        new PutCommand({
          TableName: this.table,
          Item: { pk: r.auditPk, sk: entry.key, ...entry },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
  }

  async markSent(r: MailKeys, at: string): Promise<void> {
    await this.finish(r, 'sent', at, ' REMOVE gsi1pk, gsi1sk, email');
  }

  async markDead(r: MailKeys, at: string): Promise<boolean> {
    return this.finish(r, 'dead', at, ' REMOVE gsi1pk, gsi1sk');
  }

  /** `r` is the record whose try failed; its next attempt is when the sweeper should wake. */
  async failed(r: MailKeys & { nextAttemptAt?: string }, error: string): Promise<void> {
    const pending = await writeIf(
      dynamo.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { pk: r.pk, sk: r.sk },
          UpdateExpression: 'SET lastError = :e',
          ConditionExpression: '#state = :pending',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':e': error, ':pending': 'pending' },
        }),
      ),
    );
    // A sender's record has its wake since it was written (answered from memory); in a sweep this is the
    // wake the sweep's end plans anyway.
    if (pending && r.nextAttemptAt) await this.wakeBy(r, r.nextAttemptAt);
  }

  /** A retried record finds its index item there already: the first one's moment stays. */
  private async indexForPerson(personId: string, r: MailRecord): Promise<void> {
    const item: PersonIndexItem = {
      pk: `${PERSON_PREFIX}${personId}`,
      sk: `${r.pk}#${r.sk}`,
      mailPk: r.pk,
      mailSk: r.sk,
      key: r.key,
      to: r.email.to,
      subject: r.email.subject,
      tag: r.email.tag,
      createdAt: r.createdAt,
    };
    await unlessConditionFails(
      dynamo.send(
        new PutCommand({ TableName: this.table, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }),
      ),
    );
  }

  /** Only a pending record changes state: of a page and a sweeper that both sent, one marks it. */
  private finish(r: MailKeys, state: 'sent' | 'dead', at: string, remove: string): Promise<boolean> {
    return writeIf(
      dynamo.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { pk: r.pk, sk: r.sk },
          UpdateExpression: `SET #state = :s, finishedAt = :at${remove}`,
          ConditionExpression: '#state = :pending',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':s': state, ':at': at, ':pending': 'pending' },
        }),
      ),
    );
  }
}
