/** Console pages for action items (by owner and lateness) and partner input rounds (who answered what). */
import type { Organisation, Person } from '../../engine/directory';
import { lateSince, type ActionItem } from '../follow-up';
import { html, type RawHtml } from '../../platform/html';
import type { InputRound } from '../input-round';
import { stepName } from '../follow-up';
import { inputWords } from '../input-round';
import { formatDateTime } from '../../platform/time';
import { emailTagLabel, timelineLabel } from '../../engine/timeline-labels';
import type { AuditEntry } from '../../engine/ports';
import { layout, type ConsoleContext } from './ui';

const words = {
  nl: {
    items: 'Actiepunten',
    inputs: 'Uitvragen',
    newItem: 'Nieuw actiepunt',
    newInput: 'Nieuwe uitvraag',
    what: 'Wat',
    owner: 'Eigenaar',
    due: 'Klaar vóór',
    status: 'Stand',
    late: 'te laat',
    none: 'Er is nog niets.',
    statuses: {
      open: 'loopt',
      blocked: 'loopt vast',
      'awaiting-approval': 'wacht op de projectleider',
      done: 'klaar',
      returned: 'teruggegeven',
    } as Record<string, string>,
    result: 'Resultaat',
    needs: 'Nodig',
    history: 'Datum verschoven',
    timeline: 'Verloop',
    partner: 'Partner',
    answer: 'Antwoord',
    deadline: 'Deadline',
    open: 'loopt',
    closed: 'gesloten',
    answered: 'antwoorden',
    summarySent: 'Overzicht gestuurd aan het programmabureau',
  },
  en: {
    items: 'Action items',
    inputs: 'Input rounds',
    newItem: 'New action item',
    newInput: 'New input round',
    what: 'What',
    owner: 'Owner',
    due: 'Due before',
    status: 'Status',
    late: 'late',
    none: 'Nothing yet.',
    statuses: {
      open: 'in progress',
      blocked: 'stuck',
      'awaiting-approval': 'waiting for the project leader',
      done: 'done',
      returned: 'handed back',
    } as Record<string, string>,
    result: 'Result',
    needs: 'Needed',
    history: 'Date moved',
    timeline: 'Timeline',
    partner: 'Partner',
    answer: 'Answer',
    deadline: 'Deadline',
    open: 'open',
    closed: 'closed',
    answered: 'answers',
    summarySent: 'Summary sent to the programme office',
  },
};

export function ownerName(item: ActionItem, people: Person[], orgs: Organisation[]): string {
  return 'organisationId' in item.owner
    ? (orgs.find((o) => o.id === (item.owner as { organisationId: string }).organisationId)?.name ?? '')
    : (people.find((p) => p.id === (item.owner as { personId: string }).personId)?.name ?? '');
}

/** Late from the agreed date until it is done, also while a later date waits for approval. */
const isLate = (i: ActionItem, now: Date) => lateSince(i, now) !== null;

/** Open items first, the latest-overdue on top; then the rest by due date. */
export function itemsPage(
  ctx: ConsoleContext,
  items: ActionItem[],
  people: Person[],
  orgs: Organisation[],
  now: Date,
): string {
  const w = words[ctx.lang];
  const sorted = [...items].sort(
    (a, b) => Number(isLate(b, now)) - Number(isLate(a, now)) || a.due.localeCompare(b.due),
  );
  const rows = sorted.map(
    (i) =>
      html`<tr><td><a href="/console/follow-ups/${i.id}">${i.what}</a></td><td>${ownerName(i, people, orgs)}</td><td>${formatDateTime(i.due, ctx.lang)}${isLate(i, now) ? html` <span class="badge rejected">${w.late}</span>` : ''}</td><td>${w.statuses[i.status]}</td></tr>`,
  );
  return layout(
    ctx,
    'items',
    w.items,
    html`<h1>${w.items}</h1><p><a class="button" href="/console/follow-ups/new">${w.newItem}</a></p>${items.length ? html`<div class="table-wrap"><table><caption class="skip">${w.items}</caption><thead><tr><th scope="col">${w.what}</th><th scope="col">${w.owner}</th><th scope="col">${w.due}</th><th scope="col">${w.status}</th></tr></thead><tbody>${rows}</tbody></table></div>` : html`<p>${w.none}</p>`}`,
  );
}

/** A later date waiting for approval: what was asked and why; late counts from the agreed date meanwhile. */
const requestWords = {
  nl: { asked: 'Gevraagde nieuwe datum', reason: 'reden' },
  en: { asked: 'Requested new date', reason: 'reason' },
};
function requestLine(ctx: ConsoleContext, item: ActionItem): RawHtml | string {
  const r = item.status === 'awaiting-approval' ? item.requestedDue : undefined;
  if (!r) return '';
  // The late badge stands by the agreed date above it: late counts from there.
  const w = requestWords[ctx.lang];
  return html`<p><strong>${w.asked}:</strong> ${formatDateTime(r.due, ctx.lang)} (${w.reason}: ${r.reason})</p>`;
}

