/**
 * One page of a list, read with queries only: a list is one or more index partitions (a status
 * each, or one for the directory's names) read in order. A page asks DynamoDB for one row more
 * than it shows, so it knows whether there is a next page; its cursors are the keys of its first
 * and last rows (DynamoDB starts after any full key). "Vorige" reads backwards from the first row.
 *
 * Search is a filter in code over the rows the query reads, never a scan: a page reads at most
 * SEARCH_READ_BUDGET rows, so a rare word can give a short (even empty) page with a "next" cursor
 * that carries on where the reading stopped.
 */
import type { CursorPosition } from './cursor';
import type { Page } from './table';

export const SEARCH_READ_BUDGET = 5000;
const SEARCH_BATCH = 1000;

export interface Partition {
  /** The index partition key value, e.g. `ROUNDS#open`. */
  pk: string;
  /** Whether the list reads this partition in ascending key order. */
  ascending: boolean;
}

export type Key = Record<string, string | number>;
export type PartitionQuery = (q: { pk: string; ascending: boolean; start?: Key; limit: number }) => Promise<Page>;

export interface PageRequest {
  limit: number;
  cursor?: CursorPosition;
  match?: (item: Record<string, any>) => boolean;
  /** How many rows a search may read for this page (default SEARCH_READ_BUDGET). */
  readBudget?: number;
}

export interface ItemPage {
  items: Record<string, any>[];
  next?: CursorPosition;
  prev?: CursorPosition;
}

const keysOf = (item: Record<string, any>, names: readonly string[]): Key =>
  Object.fromEntries(names.map((n) => [n, item[n]]));

export async function readPage(
  query: PartitionQuery,
  partitions: readonly Partition[],
  keyNames: readonly string[],
  req: PageRequest,
): Promise<ItemPage> {
  const back = req.cursor?.b === true;
  const step = back ? -1 : 1;
  const from = req.cursor?.p ?? 0;
  const want = req.limit + 1;
  const found: { item: Record<string, any>; p: number }[] = [];
  const budget = req.match ? (req.readBudget ?? SEARCH_READ_BUDGET) : Number.POSITIVE_INFINITY;
  let read = 0;
  let resume: CursorPosition | undefined;
  scan: for (let p = from; p >= 0 && p < partitions.length; p += step) {
    let start = p === from ? req.cursor?.k : undefined;
    do {
      const limit = req.match ? Math.min(SEARCH_BATCH, budget - read) : want - found.length;
      const { pk, ascending } = partitions[p];
      const page = await query({ pk, ascending: ascending !== back, start, limit });
      for (const item of page.Items ?? []) {
        read++;
        if (req.match && !req.match(item)) continue;
        found.push({ item, p });
        if (found.length === want) break scan;
      }
      start = page.LastEvaluatedKey as Key | undefined;
      if (read >= budget) {
        const later = p + step >= 0 && p + step < partitions.length;
        if (start) resume = { p, k: start };
        else if (later) resume = { p: p + step };
        break scan;
      }
    } while (start);
  }
  const shown = found.slice(0, req.limit);
  const edge = (i: number) => ({ p: shown[i].p, k: keysOf(shown[i].item, keyNames) });
  // Where the reading direction goes on: after the last row shown, or where the read budget ran out.
  const onward = found.length === want ? edge(shown.length - 1) : resume;
  // Back the other way: from the first row shown, or, on an empty page, from where this page began.
  // A position without a key is the start of its partition in its direction: turned round, it is
  // the start of the partition before it.
  const turned = (c: CursorPosition) => (c.k ? { p: c.p, k: c.k } : { p: c.p - step });
  const returning = shown.length > 0 ? edge(0) : req.cursor && turned(req.cursor);
  const valid = (c?: { p: number }) => (c && c.p >= 0 && c.p < partitions.length ? c : undefined);
  const strip = (c?: { p: number; k?: Key }) => c && { p: c.p, ...(c.k ? { k: c.k } : {}) };
  if (!back)
    return {
      items: shown.map((f) => f.item),
      next: strip(onward),
      prev: req.cursor && valid(returning) ? { ...strip(returning)!, b: true } : undefined,
    };
  return {
    items: shown.map((f) => f.item).reverse(),
    prev: onward ? { ...strip(onward)!, b: true } : undefined,
    next: strip(valid(returning)),
  };
}

/** Lower case, without accents and extra spaces: "Élif  Öztürk" and "elif ozturk" find each other. */
export function searchable(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}
