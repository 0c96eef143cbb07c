/**
 * A page of a list at 10,000 items against the same page at 100 (issue #15): GET /api/people and
 * GET /api/rounds, the first page and one from a cursor deep in the list, p50 of 30 requests each.
 * Every answer is checked: exactly the rows asked for, the ones that follow the cursor in the
 * list's order, and a next cursor; anything else stops the run with an error.
 */
import type { Harness } from '../test/support/local';
import { ms, pct, rows } from './common';

const LIMIT = 50;
const TRIES = 30;
const pad = (i: number) => String(i).padStart(5, '0');

async function putPeople(from: number, to: number) {
  const { DynamoDirectory } = await import('../functions/engine/directory-store');
  const directory = new DynamoDirectory('alliance-cycle');
  for (let i = from; i < to; i += 50)
    await Promise.all(
      Array.from({ length: Math.min(50, to - i) }, (_, j) =>
        directory.put('person', {
          id: `bp-${pad(i + j)}`,
          name: `Bench Lid ${pad(i + j)}`,
          email: `bench.${i + j}@example.org`,
          lang: 'nl',
          kind: 'resident',
          active: true,
        }),
      ),
    );
}

/** Copies of one real round (made through the API), each with its own id and an earlier creation time. */
async function putRounds(template: Record<string, any>, from: number, to: number) {
  const { DynamoRoundStore } = await import('../functions/flows/approval-round/store');
  const store = new DynamoRoundStore('alliance-cycle');
  const base = Date.parse(template.createdAt);
  for (let i = from; i < to; i += 50)
    await Promise.all(
      Array.from({ length: Math.min(50, to - i) }, (_, j) => {
        const n = i + j;
        const createdAt = new Date(base - (n + 1) * 60_000).toISOString();
        return store.create({ ...template, id: `br-${pad(n)}`, title: `Bench ronde ${pad(n)}`, createdAt } as never);
      }),
    );
}

/** p50 of a page request, each answer checked against the rows it must hold. */
async function timePage(h: Harness, path: string, list: string, expected: string[]) {
  const times: number[] = [];
  let bytes = 0;
  // The first few answers warm the function and the connection; they are checked, not timed.
  for (let t = -5; t < TRIES; t++) {
    const start = performance.now();
    const res = await fetch(`${h.rt.urls.app}${path}`, { headers: { authorization: `Bearer ${h.rt.officeToken}` } });
    const text = await res.text();
    if (t >= 0) times.push(performance.now() - start);
    bytes = text.length;
    const body = JSON.parse(text);
    const ids = (body[list] ?? []).map((r: { id: string }) => r.id);
    if (res.status !== 200 || JSON.stringify(ids) !== JSON.stringify(expected) || !body.nextCursor)
      throw new Error(
        `${path}: ${res.status}, ${ids.length} rows (${ids[0]}…), expected ${expected.length} from ${expected[0]}`,
      );
  }
  return { p50: pct(times, 50), kb: bytes / 1024 };
}

/** The first page and a page from the cursor after `skip` rows, of a list whose order is `order`. */
async function measure(h: Harness, base: string, list: string, order: string[], skip: number) {
  if (order.length < skip + LIMIT + 1) throw new Error(`${base}: only ${order.length} rows`);
  const sep = base.includes('?') ? '&' : '?';
  const first = await timePage(h, `${base}${sep}limit=${LIMIT}`, list, order.slice(0, LIMIT));
  // A cursor deep in the list, reached the way a client does: from page to page, at the largest limit.
  let cursor = '';
  for (let read = 0; read < skip; ) {
    const step = Math.min(500, skip - read);
    const res = await fetch(
      `${h.rt.urls.app}${base}${sep}limit=${step}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      {
        headers: { authorization: `Bearer ${h.rt.officeToken}` },
      },
    );
    cursor = (await res.json()).nextCursor;
    read += step;
  }
  const deep = await timePage(
    h,
    `${base}${sep}limit=${LIMIT}&cursor=${encodeURIComponent(cursor)}`,
    list,
    order.slice(skip, skip + LIMIT),
  );
  return { first, deep };
}

function row(what: string, small: { p50: number; kb: number }, large: { p50: number; kb: number }) {
  const ratio = large.p50 / small.p50;
  rows.push([
    `${what}: page of ${LIMIT} at 10,000 (p50)`,
    `${ms(large.p50)} (${large.kb.toFixed(0)} KB)`,
    `at 100: ${ms(small.p50)}`,
    `≤ 2× the page at 100: ${ratio.toFixed(2)}×`,
    ratio <= 2 ? 'pass' : 'FAIL',
  ]);
}

/** The ids of a list partition in its index's order, read straight from DynamoDB: what the pages must hold. */
async function indexOrder(gsi1pk: string, ascending: boolean): Promise<string[]> {
  const { dynamo } = await import('../functions/platform/clients');
  const { QueryCommand } = await import('@aws-sdk/lib-dynamodb');
  const { queryAll } = await import('../functions/platform/table');
  const items = await queryAll((start) =>
    dynamo.send(
      new QueryCommand({
        TableName: 'alliance-cycle',
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :p',
        ExpressionAttributeValues: { ':p': gsi1pk },
        ScanIndexForward: ascending,
        ExclusiveStartKey: start,
      }),
    ),
  );
  return items.map((i) => i.doc.id as string);
}

export async function pagingAtScale(h: Harness) {
  const demo = (await indexOrder('PEOPLE', true)).length;
  await putPeople(0, 100 - demo);
  const peopleAt100 = await measure(h, '/api/people', 'people', await indexOrder('PEOPLE', true), 0);
  await putPeople(100 - demo, 10_000 - demo);
  const people = await indexOrder('PEOPLE', true);
  if (people.length !== 10_000) throw new Error(`${people.length} people, expected 10,000`);
  const peopleAt10k = await measure(h, '/api/people', 'people', people, 5_000);
  row('GET /api/people first page', peopleAt100.first, peopleAt10k.first);
  row('GET /api/people page 101', peopleAt100.first, peopleAt10k.deep);

  // Rounds: copies of one made through the API, newest first.
  const made = await h.api('POST', '/api/rounds', {
    title: 'Bench ronde sjabloon',
    summary: 'Akkoord?',
    bodyId: 'alliantiebestuur',
    rule: { type: 'majority' },
    deadline: new Date(h.rt.clock.now().getTime() + 30 * 86400_000).toISOString(),
  });
  if (made.status !== 201) throw new Error(`round not created: ${made.status}`);
  await h.rt.whenIdle();
  const { DynamoRoundStore } = await import('../functions/flows/approval-round/store');
  const template = (await new DynamoRoundStore('alliance-cycle').get(made.body.id))!;
  const open = (await indexOrder('ROUNDS#open', false)).length;
  await putRounds(template, 0, 100 - open);
  const roundsAt100 = await measure(h, '/api/rounds?status=open', 'rounds', await indexOrder('ROUNDS#open', false), 0);
  await putRounds(template, 100 - open, 10_000 - open);
  const rounds = await indexOrder('ROUNDS#open', false);
  if (rounds.length !== 10_000) throw new Error(`${rounds.length} open rounds, expected 10,000`);
  const roundsAt10k = await measure(h, '/api/rounds?status=open', 'rounds', rounds, 5_000);
  row('GET /api/rounds first page', roundsAt100.first, roundsAt10k.first);
  row('GET /api/rounds page 101', roundsAt100.first, roundsAt10k.deep);
}
