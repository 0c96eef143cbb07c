/**
 * The reminder budget at work, across all flows. A flow queues a reminder for a person instead
 * of sending it; the hourly digest tick sends each person at most one message per day (or per
 * week), outside quiet hours, combining everything due by then — unless a deadline forces an
 * earlier message (see domain/reminder-budget.ts). At sending time each reminder is checked
 * with its flow: a reminder about something already answered or closed is dropped.
 */
import type { Person } from '../domain/directory';
import { budgetOf, planReminders } from '../domain/reminder-budget';
import { digestMail, type DigestLine } from '../domain/reminder-digest';
import type { EmailContent } from '../domain/round-emails';
import { recipientEmail, type PreferenceLinkDeps } from './preferences';
import type { Directory, Log, Mailer, OutboxState, OutboxStore, QueuedReminder, ReminderKind, ReminderQueue } from './ports';

/** A queued reminder, worded now: the flow's own email when it goes alone, a line when combined. */
export interface ResolvedReminder { single: EmailContent; line: DigestLine }

/** Null when the reminder no longer applies (answered, done, closed, no longer asked). */
export type ReminderResolver = (entry: QueuedReminder, person: Person) => Promise<ResolvedReminder | null>;

export interface OutboxDeps extends PreferenceLinkDeps {
  outbox: OutboxStore;
  directory: Directory;
  now: () => Date;
  log: Log;
}

export interface DigestDeps extends OutboxDeps {
  mailer: Mailer;
  resolvers: Record<ReminderKind, ReminderResolver>;
}

const MAX_ATTEMPTS = 20;

/** The flows' port: queue, then plan the person's next message. */
export function reminderQueue(deps: OutboxDeps): ReminderQueue {
  return {
    async queue({ key, ...r }) {
      await deps.outbox.add({ ...r, id: `${r.kind}:${r.flowId}:${key}` });
      await replan(deps, r.personId);
    },
  };
}

async function readOutbox(deps: OutboxDeps, personId: string) {
  const [{ state, entries }, person] = await Promise.all([deps.outbox.read(personId), deps.directory.getPerson(personId)]);
  const now = deps.now().getTime();
  // Carried by the last message (clearing may not have finished), or past their deadline: done with.
  const finished = entries.filter((e) => state.lastBatch.includes(e.id) || Date.parse(e.deadline) <= now);
  if (finished.length) await deps.outbox.remove(personId, finished.map((e) => e.id));
  return { state, person, pending: entries.filter((e) => !finished.includes(e)) };
}

/** Work out when the person's next message goes and store it, so the digest tick finds it. */
async function replan(deps: OutboxDeps, personId: string): Promise<OutboxState> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const { state, person, pending } = await readOutbox(deps, personId);
    const plan = planReminders(deps.now().toISOString(), pending, budgetOf(person ?? {}), state.lastSentAt);
    const next = { ...state, sendAt: plan?.sendAt, version: state.version + 1 };
    if (state.version > 0 && next.sendAt === state.sendAt) return state;
    if (await deps.outbox.saveState(personId, next, state.version)) return next;
  }
  throw new Error(`the outbox of ${personId} is changing too fast`);
}

/**
 * Send the person's message if it is due: one reminder goes as its flow's own email, several as
 * one combined message. Returns how many reminders it carried.
 */
export async function flushPerson(deps: DigestDeps, personId: string): Promise<number> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const { state, person, pending } = await readOutbox(deps, personId);
    if (!person || !person.active || !person.email) {
      // Erased, deactivated or without an address: nothing can reach them; the flows' office views show who did not answer.
      await deps.outbox.remove(personId, pending.map((e) => e.id));
      await replan(deps, personId);
      return 0;
    }
    const now = deps.now();
    const plan = planReminders(now.toISOString(), pending, budgetOf(person), state.lastSentAt);
    if (!plan || Date.parse(plan.sendAt) > now.getTime()) {
      await replan(deps, personId);
      return 0;
    }
    const batch = pending.filter((e) => plan.ids.includes(e.id));
    const worded = await Promise.all(batch.map(async (e) => ({ e, r: await deps.resolvers[e.kind](e, person) })));
    const stale = worded.filter((w) => !w.r).map((w) => w.e.id);
    const live = worded.filter((w): w is { e: QueuedReminder; r: ResolvedReminder } => w.r !== null).sort((a, b) => a.r.line.deadline.localeCompare(b.r.line.deadline));
    if (stale.length) await deps.outbox.remove(personId, stale);
    if (live.length === 0) continue;
    // Claim the message: of two ticks (or a tick and a retry) only one gets past this write.
    const claimed: OutboxState = { version: state.version + 1, lastSentAt: now.toISOString(), lastBatch: live.map((w) => w.e.id), sendAt: undefined };
    if (!(await deps.outbox.saveState(personId, claimed, state.version))) continue;
    const content = live.length === 1 ? live[0].r.single : digestMail({ name: person.name, lang: person.lang }, live.map((w) => w.r.line));
    try {
      await deps.mailer.send({ ...(await recipientEmail(deps, person, content)), to: person.email, tag: 'reminder' });
    } catch (err) {
      // Give the reminders back, so the next tick tries again; if even that fails they wait for their deadline.
      await deps.outbox.saveState(personId, { ...state, version: claimed.version + 1 }, claimed.version).catch(() => undefined);
      throw err;
    }
    deps.log.info('reminders sent', { personId, count: live.length, forced: plan.forced });
    await deps.outbox.remove(personId, live.map((w) => w.e.id));
    await replan(deps, personId);
    return live.length;
  }
  throw new Error(`the outbox of ${personId} is changing too fast`);
}

/** The scheduled tick: everyone whose message is due gets it. One failure does not hold up the rest. */
export async function digestTick(deps: DigestDeps): Promise<{ people: number; reminders: number; failed: number }> {
  const due = await deps.outbox.dueBy(deps.now().toISOString());
  let reminders = 0;
  let failed = 0;
  for (const personId of due) {
    try {
      reminders += await flushPerson(deps, personId);
    } catch (err) {
      failed += 1;
      deps.log.error('reminders could not be sent; the next tick tries again', { personId, error: (err as Error).name });
    }
  }
  return { people: due.length, reminders, failed };
}
