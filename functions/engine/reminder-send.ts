/**
 * The digest's side of the reminder outbox: send each person whose planned moment has come
 * one message (one reminder as its flow's own email, several combined), claimed so that two runs
 * never send twice, with each reminder checked with its flow first and given back if the send fails.
 */
import type { Person } from './directory';
import { maskEmail } from './directory';
import type { MailLedger } from './mail-ledger';
import { reminderEmail } from './preferences';
import { budgetOf, planReminders } from './reminder-budget';
import { digestMail } from './reminder-digest';
import {
  MAX_ATTEMPTS,
  type OutboxDeps,
  type ResolvedReminder,
  type ReminderResolver,
  followStoredPlan,
  forEachOutbox,
  readOutbox,
  replanPerson,
} from './reminder-outbox';
import type { Mailer, OutboxState, QueuedReminder, ReminderKind } from './ports';

export interface DigestDeps extends OutboxDeps {
  mailer: Mailer;
  resolvers: Record<ReminderKind, ReminderResolver>;
  /** Each flow's audit trail: a sent reminder goes on the record of the flow it was about. */
  ledgers?: Partial<Record<ReminderKind, Pick<MailLedger, 'appendAudit'>>>;
}

/** One line per flow: two reminders about one round (or one action item) say the same thing. */
function onePerFlow(live: { e: QueuedReminder; r: ResolvedReminder }[]) {
  const newest = new Map<string, { e: QueuedReminder; r: ResolvedReminder }>();
  for (const w of live) {
    const key = `${w.e.kind}:${w.e.flowId}`;
    const kept = newest.get(key);
    if (!kept || kept.e.dueAt < w.e.dueAt) newest.set(key, w);
  }
  return [...newest.values()].sort((a, b) => a.r.line.deadline.localeCompare(b.r.line.deadline));
}

/**
 * Send the person's message if it is due: one reminder goes as its flow's own email, several as
 * one combined message. Returns how many reminders it carried.
 */
export async function flushPerson(deps: DigestDeps, personId: string): Promise<number> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const { state, person, entries, pending } = await readOutbox(deps, personId);
    if (!person || !person.active || !person.email) {
      // Erased, deactivated or without an address: nothing can reach them; the flows' office views
      // show who did not answer.
      await deps.outbox.remove(
        personId,
        pending.map((e) => e.id),
      );
      await replanPerson(deps, personId);
      return 0;
    }
    const now = deps.now();
    const budget = budgetOf(person);
    const plan = planReminders(now.toISOString(), pending, budget, state.lastSentAt);
    if (!plan || Date.parse(plan.sendAt) > now.getTime()) {
      await replanPerson(deps, personId);
      return 0;
    }
    const batch = pending.filter((e) => plan.ids.includes(e.id));
    const worded = await Promise.all(batch.map(async (e) => ({ e, r: await deps.resolvers[e.kind](e, person) })));
    const stale = worded.filter((w) => !w.r).map((w) => w.e.id);
    const live = worded.filter((w): w is { e: QueuedReminder; r: ResolvedReminder } => w.r !== null);
    if (stale.length) await deps.outbox.remove(personId, stale);
    if (live.length === 0) continue;
    const carried = live.map((w) => w.e.id);
    // Claim the message, with the plan for what stays behind: of two ticks only one gets past this
    // write, and if anything fails after the send, the tick still finds the person for the rest.
    const rest = pending.filter((e) => !carried.includes(e.id) && !stale.includes(e.id));
    const claimed: OutboxState = {
      version: state.version + 1,
      lastSentAt: now.toISOString(),
      lastBatch: carried,
      sendAt: planReminders(now.toISOString(), rest, budget, now.toISOString())?.sendAt,
    };
    if (!(await deps.outbox.saveState(personId, claimed, state.version))) continue;
    // The previous message's reminders were sent (or lost in a crash, which we prefer to sending twice).
    const previous = entries.filter((e) => state.lastBatch.includes(e.id)).map((e) => e.id);
    if (previous.length) await deps.outbox.remove(personId, previous);
    const lines = onePerFlow(live);
    const content =
      lines.length === 1
        ? lines[0].r.single
        : digestMail(
            { name: person.name, lang: person.lang },
            lines.map((w) => w.r.line),
          );
    try {
      await deps.mailer.send({ ...(await reminderEmail(deps, person, content)), to: person.email, tag: 'reminder' });
    } catch (err) {
      await giveBack(deps, personId, carried, state.lastSentAt);
      throw err;
    }
    deps.log.info('reminders sent', { personId, count: carried.length, lines: lines.length, forced: plan.forced });
    await recordSent(
      deps,
      person,
      live.map((w) => w.e),
    );
    await deps.outbox.remove(personId, carried);
    return carried.length;
  }
  throw new Error(`the outbox of ${personId} is changing too fast`);
}

