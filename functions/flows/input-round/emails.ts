/**
 * The emails of an input round: the request, its reminder, the receipt and the office's summary. A
 * round of people gets its own plain words (resident-texts.ts); a partner round those of texts.ts.
 */
import type { EmailContent, Recipient } from '../../engine/email';
import { linkEmail, OFFICE } from '../../engine/flow-email';
import { formatDateTime, relativeTime } from '../../platform/time';
import { asksPeople, type InputAnswer, type InputRound, respondentsOf } from './input-round';
import { residentWords } from './resident-texts';
import { inputWords } from './texts';

const email = (to: Recipient, subject: string, lines: string[], link?: string): EmailContent =>
  linkEmail(inputWords[to.lang], to, subject, lines, link);
const personal = (to: Recipient, subject: string, lines: string[], link?: string): EmailContent =>
  linkEmail(residentWords[to.lang], to, subject, lines, link);

/** `orgName`: the partner the contact answers for; unused in a round of people. */
export function inputRequestMail(
  round: InputRound,
  to: Recipient,
  orgName: string,
  link: string,
  kind: 'ask' | 'remind',
  now: Date,
): EmailContent {
  const d = formatDateTime(round.deadline, to.lang);
  const left = relativeTime(round.deadline, now, to.lang);
  if (asksPeople(round)) {
    const r = residentWords[to.lang];
    // Each question on a line of its own: the HTML part would run them together.
    const asked = [round.title, ...round.request.split('\n').filter((l) => l.trim())];
    if (kind === 'ask') return personal(to, r.askSubject(round.title), [...asked, r.ask(d), r.other], link);
    return personal(to, r.remindSubject(round.title), [...asked, r.remind(d, left), r.other], link);
  }
  const m = inputWords[to.lang];
  if (kind === 'ask')
    return email(to, m.askSubject(round.title), [round.title, round.request, m.ask(orgName, d)], link);
  return email(to, m.remindSubject(round.title), [round.title, round.request, m.remind(orgName, d, left)], link);
}

export function inputReceiptMail(round: InputRound, to: Recipient, answer: Pick<InputAnswer, 'kind'>): EmailContent {
  if (asksPeople(round)) {
    const r = residentWords[to.lang];
    return personal(to, r.receiptSubject(round.title), [r.receipt(formatDateTime(round.deadline, to.lang))]);
  }
  const m = inputWords[to.lang];
  return email(to, m.receiptSubject(round.title), [round.title, m.receipt(m.kinds[answer.kind])]);
}

/** A stopped round: nothing more is asked; who answered hears their answer is kept. */
export function inputStoppedMail(round: InputRound, to: Recipient, answered: boolean): EmailContent {
  const reason = round.cancelled?.reason ?? '';
  const words = asksPeople(round) ? residentWords[to.lang] : inputWords[to.lang];
  const line = answered ? words.stoppedAnswered(reason) : words.stoppedPending(reason);
  const build = asksPeople(round) ? personal : email;
  return build(to, words.stoppedSubject(round.title), [round.title, line]);
}

/** A partner's answer in full; a person's only as how it came in (their words are personal data). */
function answerLine(a: InputAnswer | undefined): string {
  const m = inputWords.nl;
  if (!a) return m.noAnswer;
  if (a.kind === 'answered') {
    const how = a.via ? residentWords.nl.via[a.via] : residentWords.nl.byLink;
    return `${m.kinds.answered} ${how}`;
  }
  if (a.kind === 'delivered') return `${m.kinds.delivered}${a.text ? `: ${a.text}` : ''}${a.url ? ` (${a.url})` : ''}`;
  if (a.kind === 'will-deliver') return `${m.kinds['will-deliver']} (${formatDateTime(a.date!, 'nl')})`;
  return m.kinds['not-applicable'];
}

/** `names`: the partners' names, or the people's. */
export function inputSummaryMail(round: InputRound, names: Map<string, string>): EmailContent {
  const m = inputWords.nl;
  const lines = respondentsOf(round).map((o) => `${names.get(o) ?? o}: ${answerLine(round.answers[o])}`);
  const note = asksPeople(round) ? [m.peopleNote] : [];
  return email(OFFICE, m.summarySubject(round.title), [round.title, ...lines, ...note]);
}