export function itemPage(
  ctx: ConsoleContext,
  item: ActionItem,
  people: Person[],
  orgs: Organisation[],
  timeline: AuditEntry[],
  now: Date,
  steer: RawHtml | string = '',
  notice?: string,
): string {
  const w = words[ctx.lang];
  return layout(
    ctx,
    'items',
    item.what,
    html`<h1>${item.what}</h1>${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
<p><strong>${w.owner}:</strong> ${ownerName(item, people, orgs)} · <strong>${w.due}:</strong> ${formatDateTime(item.due, ctx.lang)}${isLate(item, now) ? html` <span class="badge rejected">${w.late}</span>` : ''} · <strong>${w.status}:</strong> ${w.statuses[item.status]}</p>
${requestLine(ctx, item)}
${item.result ? html`<p><strong>${w.result}:</strong> ${item.result}</p>` : ''}${item.blockedBy ? html`<p><strong>${w.needs}:</strong> ${item.blockedBy}</p>` : ''}
${item.dueHistory.length ? html`<h2>${w.history}</h2><ul>${item.dueHistory.map((d) => html`<li>${formatDateTime(d.from, ctx.lang)} → ${formatDateTime(d.to, ctx.lang)}: ${d.reason}</li>`)}</ul>` : ''}
${steer}<h2>${w.timeline}</h2><ol>${timeline
      .filter((e) => e.kind !== 'email')
      .map((e) => html`<li>${formatDateTime(e.at, ctx.lang)}: ${describeItemEntry(ctx, e)}</li>`)}</ol>`,
  );
}

/** One step of an action item's timeline in words: the label, and where it went or what it became. */
function describeItemEntry(ctx: ConsoleContext, e: AuditEntry): string {
  const w = words[ctx.lang];
  const label = timelineLabel('follow-up', e.kind, ctx.lang);
  const step = stepName[ctx.lang][e.details?.step as 'owner'];
  if (e.kind === 'escalated' && step) return `${label} ${ctx.lang === 'nl' ? 'naar' : 'to'} ${step}`;
  const status = w.statuses[String(e.details?.status)];
  if (e.kind === 'email') return `${label}: ${emailTagLabel(e.details?.tag, ctx.lang)}`;
  return status ? `${label}: ${status}` : label;
}

export function inputsPage(ctx: ConsoleContext, rounds: InputRound[]): string {
  const w = words[ctx.lang];
  const rows = rounds.map(
    (r) =>
      html`<tr><td><a href="/console/input-rounds/${r.id}">${r.title}</a></td><td>${formatDateTime(r.deadline, ctx.lang)}</td><td>${Object.keys(r.answers).length} / ${r.organisationIds.length} ${w.answered}</td><td>${r.status === 'open' ? w.open : w.closed}</td></tr>`,
  );
  return layout(
    ctx,
    'inputs',
    w.inputs,
    html`<h1>${w.inputs}</h1><p><a class="button" href="/console/input-rounds/new">${w.newInput}</a></p>${rounds.length ? html`<div class="table-wrap"><table><caption class="skip">${w.inputs}</caption><thead><tr><th scope="col">${w.what}</th><th scope="col">${w.deadline}</th><th scope="col">${w.answer}</th><th scope="col">${w.status}</th></tr></thead><tbody>${rows}</tbody></table></div>` : html`<p>${w.none}</p>`}`,
  );
}

const isSummary = (e: AuditEntry) => e.kind === 'email' && e.details?.tag === 'notice';

/** The steps of an input round by time (its records are keyed by what they are), with the office's summary. */
export function inputTimeline<E extends AuditEntry>(timeline: E[]): E[] {
  return timeline.filter((e) => e.kind !== 'email' || isSummary(e)).sort((a, b) => a.at.localeCompare(b.at));
}

export function inputPage(
  ctx: ConsoleContext,
  round: InputRound,
  orgs: Organisation[],
  timeline: AuditEntry[] = [],
): string {
  const w = words[ctx.lang];
  const k = inputWords[ctx.lang].kinds;
  const rows = round.organisationIds.map((o) => {
    const a = round.answers[o];
    return html`<tr><td>${orgs.find((x) => x.id === o)?.name ?? o}</td><td>${a ? k[a.kind] : '—'}${a?.text ? html`<br><span class="hint">${a.text}</span>` : ''}${a?.url ? html`<br><a href="${a.url}" rel="noreferrer">${a.url}</a>` : ''}${a?.date ? html`<br>${formatDateTime(a.date, ctx.lang)}` : ''}</td><td>${a ? formatDateTime(a.at, ctx.lang) : ''}</td></tr>`;
  });
  return layout(
    ctx,
    'inputs',
    round.title,
    html`<h1>${round.title}</h1><p>${round.request}</p><p><strong>${w.deadline}:</strong> ${formatDateTime(round.deadline, ctx.lang)} · ${round.status === 'open' ? w.open : w.closed}</p>
<div class="table-wrap"><table><caption class="skip">${w.answer}</caption><thead><tr><th scope="col">${w.partner}</th><th scope="col">${w.answer}</th><th scope="col">${words[ctx.lang].status}</th></tr></thead><tbody>${rows}</tbody></table></div>
${
  timeline.length
    ? html`<h2>${w.timeline}</h2><ol>${inputTimeline(timeline).map((e) => {
        const org = orgs.find((o) => o.id === e.details?.organisationId)?.name;
        const label = isSummary(e) ? w.summarySent : timelineLabel('input', e.kind, ctx.lang);
        return html`<li>${formatDateTime(e.at, ctx.lang)}: ${label}${org ? ` — ${org}` : ''}</li>`;
      })}</ol>`
    : ''
}`,
  );
}

/** For the overview: unfinished items past their due date (the overview lists those waiting for approval once). */
export function overdueItems(items: ActionItem[], now: Date): ActionItem[] {
  return items.filter((i) => isLate(i, now)).sort((a, b) => a.due.localeCompare(b.due));
}
