/** Emails and pages of an action item (follow-up), in the recipient's language (Dutch first). */
import { DateTime } from 'luxon';
import { lateSince, type ActionItem, type LadderStep } from './follow-up';
import { html, type RawHtml } from '../../platform/html';
import { linkEmail } from '../../engine/flow-email';
import type { EmailContent, Recipient } from '../../engine/email';
import { formatDateTime, type Lang } from '../../platform/time';

export const stepName: Record<Lang, Record<LadderStep, string>> = {
  nl: {
    owner: 'de eigenaar',
    'project-leader': 'de projectleider',
    'core-group-agenda': 'de agenda van de kerngroep',
    board: 'het alliantiebestuur',
  },
  en: {
    owner: 'the owner',
    'project-leader': 'the project leader',
    'core-group-agenda': 'the core group agenda',
    board: 'the alliance board',
  },
};

const w = {
  nl: {
    hello: (n: string) => `Beste ${n},`,
    sign: 'Met vriendelijke groet,\nHet programmabureau',
    remindSubject: (what: string) => `Herinnering: ${what}`,
    remind: (due: string, left: string) =>
      `Er is afgesproken dat dit klaar is vóór ${due} (${left}). Laat weten hoe het staat via de link.`,
    askSubject: (what: string) => `Is het gelukt? ${what}`,
    ask: (due: string) => `Dit moest klaar zijn op ${due}. Is het gelukt? Laat het weten via de link.`,
    escalateSubject: (what: string) => `Afspraak niet nagekomen: ${what}`,
    escalate: (due: string, step: string) =>
      `Deze afspraak had klaar moeten zijn op ${due} en er is nog geen uitkomst. Het punt gaat nu naar ${step}.`,
    told: (step: string) => `Ter informatie: dit punt is doorgezet naar ${step}.`,
    approvalSubject: (what: string) => `Meer tijd gevraagd: ${what}`,
    approval: (due: string, reason: string) => `De eigenaar vraagt meer tijd, tot ${due}. Reden: ${reason}`,
    approvalReminderSubject: (what: string) => `Herinnering: meer tijd gevraagd voor ${what}`,
    approvalReminder:
      'U heeft nog niet beslist over deze vraag om meer tijd. Beslis via de link. Zonder besluit gaat de ' +
      'vraag over een paar werkdagen naar de volgende stap.',
    originalDue: (due: string) => `De afgesproken datum is ${due}. Tot er een besluit is, blijft die datum staan.`,
    lateSince: (due: string) => `Dit punt is te laat: het moest klaar zijn op ${due}.`,
    asked: (due: string, reason: string) =>
      `U heeft meer tijd gevraagd, tot ${due}. Reden: ${reason}. De projectleider beslist hierover.`,
    approvalEscalateSubject: (what: string) => `Nog geen besluit over meer tijd: ${what}`,
    approvalEscalate: (due: string, step: string) =>
      `De eigenaar vroeg meer tijd, tot ${due}, en daarover is nog niet ` +
      `beslist. De vraag ligt nu bij ${step}. U kunt zelf beslissen via de link.`,
    approvalTold: (step: string) =>
      `Ter informatie: over de vraag om meer tijd is nog niet beslist. De vraag is doorgezet naar ${step}.`,
    receiptSubject: (what: string) => `Ontvangen: ${what}`,
    receipt: 'Wij hebben uw antwoord ontvangen. Dank u wel.',
    notYou: 'Was u dit niet? Neem dan contact op met het programmabureau.',
    answered: {
      done: (r: string) => `Uw antwoord: klaar. Resultaat: ${r}`,
      open: (d: string) => `Uw antwoord: meer tijd. De nieuwe datum is ${d}.`,
      'awaiting-approval': (d: string) => `Uw antwoord: meer tijd, tot ${d}. De projectleider beslist hierover.`,
      returned: () => 'Uw antwoord: dit is niet aan u. Het programmabureau zoekt de juiste eigenaar.',
      blocked: (n: string) => `Uw antwoord: het loopt vast. Nodig: ${n}. De projectleider is ingelicht.`,
    } as Record<string, (x: string) => string>,
    linkLine: 'Open deze link:',
    personal: 'Deze link is alleen voor u.',
    doneSubject: (what: string) => `Afgerond: ${what}`,
    returnedSubject: (what: string) => `Teruggegeven: ${what}`,
    blockedSubject: (what: string) => `Loopt vast: ${what}`,
    pageTitle: 'Afspraak',
    due: 'Klaar vóór',
    choose: 'Hoe staat het?',
    done: 'Klaar',
    result: 'Wat is het resultaat?',
    moreTime: 'Ik heb meer tijd nodig',
    newDate: 'Nieuwe datum',
    reason: 'Waarom?',
    notMine: 'Dit is niet aan mij',
    blocked: 'Het loopt vast',
    needs: 'Wat is er nodig?',
    send: 'Versturen',
    thanks: 'Dank u wel. Uw antwoord is ontvangen.',
    closed: 'Deze afspraak is al afgerond. Er is niets veranderd.',
    invalid: 'Deze link klopt niet (meer).',
    extensionSubject: (what: string) => `Besluit over meer tijd: ${what}`,
    extension: (ok: boolean, due: string) =>
      `De projectleider gaat ${ok ? '' : 'niet '}akkoord met de nieuwe datum. De datum is nu ${due}.`,
    approve: 'Akkoord met de nieuwe datum',
    reject: 'Niet akkoord',
    approvalTitle: 'Meer tijd gevraagd',
    decided: 'Uw besluit is verwerkt.',
    errors: {
      'result-required': 'Schrijf kort wat het resultaat is.',
      'reason-required': 'Schrijf waarom.',
      'date-not-later': 'Kies een datum na de huidige datum.',
      'date-too-far': 'Kies een eerdere datum: een actiepunt loopt hooguit 300 dagen.',
      'needs-required': 'Schrijf wat er nodig is.',
      choose: 'Kies een van de mogelijkheden.',
      'expired-form': 'Deze pagina was te lang open. Probeer het nog een keer.',
    } as Record<string, string>,
  },
  en: {
    hello: (n: string) => `Dear ${n},`,
    sign: 'Kind regards,\nThe programme office',
    remindSubject: (what: string) => `Reminder: ${what}`,
    remind: (due: string, left: string) =>
      `It was agreed that this would be done before ${due} (${left}). Please let us know how it stands, using the link.`,
    askSubject: (what: string) => `Is it done? ${what}`,
    ask: (due: string) => `This was due on ${due}. Is it done? Please let us know using the link.`,
    escalateSubject: (what: string) => `Agreement not kept: ${what}`,
    escalate: (due: string, step: string) =>
      `This agreement was due on ${due} and there is no outcome yet. It now goes to ${step}.`,
    told: (step: string) => `For your information: this item has been passed on to ${step}.`,
    approvalSubject: (what: string) => `More time asked: ${what}`,
    approval: (due: string, reason: string) => `The owner asks for more time, until ${due}. Reason: ${reason}`,
    approvalReminderSubject: (what: string) => `Reminder: more time asked for ${what}`,
    approvalReminder:
      'You have not yet decided on this request for more time. Please decide using the link. Without a ' +
      'decision the request goes to the next step in a few working days.',
    originalDue: (due: string) => `The agreed date is ${due}. Until there is a decision, that date stands.`,
    lateSince: (due: string) => `This item is late: it was due on ${due}.`,
    asked: (due: string, reason: string) =>
      `You asked for more time, until ${due}. Reason: ${reason}. The project leader decides on this.`,
    approvalEscalateSubject: (what: string) => `No decision yet on more time: ${what}`,
    approvalEscalate: (due: string, step: string) =>
      `The owner asked for more time, until ${due}, and nobody has decided ` +
      `yet. The request now lies with ${step}. You can decide yourself using the link.`,
    approvalTold: (step: string) =>
      `For your information: nobody has decided yet on the request for more time. It has been passed on to ${step}.`,
    receiptSubject: (what: string) => `Received: ${what}`,
    receipt: 'We have received your answer. Thank you.',
    notYou: 'Was this not you? Please contact the programme office.',
    answered: {
      done: (r: string) => `Your answer: done. Result: ${r}`,
      open: (d: string) => `Your answer: more time. The new date is ${d}.`,
      'awaiting-approval': (d: string) => `Your answer: more time, until ${d}. The project leader decides on this.`,
      returned: () => 'Your answer: this is not yours. The programme office will find the right owner.',
      blocked: (n: string) => `Your answer: it is stuck. Needed: ${n}. The project leader has been told.`,
    },
    linkLine: 'Open this link:',
    personal: 'This link is for you only.',
    doneSubject: (what: string) => `Done: ${what}`,
    returnedSubject: (what: string) => `Handed back: ${what}`,
    blockedSubject: (what: string) => `Stuck: ${what}`,
    pageTitle: 'Agreement',
    due: 'Due before',
    choose: 'How does it stand?',
    done: 'Done',
    result: 'What is the result?',
    moreTime: 'I need more time',
    newDate: 'New date',
    reason: 'Why?',
    notMine: 'This is not mine',
    blocked: 'It is stuck',
    needs: 'What is needed?',
    send: 'Send',
    thanks: 'Thank you. Your answer has been received.',
    closed: 'This agreement has already been closed. Nothing was changed.',
    invalid: 'This link is not (or no longer) valid.',
    extensionSubject: (what: string) => `Decision on more time: ${what}`,
    extension: (ok: boolean, due: string) =>
      `The project leader ${ok ? 'agreed to' : 'did not agree to'} the new date. The date is now ${due}.`,
    approve: 'Agree to the new date',
    reject: 'Do not agree',
    approvalTitle: 'More time asked',
    decided: 'Your decision has been processed.',
    errors: {
      'result-required': 'Please say briefly what the result is.',
      'reason-required': 'Please say why.',
      'date-not-later': 'Please choose a date after the current one.',
      'date-too-far': 'Please choose an earlier date: an action item runs for at most 300 days.',
      'needs-required': 'Please say what is needed.',
      choose: 'Please choose one of the options.',
      'expired-form': 'This page was open too long. Please try again.',
    } as Record<string, string>,
  },
};

