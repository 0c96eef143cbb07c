/**
 * Rounds in DynamoDB. Access patterns:
 * - get a round: GetItem ROUND#<id>/ROUND
 * - list rounds by status, newest first: Query gsi1 ROUNDS#<status>, descending
 * - change a round: UpdateItem with `version = :expected` (optimistic concurrency); the
 *   write that closes a round also removes the workflow token and returns it (ALL_OLD)
 * - audit trail: Query AUDIT#ROUND#<id>; records are put once (attribute_not_exists)
 * - email claims: PutItem MAIL#<key> once; deleted only when the send failed
 * The round itself is kept as one map attribute `doc`, so that one write replaces it whole.
 */
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Round, RoundStatus } from '../domain/round';
import { ConflictError } from '../domain/errors';
import { dynamo } from '../lib/clients';
import type { AuditEntry, RoundStore, SaveResult } from '../services/ports';
import { AUDIT_PREFIX, isConditionFailure } from './table';

const roundKey = (id: string) => ({ pk: `ROUND#${id}`, sk: 'ROUND' });

function indexKeys(round: Round) {
  return { gsi1pk: `ROUNDS#${round.status}`, gsi1sk: `${round.createdAt}#${round.id}` };
}

export class DynamoRoundStore implements RoundStore {
  constructor(private readonly table: string) {}

  async create(round: Round): Promise<void> {
    try {
      await dynamo.send(new PutCommand({
        TableName: this.table,
        Item: { ...roundKey(round.id), ...indexKeys(round), doc: round, version: round.version, status: round.status },
        ConditionExpression: 'attribute_not_exists(pk)',
      }));
    } catch (err) {
      if (isConditionFailure(err)) throw new ConflictError(`round ${round.id} exists`);
      throw err;
    }
  }

  async get(id: string): Promise<Round | null> {
    const res = await dynamo.send(new GetCommand({ TableName: this.table, Key: roundKey(id), ConsistentRead: true }));
    return (res.Item?.doc as Round | undefined) ?? null;
  }

  async list(status?: RoundStatus): Promise<Round[]> {
    const statuses: RoundStatus[] = status ? [status] : ['open', 'closed'];
    const rounds: Round[] = [];
    for (const s of statuses) {
      let start: Record<string, unknown> | undefined;
      do {
        const res = await dynamo.send(new QueryCommand({
          TableName: this.table, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p',
          ExpressionAttributeValues: { ':p': `ROUNDS#${s}` }, ScanIndexForward: false, ExclusiveStartKey: start,
        }));
        rounds.push(...(res.Items ?? []).map((i) => i.doc as Round));
        start = res.LastEvaluatedKey;
      } while (start);
    }
    return rounds.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  async save(next: Round, expectedVersion: number, options: { takeToken?: boolean } = {}): Promise<SaveResult> {
    try {
      const res = await dynamo.send(new UpdateCommand({
        TableName: this.table,
        Key: roundKey(next.id),
        UpdateExpression: `SET doc = :doc, version = :next, #status = :status, gsi1pk = :g1, gsi1sk = :g2${options.takeToken ? ' REMOVE taskToken' : ''}`,
        ConditionExpression: 'version = :expected',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':doc': next, ':next': next.version, ':status': next.status, ':expected': expectedVersion,
          ':g1': indexKeys(next).gsi1pk, ':g2': indexKeys(next).gsi1sk,
        },
        ReturnValues: options.takeToken ? 'ALL_OLD' : 'NONE',
      }));
      return { ok: true, takenToken: res.Attributes?.taskToken as string | undefined };
    } catch (err) {
      if (isConditionFailure(err)) return { ok: false };
      throw err;
    }
  }

  async park(id: string, taskToken: string, expectedVersion: number, wakeAt: string): Promise<boolean> {
    try {
      await dynamo.send(new UpdateCommand({
        TableName: this.table,
        Key: roundKey(id),
        UpdateExpression: 'SET taskToken = :t, wakeAt = :w',
        ConditionExpression: 'version = :v AND #status = :open',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':t': taskToken, ':w': wakeAt, ':v': expectedVersion, ':open': 'open' },
      }));
      return true;
    } catch (err) {
      if (isConditionFailure(err)) return false;
      throw err;
    }
  }

  async appendAudit(roundId: string, entry: AuditEntry): Promise<void> {
    try {
      await dynamo.send(new PutCommand({
        TableName: this.table,
        Item: { pk: `${AUDIT_PREFIX}ROUND#${roundId}`, sk: entry.key, ...entry },
        ConditionExpression: 'attribute_not_exists(pk)',
      }));
    } catch (err) {
      if (!isConditionFailure(err)) throw err; // written before by an earlier try: fine
    }
  }

  async listAudit(roundId: string): Promise<AuditEntry[]> {
    const entries: AuditEntry[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const res = await dynamo.send(new QueryCommand({
        TableName: this.table, KeyConditionExpression: 'pk = :p',
        ExpressionAttributeValues: { ':p': `${AUDIT_PREFIX}ROUND#${roundId}` }, ExclusiveStartKey: start,
      }));
      entries.push(...(res.Items ?? []).map(({ key, at, kind, actor, details }) => ({ key, at, kind, actor, details }) as AuditEntry));
      start = res.LastEvaluatedKey;
    } while (start);
    return entries.sort((a, b) => a.at.localeCompare(b.at) || a.key.localeCompare(b.key));
  }

  async claimMail(roundId: string, key: string): Promise<boolean> {
    try {
      await dynamo.send(new PutCommand({
        TableName: this.table,
        Item: { pk: `ROUND#${roundId}`, sk: `MAIL#${key}` },
        ConditionExpression: 'attribute_not_exists(pk)',
      }));
      return true;
    } catch (err) {
      if (isConditionFailure(err)) return false;
      throw err;
    }
  }

  async releaseMail(roundId: string, key: string): Promise<void> {
    await dynamo.send(new DeleteCommand({ TableName: this.table, Key: { pk: `ROUND#${roundId}`, sk: `MAIL#${key}` } }));
  }
}
