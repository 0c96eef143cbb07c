/** The emails of a partner input round (uitvraag): the request, its reminder, the receipt and the office's summary. */
import type { EmailContent, Recipient } from '../../engine/email';
import { linkEmail, OFFICE } from '../../engine/flow-email';
import { formatDateTime, relativeTime } from '../../platform/time';
import type { InputAnswerKind, InputRound } from './input-round';
import { inputWords } from './texts';

const email = (to: Recipient, subject: string, lines: string[], link?: string): EmailContent =>
  linkEmail(inputWords[to.lang], to, subject, lines, link);

export function inputRequestMail(
  round: InputRound,
  to: Recipient,
  orgName: string,
  link: string,
  kind: 'ask' | 'remind',
  now: Date,
): EmailContent {
  const m = inputWords[to.lang];
  const d = formatDateTime(round.deadline, to.lang);
  if (kind === 'ask')
    return email(to, m.askSubject(round.title), [round.title, round.request, m.ask(orgName, d)], link);
  const left = relativeTime(round.deadline, now, to.lang);
  return email(to, m.remindSubject(round.title), [round.title, round.request, m.remind(orgName, d, left)], link);
}

export function inputReceiptMail(round: InputRound, to: Recipient, kind: InputAnswerKind): EmailContent {
  const m = inputWords[to.lang];
  return email(to, m.receiptSubject(round.title), [round.title, m.receipt(m.kinds[kind])]);
}

export function inputSummaryMail(round: InputRound, orgNames: Map<string, string>): EmailContent {
  const m = inputWords.nl;
  const lines = round.organisationIds.map((o) => {
    const a = round.answers[o];
    const detail = !a
      ? m.noAnswer
      : a.kind === 'delivered'
        ? `${m.kinds.delivered}${a.text ? `: ${a.text}` : ''}${a.url ? ` (${a.url})` : ''}`
        : a.kind === 'will-deliver'
          ? `${m.kinds['will-deliver']} (${formatDateTime(a.date!, 'nl')})`
          : m.kinds['not-applicable'];
    return `${orgNames.get(o) ?? o}: ${detail}`;
  });
  return email(OFFICE, m.summarySubject(round.title), [round.title, ...lines]);
}