export const followUpWords = w;

const email = (to: Recipient, subject: string, lines: string[], link?: string): EmailContent =>
  linkEmail(w[to.lang], to, subject, lines, link);

export function reminderMail(
  item: ActionItem,
  to: Recipient,
  link: string,
  kind: 'remind' | 'ask-status',
  now: Date,
): EmailContent {
  const m = w[to.lang];
  const due = formatDateTime(item.due, to.lang);
  const left = DateTime.fromISO(item.due).toRelative({ base: DateTime.fromJSDate(now), locale: to.lang }) ?? '';
  return kind === 'remind'
    ? email(to, m.remindSubject(item.what), [item.what, m.remind(due, left)], link)
    : email(to, m.askSubject(item.what), [item.what, m.ask(due)], link);
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

function page(lang: Lang, title: string, body: RawHtml): string {
  return html`<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${title}</title>
<style>body{font-family:Arial,sans-serif;font-size:18px;line-height:1.5;max-width:40rem;margin:0 auto;padding:1rem}label{display:block;margin:.5rem 0}textarea,input[type=date]{width:100%;font-size:1rem}fieldset{margin:1rem 0}button{font-size:1.1rem;padding:.6rem 1.2rem;background:#00549f;color:#fff;border:0;border-radius:4px;margin:.25rem .5rem .25rem 0}.notice{background:#f3f3f3;border-left:4px solid #00549f;padding:.75rem}.error{color:#b00020;font-weight:bold}</style></head><body><main>${body}</main></body></html>`
    .value;
}

/** What is pending about the date: the later date asked for, and lateness counted from the agreed date. */
function dateState(item: ActionItem, lang: Lang, now: Date, forOwner: boolean): RawHtml {
  const m = w[lang];
  const late = lateSince(item, now);
  const r = item.requestedDue;
  const asked =
    forOwner && item.status === 'awaiting-approval' && r
      ? html`<p class="notice">${m.asked(formatDateTime(r.due, lang), r.reason)}</p>`
      : '';
  return html`${asked}${late ? html`<p class="error">${m.lateSince(formatDateTime(late, lang))}</p>` : ''}`;
}

export function ownerPage(
  item: ActionItem,
  lang: Lang,
  action: string,
  proof: string,
  now: Date,
  errors?: Record<string, string>,
): string {
  const m = w[lang];
  const err = (f: string) => (errors?.[f] ? html`<p class="error">${m.errors[errors[f]] ?? errors[f]}</p>` : '');
  return page(
    lang,
    m.pageTitle,
    html`<h1>${item.what}</h1><p><strong>${m.due}:</strong> ${formatDateTime(item.due, lang)}</p>
${dateState(item, lang, now, true)}
<form method="post" action="${action}"><input type="hidden" name="proof" value="${proof}">${err('proof')}
<fieldset><legend>${m.choose}</legend>${err('answer')}
<label><input type="radio" name="answer" value="done" required> ${m.done}</label>
<label for="result">${m.result}</label>${err('result')}<textarea id="result" name="result" rows="2" maxlength="500"></textarea>
<label><input type="radio" name="answer" value="more-time"> ${m.moreTime}</label>
<label for="due">${m.newDate}</label>${err('due')}<input type="date" id="due" name="due">
<label for="reason">${m.reason}</label>${err('reason')}<textarea id="reason" name="reason" rows="2" maxlength="500"></textarea>
<label><input type="radio" name="answer" value="not-mine"> ${m.notMine}</label>
<label><input type="radio" name="answer" value="blocked"> ${m.blocked}</label>
<label for="needs">${m.needs}</label>${err('needs')}<textarea id="needs" name="needs" rows="2" maxlength="500"></textarea>
</fieldset><button type="submit">${m.send}</button></form>`,
  );
}

export function approvalPage(item: ActionItem, lang: Lang, action: string, proof: string, now: Date): string {
  const m = w[lang];
  return page(
    lang,
    m.approvalTitle,
    html`<h1>${m.approvalTitle}</h1><p>${item.what}</p><p>${m.approval(formatDateTime(item.requestedDue!.due, lang), item.requestedDue!.reason)}</p>
<p>${m.originalDue(formatDateTime(item.due, lang))}</p>${dateState(item, lang, now, false)}
<form method="post" action="${action}"><input type="hidden" name="proof" value="${proof}"><button type="submit" name="decision" value="approve">${m.approve}</button><button type="submit" name="decision" value="reject">${m.reject}</button></form>`,
  );
}

export function followUpMessagePage(lang: Lang, text: string): string {
  return page(lang, w[lang].pageTitle, html`<p class="notice">${text}</p>`);
}
