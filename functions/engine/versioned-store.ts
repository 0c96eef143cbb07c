/**
 * A document kept whole in one item, changed only by conditional writes on its version, with
 * its audit trail and email claims beside it. Rounds and action items are both kept this way.
 * Access patterns (<E> is the entity prefix, e.g. ROUND):
 * - get one: GetItem <E>#<id>/<E> (consistent)
 * - list by status, newest first: Query gsi1 <LIST>#<status>, descending by the entity's sort key
 * - by date (the calendar, engine/by-date.ts): the same Query with `gsi1sk BETWEEN <from> AND <to>~`
 * - one page of the list: engine/doc-pages.ts (apart, so only the functions that page carry it)
 * - change: UpdateItem with `version = :expected`; the write that ends a flow also removes the
 *   workflow token and returns it (ALL_OLD), so only that writer resumes the workflow
 * - park the workflow: UpdateItem SET taskToken if `version = :planned AND status = open`
 * - when a parked workflow wakes: GetItem, projected to taskToken and wakeAt (the watchdog)
 * - audit trail: Query AUDIT#<E>#<id>; records are put once (attribute_not_exists)
 * - email outbox records: PutItem <E>#<id>/MAIL#<key> once, with the whole email (mail-outbox-store.ts);
 *   bare claims of queued reminders at the same key, put once the reminder is queued (GetItem: was it?)
 */
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../platform/errors';
import { dynamo } from '../platform/clients';
import type { AuditEntry, SaveResult } from './ports';
import type { MailKeys } from './mail-outbox';
import { DynamoMailOutbox } from './mail-outbox-store';
import { AUDIT_PREFIX, queryAll, unlessConditionFails, writeIf } from '../platform/table';
export interface EntityKeys<T, S extends string> {
  prefix: string;
  listPrefix: string;
  statuses: S[];
  /** Orders the list (newest first): creation time for rounds, due date for action items. */
  sortKey: (doc: T) => string;
  /** Statuses in which the flow's workflow may wait (park); default: open only. */
  waitingStatuses?: S[];
}

export class VersionedStore<T extends { id: string; version: number; status: string }, S extends string = T['status']> {
  readonly mail: DynamoMailOutbox;

  constructor(
    // Read by the calendar's by-date query (engine/by-date.ts) and the list pages (engine/doc-pages.ts),
    // kept out of this class's bundle.
    readonly table: string,
    /** The entity's keys; engine/doc-pages.ts reads its list with them. */
    readonly entity: EntityKeys<T, S>,
  ) {
    this.mail = new DynamoMailOutbox(table);
  }

  mailKeys(id: string, key: string): MailKeys {
    return { pk: this.key(id).pk, sk: `MAIL#${key}`, key, auditPk: this.auditKey(id) };
  }

  private key(id: string) {
    return { pk: `${this.entity.prefix}#${id}`, sk: this.entity.prefix };
  }

  private indexKeys(doc: T) {
    return { gsi1pk: `${this.entity.listPrefix}#${doc.status}`, gsi1sk: `${this.entity.sortKey(doc)}#${doc.id}` };
  }

  private auditKey(id: string) {
    return `${AUDIT_PREFIX}${this.entity.prefix}#${id}`;
  }

  async create(doc: T): Promise<void> {
    const made = await writeIf(
      dynamo.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...this.key(doc.id), ...this.indexKeys(doc), doc, version: doc.version, status: doc.status },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
    if (!made) throw new ConflictError(`${this.entity.prefix.toLowerCase()} ${doc.id} exists`);
  }

  async get(id: string): Promise<T | null> {
    const res = await dynamo.send(new GetCommand({ TableName: this.table, Key: this.key(id), ConsistentRead: true }));
    return (res.Item?.doc as T | undefined) ?? null;
  }

