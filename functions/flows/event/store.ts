/**
 * Public events in DynamoDB. Key design, in the one table every flow shares:
 * - the event with its registrations: pk EVENT#<id>, sk EVENT, the whole document in `doc`, with
 *   `version` and `status` beside it (engine/versioned-store.ts); consistent GetItem
 * - coming and past events: gsi1pk EVENTS#<status>, gsi1sk <start>#<id>; a Query per status, never a scan
 * - every registration, change, cancellation and move up: UpdateItem if `version = :expected`, so
 *   the places and the waiting list change in one write and two people never take the last place
 * - its emails: EVENT#<id>/MAIL#<key>, put once (mail outbox); audit: AUDIT#EVENT#<id>
 * - a registration found by address (export and erasure, AVG): pk EVENTREG#<sha256 of the address>,
 *   sk <eventId>#<registrationId>, put once at registration, deleted when the details are removed
 * - the rate limit of the public form: pk RATE#<scope>#<sha256>, sk <hour>, UpdateItem ADD hits
 *   if `attribute_not_exists(hits) OR hits < :max`, with `expiresAt` (the table's TTL) a day on
 */
import { createHash } from 'node:crypto';
import { DeleteCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { EVENT_STATUSES, type EventStatus, type PublicEvent } from './event';
import { VersionedStore } from '../../engine/versioned-store';
import { dynamo } from '../../platform/clients';
import { queryAll, TTL_ATTRIBUTE, unlessConditionFails, writeIf } from '../../platform/table';

export const addressHash = (email: string) => createHash('sha256').update(email.trim().toLowerCase()).digest('hex');

export interface RegistrationRef {
  eventId: string;
  registrationId: string;
}

export class DynamoEventStore extends VersionedStore<PublicEvent, EventStatus> {
  constructor(private readonly tableName: string) {
    super(tableName, {
      prefix: 'EVENT',
      listPrefix: 'EVENTS',
      statuses: [...EVENT_STATUSES],
      sortKey: (e) => e.start,
      waitingStatuses: [],
    });
  }

  async indexRegistration(email: string, ref: RegistrationRef): Promise<void> {
    await unlessConditionFails(
      dynamo.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { pk: `EVENTREG#${addressHash(email)}`, sk: `${ref.eventId}#${ref.registrationId}`, ...ref },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
  }

  async registrationsOf(email: string): Promise<RegistrationRef[]> {
    const items = await queryAll((start) =>
      dynamo.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :p',
          ExpressionAttributeValues: { ':p': `EVENTREG#${addressHash(email)}` },
          ExclusiveStartKey: start,
        }),
      ),
    );
    return items.map((i) => ({ eventId: String(i.eventId), registrationId: String(i.registrationId) }));
  }

  async unindexRegistration(email: string, ref: RegistrationRef): Promise<void> {
    await dynamo.send(
      new DeleteCommand({
        TableName: this.tableName,
        Key: { pk: `EVENTREG#${addressHash(email)}`, sk: `${ref.eventId}#${ref.registrationId}` },
      }),
    );
  }

  /** Count one more try in this hour; false when `max` were counted already. */
  async countTry(scope: string, who: string, hour: string, max: number, expiresAt: number): Promise<boolean> {
    return writeIf(
      dynamo.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: `RATE#${scope}#${createHash('sha256').update(who).digest('hex')}`, sk: hour },
          UpdateExpression: 'ADD hits :one SET #ttl = :ttl',
          ConditionExpression: 'attribute_not_exists(hits) OR hits < :max',
          ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
          ExpressionAttributeValues: { ':one': 1, ':max': max, ':ttl': expiresAt },
        }),
      ),
    );
  }
}
