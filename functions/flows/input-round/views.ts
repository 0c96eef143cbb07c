/** Emails and the answer page of a partner input round (uitvraag), Dutch first. */
import { DateTime } from 'luxon';
import { html } from '../../platform/html';
import type { InputAnswerKind, InputRound } from './input-round';
import { linkEmail, OFFICE } from '../../engine/flow-email';
import type { EmailContent, Recipient } from '../../engine/email';
import { formatDateTime, type Lang } from '../../platform/time';

export const inputWords = {
  nl: {
    hello: (n: string) => `Beste ${n},`,
    sign: 'Met vriendelijke groet,\nHet programmabureau',
    askSubject: (t: string) => `Gevraagd: ${t}`,
    ask: (org: string, d: string) => `Wij vragen ${org} om dit aan te leveren vóór ${d}.`,
    remindSubject: (t: string) => `Herinnering: ${t}`,
    remind: (org: string, d: string, left: string) =>
      `Wij hebben nog niets ontvangen van ${org}. Graag vóór ${d} (${left}).`,
    linkLine: 'Geef antwoord via deze link:',
    personal: 'Deze link is voor u en uw organisatie.',
    summarySubject: (t: string) => `Overzicht uitvraag: ${t}`,
    noAnswer: 'geen antwoord',
    kinds: {
      delivered: 'aangeleverd',
      'will-deliver': 'levert later',
      'not-applicable': 'niet van toepassing',
    } as Record<InputAnswerKind, string>,
    receiptSubject: (t: string) => `Ontvangen: ${t}`,
    receipt: (k: string) => `Wij hebben uw antwoord ontvangen: ${k}. Dank u wel.`,
    title: 'Uitvraag',
    due: 'Graag vóór',
    choose: 'Uw antwoord',
    delivered: 'Ik lever het aan',
    text: 'Tekst (of een korte toelichting)',
    url: 'Link naar het bestand',
    later: 'Ik lever het later',
    date: 'Datum',
    na: 'Niet van toepassing voor ons',
    send: 'Versturen',
    thanks: 'Dank u wel. Uw antwoord is ontvangen.',
    closed: 'Deze uitvraag is gesloten.',
    nothingChanged: 'Er is niets veranderd.',
    current: (k: string) => `Uw organisatie antwoordde eerder: ${k}. U kunt dit nog veranderen.`,
    errors: {
      'text-or-link-required': 'Geef een tekst of een link.',
      'date-required': 'Kies een datum in de toekomst.',
      'date-too-far': 'Kies een datum binnen een jaar.',
      'link-invalid': 'Geef een link die begint met https://',
      choose: 'Kies een van de mogelijkheden.',
      'expired-form': 'Deze pagina was te lang open. Probeer het nog een keer.',
    } as Record<string, string>,
  },
  en: {
    hello: (n: string) => `Dear ${n},`,
    sign: 'Kind regards,\nThe programme office',
    askSubject: (t: string) => `Requested: ${t}`,
    ask: (org: string, d: string) => `We ask ${org} to deliver this before ${d}.`,
    remindSubject: (t: string) => `Reminder: ${t}`,
    remind: (org: string, d: string, left: string) =>
      `We have not yet received anything from ${org}. Please respond before ${d} (${left}).`,
    linkLine: 'Answer through this link:',
    personal: 'This link is for you and your organisation.',
    summarySubject: (t: string) => `Summary of the request: ${t}`,
    noAnswer: 'no answer',
    kinds: {
      delivered: 'delivered',
      'will-deliver': 'will deliver later',
      'not-applicable': 'not applicable',
    } as Record<InputAnswerKind, string>,
    receiptSubject: (t: string) => `Received: ${t}`,
    receipt: (k: string) => `We have received your answer: ${k}. Thank you.`,
    title: 'Request',
    due: 'Please before',
    choose: 'Your answer',
    delivered: 'I deliver it',
    text: 'Text (or a short explanation)',
    url: 'Link to the file',
    later: 'I will deliver it later',
    date: 'Date',
    na: 'Not applicable for us',
    send: 'Send',
    thanks: 'Thank you. Your answer has been received.',
    closed: 'This request is closed.',
    nothingChanged: 'Nothing was changed.',
    current: (k: string) => `Your organisation answered earlier: ${k}. You can still change it.`,
    errors: {
      'text-or-link-required': 'Please give a text or a link.',
      'date-required': 'Please choose a date in the future.',
      'date-too-far': 'Please choose a date within a year.',
      'link-invalid': 'Please give a link starting with https://',
      choose: 'Please choose one of the options.',
      'expired-form': 'This page was open too long. Please try again.',
    } as Record<string, string>,
  },
};

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
  const left = DateTime.fromISO(round.deadline).toRelative({ base: DateTime.fromJSDate(now), locale: to.lang }) ?? '';
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

const STYLE =
  'body{font-family:Arial,sans-serif;font-size:18px;line-height:1.5;max-width:40rem;margin:0 auto;padding:1rem}' +
  '.notice{background:#f3f3f3;border-left:4px solid #00549f;padding:.75rem}';

/** A short message on the input round's own page (thanks, closed), titled as the request it is about. */
export function inputMessagePage(round: InputRound, lang: Lang, text: string): string {
  return html`<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${inputWords[lang].title}</title>
<style>${STYLE}</style></head><body><main><h1>${round.title}</h1><p class="notice">${text}</p></main></body></html>`
    .value;
}

export function inputAnswerPage(
  round: InputRound,
  lang: Lang,
  action: string,
  proof: string,
  current?: InputAnswerKind,
  errors?: Record<string, string>,
): string {
  const m = inputWords[lang];
  const err = (f: string) => (errors?.[f] ? html`<p class="error">${m.errors[errors[f]] ?? errors[f]}</p>` : '');
  return html`<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${m.title}</title>
<style>body{font-family:Arial,sans-serif;font-size:18px;line-height:1.5;max-width:40rem;margin:0 auto;padding:1rem}label{display:block;margin:.5rem 0}textarea,input[type=url],input[type=date]{width:100%;font-size:1rem}button{font-size:1.1rem;padding:.6rem 1.2rem;background:#00549f;color:#fff;border:0;border-radius:4px}.error{color:#b00020;font-weight:bold}.notice{background:#f3f3f3;border-left:4px solid #00549f;padding:.75rem}</style></head>
<body><main><h1>${round.title}</h1><p>${round.request}</p><p><strong>${m.due}:</strong> ${formatDateTime(round.deadline, lang)}</p>
${current ? html`<p class="notice">${m.current(m.kinds[current])}</p>` : ''}
<form method="post" action="${action}"><input type="hidden" name="proof" value="${proof}">${err('proof')}<fieldset><legend>${m.choose}</legend>${err('kind')}
<label><input type="radio" name="kind" value="delivered" required> ${m.delivered}</label>
<label for="text">${m.text}</label>${err('text')}<textarea id="text" name="text" rows="3" maxlength="2000"></textarea>
<label for="url">${m.url}</label>${err('url')}<input type="url" id="url" name="url" maxlength="500">
<label><input type="radio" name="kind" value="will-deliver"> ${m.later}</label>
<label for="date">${m.date}</label>${err('date')}<input type="date" id="date" name="date">
<label><input type="radio" name="kind" value="not-applicable"> ${m.na}</label>
</fieldset><button type="submit">${m.send}</button></form></main></body></html>`.value;
}