/**
 * Put a sent reminder on the record of each flow it was about, keyed by the queued reminder (a
 * retried tick writes it once). The email has gone: a failure here is logged, not retried by
 * sending again.
 */
async function recordSent(deps: DigestDeps, person: Person, sent: QueuedReminder[]): Promise<void> {
  const at = deps.now().toISOString();
  for (const e of sent) {
    try {
      await deps.ledgers?.[e.kind]?.appendAudit(e.flowId, {
        key: `mail:reminder:${e.id}`,
        at,
        kind: 'email',
        actor: 'system',
        details: { tag: 'reminder', to: maskEmail(person.email), personId: person.id },
      });
    } catch (err) {
      deps.log.warn('a sent reminder could not be put on record', { flowId: e.flowId, error: (err as Error).name });
    }
  }
}

/** The send failed: the reminders are pending again and the budget is as it was, for the next tick. */
async function giveBack(
  deps: OutboxDeps,
  personId: string,
  carried: string[],
  lastSentAt: string | undefined,
): Promise<void> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const { state } = await deps.outbox.read(personId);
    if (state.lastBatch.join() !== carried.join()) return;
    if (
      await deps.outbox.saveState(
        personId,
        { version: state.version + 1, lastSentAt, lastBatch: [], sendAt: deps.now().toISOString() },
        state.version,
      )
    ) {
      await replanPerson(deps, personId);
      return;
    }
  }
}

/** A person's planned moment that passed this long ago means their schedule was lost. */
export const LOST_AFTER_MS = 3600_000;
/** A send that failed is tried again by the person's schedule this much later, not at once. */
export const RETRY_AFTER_MS = 15 * 60_000;

/**
 * The digest: invoked by a person's schedule (`personId`) it sends that person's message; without
 * one it is the safety sweep, sending everyone whose planned moment passed more than LOST_AFTER_MS
 * ago (their schedule was lost). Either way each person's schedule then follows what is planned
 * next. One failure does not hold up the rest.
 */
export async function digestTick(
  deps: DigestDeps,
  event: { personId?: string } = {},
): Promise<{ people: number; reminders: number; failed: number }> {
  // Without schedules (a function not wired for them) the sweep is the only sender: everyone due now.
  const lostAfter = deps.scheduler ? LOST_AFTER_MS : 0;
  const due = event.personId
    ? [event.personId]
    : await deps.outbox.dueBy(new Date(deps.now().getTime() - lostAfter).toISOString());
  let reminders = 0;
  let failed = 0;
  await forEachOutbox(due, async (personId) => {
    let lead: number | undefined;
    try {
      reminders += await flushPerson(deps, personId);
    } catch (err) {
      failed += 1;
      lead = RETRY_AFTER_MS;
      deps.log.error('reminders could not be sent; their schedule tries again', {
        personId,
        error: (err as Error).name,
      });
    }
    try {
      await followStoredPlan(deps, personId, lead);
    } catch (err) {
      // The plan is stored: the sweep finds the person if their schedule could not be set.
      deps.log.error('the schedule of a person could not be set', { personId, error: (err as Error).name });
    }
  });
  return { people: due.length, reminders, failed };
}
