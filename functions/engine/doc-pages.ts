/**
 * One page of a versioned document list or of the directory (platform/paging.ts over gsi1): the
 * same queries as the full lists, with a Limit, from a cursor's key; status after status in the
 * order of the entity's `statuses`, newest first in each. Apart from the stores, so a function that
 * never pages a list does not carry this in its bundle.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../platform/clients';
import type { CursorPosition } from '../platform/cursor';
import { type Key, type Partition, readPage, searchable } from '../platform/paging';
import type { Body, Organisation, Person } from './directory';
import { KINDS, type Kind } from './directory-store';
import type { EntityKeys } from './versioned-store';

/** The keys a row of the list index is found by again (ExclusiveStartKey of gsi1). */
export const GSI1_KEYS = ['pk', 'sk', 'gsi1pk', 'gsi1sk'] as const;

/** A page of a list: how many rows, from where, what to search for (normalised) and which statuses. */
export interface ListRequest<S extends string = string> {
  limit: number;
  cursor?: CursorPosition;
  q?: string;
  statuses?: S[];
}

/** A page of documents, with where it stopped. */
export interface DocPage<T> {
  rows: T[];
  next?: CursorPosition;
  prev?: CursorPosition;
}

/** Query gsi1 for one partition of a list, for platform/paging.ts. */
const gsi1Query =
  (table: string) =>
  ({ pk, ascending, start, limit }: { pk: string; ascending: boolean; start?: Key; limit: number }) =>
    dynamo.send(
      new QueryCommand({
        TableName: table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :p',
        ExpressionAttributeValues: { ':p': pk },
        ScanIndexForward: ascending,
        ExclusiveStartKey: start,
        Limit: limit,
      }),
    );

/** One page of documents kept in `doc`; `text` gives what a search looks in (a title, a name). */
export async function pageOfDocs<T>(
  table: string,
  partitions: Partition[],
  req: Omit<ListRequest, 'statuses'>,
  text: (doc: T) => string[],
): Promise<DocPage<T>> {
  const q = req.q;
  const match = q
    ? (item: Record<string, any>) => text(item.doc as T).some((t) => searchable(t ?? '').includes(q))
    : undefined;
  const page = await readPage(gsi1Query(table), partitions, GSI1_KEYS, { ...req, match });
  return { rows: page.items.map((i) => i.doc as T), next: page.next, prev: page.prev };
}

/** One page of a versioned list: the given statuses (default all), newest first in each. */
export function pageOfList<T, S extends string>(
  store: { table: string; entity: EntityKeys<T & { id: string; version: number; status: string }, S> },
  req: ListRequest<S>,
  text: (doc: T) => string,
): Promise<DocPage<T>> {
  const statuses = req.statuses?.length ? req.statuses : store.entity.statuses;
  const partitions = statuses.map((s) => ({ pk: `${store.entity.listPrefix}#${s}`, ascending: false }));
  return pageOfDocs(store.table, partitions, req, (doc) => [text(doc)]);
}

/** One page of people, groups or partners, by name (A to Z); a search looks in the name and a person's email. */
export function pageOfDirectory<T extends Person | Body | Organisation>(
  table: string,
  kind: Kind,
  req: Omit<ListRequest, 'statuses'>,
): Promise<DocPage<T>> {
  const partitions = [{ pk: KINDS[kind].list, ascending: true }];
  return pageOfDocs<T>(table, partitions, req, (d) => [d.name, 'email' in d ? d.email : '']);
}
