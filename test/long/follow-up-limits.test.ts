/**
 * AWS's limits over an action item that runs three years (issue #13): its owner never answers, so
 * after the ladder the workflow re-checks weekly. It must continue as new executions (`<id>--2`, …)
 * so that none is older than a year or nears 25,000 history events, and the item stays tracked.
 */
import { GetExecutionHistoryCommand, SFNClient } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createItem, MACHINE } from '../e2e/follow-up-support';
import { Harness } from '../support/local';

const YEAR_MS = 365 * 86400_000;
let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(() => h.stop());

async function historyLength(client: SFNClient, executionArn: string): Promise<number> {
  let count = 0;
  let nextToken: string | undefined;
  do {
    const page = await client.send(new GetExecutionHistoryCommand({ executionArn, nextToken, maxResults: 1000 }));
    count += page.events?.length ?? 0;
    nextToken = page.nextToken;
  } while (nextToken);
  return count;
}

it('an item whose owner never answers runs three years as a chain of executions within the limits', async () => {
  const id = await createItem(h, 'Buurtbudget verantwoorden', '2027-01-15T17:00:00+01:00');
  const start = Date.parse('2026-12-02T12:00:00Z');
  const client = new SFNClient({ endpoint: process.env.AWS_ENDPOINT_URL_SFN, region: 'eu-west-1' });
  // Each execution as last seen, with its history length then: finished executions are pruned
  // after the local retention (90 days, as AWS), so the chain is gathered while it runs.
  const seen = new Map<
    string,
    { name: string; status: string; startDate: number; stopDate?: number; events: number }
  >();
  // A month at a time, so every execution is seen while it runs and before it is pruned.
  for (let month = 1; month <= 37; month++) {
    const at = start + month * 30 * 86400_000;
    await h.to(new Date(at));
    const mine = h.rt.sfn.listExecutions(MACHINE).filter((e) => e.name === id || e.name.startsWith(`${id}--`));
    const running = mine.filter((x) => x.status === 'RUNNING');
    expect(running.length).toBeGreaterThan(0);
    for (const e of running) expect(at - e.startDate).toBeLessThan(YEAR_MS);
    for (const e of mine) seen.set(e.name, { ...e, events: await historyLength(client, e.executionArn) });
  }
  const chain = [...seen.values()].sort((a, b) => a.startDate - b.startDate);
  expect(chain.map((e) => e.name)).toEqual([id, `${id}--2`, `${id}--3`, `${id}--4`].slice(0, chain.length));
  expect(chain.length).toBeGreaterThanOrEqual(3);
  expect(chain.length).toBeLessThanOrEqual(4);
  // Every execution but the last succeeded after handing over; none ran a year or timed out.
  expect(chain.slice(0, -1).map((e) => e.status)).toEqual(chain.slice(0, -1).map(() => 'SUCCEEDED'));
  expect(chain.at(-1)!.status).toBe('RUNNING');
  for (const e of chain.slice(0, -1)) expect(e.stopDate! - e.startDate).toBeLessThan(YEAR_MS);
  for (const e of chain) expect(e.events).toBeLessThan(25_000);
  // Still tracked: open, with its workflow waiting for the owner or its next weekly look.
  const item = (await h.api('GET', `/api/follow-ups/${id}`)).body;
  expect(item.status).not.toBe('done');
  expect(item.status).toBeDefined();
  expect(h.rt.sfn.listExecutions(MACHINE, 'RUNNING').filter((e) => e.name.startsWith(id))).toHaveLength(1);
}, 600_000);
