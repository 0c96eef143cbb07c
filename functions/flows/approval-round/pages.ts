/** The pages behind a decision link, in the person's language. Plain HTML, no scripts. */
import type { Person } from '../../engine/directory';
import { html, raw, type RawHtml } from '../../platform/html';
import { layout } from '../../engine/page-layout';
import { carriedObjections, currentTally, stageDeadline, type Round, type Vote } from './round';
import { choiceLabel, outcomeSentence, ruleSentence, tallyLine } from './texts';
import type { Choice } from './rules';
import { formatDateTime, type Lang } from '../../platform/time';

const words = {
  nl: {
    yourDecision: 'Uw besluit',
    decideBefore: 'Besluit vóór',
    documents: 'Stukken',
    rule: 'Zo wordt besloten',
    comment: 'Toelichting (mag leeg blijven)',
    reason: 'Waarom heeft u bezwaar? (verplicht bij bezwaar)',
    submit: 'Besluit versturen',
    current: (c: string, at: string) => `U koos eerder "${c}" (${at}). U kunt uw besluit nog veranderen.`,
    recorded: 'Dank u wel. Uw besluit is ontvangen.',
    youChose: (c: string) => `U koos: ${c}.`,
    receiptSent: 'U krijgt ook een bevestiging per e-mail.',
    already: 'Dit besluit was al ontvangen. Er is niets veranderd.',
    closedTitle: 'Deze ronde is gesloten',
    closed: (when: string, outcome: string) => `De ronde is gesloten op ${when}. ${outcome}`,
    carried: (c: string, until: string) =>
      `Uw antwoord uit de eerste ronde telt nu als uw stem: "${c}". U kunt dit veranderen tot ${until}.`,
    deadlinePassed: (when: string) => `De termijn is voorbij (${when}). U krijgt de uitkomst binnenkort per e-mail.`,
    yourVote: (c: string) => `Uw besluit was: ${c}.`,
    expiredTitle: 'Deze link is verlopen',
    expired: 'Deze link werkt niet meer. U kunt een nieuwe link laten sturen naar uw e-mailadres.',
    newLink: 'Stuur mij een nieuwe link',
    newLinkSent: 'Als de ronde nog open is, heeft u een nieuwe link per e-mail gekregen.',
    objections: 'Bezwaren uit de eerste ronde',
    tally: 'Stand',
    formErrors: 'Er ging iets mis. Kijk naar de rode tekst.',
    errChoose: 'Kies een van de mogelijkheden.',
    errReason: 'Schrijf op waarom u bezwaar heeft.',
    errProof: 'Deze pagina was te lang open. Wij hebben hem vernieuwd; kies nog een keer.',
    errLong: 'Deze tekst is te lang (maximaal 500 tekens).',
  },
  en: {
    yourDecision: 'Your decision',
    decideBefore: 'Decide before',
    documents: 'Documents',
    rule: 'How the decision is made',
    comment: 'Comment (optional)',
    reason: 'Why do you object? (required when you object)',
    submit: 'Send my decision',
    current: (c: string, at: string) => `You chose "${c}" earlier (${at}). You can still change your decision.`,
    recorded: 'Thank you. Your decision has been received.',
    youChose: (c: string) => `You chose: ${c}.`,
    receiptSent: 'You will also get a confirmation by email.',
    already: 'This decision had already been received. Nothing has changed.',
    closedTitle: 'This round is closed',
    closed: (when: string, outcome: string) => `The round closed on ${when}. ${outcome}`,
    carried: (c: string, until: string) =>
      `Your answer from the first stage now counts as your vote: "${c}". You can change it until ${until}.`,
    deadlinePassed: (when: string) =>
      `The time to respond has ended (${when}). You will get the outcome by email soon.`,
    yourVote: (c: string) => `Your decision was: ${c}.`,
    expiredTitle: 'This link has expired',
    expired: 'This link no longer works. You can have a new link sent to your email address.',
    newLink: 'Send me a new link',
    newLinkSent: 'If the round is still open, a new link has been sent to you by email.',
    objections: 'Objections from the first stage',
    tally: 'Count',
    formErrors: 'Something was not right. Please see the red text.',
    errChoose: 'Please choose one of the options.',
    errReason: 'Please write why you object.',
    errProof: 'This page was open too long. We refreshed it; please choose again.',
    errLong: 'This text is too long (500 characters at most).',
  },
};