  async list(status?: S): Promise<T[]> {
    const statuses: S[] = status ? [status] : this.entity.statuses;
    const docs: T[] = [];
    for (const s of statuses) {
      const items = await queryAll((start) =>
        dynamo.send(
          new QueryCommand({
            TableName: this.table,
            IndexName: 'gsi1',
            KeyConditionExpression: 'gsi1pk = :p',
            ExpressionAttributeValues: { ':p': `${this.entity.listPrefix}#${s}` },
            ScanIndexForward: false,
            ExclusiveStartKey: start,
          }),
        ),
      );
      docs.push(...items.map((i) => i.doc as T));
    }
    return docs.sort((a, b) => this.entity.sortKey(b).localeCompare(this.entity.sortKey(a)));
  }

  /** When the parked workflow means to wake (null when none is parked): the watchdog's overdue test. */
  async parkedUntil(id: string): Promise<string | null> {
    const res = await dynamo.send(
      new GetCommand({ TableName: this.table, Key: this.key(id), ProjectionExpression: 'taskToken, wakeAt' }),
    );
    return res.Item?.taskToken && typeof res.Item.wakeAt === 'string' ? res.Item.wakeAt : null;
  }

  async save(next: T, expectedVersion: number, options: { takeToken?: boolean } = {}): Promise<SaveResult> {
    const res = await unlessConditionFails(
      dynamo.send(
        new UpdateCommand({
          TableName: this.table,
          Key: this.key(next.id),
          UpdateExpression:
            'SET doc = :doc, version = :next, #status = :status, gsi1pk = :g1, gsi1sk = :g2' +
            (options.takeToken ? ' REMOVE taskToken' : ''),
          ConditionExpression: 'version = :expected',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':doc': next,
            ':next': next.version,
            ':status': next.status,
            ':expected': expectedVersion,
            ':g1': this.indexKeys(next).gsi1pk,
            ':g2': this.indexKeys(next).gsi1sk,
          },
          ReturnValues: options.takeToken ? 'ALL_OLD' : 'NONE',
        }),
      ),
    );
    return res ? { ok: true, takenToken: res.Attributes?.taskToken as string | undefined } : { ok: false };
  }

  async park(id: string, taskToken: string, expectedVersion: number, wakeAt: string): Promise<boolean> {
    const waiting: string[] = this.entity.waitingStatuses ?? ['open'];
    return writeIf(
      dynamo.send(
        new UpdateCommand({
          TableName: this.table,
          Key: this.key(id),
          UpdateExpression: 'SET taskToken = :t, wakeAt = :w',
          ConditionExpression: `version = :v AND #status IN (${waiting.map((_, i) => `:s${i}`).join(', ')})`,
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':t': taskToken,
            ':w': wakeAt,
            ':v': expectedVersion,
            ...Object.fromEntries(waiting.map((w, i) => [`:s${i}`, w])),
          },
        }),
      ),
    );
  }

  async appendAudit(id: string, entry: AuditEntry): Promise<void> {
    // Written before by an earlier try of the same step: fine.
    await unlessConditionFails(
      dynamo.send(
        new PutCommand({
          TableName: this.table,
          Item: { pk: this.auditKey(id), sk: entry.key, ...entry },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
  }

  async listAudit(id: string): Promise<AuditEntry[]> {
    const items = await queryAll((start) =>
      dynamo.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'pk = :p',
          ExpressionAttributeValues: { ':p': this.auditKey(id) },
          ExclusiveStartKey: start,
        }),
      ),
    );
    const entries = items.map(({ key, at, kind, actor, details }) => ({ key, at, kind, actor, details }) as AuditEntry);
    return entries.sort((a, b) => a.at.localeCompare(b.at) || a.key.localeCompare(b.key));
  }

  async claimMail(id: string, key: string): Promise<boolean> {
    return writeIf(
      dynamo.send(
        new PutCommand({
          TableName: this.table,
          Item: { pk: this.key(id).pk, sk: `MAIL#${key}` },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
  }

  async hasMailClaim(id: string, key: string): Promise<boolean> {
    const res = await dynamo.send(
      new GetCommand({ TableName: this.table, Key: { pk: this.key(id).pk, sk: `MAIL#${key}` }, ConsistentRead: true }),
    );
    return Boolean(res.Item);
  }
}
