/**
 * The office's calendar feed: which link currently opens it. One item in the shared table:
 * - pk CALFEED, sk CALFEED: `nonce` (random, named in the link's signed claims), `exp` (the link's
 *   expiry, so the page can sign the same link again to show it), `version`; no nonce: no feed
 * - read: GetItem (consistent); every change an UpdateItem on `version = :expected` (or the item
 *   absent), the version the office's page showed, so two people never replace each other's link
 */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../../platform/clients';
import { writeIf } from '../../platform/table';

export interface FeedState {
  nonce?: string;
  exp?: number;
  version: number;
}

const KEY = { pk: 'CALFEED', sk: 'CALFEED' };

export interface FeedStore {
  get(): Promise<FeedState>;
  /** A new nonce (a new link; the old one stops); false when the state changed since `expected`. */
  replace(nonce: string, exp: number, expected: number): Promise<boolean>;
  /** No link opens the feed any more; false when the state changed since `expected`. */
  revoke(expected: number): Promise<boolean>;
}

export class DynamoFeedStore implements FeedStore {
  constructor(private readonly table: string) {}

  async get(): Promise<FeedState> {
    const res = await dynamo.send(new GetCommand({ TableName: this.table, Key: KEY, ConsistentRead: true }));
    const item = res.Item;
    return item ? { nonce: item.nonce, exp: item.exp, version: Number(item.version) } : { version: 0 };
  }

  private update(expected: number, expression: string, values: Record<string, unknown>) {
    return writeIf(
      dynamo.send(
        new UpdateCommand({
          TableName: this.table,
          Key: KEY,
          UpdateExpression: `SET version = :next${expression}`,
          ConditionExpression: expected === 0 ? 'attribute_not_exists(pk)' : 'version = :expected',
          ExpressionAttributeValues: {
            ':next': expected + 1,
            ...(expected === 0 ? {} : { ':expected': expected }),
            ...values,
          },
        }),
      ),
    );
  }

  replace(nonce: string, exp: number, expected: number): Promise<boolean> {
    return this.update(expected, ', nonce = :nonce, exp = :exp', { ':nonce': nonce, ':exp': exp });
  }

  revoke(expected: number): Promise<boolean> {
    return this.update(expected, ' REMOVE nonce, exp', {});
  }
}
