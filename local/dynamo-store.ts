/**
 * DynamoDB on this machine: dynalite on a LevelDB folder, with what a crash needs. dynalite writes an
 * item's index entries and then the item, each a LevelDB write of its own; a process killed between
 * them leaves an index out of step with its table (an entry deleted for an update that never reached
 * its item, an entry for an item never written, an entry newer than its item). DynamoDB keeps its
 * indexes in step with the table, so before it answers, a restarted stand-in puts every index right
 * from the items: the table is the truth, as in DynamoDB, where an index is derived from it.
 */
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import dynalite from 'dynalite';

/** The parts of dynalite's store (db/index.js) the repair reads and writes; dynalite 4. */
interface Store {
  getTable(name: string, cb: (err: Error | null, table?: Table) => void): void;
  getItemDb(table: string): SubDb;
  getIndexDb(type: 'Local' | 'Global', table: string, index: string): SubDb;
}
interface SubDb {
  createKeyStream(): AsyncIterable<string>;
  createValueStream(): AsyncIterable<Item>;
  batch(ops: { type: 'put' | 'del'; key: string; value?: Item }[], cb: (err?: Error) => void): void;
}
type Item = Record<string, Record<string, unknown>>;
interface Table {
  TableName: string;
  GlobalSecondaryIndexes?: { IndexName: string }[];
  LocalSecondaryIndexes?: { IndexName: string }[];
}

const fromDynalite = createRequire(createRequire(import.meta.url).resolve('dynalite'));
const dynaliteDb = fromDynalite('./db') as {
  create: (options: object) => Store;
  getIndexActions: (
    indexes: { IndexName: string }[],
    existing: Item | null,
    item: Item,
    table: Table,
  ) => { puts: { index: string; key: string; item: Item }[] };
};

export interface DynamoStandIn {
  server: Server;
  /** Put each index of `table` right from its items; the number of entries changed. */
  repairIndexes(table: string): Promise<number>;
}

/** dynalite, with its store at hand (it keeps it to itself: taken as it is made). */
export function startDynalite(options: Parameters<typeof dynalite>[0]): DynamoStandIn {
  const create = dynaliteDb.create;
  let store: Store | undefined;
  dynaliteDb.create = (o) => {
    store = create(o);
    return store;
  };
  let server: Server;
  try {
    server = dynalite(options);
  } finally {
    dynaliteDb.create = create;
  }
  return { server, repairIndexes: (table) => repairIndexes(store!, table) };
}

const collect = async <T>(stream: AsyncIterable<T>) => {
  const all: T[] = [];
  for await (const x of stream) all.push(x);
  return all;
};

/** JSON with sorted keys: an entry and the item it should hold compare equal whatever their key order. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );

async function repairIndexes(store: Store, tableName: string): Promise<number> {
  const table = await new Promise<Table | undefined>((resolve, reject) =>
    store.getTable(tableName, (err, t) => (err && err.name !== 'NotFoundError' ? reject(err) : resolve(t))),
  );
  if (!table) return 0;
  const items = await collect(store.getItemDb(tableName).createValueStream());
  let changed = 0;
  for (const type of ['Global', 'Local'] as const) {
    const indexes = table[`${type}SecondaryIndexes`] ?? [];
    for (const index of indexes) {
      // What the index holds when it is in step: each item's entry, as dynalite writes it.
      const wanted = new Map<string, Item>();
      for (const item of items)
        for (const put of dynaliteDb.getIndexActions([index], null, item, table).puts) wanted.set(put.key, put.item);
      const db = store.getIndexDb(type, tableName, index.IndexName);
      // Both streams run in key order: the n-th key is the n-th value's.
      const keys = await collect(db.createKeyStream());
      const values = await collect(db.createValueStream());
      const ops: { type: 'put' | 'del'; key: string; value?: Item }[] = [];
      keys.forEach((key, i) => {
        const want = wanted.get(key);
        if (!want) ops.push({ type: 'del', key });
        else if (canonical(want) === canonical(values[i])) wanted.delete(key);
      });
      for (const [key, value] of wanted) ops.push({ type: 'put', key, value });
      if (ops.length)
        await new Promise<void>((resolve, reject) => db.batch(ops, (err) => (err ? reject(err) : resolve())));
      changed += ops.length;
    }
  }
  return changed;
}
