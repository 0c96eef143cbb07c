/**
 * The public "what happened with it" page of a body: agreements made, who does what by when, and
 * what came of them, in plain Dutch (English available). Personal data stays off it: owners are
 * shown as their organisation, or by the kind of person (a resident, the programme office).
 */
import type { Body, Organisation, Person } from '../../engine/directory';
import { lateSince, type ActionItem } from '../follow-up';
import { html } from '../../platform/html';
import { agendaOf, type Meeting } from '../meeting';
import type { Round } from '../approval-round';
import { outcomeSentence, tallyLine } from '../approval-round';
import { DEFAULT_QUORUM, type Rule } from '../approval-round';
import { formatDateTime, type Lang } from '../../platform/time';

const words = {
  nl: {
    title: (b: string) => `Wat is er gebeurd met onze afspraken? — ${b}`,
    intro: 'Hier ziet u welke afspraken er zijn gemaakt, wie wat doet en wat eruit is gekomen.',
    running: 'Loopt nog',
    finished: 'Afgerond',
    handedBack: 'Teruggegeven aan het programmabureau',
    stuck: 'Loopt vast',
    none: 'Er zijn nog geen afspraken.',
    due: 'Klaar vóór',
    who: 'Wie',
    result: 'Resultaat',
    needs: 'Wat is er nodig',
    late: 'te laat',
    kinds: {
      resident: 'een bewoner',
      'partner-contact': 'een partner',
      municipality: 'de gemeente',
      'programme-office': 'het programmabureau',
    } as Record<string, string>,
    meetings: 'Vergaderingen',
    decided: 'Besloten',
    whoWhat: 'Wie doet wat',
    discussed: 'Besproken',
    standing: {
      opening: 'Opening',
      'last-minutes': 'Verslag van de vorige vergadering',
      'action-items': 'Actiepunten',
      'any-other-business': 'Rondvraag',
    } as Record<string, string>,
    decisions: 'Besluiten',
    decidedOn: (d: string) => `Afgerond op ${d}.`,
    stoppedOn: (d: string) => `Gestopt op ${d}, voordat er een besluit was.`,
    rule: 'Zo werd besloten',
    count: 'Telling',
    firstStage: 'Eerst instemming',
    vote: 'Daarna de stemming',
    rules: {
      majority: (q: number) => `bij meerderheid van stemmen; meer dan ${q}% van de leden moest reageren`,
      unanimous: () => 'alleen als iedereen akkoord was',
      consent: (q?: number) =>
        `aangenomen tenzij iemand bezwaar maakte${q ? `; meer dan ${q}% van de leden moest reageren` : ''}`,
      'consensus-then-majority': (q: number) =>
        'eerst instemming ' +
        `(zonder bezwaar, en meer dan ${q}% van de leden reageerde); ` +
        'lukte dat niet, dan een stemming bij meerderheid',
      'first-response': () => 'de eerste reactie besliste',
    },
  },
  en: {
    title: (b: string) => `What happened with our agreements? — ${b}`,
    intro: 'This page shows the agreements made, who does what, and what came of them.',
    running: 'In progress',
    finished: 'Done',
    handedBack: 'Handed back to the programme office',
    stuck: 'Stuck',
    none: 'There are no agreements yet.',
    due: 'Due before',
    who: 'Who',
    result: 'Result',
    needs: 'What is needed',
    late: 'late',
    kinds: {
      resident: 'a resident',
      'partner-contact': 'a partner',
      municipality: 'the municipality',
      'programme-office': 'the programme office',
    },
    meetings: 'Meetings',
    decided: 'Decided',
    whoWhat: 'Who does what',
    discussed: 'Discussed',
    standing: {
      opening: 'Opening',
      'last-minutes': 'Minutes of the last meeting',
      'action-items': 'Action items',
      'any-other-business': 'Any other business',
    } as Record<string, string>,
    decisions: 'Decisions',
    decidedOn: (d: string) => `Closed on ${d}.`,
    stoppedOn: (d: string) => `Stopped on ${d}, before there was a decision.`,
    rule: 'How it was decided',
    count: 'Count',
    firstStage: 'First, consent',
    vote: 'Then the vote',
    rules: {
      majority: (q: number) => `by a majority of votes; more than ${q}% of the members had to respond`,
      unanimous: () => 'only if everyone approved',
      consent: (q?: number) =>
        `adopted unless someone objected${q ? `; more than ${q}% of the members had to respond` : ''}`,
      'consensus-then-majority': (q: number) =>
        'first consent ' +
        `(no objection, and more than ${q}% of the members responded); ` +
        'if that failed, a majority vote',
      'first-response': () => 'the first response decided',
    },
  },
};

