/**
 * The DynamoDB stand-in after a crash. dynalite writes an item's index entries and then the item,
 * each a write of its own, so a SIGKILL between them leaves the index and the table apart: an entry
 * deleted for an update that never reached its item (the pending email's record then never shows up
 * in the sweeper's query), an entry put for an item that was never written, an entry newer than its
 * item. DynamoDB keeps its indexes in step with the table; the restarted stand-in must answer index
 * queries from the items as well (the crash harness found a pending outbox record missing from gsi1).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { startLocal, TABLE_NAME } from '../../local/runtime';
import { freePorts, TEST_START } from '../support/local';

const fromDynalite = createRequire(createRequire(import.meta.url).resolve('dynalite'));
const { Level } = fromDynalite('level');
const dynaliteDb = fromDynalite('./db');

const dir = mkdtempSync(join(tmpdir(), 'alliance-dynamo-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const client = (endpoint: string) =>
  DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint, region: 'eu-west-1', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } }),
  );
const item = (id: string, n: number) => ({ pk: `CRASH#${id}`, sk: 'CRASH', gsi1pk: 'CRASH_TEST', gsi1sk: id, n });

describe('the DynamoDB stand-in restarted after a crash between its writes', () => {
  it('answers an index query from the table: missing entries back, stale ones current, orphans gone', async () => {
    const ports = await freePorts();
    let rt = await startLocal({ dataDir: dir, ports, seed: false, startAt: TEST_START });
    let db = client(`http://127.0.0.1:${rt.ports.dynamodb}`);
    for (const x of [item('a', 1), item('b', 1)]) await db.send(new PutCommand({ TableName: TABLE_NAME, Item: x }));
    await rt.stop();

    // What a kill between dynalite's writes leaves, written into its store as dynalite would have.
    const level = new Level(join(dir, 'dynamodb'), { valueEncoding: 'json' });
    const table = await level.get(`table~${TABLE_NAME}`);
    const gsi = table.GlobalSecondaryIndexes[0];
    const prefix = `index-global~${TABLE_NAME}~${gsi.IndexName}~`;
    const indexKey = (x: ReturnType<typeof item>) =>
      prefix + dynaliteDb.createIndexKey(marshal(x), table, gsi.KeySchema);
    await level.batch([
      // a: an update that removed its index keys deleted the entry, and died before writing the item.
      { type: 'del', key: indexKey(item('a', 1)) },
      // b: an update of b wrote its index entry (n 2), and died before writing the item (n 1).
      { type: 'put', key: indexKey(item('b', 1)), value: marshal(item('b', 2)) },
      // c: a first write of c wrote its index entry, and died before writing the item.
      { type: 'put', key: indexKey(item('c', 1)), value: marshal(item('c', 1)) },
    ]);
    await level.close();

    rt = await startLocal({ dataDir: dir, ports, seed: false });
    try {
      db = client(`http://127.0.0.1:${rt.ports.dynamodb}`);
      const res = await db.send(
        new QueryCommand({
          TableName: TABLE_NAME,
          IndexName: gsi.IndexName,
          KeyConditionExpression: 'gsi1pk = :p',
          ExpressionAttributeValues: { ':p': 'CRASH_TEST' },
        }),
      );
      expect(res.Items).toEqual([item('a', 1), item('b', 1)]);
    } finally {
      await rt.stop();
    }
  });
});

/** DynamoDB's attribute-value form, as dynalite stores items. */
function marshal(x: Record<string, string | number>) {
  return Object.fromEntries(
    Object.entries(x).map(([k, v]) => [k, typeof v === 'number' ? { N: String(v) } : { S: v }]),
  );
}
