/**
 * Document records in DynamoDB, one item each, kept under what they belong to. Key design, in the
 * one table every flow shares:
 * - a document: pk DOCS#<ownerKind>#<ownerId>, sk DOC#<documentId>; the record in `doc`
 * - an owner's documents (a round's; a meeting's agenda items and minutes together, for the board
 *   pack): one Query on the pk, consistent, so a file shows as soon as it is accepted (no index, no scan)
 * - one document, as a link names it: GetItem with the owner from the link and the id from the path;
 *   a document of another owner is simply not found
 * - accepting an upload: PutItem if `attribute_not_exists(pk)`; the same upload confirmed twice (a
 *   reload of the page S3 sent the browser to) finds the record made the first time
 * Records never change; the file itself is in S3 under the record's `key`.
 */
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../../platform/clients';
import { queryAll, writeIf } from '../../platform/table';
import type { DocumentRecord, Owner } from './document';

export interface DocumentStore {
  /** false when a record with this id was there already. */
  put(doc: DocumentRecord): Promise<boolean>;
  get(owner: Pick<Owner, 'kind' | 'id'>, id: string): Promise<DocumentRecord | undefined>;
  /** Every document of the owner (all parts), oldest first. */
  list(owner: Pick<Owner, 'kind' | 'id'>): Promise<DocumentRecord[]>;
}

const pk = (o: Pick<Owner, 'kind' | 'id'>) => `DOCS#${o.kind}#${o.id}`;

export class DynamoDocumentStore implements DocumentStore {
  constructor(private readonly table: string) {}

  put(doc: DocumentRecord): Promise<boolean> {
    return writeIf(
      dynamo.send(
        new PutCommand({
          TableName: this.table,
          Item: { pk: pk(doc.owner), sk: `DOC#${doc.id}`, doc },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
  }

  async get(owner: Pick<Owner, 'kind' | 'id'>, id: string): Promise<DocumentRecord | undefined> {
    const res = await dynamo.send(
      new GetCommand({ TableName: this.table, Key: { pk: pk(owner), sk: `DOC#${id}` }, ConsistentRead: true }),
    );
    return res.Item?.doc as DocumentRecord | undefined;
  }

  async list(owner: Pick<Owner, 'kind' | 'id'>): Promise<DocumentRecord[]> {
    const items = await queryAll((start) =>
      dynamo.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :doc)',
          ExpressionAttributeValues: { ':pk': pk(owner), ':doc': 'DOC#' },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      ),
    );
    return items.map((i) => i.doc as DocumentRecord).sort((a, b) => a.uploadedAt.localeCompare(b.uploadedAt));
  }
}
