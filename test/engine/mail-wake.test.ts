/**
 * The mail sweeper's one wake (engine/mail-wake.ts): set at the earliest moment asked for, moved only
 * earlier while it is ahead, taken over once it fired, and a fan-out costs one write and one schedule;
 * and each sweep asks for the next. The store keeps the wake and evaluates its condition as DynamoDB
 * would; the scheduler keeps one schedule.
 */
import { describe, expect, it } from 'vitest';
import { type MailOutbox, newRecord } from '../../functions/engine/mail-outbox';
import { MAIL_AWAY_PAUSE_MS, sweepMail } from '../../functions/engine/mail-sweep';
import {
  MailWake,
  SEEN_AFTER_MS,
  type SweepScheduler,
  WAKE_LEAD_MS,
  type WakeStore,
} from '../../functions/engine/mail-wake';

class MemoryWakeStore implements WakeStore {
  wakeAt?: string;
  reads = 0;
  writes = 0;
  /** Runs before the next conditional write is evaluated: another writer getting in between. */
  beforeWrite?: () => Promise<void>;
  async read() {
    this.reads++;
    return this.wakeAt;
  }
  async plan(at: string, before: string) {
    const meanwhile = this.beforeWrite;
    this.beforeWrite = undefined;
    await meanwhile?.();
    const w = this.wakeAt;
    if (w !== undefined && !(w > at) && !(w < before)) return false;
    this.writes++;
    this.wakeAt = at;
    return true;
  }
}

class MemorySweepScheduler implements SweepScheduler {
  at?: string;
  calls: string[] = [];
  /** Runs before the next call takes effect: a slow call that lands after another writer's. */
  beforeCall?: () => Promise<void>;
  async plan(at: string) {
    const meanwhile = this.beforeCall;
    this.beforeCall = undefined;
    await meanwhile?.();
    this.calls.push(at);
    this.at = at;
  }
}

