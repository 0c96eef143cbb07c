/**
 * The hourly step of public events: the reminder of the day before, the emails a crash may have
 * left unsent, and removing contact details once their retention period is over.
 *
 * Why not the reminder budget (engine/reminder-budget.ts): the budget is kept per person of the
 * directory (their outbox, their settings page, their language there). A registrant has no entry
 * in the directory and only this one event, so the reminder is a one-time send at a fixed moment
 * (retention.ts, reminderMoment) that keeps the budget's rules: never at night or on a Sunday, once.
 */
import type { PublicEvent, Registration } from './event';
import { dueForRemoval, reminderDue, withoutContact } from './retention';
import { type EventDeps, mailRegistrant } from './mail';
import { loadEvent } from './office';
import { mutateVersioned } from '../../engine/versioned-write';

/** Emails about changes this recent are sent again if a crash left them out (the outbox sends each once). */
const REPAIR_MS = 2 * 3600_000;

const access = (deps: EventDeps) => ({
  load: (x: string) => loadEvent(deps, x),
  save: (n: PublicEvent, v: number) => deps.events.save(n, v),
});

async function remind(deps: EventDeps, e: PublicEvent): Promise<number> {
  const confirmed = e.registrations.filter((r) => r.status === 'confirmed' && r.email);
  // First the emails (each once by its key), then the mark: a crash in between sends none twice.
  for (const r of confirmed) await mailRegistrant(deps, e, r, 'reminder', `reminder:${r.id}`);
  await mutateVersioned(access(deps), e.id, (x) =>
    x.remindedAt ? null : { ...x, remindedAt: deps.now().toISOString(), version: x.version + 1 },
  );
  return confirmed.length;
}

function statusMail(r: Registration): [Parameters<typeof mailRegistrant>[3], string] {
  if (r.status === 'cancelled') return ['cancelled', `cancelled:${r.id}`];
  if (r.status === 'waiting') return ['waiting', `waiting:${r.id}`];
  return r.movedUpAt ? ['moved-up', `moved-up:${r.id}`] : ['confirmed', `confirmed:${r.id}`];
}

async function repair(deps: EventDeps, e: PublicEvent): Promise<void> {
  const since = deps.now().getTime() - REPAIR_MS;
  for (const r of e.registrations)
    if (!r.erasedAt && Date.parse(r.changedAt) >= since) {
      const [kind, key] = statusMail(r);
      await mailRegistrant(deps, e, r, kind, key);
    }
}

async function removeContacts(deps: EventDeps, e: PublicEvent): Promise<number> {
  const due = dueForRemoval(e, deps.now());
  if (!due.length) return 0;
  const ids = new Set(due.map((r) => r.id));
  const at = deps.now().toISOString();
  await mutateVersioned(access(deps), e.id, (x) => {
    const still = x.registrations.filter((r) => ids.has(r.id) && !r.erasedAt);
    if (!still.length) return null;
    return {
      ...x,
      registrations: x.registrations.map((r) => (ids.has(r.id) && !r.erasedAt ? withoutContact(r, at) : r)),
      version: x.version + 1,
    };
  });
  // After the write: a crash before this leaves an index entry that points at nothing personal.
  for (const r of due) await deps.events.unindexRegistration(r.email, { eventId: e.id, registrationId: r.id });
  return due.length;
}

export interface TickResult {
  reminded: number;
  removed: number;
}

export async function eventTick(deps: EventDeps): Promise<TickResult> {
  const result: TickResult = { reminded: 0, removed: 0 };
  for (const e of await deps.events.list()) {
    if (e.status === 'published') await repair(deps, e);
    if (reminderDue(e, deps.now())) result.reminded += await remind(deps, e);
    result.removed += await removeContacts(deps, e);
  }
  return result;
}
