/**
 * The local clock's once-a-second ticker must not queue work while steps hang (a store away):
 * each queued tick waits to settle, and a clock move asked for meanwhile would wait behind all of
 * them (a DynamoDB outage made `POST /local/clock` take 262 s instead of its bound).
 */
import { afterEach, expect, it } from 'vitest';

process.env.LOCAL_CLOCK_SETTLE_MS = '2000';
const { LocalClock } = await import('../../local/clock');

let clock: InstanceType<typeof LocalClock> | undefined;
afterEach(() => clock?.stop());

it('a move while steps hang returns within its own settle bounds, not behind queued ticks', async () => {
  clock = new LocalClock(undefined, new Date('2026-11-02T09:00:00Z'));
  // Steps that never settle, as while DynamoDB is black-holed.
  const hung = () => new Promise<void>(() => undefined);
  clock.start(hung);
  await new Promise((r) => setTimeout(r, 6000));
  const started = Date.now();
  const report = await clock.advanceTo(new Date('2026-11-02T10:00:00Z'), hung);
  expect(report.reached).toBe(false);
  // One settle bound (2 s) for the steps from before; a queue of ticks would add 2 s each.
  expect(Date.now() - started).toBeLessThan(3500);
}, 20_000);
