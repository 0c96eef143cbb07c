/**
 * The digest's entry point: one person's schedule fired, or the safety sweep for schedules that
 * were lost. Sending one person's message safely is reminder-send.ts; this file decides whom.
 */
import { type DigestDeps, flushPerson } from './reminder-send';
import { followStoredPlan, forEachOutbox } from './reminder-outbox';

/** A person's planned moment that passed this long ago means their schedule was lost. */
export const LOST_AFTER_MS = 3600_000;
/** A run that failed (the store, say: a failed send is the mail outbox's) is tried again this much later. */
export const RETRY_AFTER_MS = 15 * 60_000;

/**
 * The digest: invoked by a person's schedule (`personId`) it sends that person's message; without
 * one it is the safety sweep, sending everyone whose planned moment passed more than LOST_AFTER_MS
 * ago (their schedule was lost). Either way each person's schedule then follows what is planned
 * next (after a failed run, no sooner than RETRY_AFTER_MS). One failure does not hold up the rest.
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
    try {
      // Every way through it ends by planning the person and setting their schedule.
      reminders += await flushPerson(deps, personId);
      return;
    } catch (err) {
      failed += 1;
      deps.log.error('reminders could not be sent; their schedule tries again', {
        personId,
        error: (err as Error).name,
      });
    }
    try {
      await followStoredPlan(deps, personId, RETRY_AFTER_MS);
    } catch (err) {
      // The plan is stored: the sweep finds the person if their schedule could not be set.
      deps.log.error('the schedule of a person could not be set', { personId, error: (err as Error).name });
    }
  });
  return { people: due.length, reminders, failed };
}
