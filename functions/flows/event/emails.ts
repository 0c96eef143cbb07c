/**
 * The emails to a registrant, in the language they chose: the flow email's shape (text and HTML,
 * one personal link), with the appointment for their calendar where they have a place.
 */
import type { EventLink, PublicEvent, Registration } from './event';
import { mailWords, needName } from './texts';
import type { EmailContent } from '../../engine/email';
import { linkEmail } from '../../engine/flow-email';
import { formatDateTime } from '../../platform/time';

export type RegistrationMailKind =
  | 'confirmed'
  | 'waiting'
  | 'moved-up'
  | 'again'
  | 'changed'
  | 'cancelled'
  | 'reminder'
  | 'event-cancelled';

function facts(e: PublicEvent, r: Registration): string[] {
  const w = mailWords[r.lang];
  const needs = r.needs.map((n) => needName[r.lang][n]);
  return [
    e.title,
    w.when(formatDateTime(e.start, r.lang)),
    w.where(e.place, e.address),
    w.people(r.people),
    ...(needs.length ? [needs.join(', ') + (r.language ? ` (${r.language})` : '')] : []),
  ];
}

/** A mail about the registration itself; `ics` for the kinds that carry the calendar file. */
export function registrationMail(
  kind: RegistrationMailKind,
  e: PublicEvent,
  r: Registration,
  link: string | undefined,
  ics?: { method: 'REQUEST' | 'CANCEL'; ics: string },
): EmailContent {
  const w = mailWords[r.lang];
  const words: Record<RegistrationMailKind, [string, string]> = {
    confirmed: [w.confirmedSubject(e.title), w.confirmed],
    waiting: [w.waitingSubject(e.title), w.waiting],
    'moved-up': [w.movedUpSubject(e.title), w.movedUp],
    again: [w.againSubject(e.title), w.again],
    changed: [w.changedSubject(e.title), w.changed],
    cancelled: [w.cancelledSubject(e.title), w.cancelled],
    reminder: [w.reminderSubject(e.title), w.reminder],
    'event-cancelled': [w.eventCancelledSubject(e.title), w.eventCancelled(e.cancelReason ?? '')],
  };
  const [subject, line] = words[kind];
  const mail = linkEmail(w, r, subject, [line, '', ...facts(e, r)], link);
  return ics ? { ...mail, calendar: ics } : mail;
}

/** "What we heard" or "what we did with it", with links to the decisions and action items. */
export function outcomeMail(kind: 'heard' | 'did', e: PublicEvent, r: Registration, last: boolean): EmailContent {
  const w = mailWords[r.lang];
  const outcome = kind === 'heard' ? e.heard! : e.did!;
  const links: EventLink[] = kind === 'did' ? e.did!.links : [];
  const lines = [
    kind === 'heard' ? w.heard : w.did,
    `${e.title} (${formatDateTime(e.start, r.lang)})`,
    '',
    ...outcome.text.split('\n'),
    ...(links.length ? ['', w.seeAlso, ...links.map((l) => `${l.title}: ${l.url}`)] : []),
    ...(last ? ['', w.noMore] : []),
  ];
  return linkEmail(w, r, kind === 'heard' ? w.heardSubject(e.title) : w.didSubject(e.title), lines);
}
