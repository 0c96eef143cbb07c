/**
 * Sending a registrant's emails once each (the mail outbox: recorded before the send, swept after a
 * failure), with their personal link to change or cancel and, where they have a place, the calendar file.
 */
import type { PublicEvent, Registration } from './event';
import { outcomeMail, type RegistrationMailKind, registrationMail } from './emails';
import { registrationIcs } from './ics';
import type { DynamoEventStore } from './store';
import { type MailDeps, sendOnceVia } from '../../engine/mail-ledger';
import { signLink } from '../../platform/link-token';

export interface EventDeps extends MailDeps {
  events: DynamoEventStore;
}

/** A personal link is good until a month after the event: long enough to read it back. */
const LINK_DAYS_AFTER = 30;
export const LINK_TYPE = 'event';

export async function registrationLink(deps: EventDeps, e: PublicEvent, r: Registration): Promise<string> {
  const token = signLink(await deps.linkKeys(), {
    typ: LINK_TYPE,
    sub: e.id,
    pid: r.id,
    exp: Math.floor(Date.parse(e.end) / 1000) + LINK_DAYS_AFTER * 86_400,
  });
  return `${deps.settings.publicBaseUrl}/aanmelding/${token}`;
}

export const eventUrl = (deps: Pick<EventDeps, 'settings'>, e: PublicEvent) =>
  `${deps.settings.publicBaseUrl}/bijeenkomsten/${e.id}`;

const domain = (deps: EventDeps) => new URL(deps.settings.publicBaseUrl).hostname;

const WITH_CALENDAR: Partial<Record<RegistrationMailKind, 'REQUEST' | 'CANCEL'>> = {
  confirmed: 'REQUEST',
  'moved-up': 'REQUEST',
  cancelled: 'CANCEL',
  'event-cancelled': 'CANCEL',
};

/** One email about a registration, once under `key` (a retry or a second sender sends nothing). */
export async function mailRegistrant(
  deps: EventDeps,
  e: PublicEvent,
  r: Registration,
  kind: RegistrationMailKind,
  key: string,
): Promise<void> {
  if (!r.email) return;
  const method = WITH_CALENDAR[kind];
  // A cancelled registration has no use for the link any more; the event's cancellation neither.
  const withLink = kind !== 'cancelled' && kind !== 'event-cancelled';
  await sendOnceVia(deps, deps.events, e.id, key, r.email, kind === 'reminder' ? 'reminder' : 'receipt', async () => {
    const link = withLink ? await registrationLink(deps, e, r) : undefined;
    const ics = method
      ? {
          method,
          ics: registrationIcs(e, {
            domain: domain(deps),
            url: eventUrl(deps, e),
            stamp: deps.now(),
            cancelled: method === 'CANCEL',
            organizer: { name: 'Programmabureau', email: deps.settings.officeEmail },
            attendee: { name: r.name, email: r.email },
          }),
        }
      : undefined;
    return registrationMail(kind, e, r, link, ics);
  });
}

/** Those who came or waited and agreed to hear back, while their address is still kept. */
export const followers = (e: PublicEvent) =>
  e.registrations.filter((r) => r.consent && r.status !== 'cancelled' && !r.erasedAt && r.email);

export async function mailOutcome(deps: EventDeps, e: PublicEvent, kind: 'heard' | 'did'): Promise<number> {
  let sent = 0;
  for (const r of followers(e))
    if (
      await sendOnceVia(
        deps,
        deps.events,
        e.id,
        `${kind}:${r.id}`,
        r.email,
        'outcome',
        outcomeMail(kind, e, r, kind === 'did'),
      )
    )
      sent++;
  return sent;
}