/** An owner as the public may see them: their organisation, or the kind of person they are. */
function publicOwner(
  owner: { personId?: string; organisationId?: string },
  people: Person[],
  orgs: Organisation[],
  lang: Lang,
): string {
  const w = words[lang];
  return (
    (owner.organisationId
      ? orgs.find((o) => o.id === owner.organisationId)?.name
      : w.kinds[people.find((p) => p.id === owner.personId)?.kind ?? 'resident']) ?? ''
  );
}

/** The public minutes of one meeting in plain words: what was discussed, what was decided, who does what by when. */
export function publicMinutes(m: Meeting, people: Person[], orgs: Organisation[], lang: Lang) {
  const w = words[lang];
  const minutes = m.minutes!;
  return {
    discussed: agendaOf(m)
      .map((l) => ({ title: l.item ? l.item.title : w.standing[l.standing!], summary: minutes.summaries[l.id] ?? '' }))
      .filter((l) => l.summary.trim()),
    decisions: minutes.decisions,
    actions: minutes.actionItems.map((a) => ({
      what: a.what,
      who: publicOwner({ personId: a.ownerPersonId, organisationId: a.ownerOrganisationId }, people, orgs, lang),
      due: formatDateTime(a.due, lang),
    })),
  };
}

/** The same, as lines of text for the email that tells the theme groups. */
export function publicMinutesLines(m: Meeting, people: Person[], orgs: Organisation[], lang: Lang): string[] {
  const w = words[lang];
  const p = publicMinutes(m, people, orgs, lang);
  return [
    `${w.discussed}:`,
    ...p.discussed.map((d) => `- ${d.title}: ${d.summary}`),
    ...(p.decisions.trim() ? [`${w.decided}: ${p.decisions}`] : []),
    ...(p.actions.length
      ? [`${w.whoWhat}:`, ...p.actions.map((a) => `- ${a.what} — ${a.who}, ${w.due.toLowerCase()} ${a.due}`)]
      : []),
  ];
}

function publicRule(rule: Rule, lang: Lang): string {
  const rules = words[lang].rules;
  const q = (share: number | undefined) => (share === undefined ? undefined : Math.round(share * 100));
  if (rule.type === 'consent') return rules.consent(q(rule.quorum));
  if (rule.type === 'majority' || rule.type === 'consensus-then-majority') {
    return rules[rule.type](q(rule.quorum ?? DEFAULT_QUORUM)!);
  }
  return rules[rule.type]();
}

/**
 * A body's closed rounds as the public may see them: what was asked, what came of it, when, under
 * which rule, and the count. No names, comments or reasons: only numbers. A stopped round shows
 * that it was stopped (the question was public to the members), without the office's reason.
 */
