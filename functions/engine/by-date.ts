/**
 * The calendar's read by date of a versioned store's documents (engine/versioned-store.ts): those
 * of one status whose sort key lies from `from` to `to` (inclusive, compared as the stored strings),
 * oldest first. Query gsi1 `<LIST>#<status>` with `gsi1sk BETWEEN :from AND :to~` (the key is
 * `<sortKey>#<id>`, and `~` sorts after every id). With `fields`, only those fields of each document
 * come back (a projection into `doc`). A function apart from the store, so only the calendar's
 * functions carry it (the meetings API has no room left under 250 KB).
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../platform/clients';
import { queryAll } from '../platform/table';
import type { VersionedStore } from './versioned-store';

export async function listBySortKey<
  T extends { id: string; version: number; status: string },
  S extends string,
  K extends keyof T & string = keyof T & string,
>(store: VersionedStore<T, S>, status: S, from: string, to: string, fields?: readonly K[]): Promise<Pick<T, K>[]> {
  const names = fields ? Object.fromEntries(fields.map((f, i) => [`#f${i}`, f])) : {};
  const projection = fields
    ? {
        ProjectionExpression: Object.keys(names)
          .map((n) => `#doc.${n}`)
          .join(', '),
        ExpressionAttributeNames: { '#doc': 'doc', ...names },
      }
    : {};
  const items = await queryAll((start) =>
    dynamo.send(
      new QueryCommand({
        TableName: store.table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :p AND gsi1sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':p': `${store.entity.listPrefix}#${status}`, ':from': from, ':to': `${to}~` },
        ...projection,
        ExclusiveStartKey: start,
      }),
    ),
  );
  return items.map((i) => i.doc as Pick<T, K>);
}
