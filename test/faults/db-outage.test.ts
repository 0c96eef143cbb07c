/**
 * Local mode stays usable while DynamoDB is unreachable (issue #13): the API and the pages answer 503
 * with Retry-After (no 500, nothing half stored), a clock move reports its failed steps and returns
 * within its bound, and once the database is back the next move runs what is due.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePorts, Harness } from '../support/local';
import { FaultProxy } from './proxy';

let h: Harness;
let db: FaultProxy;
beforeAll(async () => {
  const ports = await freePorts();
  db = await new FaultProxy({ port: ports.dynamodb }).start();
  h = await Harness.start({ ports: { ...ports, http: 0, mailbox: 0, sfn: 0 }, endpoints: { dynamodb: db.url } });
  await h.rt.whenIdle();
});
afterAll(async () => {
  await h.stop();
  await db.stop();
});

describe('DynamoDB refused', () => {
  it('the office API answers 503 with Retry-After and stores nothing half', async () => {
    db.set('refuse');
    const list = await h.api('GET', '/api/rounds');
    const res = await fetch(`${h.rt.urls.app}/api/rounds`, {
      method: 'POST',
      headers: { authorization: `Bearer ${h.rt.officeToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'Tijdens de storing',
        summary: 'Akkoord?',
        bodyId: 'alliantiebestuur',
        rule: { type: 'majority' },
        deadline: new Date(h.rt.clock.now().getTime() + 10 * 86400_000).toISOString(),
      }),
    });
    db.set('pass');
    expect(list.status).toBe(503);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('30');
    const after = await h.api('GET', '/api/rounds');
    expect(after.status).toBe(200);
    expect(JSON.stringify(after.body)).not.toContain('Tijdens de storing');
  });

  it('public and settings pages answer 503 with the Dutch retry page, not 500', async () => {
    db.set('refuse');
    const pub = await fetch(`${h.rt.urls.app}/p/alliantiebestuur`);
    db.set('pass');
    expect(pub.status).toBe(503);
    expect(pub.headers.get('retry-after')).toBe('30');
    expect(await pub.text()).toContain('Even niet bereikbaar');
  });

  it('a clock move whose steps fail reports them, returns in bounded time, and the next move recovers', async () => {
    db.set('refuse');
    const started = Date.now();
    const moved = await fetch(`${h.rt.urls.app}/local/clock`, { method: 'POST', body: '{"advanceBy":"P1D"}' });
    const took = Date.now() - started;
    db.set('pass');
    expect(moved.status).toBe(503);
    const report = (await moved.json()) as { failures: { what: string }[]; now: string; target: string };
    expect(report.failures.length).toBeGreaterThan(0);
    expect(new Date(report.now).getTime()).toBeLessThan(new Date(report.target).getTime());
    expect(took).toBeLessThan(25_000);
    const again = await h.advance('P1D');
    expect(new Date(again.now).getTime()).toBeGreaterThan(new Date(report.target).getTime());
  });
});