function roundSummary(round: Round, lang: Lang): RawHtml {
  const w = words[lang];
  const objections = round.stage === 'majority' ? carriedObjections(round) : [];
  return html`<h1>${round.title}</h1><p>${round.summary}</p>
${objections.length ? html`<h2>${w.objections}</h2><ul>${objections.map((o) => html`<li>${o.reason}</li>`)}</ul>` : ''}
${round.documents.length ? html`<h2>${w.documents}</h2><ul>${round.documents.map((d) => html`<li><a href="${d.url}" rel="noreferrer">${d.title}</a></li>`)}</ul>` : ''}
<h2>${w.rule}</h2><p>${ruleSentence(round.rule, round.stage, lang)}</p>`;
}

export interface DecisionPageModel {
  round: Round;
  person: Person;
  vote?: Vote;
  choices: Choice[];
  proof: string;
  action: string;
  errors?: Record<string, string>;
  values?: { choice?: string; reason?: string; comment?: string };
}

export function decisionPage(m: DecisionPageModel): string {
  const lang = m.person.lang;
  const w = words[lang];
  const errorText: Record<string, string> = {
    choose: w.errChoose,
    'reason-required': w.errReason,
    'expired-form': w.errProof,
    'too-long': w.errLong,
  };
  const err = (field: string) =>
    m.errors?.[field]
      ? html`<p class="error" id="${field}-error">${errorText[m.errors[field]] ?? m.errors[field]}</p>`
      : '';
  const selected = m.values?.choice ?? m.vote?.choice;
  const body = html`${roundSummary(m.round, lang)}
<p><strong>${w.decideBefore}: ${formatDateTime(stageDeadline(m.round), lang)}</strong></p>
${
  m.vote
    ? html`<p class="notice">${
        m.vote.carried
          ? w.carried(choiceLabel[lang][m.vote.choice], formatDateTime(stageDeadline(m.round), lang))
          : w.current(choiceLabel[lang][m.vote.choice], formatDateTime(m.vote.at, lang))
      }</p>`
    : ''
}
${m.errors ? html`<p class="error" role="alert">${w.formErrors}</p>` : ''}
<form method="post" action="${m.action}">
<input type="hidden" name="proof" value="${m.proof}">
<fieldset><legend>${w.yourDecision}</legend>${err('choice')}${err('proof')}
${m.choices.map((c) => html`<label><input type="radio" name="choice" value="${c}"${raw(selected === c ? ' checked' : '')} required> ${choiceLabel[lang][c]}</label>`)}
</fieldset>
${m.choices.includes('object') ? html`<label for="reason">${w.reason}</label>${err('reason')}<textarea id="reason" name="reason" rows="3" maxlength="500">${m.values?.reason ?? ''}</textarea>` : ''}
<label for="comment">${w.comment}</label>${err('comment')}<textarea id="comment" name="comment" rows="3" maxlength="500">${m.values?.comment ?? ''}</textarea>
<p><button type="submit">${w.submit}</button></p>
</form>`;
  return layout(lang, m.round.title, body);
}

export function confirmationPage(round: Round, person: Person, vote: Vote, duplicate: boolean): string {
  const lang = person.lang;
  const w = words[lang];
  const closedNote =
    round.status === 'closed' && round.outcome && round.closedAt
      ? html`<p>${w.closed(formatDateTime(round.closedAt, lang), outcomeSentence[lang][round.outcome])}</p>`
      : '';
  const body = html`<h1>${round.title}</h1><p class="notice"><strong>${duplicate ? w.already : w.recorded}</strong></p>
<p>${w.youChose(choiceLabel[lang][vote.choice])}</p>${duplicate ? '' : html`<p>${w.receiptSent}</p>`}${closedNote}`;
  return layout(lang, round.title, body);
}

export function closedPage(round: Round, person: Person, vote?: Vote): string {
  const lang = person.lang;
  const w = words[lang];
  const tally = round.stages.at(-1)?.tally ?? currentTally(round);
  const body = html`<h1>${w.closedTitle}</h1><h2>${round.title}</h2>
<p class="notice">${round.status === 'open' || !round.outcome ? w.deadlinePassed(formatDateTime(stageDeadline(round), lang)) : w.closed(formatDateTime(round.closedAt ?? round.deadline, lang), outcomeSentence[lang][round.outcome])}</p>
${vote ? html`<p>${w.yourVote(choiceLabel[lang][vote.choice])}</p>` : ''}<p>${w.tally}: ${tallyLine(tally, lang)}</p>`;
  return layout(lang, w.closedTitle, body);
}

export function expiredPage(round: Round, person: Person, action: string, sent: boolean): string {
  const lang = person.lang;
  const w = words[lang];
  const body = html`<h1>${w.expiredTitle}</h1><h2>${round.title}</h2>
${sent ? html`<p class="notice">${w.newLinkSent}</p>` : html`<p>${w.expired}</p><form method="post" action="${action}"><button type="submit">${w.newLink}</button></form>`}`;
  return layout(lang, w.expiredTitle, body);
}
