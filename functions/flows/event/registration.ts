/**
 * A resident's use cases, without an account: register (or join the waiting list), open the
 * personal link, change the number of people or the needs, cancel. Each is one conditional write
 * on the event; who moves up from the waiting list gets an email at once. The answer to the form
 * is the same whether or not the address was registered before: only the mailbox learns which.
 */
import {
  cancel,
  change,
  isOpen,
  type PublicEvent,
  type Registration,
  type RegistrationChange,
  type RegistrationInput,
  register,
} from './event';
import { type EventDeps, LINK_TYPE, mailRegistrant } from './mail';
import { loadEvent } from './office';
import { mutateVersioned } from '../../engine/versioned-write';
import { verifyLink } from '../../platform/link-token';
import { randomUUID } from 'node:crypto';

/** Tries of the public form an hour: from one address on the internet, and for one email address. */
export const RATE_LIMITS = { ip: 60, email: 5 } as const;

/** Whether this try is within the limits; every try counts, refused or not. */
export async function withinLimits(deps: EventDeps, ip: string, email: string): Promise<boolean> {
  const now = deps.now();
  const hour = now.toISOString().slice(0, 13);
  const expires = Math.floor(now.getTime() / 1000) + 86_400;
  const byIp = await deps.events.countTry('event-ip', ip, hour, RATE_LIMITS.ip, expires);
  const byEmail = await deps.events.countTry(
    'event-email',
    email.trim().toLowerCase(),
    hour,
    RATE_LIMITS.email,
    expires,
  );
  return byIp && byEmail;
}

export type RegisterOutcome = 'received' | 'closed';

async function mailMovedUp(deps: EventDeps, e: PublicEvent, movedUp: Registration[]) {
  for (const r of movedUp) await mailRegistrant(deps, e, r, 'moved-up', `moved-up:${r.id}`);
}

/** Register; a second registration with the same address changes nothing and mails the first one's link again. */
export async function registerFor(
  deps: EventDeps,
  eventId: string,
  input: RegistrationInput,
): Promise<RegisterOutcome> {
  const id = `r-${randomUUID()}`;
  const ref = { eventId, registrationId: id };
  // Indexed before the write (as the mail outbox indexes an email to a person before its record), so
  // no registration is ever missing from the person's export; an index left by a write that did not
  // come points at nothing, and the export skips it.
  await deps.events.indexRegistration(input.email, ref);
  let outcome: ReturnType<typeof register> = { kind: 'closed' };
  await mutateVersioned({ load: (x) => loadEvent(deps, x), save: (n, v) => deps.events.save(n, v) }, eventId, (e) => {
    outcome = register(e, id, input, deps.now());
    return outcome.kind === 'registered' ? outcome.event : null;
  });
  const result = outcome as ReturnType<typeof register>;
  if (result.kind !== 'registered') await deps.events.unindexRegistration(input.email, ref);
  if (result.kind === 'closed') return 'closed';
  const e = await loadEvent(deps, eventId);
  if (result.kind === 'duplicate') {
    // At most one such email an hour; the form's answer is the same as for a new registration.
    const hour = deps.now().toISOString().slice(0, 13);
    await mailRegistrant(deps, e, result.registration, 'again', `again:${result.registration.id}:${hour}`);
    return 'received';
  }
  const r = result.registration;
  await mailRegistrant(deps, e, r, r.status === 'confirmed' ? 'confirmed' : 'waiting', `${r.status}:${r.id}`);
  return 'received';
}

export type LinkView =
  | { kind: 'invalid' }
  | { kind: 'ok'; event: PublicEvent; registration: Registration; open: boolean };

/** The event and the registration a personal link is for; an expired link or a removed registration is invalid. */
export async function openRegistration(deps: EventDeps, token: string): Promise<LinkView> {
  const v = verifyLink(await deps.linkKeys(), token, Math.floor(deps.now().getTime() / 1000));
  if (!v.ok || v.claims.typ !== LINK_TYPE) return { kind: 'invalid' };
  const e = await deps.events.get(v.claims.sub);
  const r = e?.registrations.find((x) => x.id === v.claims.pid);
  if (!e || !r || r.erasedAt) return { kind: 'invalid' };
  return { kind: 'ok', event: e, registration: r, open: isOpen(e, deps.now()) && r.status !== 'cancelled' };
}

export type ChangeOutcome = 'changed' | 'cancelled' | 'no-room' | 'closed' | 'gone';

/** Change or cancel through the personal link (checked by the caller with openRegistration). */
export async function changeRegistration(
  deps: EventDeps,
  eventId: string,
  regId: string,
  what: { cancel: true } | { cancel: false; change: RegistrationChange },
): Promise<ChangeOutcome> {
  let result: ReturnType<typeof change> = { kind: 'gone' };
  await mutateVersioned({ load: (x) => loadEvent(deps, x), save: (n, v) => deps.events.save(n, v) }, eventId, (e) => {
    result = what.cancel ? cancel(e, regId, deps.now()) : change(e, regId, what.change, deps.now());
    return result.kind === 'changed' ? result.event : null;
  });
  const done = result as ReturnType<typeof change>;
  if (done.kind !== 'changed') return done.kind;
  const e = await loadEvent(deps, eventId);
  const r = done.registration;
  if (what.cancel) await mailRegistrant(deps, e, r, 'cancelled', `cancelled:${r.id}`);
  else await mailRegistrant(deps, e, r, 'changed', `changed:${r.id}:${r.changedAt}`);
  await mailMovedUp(deps, e, done.movedUp);
  return what.cancel ? 'cancelled' : 'changed';
}
