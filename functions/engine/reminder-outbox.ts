/**
 * The reminder budget at work, across all flows. A flow queues a reminder for a person instead
 * of sending it; the digest sends each person at most one message per day (or per week), outside
 * quiet hours, combining everything due by then — unless a deadline forces an earlier message (see
 * reminder-budget.ts). This file is the queue and the plan of each person's next message, and keeps
 * a one-time schedule at that moment; reminder-send.ts sends it, checking each reminder with its flow.
 */
import type { Person } from './directory';
import { budgetOf, planReminders } from './reminder-budget';
import type { DigestLine } from './reminder-digest';
import type { EmailContent } from './email';
import type { PreferenceLinkDeps } from './preferences';
import type { Directory, Log, OutboxStore, QueuedReminder, ReminderQueue, ReminderScheduler } from './ports';

/** A queued reminder, worded now: the flow's own email when it goes alone, a line when combined. */
export interface ResolvedReminder {
  single: EmailContent;
  line: DigestLine;
}

/** Null when the reminder no longer applies (answered, done, closed, no longer asked). */
export type ReminderResolver = (entry: QueuedReminder, person: Person) => Promise<ResolvedReminder | null>;

export interface OutboxDeps extends PreferenceLinkDeps {
  outbox: OutboxStore;
  directory: Directory;
  now: () => Date;
  log: Log;
  /** Wakes the digest at each person's planned moment; without one only the sweep finds them. */
  scheduler?: ReminderScheduler;
}

/** How often a conditional write on the person's budget state is tried again before giving up. */
export const MAX_ATTEMPTS = 20;
/**
 * How far ahead a schedule is set at least. EventBridge Scheduler fires with minute precision and a
 * moment already past might never fire, so a message due now goes within the next minute.
 */
export const SCHEDULE_LEAD_MS = 60_000;
/** How many people's outboxes are worked on at once. */
const OUTBOXES_AT_ONCE = 8;

/**
 * Run `work` for each person, a few at a time: each person's outbox is independent, and SES and
 * DynamoDB take the requests in parallel, so a large round or tick is not done one by one.
 */
export async function forEachOutbox<T, R>(items: T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += OUTBOXES_AT_ONCE)
    results.push(...(await Promise.all(items.slice(i, i + OUTBOXES_AT_ONCE).map(work))));
  return results;
}

/** The flows' port: queue, then plan the person's next message. */
export function reminderQueue(deps: OutboxDeps): ReminderQueue {
  return {
    async queue({ key, ...r }) {
      const entry = { ...r, id: `${r.kind}:${r.flowId}:${key}` };
      await deps.outbox.add(entry);
      try {
        await replanPerson(deps, r.personId);
      } catch (err) {
        // Unplanned, the tick would never see it: take it back, so the flow's retry queues it again.
        await deps.outbox.remove(r.personId, [entry.id]);
        throw err;
      }
    },
    replan: (personId) => replanPerson(deps, personId),
  };
}

/**
 * How soon after its claim a message whose reminders are still queued is looked at again: it may not
 * be in the mail outbox yet (its sender died between claim and record), and the run then records it
 * (reminder-send.ts). Without a schedule, the daily sweep finds the person by this moment too.
 */
export const REPAIR_AFTER_MS = 15 * 60_000;

/**
 * The person's next moment: as their budget plans the pending reminders, but no later than the
 * repair moment while the last message's reminders (`unfinished`) are still queued.
 */
export function plannedMoment(
  now: string,
  pending: QueuedReminder[],
  person: Partial<Person>,
  lastSentAt: string | undefined,
  unfinished: QueuedReminder[] | string[],
): string | undefined {
  const plan = planReminders(now, pending, budgetOf(person), lastSentAt)?.sendAt;
  if (unfinished.length === 0 || !lastSentAt) return plan;
  const repair = new Date(Date.parse(lastSentAt) + REPAIR_AFTER_MS).toISOString();
  return plan && plan < repair ? plan : repair;
}

/** The person's outbox as it stands now; reminders whose deadline passed unsent are removed first. */
export async function readOutbox(deps: OutboxDeps, personId: string) {
  const [{ state, entries }, person] = await Promise.all([
    deps.outbox.read(personId),
    deps.directory.getPerson(personId),
  ]);
  const now = deps.now().getTime();
  // The last message's reminders are in flight or sent: not pending, and cleared by their sender.
  const inLastMessage = (e: QueuedReminder) => state.lastBatch.includes(e.id);
  const expired = entries.filter((e) => !inLastMessage(e) && Date.parse(e.deadline) <= now);
  if (expired.length)
    await deps.outbox.remove(
      personId,
      expired.map((e) => e.id),
    );
  return {
    state,
    person,
    entries,
    pending: entries.filter((e) => !inLastMessage(e) && !expired.includes(e)),
    /** The last message's reminders, still queued: its sender has not finished (or died). */
    unfinished: entries.filter(inLastMessage),
  };
}

type Outbox = Pick<Awaited<ReturnType<typeof readOutbox>>, 'state' | 'person' | 'pending' | 'unfinished'>;

/**
 * Work out when the person's next message goes, store it, and set the person's schedule to it.
 * `known`: the outbox as the caller just left it (the digest after its send), tried first instead of
 * reading it again; the conditional save still refuses it if anyone changed the outbox meanwhile.
 */
export async function replanPerson(deps: OutboxDeps, personId: string, known?: Outbox): Promise<void> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const { state, person, pending, unfinished } = attempt === 0 && known ? known : await readOutbox(deps, personId);
    const sendAt = plannedMoment(deps.now().toISOString(), pending, person ?? {}, state.lastSentAt, unfinished);
    // Unchanged still sets the schedule: a retried step may follow a crash between save and schedule.
    if (state.version > 0 && sendAt === state.sendAt) return followPlan(deps, personId, state.sendAt);
    if (await deps.outbox.saveState(personId, { ...state, sendAt, version: state.version + 1 }, state.version))
      return followPlan(deps, personId, sendAt);
  }
  throw new Error(`the outbox of ${personId} is changing too fast`);
}

/**
 * Set the person's schedule to their stored plan (`sendAt`, or none), at least `leadMs` ahead.
 * Two writers may reach the scheduler in either order: each reads the plan again after its call and
 * follows it once more if it moved, so the call that finishes last is for the stored moment.
 */
export async function followPlan(
  deps: OutboxDeps,
  personId: string,
  sendAt: string | undefined,
  leadMs = SCHEDULE_LEAD_MS,
): Promise<void> {
  const scheduler = deps.scheduler;
  if (!scheduler) return;
  let wanted = sendAt;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    if (wanted) {
      const earliest = deps.now().getTime() + leadMs;
      await scheduler.plan(personId, new Date(Math.max(Date.parse(wanted), earliest)).toISOString());
    } else await scheduler.clear(personId);
    const { state } = await deps.outbox.read(personId);
    if (state.sendAt === wanted) return;
    wanted = state.sendAt;
  }
  throw new Error(`the plan of ${personId} is changing too fast`);
}

/** After a message was claimed or sent: the schedule follows whatever is planned now. */
export async function followStoredPlan(deps: OutboxDeps, personId: string, leadMs?: number): Promise<void> {
  const { state } = await deps.outbox.read(personId);
  await followPlan(deps, personId, state.sendAt, leadMs);
}