function decisionsSection(bodyId: string, rounds: Round[], lang: Lang): ReturnType<typeof html> | '' {
  const w = words[lang];
  const closed = rounds
    .filter((r) => r.bodyId === bodyId && r.status === 'closed' && r.outcome && r.closedAt)
    .sort((a, b) => b.closedAt!.localeCompare(a.closedAt!));
  if (closed.length === 0) return '';
  const stageName = (r: Round, i: number) => (r.stages.length > 1 ? `${i === 0 ? w.firstStage : w.vote}: ` : '');
  return html`<h2>${w.decisions}</h2>${closed.map(
    (r) => html`<section><h3>${r.title}</h3><p>${r.summary}</p>
${
  r.outcome === 'cancelled'
    ? html`<p>${w.stoppedOn(formatDateTime(r.closedAt!, lang))}</p>`
    : html`<p><strong>${outcomeSentence[lang][r.outcome!]}</strong>
${w.decidedOn(formatDateTime(r.closedAt!, lang))}</p>
<p>${w.rule}: ${publicRule(r.rule, lang)}.</p><p>${w.count}:</p>
<ul>${r.stages.map((s, i) => html`<li>${stageName(r, i)}${tallyLine(s.tally, lang)}</li>`)}</ul>`
}</section>`,
  )}`;
}

export function publicBodyPage(
  body: Body,
  items: ActionItem[],
  people: Person[],
  orgs: Organisation[],
  lang: Lang,
  now: Date,
  meetings: Meeting[] = [],
  rounds: Round[] = [],
): string {
  const w = words[lang];
  const owner = (i: ActionItem) =>
    publicOwner(i.owner as { personId?: string; organisationId?: string }, people, orgs, lang);
  const row = (
    i: ActionItem,
  ) => html`<li><strong>${i.what}</strong><br>${w.who}: ${owner(i)} · ${w.due}: ${formatDateTime(i.due, lang)}${lateSince(i, now) ? html` <em>(${w.late})</em>` : ''}
${i.result && i.status === 'done' ? html`<br>${w.result}: ${i.result}` : ''}${i.blockedBy && i.status === 'blocked' ? html`<br>${w.needs}: ${i.blockedBy}` : ''}</li>`;
  const group = (label: string, list: ActionItem[]) =>
    list.length ? html`<h2>${label}</h2><ul>${list.map(row)}</ul>` : '';
  const mine = items.filter((i) => i.bodyId === body.id).sort((a, b) => a.due.localeCompare(b.due));
  const held = meetings
    .filter((m) => m.bodyId === body.id && m.phase === 'adopted' && m.minutes)
    .sort((a, b) => b.start.localeCompare(a.start));
  const meetingSection = held.length
    ? html`<h2>${w.meetings}</h2>${held.map((m) => {
        const p = publicMinutes(m, people, orgs, lang);
        return html`<section><h3>${m.title}, ${formatDateTime(m.start, lang)}</h3><ul>${p.discussed.map((d) => html`<li><strong>${d.title}</strong>: ${d.summary}</li>`)}</ul>
${p.decisions.trim() ? html`<p><strong>${w.decided}:</strong> ${p.decisions}</p>` : ''}${p.actions.length ? html`<p><strong>${w.whoWhat}:</strong></p><ul>${p.actions.map((a) => html`<li>${a.what} — ${a.who}, ${w.due.toLowerCase()} ${a.due}</li>`)}</ul>` : ''}</section>`;
      })}`
    : '';
  const title = w.title(body.name);
  return html`<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title>
<style>body{font-family:Arial,sans-serif;font-size:18px;line-height:1.5;max-width:44rem;margin:0 auto;padding:1rem;color:#1a1a1a}li{margin:.75rem 0}h1{font-size:1.5rem}</style></head>
<body><main><h1>${title}</h1><p>${w.intro}</p>${mine.length === 0 ? html`<p>${w.none}</p>` : ''}
${group(
  w.running,
  mine.filter((i) => i.status === 'open' || i.status === 'awaiting-approval'),
)}${group(
  w.stuck,
  mine.filter((i) => i.status === 'blocked'),
)}
${group(
  w.finished,
  mine.filter((i) => i.status === 'done'),
)}${group(
  w.handedBack,
  mine.filter((i) => i.status === 'returned'),
)}
${decisionsSection(body.id, rounds, lang)}${meetingSection}
<p><a href="?lang=${lang === 'nl' ? 'en' : 'nl'}" lang="${lang === 'nl' ? 'en' : 'nl'}">${lang === 'nl' ? 'English' : 'Nederlands'}</a></p></main></body></html>`
    .value;
}
