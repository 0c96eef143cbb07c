/**
 * Paging of the API's lists on the local runtime: a limit, cursors that chain over every row exactly
 * once (forwards and back, across the statuses of a list), search, and the refusals: a bad limit, a
 * cursor of another list or search, a changed cursor. Each is a 400 with the field named.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness } from '../support/local';

let h: Harness;
const PEOPLE = 230;
const name = (i: number) => `Paging Persoon ${String(i).padStart(3, '0')}`;

beforeAll(async () => {
  h = await Harness.start();
  const { DynamoDirectory } = await import('../../functions/engine/directory-store');
  const directory = new DynamoDirectory('alliance-cycle');
  for (let i = 0; i < PEOPLE; i++)
    await directory.put('person', {
      id: `pg-${i}`,
      name: i === 7 ? 'Élif Öztürk-Paging' : name(i),
      email: `paging.${i}@example.org`,
      lang: 'nl',
      kind: 'resident',
      active: true,
    });
});
afterAll(() => h.stop());

/** Every page of a list from the first, following nextCursor; the pages' rows in order. */
async function walk(path: string, list: string, extra = '') {
  const pages: { ids: string[]; prevCursor: string | null; nextCursor: string | null }[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res = await h.api('GET', `${path}${sep}${extra}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    pages.push({ ids: res.body[list].map((r: any) => r.id), ...res.body });
    cursor = res.body.nextCursor;
  } while (cursor && pages.length < 100);
  return pages;
}

describe('paging the API lists', () => {
  it('gives every person exactly once, a page at a time, by name, and the same pages going back', async () => {
    const all = (await h.api('GET', '/api/people?limit=500')).body;
    expect(all.nextCursor).toBeNull();
    const ids = all.people.map((p: any) => p.id);
    expect(ids.length).toBeGreaterThan(PEOPLE);
    const pages = await walk('/api/people?limit=40', 'people');
    expect(pages.map((p) => p.ids.length).slice(0, -1)).toEqual(Array(pages.length - 1).fill(40));
    expect(pages.flatMap((p) => p.ids)).toEqual(ids);
    expect(pages[0].prevCursor).toBeNull();
    expect(pages.at(-1)!.nextCursor).toBeNull();
    // Summary rows: what a list needs, not every setting.
    expect(Object.keys(all.people[0]).sort()).toEqual([
      'active',
      'email',
      'id',
      'kind',
      'lang',
      'name',
      'organisationId',
    ]);
    // Back from the last page, page by page, to the first.
    let back = pages.at(-1)!.prevCursor;
    for (let i = pages.length - 2; i >= 0; i--) {
      const res = await h.api('GET', `/api/people?limit=40&cursor=${encodeURIComponent(back!)}`);
      expect(res.body.people.map((p: any) => p.id)).toEqual(pages[i].ids);
      back = res.body.prevCursor;
    }
    expect(back).toBeNull();
  });

  it('searches by name without case or accents, and pages the matches', async () => {
    const elif = await h.api('GET', `/api/people?q=${encodeURIComponent('ELIF oztürk')}`);
    expect(elif.body.people.map((p: any) => p.id)).toEqual(['pg-7']);
    const pages = await walk('/api/people?limit=7', 'people', 'q=persoon%2012');
    const found = pages.flatMap((p) => p.ids);
    expect(found).toEqual(Array.from({ length: 10 }, (_, i) => `pg-${120 + i}`));
    expect(pages.map((p) => p.ids.length)).toEqual([7, 3]);
    expect((await h.api('GET', '/api/people?q=paging.42%40')).body.people.map((p: any) => p.id)).toEqual(['pg-42']);
  });

  it('chains a list over its statuses: every round once, open ones first, newest first', async () => {
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await h.api('POST', '/api/rounds', {
        title: `Pagingronde ${i}`,
        summary: 'Akkoord?',
        bodyId: 'alliantiebestuur',
        rule: { type: 'majority' },
        deadline: new Date(h.rt.clock.now().getTime() + (7 + i) * 86400_000).toISOString(),
      });
      expect(res.status).toBe(201);
      made.push(res.body.id);
      await h.advance('PT1M');
    }
    for (const id of made.slice(0, 2))
      expect((await h.api('POST', `/api/rounds/${id}/cancel`, { reason: 'Niet meer nodig' })).status).toBe(200);
    await h.rt.whenIdle();
    const pages = await walk('/api/rounds?limit=2', 'rounds', 'q=pagingronde');
    expect(pages.flatMap((p) => p.ids)).toEqual([made[4], made[3], made[2], made[1], made[0]]);
    const open = await walk('/api/rounds?status=open&limit=2', 'rounds', 'q=pagingronde');
    expect(open.flatMap((p) => p.ids)).toEqual([made[4], made[3], made[2]]);
    const row = (await h.api('GET', '/api/rounds?q=pagingronde%204')).body.rounds[0];
    expect(row).toMatchObject({ id: made[4], status: 'open', title: 'Pagingronde 4', responded: 0 });
    expect(row.approvers).toBeUndefined();
  });

  it('pages the other lists the same way', async () => {
    for (const [path, list] of [
      ['/api/bodies', 'bodies'],
      ['/api/organisations', 'organisations'],
      ['/api/follow-ups', 'followUps'],
      ['/api/input-rounds', 'inputRounds'],
      ['/api/meeting-series', 'series'],
      ['/api/cycles', 'cycles'],
      ['/api/actielijnen', 'actielijnen'],
    ]) {
      const all = (await h.api('GET', `${path}?limit=500`)).body[list].map((r: any) => r.id);
      const pages = await walk(`${path}?limit=2`, list);
      expect(
        pages.flatMap((p) => p.ids),
        path,
      ).toEqual(all);
      if (all.length > 2) expect(pages[0].nextCursor, path).not.toBeNull();
    }
    // Input rounds as summary rows: how many answered, never what anyone wrote.
    const input = await h.api('POST', '/api/input-rounds', {
      title: 'Pagingvraag',
      request: 'Hoeveel?',
      organisationIds: ['woon'],
      deadline: new Date(h.rt.clock.now().getTime() + 10 * 86400_000).toISOString(),
      bodyId: 'alliantiebestuur',
    });
    expect(input.status).toBe(201);
    const [row] = (await h.api('GET', '/api/input-rounds?q=pagingvraag')).body.inputRounds;
    expect(row).toMatchObject({ id: input.body.id, status: 'open', asks: 'partners', asked: 1, answered: 0 });
    expect(row.answers).toBeUndefined();
  });

  it('refuses a bad limit, a cursor of another list or search, and a changed cursor, with a 400', async () => {
    for (const limit of ['0', '501', 'tien', '2.5', '-3']) {
      const res = await h.api('GET', `/api/people?limit=${limit}`);
      expect(res.status).toBe(400);
      expect(res.body.fields.limit).toBe('must be a whole number from 1 to 500 (default 100)');
    }
    const cursor = (await h.api('GET', '/api/people?limit=3')).body.nextCursor as string;
    const other = await h.api('GET', `/api/organisations?cursor=${encodeURIComponent(cursor)}`);
    expect(other.status).toBe(400);
    expect(other.body.fields.cursor).toContain('another list');
    const roundsCursor = (await h.api('GET', '/api/rounds?limit=1')).body.nextCursor as string;
    expect((await h.api('GET', `/api/follow-ups?cursor=${encodeURIComponent(roundsCursor)}`)).status).toBe(400);
    expect((await h.api('GET', `/api/rounds?status=open&cursor=${encodeURIComponent(roundsCursor)}`)).status).toBe(400);
    const searched = await h.api('GET', `/api/people?limit=3&q=anders&cursor=${encodeURIComponent(cursor)}`);
    expect(searched.status).toBe(400);
    const i = cursor.length - 10;
    const changed = cursor.slice(0, i) + (cursor[i] === 'A' ? 'B' : 'A') + cursor.slice(i + 1);
    const tampered = await h.api('GET', `/api/people?cursor=${encodeURIComponent(changed)}`);
    expect(tampered.status).toBe(400);
    expect(tampered.body.fields.cursor).toContain('not a cursor');
    expect((await h.api('GET', '/api/people?cursor=hallo')).status).toBe(400);
    expect((await h.api('GET', `/api/people?q=${'x'.repeat(101)}`)).status).toBe(400);
    expect((await h.api('GET', '/api/people?sort=name')).status).toBe(400);
  });
});

describe('a search that reads its share of the list before the page is full', () => {
  it('gives a short page with a cursor that searches on, and finds every match once, both ways', async () => {
    const { readPage, searchable } = await import('../../functions/platform/paging');
    const { dynamo } = await import('../../functions/platform/clients');
    const { QueryCommand } = await import('@aws-sdk/lib-dynamodb');
    const query = ({ pk, ascending, start, limit }: any) =>
      dynamo.send(
        new QueryCommand({
          TableName: 'alliance-cycle',
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :p',
          ExpressionAttributeValues: { ':p': pk },
          ScanIndexForward: ascending,
          ExclusiveStartKey: start,
          Limit: limit,
        }),
      );
    const partitions = [{ pk: 'PEOPLE', ascending: true }];
    const keys = ['pk', 'sk', 'gsi1pk', 'gsi1sk'];
    // The 10 matches sit near the end of the list; 60 rows may be read a request.
    const match = (item: any) => searchable(item.doc.name).includes('persoon 22');
    const pages: { ids: string[]; next?: any; prev?: any }[] = [];
    let cursor: any;
    do {
      const page = await readPage(query, partitions, keys, { limit: 4, cursor, match, readBudget: 60 });
      pages.push({ ids: page.items.map((i) => i.doc.id), next: page.next, prev: page.prev });
      cursor = page.next;
    } while (cursor && pages.length < 50);
    const expected = Array.from({ length: 10 }, (_, i) => `pg-${220 + i}`);
    expect(pages.flatMap((p) => p.ids)).toEqual(expected);
    // The first request read its 60 rows and found none: an empty page that searches on.
    expect(pages[0].ids).toEqual([]);
    expect(pages[0].next).toBeDefined();
    expect(pages.at(-1)!.next).toBeUndefined();
    // Back from the last page to the first: the same matches, each once.
    const back: string[] = [];
    cursor = pages.at(-1)!.prev;
    while (cursor) {
      const page = await readPage(query, partitions, keys, { limit: 4, cursor, match, readBudget: 60 });
      back.unshift(...page.items.map((i) => i.doc.id));
      cursor = page.prev;
    }
    expect([...back, ...pages.at(-1)!.ids]).toEqual(expected);
  });
});
