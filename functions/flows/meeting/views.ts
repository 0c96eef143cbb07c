/**
 * Emails of a meeting, in the recipient's language (Dutch first, plain words; the texts are in
 * texts.ts). Each is the flow email of the engine (linkEmail), so its HTML part is typed JSX there.
 */
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import type { EmailContent, Recipient } from '../../engine/email';
import { linkEmail } from '../../engine/flow-email';
import { formatDateTime, type Lang, zoned } from '../../platform/time';
import { agendaOf } from './agenda';
import { type AgendaItem, agendaDeadlineOf, GIVE_UP_DAYS, type Meeting } from './meeting';
import { meetingWords } from './texts';

const email = (to: Recipient, subject: string, lines: string[], link?: string): EmailContent =>
  linkEmail(meetingWords[to.lang], to, subject, lines, link);
const when = (m: Meeting, lang: Lang) => formatDateTime(m.start, lang);

/** The agenda as lines of text: standing items and submitted ones, each with what is asked. */
export function agendaLines(m: Meeting, lang: Lang): string[] {
  const w = meetingWords[lang];
  const itemLine = (i: AgendaItem) => `${i.title} (${w.asks[i.ask]}; ${i.broughtBy})${i.late ? ` – ${w.late}` : ''}`;
  return agendaOf(m).map((l, i) => `${i + 1}. ${l.item ? itemLine(l.item) : w.standing[l.standing!]}`);
}

export function callMail(m: Meeting, to: Recipient, link: string): EmailContent {
  const w = meetingWords[to.lang];
  return email(
    to,
    w.callSubject(m.title, when(m, to.lang)),
    [w.call(formatDateTime(agendaDeadlineOf(m), to.lang))],
    link,
  );
}

export function agendaReminderMail(m: Meeting, to: Recipient, link: string): EmailContent {
  const w = meetingWords[to.lang];
  return email(
    to,
    w.agendaReminderSubject(m.title),
    [w.agendaReminder(formatDateTime(agendaDeadlineOf(m), to.lang))],
    link,
  );
}

/** Invitation, update or cancellation, with the calendar file that does the same in the person's calendar. */
export function invitationMail(
  m: Meeting,
  to: Recipient,
  link: string,
  kind: 'invite' | 'update' | 'cancel',
  ics: string,
): EmailContent {
  const w = meetingWords[to.lang];
  const subject =
    kind === 'invite'
      ? w.inviteSubject(m.title, when(m, to.lang))
      : kind === 'update'
        ? w.updateSubject(m.title, when(m, to.lang))
        : w.cancelSubject(m.title, when(m, to.lang));
  const lines =
    kind === 'cancel'
      ? [w.cancelled(m.cancelReason ?? '')]
      : [
          w.when(when(m, to.lang)),
          ...(m.location ? [w.where(m.location)] : []),
          ...(m.onlineUrl ? [w.online(m.onlineUrl)] : []),
          w.agenda,
          ...agendaLines(m, to.lang),
          w.cannotCome,
        ];
  const content = email(to, subject, lines, kind === 'cancel' ? undefined : link);
  return { ...content, calendar: { method: kind === 'cancel' ? 'CANCEL' : 'REQUEST', ics } };
}

/** Today, tomorrow or later, in Amsterdam, seen from `now`: the reminder may be held back by the budget. */
function daysAhead(m: Meeting, now: Date): 'today' | 'tomorrow' | 'later' {
  const days = differenceInCalendarDays(zoned(m.start), zoned(now));
  return days <= 0 ? 'today' : days === 1 ? 'tomorrow' : 'later';
}

/**
 * What the reminder says about the meeting, true at the moment it is sent (also its line in a
 * combined message).
 */
export function dayBeforeAction(m: Meeting, lang: Lang, now: Date): string {
  return meetingWords[lang].dayBeforeAction[daysAhead(m, now)];
}

export function dayBeforeMail(m: Meeting, to: Recipient, link: string, now: Date): EmailContent {
  const w = meetingWords[to.lang];
  const ahead = daysAhead(m, now);
  const first =
    ahead === 'later'
      ? `${w.meetingOn(when(m, to.lang))} ${w.agendaBehind}`
      : `${w.dayBeforeAction[ahead]}, ${when(m, to.lang)}. ${w.agendaBehind}`;
  const lines = [first, ...(m.location ? [w.where(m.location)] : []), ...(m.onlineUrl ? [w.online(m.onlineUrl)] : [])];
  return email(to, w.dayBeforeSubject[ahead](m.title), lines, link);
}

/** The receipt of an agenda item: what was received, and what happens with it now. */
export function itemReceiptMail(m: Meeting, to: Recipient, link: string, item: AgendaItem): EmailContent {
  const w = meetingWords[to.lang];
  const what = `"${item.title}" (${w.asks[item.ask]}; ${item.broughtBy})`;
  const next = item.late ? w.receivedLate : w.receivedOnTime(when(m, to.lang));
  return email(to, w.receiptSubject(m.title), [what, next, w.notYou], link);
}

export function lateItemMail(m: Meeting, to: Recipient, link: string, item: string, who: string): EmailContent {
  const w = meetingWords[to.lang];
  return email(to, w.lateSubject(m.title), [w.late_(item, who)], link);
}

export function minutesRequestMail(m: Meeting, to: Recipient, link: string, reminder: boolean): EmailContent {
  const w = meetingWords[to.lang];
  return reminder
    ? email(to, w.minutesReminderSubject(m.title), [w.minutesReminder], link)
    : email(to, w.minutesSubject(m.title), [w.minutes(m.leadTimes.minutesDays)], link);
}

export function minutesMissingMail(m: Meeting, to: Recipient, secretary: string): EmailContent {
  const w = meetingWords[to.lang];
  return email(to, w.missingSubject(m.title), [w.missing(secretary)]);
}

export function reviewMail(m: Meeting, to: Recipient, link: string): EmailContent {
  const w = meetingWords[to.lang];
  return email(to, w.reviewSubject(m.title), [w.review(formatDateTime(m.reviewEndsAt!, to.lang))], link);
}

export function chairReviewMail(m: Meeting, to: Recipient, link: string): EmailContent {
  const w = meetingWords[to.lang];
  return email(to, w.chairSubject(m.title), [w.chair(m.objections.length)], link);
}

export function abandonedMail(m: Meeting, to: Recipient): EmailContent {
  const w = meetingWords[to.lang];
  return email(to, w.abandonedSubject(m.title), [`${m.title}, ${when(m, to.lang)}`, w.abandoned(GIVE_UP_DAYS)]);
}

/** Terugkoppeling: the public minutes in short, with the way to the public page. */
export function publishedMail(m: Meeting, to: Recipient, publicUrl: string, publicLines: string[]): EmailContent {
  const w = meetingWords[to.lang];
  return email(to, w.publishedSubject(m.title, when(m, to.lang)), [w.published, publicUrl, ...publicLines]);
}