const start = Date.parse('2026-11-02T09:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

function setup() {
  let now = start;
  const store = new MemoryWakeStore();
  const scheduler = new MemorySweepScheduler();
  const clock = () => new Date(now);
  const wake = () => new MailWake({ store, scheduler, now: clock });
  return { store, scheduler, wake, move: (ms: number) => (now += ms), now: () => now };
}

describe('the mail sweeper wake', () => {
  it('serves a fan-out of 200 emails with one write, one schedule and one read', async () => {
    const { store, scheduler, wake } = setup();
    const w = wake();
    for (let i = 0; i < 200; i++) await w.ensureBy(iso(start + 120_000 + i * 50));
    expect(store.wakeAt).toBe(iso(start + 120_000));
    expect(scheduler.calls).toEqual([iso(start + 120_000)]);
    expect(store.writes).toBe(1);
    // The write and the check after the schedule call; every other email knew the wake was early enough.
    expect(store.reads).toBe(2);
  });

  it('moves the wake earlier for an earlier email, never later for a later one', async () => {
    const { store, scheduler, wake } = setup();
    await wake().ensureBy(iso(start + 3600_000));
    await wake().ensureBy(iso(start + 7200_000));
    expect(scheduler.at).toBe(iso(start + 3600_000));
    await wake().ensureBy(iso(start + 240_000));
    expect(store.wakeAt).toBe(iso(start + 240_000));
    expect(scheduler.at).toBe(iso(start + 240_000));
    expect(scheduler.calls).toHaveLength(2);
  });

  it('never sets a wake sooner than a minute ahead, even for an email due already', async () => {
    const { scheduler, wake } = setup();
    await wake().ensureBy(iso(start - 3600_000));
    expect(scheduler.at).toBe(iso(start + WAKE_LEAD_MS));
  });

  it('plans a new wake when the planned one fired, even at a later moment', async () => {
    const { store, scheduler, wake, move } = setup();
    const w = wake();
    await w.ensureBy(iso(start + 120_000));
    move(130_000);
    // The sweep it started may have run before this email was recorded: the email gets a wake of its own.
    await w.ensureBy(iso(start + 250_000));
    expect(store.wakeAt).toBe(iso(start + 250_000));
    expect(scheduler.at).toBe(iso(start + 250_000));
  });

  it('moves a wake about to fire a minute on: it may not see an email written now, and the others wait a minute', async () => {
    const { store, scheduler, wake, move, now } = setup();
    await wake().ensureBy(iso(start + 120_000));
    move(120_000 - SEEN_AFTER_MS / 2);
    await wake().ensureBy(iso(now() + 120_000));
    expect(store.wakeAt).toBe(iso(now() + WAKE_LEAD_MS));
    expect(scheduler.at).toBe(iso(now() + WAKE_LEAD_MS));
  });

  it('ends at the stored wake when two writers reach the scheduler in the opposite order', async () => {
    const { store, scheduler, wake } = setup();
    const late = wake();
    const early = wake();
    // The later wake's schedule call is slow: meanwhile the earlier one is written and scheduled.
    scheduler.beforeCall = () => early.ensureBy(iso(start + 180_000));
    await late.ensureBy(iso(start + 3600_000));
    expect(store.wakeAt).toBe(iso(start + 180_000));
    expect(scheduler.at).toBe(iso(start + 180_000));
  });

  it('does not move a wake later when an earlier one is written between its read and its write', async () => {
    const { store, scheduler, wake } = setup();
    store.beforeWrite = () => wake().ensureBy(iso(start + 180_000));
    await wake().ensureBy(iso(start + 3600_000));
    expect(store.wakeAt).toBe(iso(start + 180_000));
    expect(scheduler.at).toBe(iso(start + 180_000));
  });

  it('reads the wake again once the one it knew is no longer ahead', async () => {
    const { store, wake, move } = setup();
    const w = wake();
    await w.ensureBy(iso(start + 120_000));
    const reads = store.reads;
    move(115_000);
    await w.ensureBy(iso(start + 600_000));
    expect(store.reads).toBeGreaterThan(reads);
  });
});

describe('the sweep plans the next wake', () => {
  const keys = (i: number) => ({ pk: `MEETING#m${i}`, sk: `MAIL#k${i}`, key: `k${i}`, auditPk: `AUDIT#MEETING#m${i}` });
  const email = { to: 'a@example.org', tag: 'invite', subject: 's', text: 't', html: '<p>t</p>' };
  const audit = { key: 'mail:k', at: '', kind: 'email', actor: 'system' };
  const quiet = { info() {}, warn() {}, error() {} };

  /** Every record due; sends fail while `away`; what planSweep was asked for is kept. */
  function outbox(count: number) {
    const records = Array.from({ length: count }, (_, i) =>
      newRecord(keys(i), `m${i}`, email, audit, new Date(start - 3600_000)),
    );
    const plans: string[] = [];
    const box: MailOutbox = {
      record: async () => true,
      due: async () => records.filter((r) => r.state !== 'sent'),
      lease: async () => true,
      wasRecorded: async () => false,
      appendAudit: async () => {},
      markSent: async (k) => {
        const r = records.find((x) => x.key === k.key);
        if (r) r.state = 'sent';
      },
      markDead: async () => true,
      failed: async () => {},
      planSweep: async (notBefore) => {
        plans.push(notBefore);
      },
    };
    return { box, plans };
  }
  const deps = (box: MailOutbox, away: boolean) => ({
    outbox: box,
    mailer: { send: async () => (away ? Promise.reject(new Error('refused')) : undefined) },
    officeEmail: 'office@example.org',
    now: () => new Date(start),
    log: quiet,
  });

  it('from now when the sweep went through', async () => {
    const { box, plans } = outbox(5);
    expect((await sweepMail(deps(box, false))).sent).toBe(5);
    expect(plans).toEqual([iso(start)]);
  });

  it('not sooner than MAIL_AWAY_PAUSE_MS when it stopped because mail is away', async () => {
    const { box, plans } = outbox(5);
    expect((await sweepMail(deps(box, true))).failed).toBe(3);
    expect(plans).toEqual([iso(start + MAIL_AWAY_PAUSE_MS)]);
  });
});
