/**
 * Each person's schedule follows their plan: created when a reminder is queued, moved when the plan
 * moves, deleted when nothing waits, set again by a retried step, and a lost one repaired by the sweep.
 * The outbox and the scheduler are in-memory implementations that keep versions and schedules for real.
 */
import { describe, expect, it } from 'vitest';
import type { Person } from '../../functions/engine/directory';
import type {
  Directory,
  OutboxState,
  OutboxStore,
  QueuedReminder,
  ReminderScheduler,
} from '../../functions/engine/ports';
import { followPlan, reminderQueue, replanPerson, type OutboxDeps } from '../../functions/engine/reminder-outbox';
import { digestTick } from '../../functions/engine/reminder-digest-tick';
import type { DigestDeps } from '../../functions/engine/reminder-send';
import type { MailOutbox } from '../../functions/engine/mail-outbox';
import { atExpression, scheduleName } from '../../functions/engine/reminder-schedule-store';
import { spreadOf } from '../../functions/engine/reminder-budget';
import { type MailLedger, queueOnceVia } from '../../functions/engine/mail-ledger';

class MemoryOutbox implements OutboxStore {
  states = new Map<string, OutboxState>();
  entries = new Map<string, QueuedReminder>();
  async add(e: QueuedReminder) {
    if (!this.entries.has(e.id)) this.entries.set(e.id, e);
  }
  async read(personId: string) {
    return {
      state: this.states.get(personId) ?? { version: 0, lastBatch: [] },
      entries: [...this.entries.values()].filter((e) => e.personId === personId),
    };
  }
  async saveState(personId: string, next: OutboxState, expected: number) {
    if ((this.states.get(personId)?.version ?? 0) !== expected) return false;
    this.states.set(personId, next);
    return true;
  }
  async remove(_: string, ids: string[]) {
    for (const id of ids) this.entries.delete(id);
  }
  async dueBy(at: string) {
    return [...this.states].filter(([, s]) => s.sendAt && s.sendAt <= at).map(([id]) => id);
  }
}

class MemoryScheduler implements ReminderScheduler {
  schedules = new Map<string, string>();
  calls = 0;
  failNext = false;
  async plan(personId: string, at: string) {
    this.calls++;
    if (this.failNext) {
      this.failNext = false;
      throw new Error('Scheduler unavailable');
    }
    this.schedules.set(personId, at);
  }
  async clear(personId: string) {
    this.calls++;
    this.schedules.delete(personId);
  }
}

const ruben: Person = {
  id: 'p-ruben',
  name: 'Ruben',
  email: 'r@example.org',
  lang: 'nl',
  kind: 'resident',
  active: true,
};
/** Ruben's own moment past 10:00 (his spread), as it is planned and scheduled. */
const rubensMoment = new Date(Date.parse('2026-12-01T09:00:00Z') + spreadOf('p-ruben') * 1000).toISOString();
const silent = { info() {}, warn() {}, error() {}, debug() {} } as unknown as OutboxDeps['log'];

function setup(start: string) {
  let now = new Date(start);
  const outbox = new MemoryOutbox();
  const scheduler = new MemoryScheduler();
  const directory = { getPerson: async (id: string) => (id === ruben.id ? ruben : null) } as unknown as Directory;
  const deps: DigestDeps = {
    outbox,
    directory,
    scheduler,
    now: () => now,
    log: silent,
    linkKeys: async () => ({ current: 'k', keys: { k: 'x'.repeat(32) } }) as never,
    settings: { publicBaseUrl: 'https://x', officeEmail: 'o@x', linkGraceSeconds: 0 },
    mailer: { send: async () => undefined },
    // Nothing is sent here (every reminder resolves to none): a record would be a fault of the test.
    mail: new Proxy({} as MailOutbox, {
      get: (_, name) => () => Promise.reject(new Error(`the mail outbox was used: ${String(name)}`)),
    }),
    // The round was answered meanwhile: the reminder no longer applies, so nothing is sent.
    resolvers: { round: async () => null } as unknown as DigestDeps['resolvers'],
  };
  const queue = (key: string, dueAt: string, deadline: string) =>
    reminderQueue(deps).queue({ key, personId: ruben.id, kind: 'round', flowId: 'r1', dueAt, deadline });
  return { deps, outbox, scheduler, queue, setNow: (iso: string) => (now = new Date(iso)) };
}

