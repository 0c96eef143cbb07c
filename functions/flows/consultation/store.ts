/**
 * Consultations in DynamoDB, in the one table every flow shares. Key design:
 * - the consultation: pk CONSULT#<id>, sk CONSULT, the whole document in `doc` with `version` and
 *   `status` beside it (engine/versioned-store.ts); every change a PutItem/UpdateItem on its version
 * - list by status: gsi1pk CONSULTS#<status>, gsi1sk <createdAt>#<id>, a Query per status
 * - an answer: pk CONSULT#<id>, sk ANSWER#<answerId> (answer ids start with the time, so a Query on
 *   `begins_with(sk, ANSWER#)` reads them in order); put once (`attribute_not_exists(pk)`)
 * - an answer with an email: gsi1pk CONSULTEMAIL#<sha256 of the email>, gsi1sk <consultationId>#<answerId>,
 *   so the export and erasure of a person find their answers by a Query, never a scan; removing the
 *   contact details removes these keys too (sparse index)
 * - the rate counter: pk CONSULTRATE#<kind>#<hash>, sk <window start>: UpdateItem ADD n 1 if
 *   `attribute_not_exists(n) OR n < :max`, with `expiresAt` (the table's TTL) two windows later
 * - emails (the summary, what was done with it) and the audit trail as every versioned document:
 *   CONSULT#<id>/MAIL#<key>, AUDIT#CONSULT#<id>
 */
import { createHash } from 'node:crypto';
import { PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type Answer, CONSULTATION_STATUSES, type Consultation, type ConsultationStatus } from './consultation';
import type { Counter } from './rate-limit';
import { VersionedStore } from '../../engine/versioned-store';
import { dynamo } from '../../platform/clients';
import { queryAll, writeIf } from '../../platform/table';

export const emailKey = (email: string) =>
  `CONSULTEMAIL#${createHash('sha256').update(email.trim().toLowerCase()).digest('base64url')}`;

export interface AnswerStore {
  putAnswer(a: Answer): Promise<boolean>;
  answers(consultationId: string): Promise<Answer[]>;
  answersByEmail(email: string): Promise<Answer[]>;
  /** How many answers came in (the public page shows only this): a Query with Select COUNT, no items read back. */
  countAnswers(consultationId: string): Promise<number>;
  /** Replace an answer (its contact details removed, or its text erased) if it still has `expectedAt`. */
  replaceAnswer(a: Answer): Promise<boolean>;
  /** Count one request on a counter; false when it is full for its window. */
  count(c: Counter): Promise<boolean>;
}

export class DynamoConsultationStore extends VersionedStore<Consultation, ConsultationStatus> implements AnswerStore {
  constructor(private readonly tableName: string) {
    super(tableName, {
      prefix: 'CONSULT',
      listPrefix: 'CONSULTS',
      statuses: [...CONSULTATION_STATUSES],
      sortKey: (c) => c.createdAt,
      waitingStatuses: [],
    });
  }

  private answerItem(a: Answer) {
    const index = a.email ? { gsi1pk: emailKey(a.email), gsi1sk: `${a.consultationId}#${a.id}` } : {};
    return { pk: `CONSULT#${a.consultationId}`, sk: `ANSWER#${a.id}`, answer: a, ...index };
  }

  putAnswer(a: Answer): Promise<boolean> {
    return writeIf(
      dynamo.send(
        new PutCommand({
          TableName: this.tableName,
          Item: this.answerItem(a),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
  }

  replaceAnswer(a: Answer): Promise<boolean> {
    // Only over an answer that is there: a removal never makes one up.
    return writeIf(
      dynamo.send(
        new PutCommand({
          TableName: this.tableName,
          Item: this.answerItem(a),
          ConditionExpression: 'attribute_exists(pk)',
        }),
      ),
    );
  }

  async answers(consultationId: string): Promise<Answer[]> {
    const items = await queryAll((start) =>
      dynamo.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :p AND begins_with(sk, :a)',
          ExpressionAttributeValues: { ':p': `CONSULT#${consultationId}`, ':a': 'ANSWER#' },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      ),
    );
    return items.map((i) => i.answer as Answer);
  }

  async countAnswers(consultationId: string): Promise<number> {
    let count = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const page = await dynamo.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :p AND begins_with(sk, :a)',
          ExpressionAttributeValues: { ':p': `CONSULT#${consultationId}`, ':a': 'ANSWER#' },
          Select: 'COUNT',
          ExclusiveStartKey: start,
        }),
      );
      count += page.Count ?? 0;
      start = page.LastEvaluatedKey;
    } while (start);
    return count;
  }

  async answersByEmail(email: string): Promise<Answer[]> {
    const items = await queryAll((start) =>
      dynamo.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :p',
          ExpressionAttributeValues: { ':p': emailKey(email) },
          ExclusiveStartKey: start,
        }),
      ),
    );
    return items.map((i) => i.answer as Answer);
  }

  count(c: Counter): Promise<boolean> {
    return writeIf(
      dynamo.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: `CONSULTRATE#${c.key}`, sk: c.window },
          UpdateExpression: 'ADD n :one SET expiresAt = if_not_exists(expiresAt, :exp)',
          ConditionExpression: 'attribute_not_exists(n) OR n < :max',
          ExpressionAttributeValues: { ':one': 1, ':exp': c.expiresAt, ':max': c.max },
        }),
      ),
    );
  }
}
