/**
 * The emails of an action item, in the recipient's language: reminders, escalations, the request
 * for more time, outcomes and receipts. Each is the flow email's shape (text and HTML, one link).
 */
import type { ActionItem, LadderStep } from './follow-up';
import { followUpWords as w, stepName } from './texts';
import { linkEmail } from '../../engine/flow-email';
import type { EmailContent, Recipient } from '../../engine/email';
import { formatDateTime, relativeTime } from '../../platform/time';

const email = (to: Recipient, subject: string, lines: string[], link?: string): EmailContent =>
  linkEmail(w[to.lang], to, subject, lines, link);

/** The title, and what is asked beyond it a paragraph a line. */
const asked = (item: ActionItem) => [item.what, ...(item.details?.split('\n').filter((l) => l.trim()) ?? [])];

export function reminderMail(
  item: ActionItem,
  to: Recipient,
  link: string,
  kind: 'remind' | 'ask-status',
  now: Date,
): EmailContent {
  const m = w[to.lang];
  const due = formatDateTime(item.due, to.lang);
  const left = relativeTime(item.due, now, to.lang);
  return kind === 'remind'
    ? email(to, m.remindSubject(item.what), [...asked(item), m.remind(due, left)], link)
    : email(to, m.askSubject(item.what), [...asked(item), m.ask(due)], link);
}

/** `link`: for whom an undecided request for more time now reaches, to decide on it. */
export function escalationMail(
  item: ActionItem,
  to: Recipient,
  step: LadderStep,
  toldOnly: boolean,
  link?: string,
): EmailContent {
  const m = w[to.lang];
  const name = stepName[to.lang][step];
  if (item.status === 'awaiting-approval' && item.requestedDue) {
    const requested = formatDateTime(item.requestedDue.due, to.lang);
    const line = toldOnly ? m.approvalTold(name) : m.approvalEscalate(requested, name);
    const lines = [
      item.what,
      line,
      m.approval(requested, item.requestedDue.reason),
      m.originalDue(formatDateTime(item.due, to.lang)),
    ];
    return email(to, m.approvalEscalateSubject(item.what), lines, toldOnly ? undefined : link);
  }
  const line = toldOnly ? m.told(name) : m.escalate(formatDateTime(item.due, to.lang), name);
  return email(to, m.escalateSubject(item.what), [item.what, line]);
}

export function approvalMail(item: ActionItem, to: Recipient, link: string, reminder = false): EmailContent {
  const m = w[to.lang];
  const lines = [
    item.what,
    ...(reminder ? [m.approvalReminder] : []),
    m.approval(formatDateTime(item.requestedDue!.due, to.lang), item.requestedDue!.reason),
    m.originalDue(formatDateTime(item.due, to.lang)),
  ];
  return email(to, reminder ? m.approvalReminderSubject(item.what) : m.approvalSubject(item.what), lines, link);
}

export function outcomeMail(item: ActionItem, to: Recipient): EmailContent {
  const m = w[to.lang];
  const subject =
    item.status === 'done'
      ? m.doneSubject(item.what)
      : item.status === 'returned'
        ? m.returnedSubject(item.what)
        : m.blockedSubject(item.what);
  return email(to, subject, [item.what, item.result ?? item.blockedBy ?? '']);
}

export function extensionDecidedMail(item: ActionItem, to: Recipient, approved: boolean): EmailContent {
  const m = w[to.lang];
  return email(to, m.extensionSubject(item.what), [
    item.what,
    m.extension(approved, formatDateTime(item.due, to.lang)),
  ]);
}

export function stoppedMail(item: ActionItem, to: Recipient): EmailContent {
  const m = w[to.lang];
  return email(to, m.stoppedSubject(item.what), [item.what, m.stopped(item.cancelled?.reason ?? '')]);
}

/** The receipt says what was recorded, so two answers never read the same and a stranger's answer stands out. */
export function receiptMail(item: ActionItem, to: Recipient): EmailContent {
  const m = w[to.lang];
  const detail =
    item.status === 'done'
      ? (item.result ?? '')
      : item.status === 'blocked'
        ? (item.blockedBy ?? '')
        : formatDateTime(item.status === 'awaiting-approval' ? item.requestedDue!.due : item.due, to.lang);
  return email(to, m.receiptSubject(item.what), [item.what, m.receipt, m.answered[item.status](detail), m.notYou]);
}