describe('reminder schedules', () => {
  it('are created at the planned moment, moved with the plan and deleted when nothing waits', async () => {
    // Tuesday 10:00 Amsterdam: a reminder due now goes at Ruben's moment within the quarter (his
    // spread, more than the scheduler's minute of lead here).
    expect(spreadOf('p-ruben')).toBeGreaterThan(60);
    const t = setup('2026-12-01T09:00:00Z');
    await t.queue('a', '2026-12-01T09:00:00Z', '2026-12-10T16:00:00Z');
    const first = t.outbox.states.get(ruben.id)?.sendAt;
    expect(first).toBe(rubensMoment);
    expect(t.scheduler.schedules.get(ruben.id)).toBe(rubensMoment);
    // Queued later in the hour, after his moment passed, it goes at once, within the scheduler's minute.
    t.setNow('2026-12-01T09:20:00Z');
    await replanPerson(t.deps, ruben.id);
    expect(t.outbox.states.get(ruben.id)?.sendAt).toBe('2026-12-01T09:20:00.000Z');
    expect(t.scheduler.schedules.get(ruben.id)).toBe('2026-12-01T09:21:00.000Z');
    t.setNow('2026-12-01T09:00:00Z');

    // Sent today already: tomorrow's reminder waits for tomorrow's moment, and the schedule moves there.
    t.outbox.states.set(ruben.id, { version: 9, lastBatch: [], lastSentAt: '2026-12-01T09:00:00Z' });
    t.outbox.entries.clear();
    await t.queue('b', '2026-12-01T12:00:00Z', '2026-12-10T16:00:00Z');
    const moved = t.outbox.states.get(ruben.id)?.sendAt;
    expect(moved && moved > '2026-12-01T12:00:00Z').toBe(true);
    expect(t.scheduler.schedules.get(ruben.id)).toBe(moved);

    // Past its deadline the reminder expires: nothing waits, so no schedule either.
    t.setNow('2026-12-11T09:00:00Z');
    await replanPerson(t.deps, ruben.id);
    expect(t.outbox.states.get(ruben.id)?.sendAt).toBeUndefined();
    expect(t.scheduler.schedules.has(ruben.id)).toBe(false);
  });

  it('a retried step sets the schedule a crash between save and schedule left out', async () => {
    const t = setup('2026-12-01T09:00:00Z');
    t.scheduler.failNext = true;
    await expect(t.queue('a', '2026-12-01T09:00:00Z', '2026-12-10T16:00:00Z')).rejects.toThrow('unavailable');
    // The plan was saved before the scheduler failed; the flow's retry queues again.
    expect(t.outbox.states.get(ruben.id)?.sendAt).toBeDefined();
    expect(t.scheduler.schedules.has(ruben.id)).toBe(false);
    await t.queue('a', '2026-12-01T09:00:00Z', '2026-12-10T16:00:00Z');
    expect(t.scheduler.schedules.get(ruben.id)).toBe(rubensMoment);
  });

  /** The flow's ledger: a bare claim per hand-over, kept across a crash. */
  const handOvers = (t: ReturnType<typeof setup>) => {
    const claims = new Set<string>();
    const ledger = {
      claimMail: async (id: string, key: string) => !claims.has(`${id}:${key}`) && Boolean(claims.add(`${id}:${key}`)),
      hasMailClaim: async (id: string, key: string) => claims.has(`${id}:${key}`),
    } as unknown as MailLedger;
    return () =>
      queueOnceVia(reminderQueue(t.deps), ledger, 'r1', 'remind:a', {
        personId: ruben.id,
        kind: 'round',
        dueAt: '2026-12-01T09:00:00Z',
        deadline: '2026-12-10T16:00:00Z',
      });
  };
  const died = () => new Promise<never>(() => undefined);

  it('a hand-over retried after a crash between save and schedule queues the same entry and sets the schedule', async () => {
    const t = setup('2026-12-01T09:00:00Z');
    const handOver = handOvers(t);
    // The process dies while it asks the scheduler: no catch runs, the entry and the plan stay, unclaimed.
    const plan = t.scheduler.plan.bind(t.scheduler);
    t.scheduler.plan = died;
    void handOver();
    await new Promise((r) => setTimeout(r, 10));
    expect(t.outbox.states.get(ruben.id)?.sendAt).toBe(rubensMoment);
    t.scheduler.plan = plan;
    // The step runs again after the restart: the same entry (not a second one), and the schedule is set.
    expect(await handOver()).toBe(true);
    expect(t.outbox.entries.size).toBe(1);
    expect(t.scheduler.schedules.get(ruben.id)).toBe(rubensMoment);
  });

  it('a hand-over that died before its reminder was queued is queued by the retried step, once', async () => {
    const t = setup('2026-12-01T09:00:00Z');
    const handOver = handOvers(t);
    const add = t.outbox.add.bind(t.outbox);
    t.outbox.add = died;
    void handOver();
    await new Promise((r) => setTimeout(r, 10));
    expect(t.outbox.entries.size).toBe(0);
    t.outbox.add = add;
    expect(await handOver()).toBe(true);
    expect(t.outbox.entries.size).toBe(1);
    expect(t.scheduler.schedules.get(ruben.id)).toBe(rubensMoment);
    // Handed over: a later run of the step queues nothing again, also once the reminder was sent.
    t.outbox.entries.clear();
    expect(await handOver()).toBe(false);
    expect(t.outbox.entries.size).toBe(0);
  });

  it('two writers end with the schedule at the stored moment, whichever call finishes last', async () => {
    const t = setup('2026-12-01T09:00:00Z');
    t.outbox.states.set(ruben.id, { version: 3, lastBatch: [], sendAt: '2026-12-02T07:00:00.000Z' });
    // A writer that saved an older plan reaches the scheduler after the newer one was stored.
    await followPlan(t.deps, ruben.id, '2026-12-01T17:00:00.000Z');
    expect(t.scheduler.schedules.get(ruben.id)).toBe('2026-12-02T07:00:00.000Z');
  });

  it('the sweep finds a person whose schedule was lost only once the moment is an hour past', async () => {
    const t = setup('2026-12-01T09:00:00Z');
    await t.queue('a', '2026-12-01T09:00:00Z', '2026-12-10T16:00:00Z');
    t.scheduler.schedules.clear();
    t.setNow('2026-12-01T09:30:00Z');
    expect((await digestTick(t.deps)).people).toBe(0);
    t.setNow('2026-12-01T10:30:00Z');
    expect((await digestTick(t.deps)).people).toBe(1);
    // Its reminder no longer applied: dropped, nothing waits, no schedule is left behind.
    expect(t.outbox.entries.size).toBe(0);
    expect(t.outbox.states.get(ruben.id)?.sendAt).toBeUndefined();
    expect(t.scheduler.schedules.has(ruben.id)).toBe(false);
  });

  it('names a schedule from the person id in safe characters, at most 64, and fires at whole seconds', () => {
    const long = scheduleName(`${'ä/'.repeat(60)}x`);
    expect(long).toMatch(/^[0-9A-Za-z_.-]{1,64}$/);
    expect(scheduleName('a/b')).not.toBe(scheduleName('a_b'));
    expect(scheduleName('p-ruben')).toMatch(/^r-p-ruben-[0-9a-f]{12}$/);
    expect(atExpression('2026-12-01T09:00:00.200Z')).toBe('at(2026-12-01T09:00:01)');
  });
});
