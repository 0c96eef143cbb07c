/** Console pages for approval rounds: list, new-round form, the live round page (dossier and CSV: round-dossier.ts). */
import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Body, Person } from '../../engine/directory';
import { html, raw, type RawHtml } from '../../platform/html';
import { currentTally, stageDeadline, type Round } from '../approval-round';
import { choiceLabel, outcomeLabel, ruleExplanation, ruleSentence, tallyLine } from '../approval-round';
import { DEFAULT_QUORUM, type Tally } from '../approval-round';
import { ZONE, formatDateTime } from '../../platform/time';
import { emailTagLabel, timelineLabel } from '../../engine/timeline-labels';
import type { AuditEntry } from '../../engine/ports';
import { csrfField, describedBy, errorSummary, fieldError, layout, type ConsoleContext } from './ui';

const RULES = ['majority', 'consensus-then-majority', 'consent', 'unanimous', 'first-response'] as const;
export const REMINDER_OPTIONS = ['P7D', 'P3D', 'P1D', 'PT4H'] as const;

function badge(ctx: ConsoleContext, round: Round): RawHtml {
  const cls = round.status === 'open' ? 'open' : (round.outcome ?? 'open');
  return html`<span class="badge ${cls}">${round.status === 'open' ? ctx.t.statusOpen : outcomeLabel[ctx.lang][round.outcome!]}</span>`;
}

export function roundListPage(ctx: ConsoleContext, rounds: Round[]): string {
  const t = ctx.t;
  const rows = rounds.map((r) => {
    const tally = currentTally(r);
    return html`<tr><td><a href="/console/rounds/${r.id}">${r.title}</a></td><td>${badge(ctx, r)}</td>
<td>${tally.eligible - tally.pending} / ${tally.eligible}</td><td>${formatDateTime(r.deadline, ctx.lang)}</td><td>${formatDateTime(r.createdAt, ctx.lang)}</td></tr>`;
  });
  return layout(
    ctx,
    'rounds',
    t.rounds,
    html`<h1>${t.rounds}</h1><p><a class="button" href="/console/rounds/new">${t.newRound}</a></p>
${rounds.length === 0 ? html`<p>${t.noRounds}</p>` : html`<div class="table-wrap"><table><caption class="skip">${t.rounds}</caption><thead><tr><th scope="col">${t.title}</th><th scope="col">${t.status}</th><th scope="col">${t.responses}</th><th scope="col">${t.closes}</th><th scope="col">${t.created}</th></tr></thead><tbody>${rows}</tbody></table></div>`}`,
  );
}

export interface NewRoundValues {
  title?: string;
  summary?: string;
  documents?: string;
  who?: string;
  bodyId?: string;
  approverIds?: string[];
  rule?: string;
  quorum?: string;
  consentQuorum?: boolean;
  consentDeadline?: string;
  deadline?: string;
  reminders?: string[];
}

/** datetime-local value (Amsterdam wall time) for an instant. */
export function toLocalInput(iso: string): string {
  return DateTime.fromISO(iso).setZone(ZONE).toFormat("yyyy-LL-dd'T'HH:mm");
}

/** An instant from a datetime-local value read as Amsterdam time; null when it is not one. */
export function fromLocalInput(value: string | undefined): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const dt = DateTime.fromISO(value, { zone: ZONE });
  // A wall time that does not exist (the hour skipped when summer time starts) is refused, not moved.
  return dt.isValid && dt.toFormat("yyyy-LL-dd'T'HH:mm") === value ? dt.toISO() : null;
}

export function newRoundPage(
  ctx: ConsoleContext,
  bodies: Body[],
  people: Person[],
  v: NewRoundValues,
  errors?: Record<string, string>,
): string {
  const t = ctx.t;
  const checked = (on: boolean) => raw(on ? ' checked' : '');
  const who = v.who ?? 'body';
  const body = html`<h1>${t.newRound}</h1>${errorSummary(ctx, errors)}
<form method="post" action="/console/rounds" novalidate>${csrfField(ctx)}<input type="hidden" name="once" value="${randomBytes(18).toString('base64url')}">
<label for="title">${t.title}</label>${fieldError(errors, 'title')}<input type="text" id="title" name="title" value="${v.title ?? ''}" required maxlength="200"${describedBy(errors, 'title')}>
<label for="summary">${t.summary}<span class="hint" id="summary-hint">${t.summaryHint}</span></label>${fieldError(errors, 'summary')}<textarea id="summary" name="summary" required maxlength="5000"${describedBy(errors, 'summary', true)}>${v.summary ?? ''}</textarea>
<label for="documents">${t.documents}<span class="hint" id="documents-hint">${t.documentsHint}</span></label>${fieldError(errors, 'documents')}<textarea id="documents" name="documents"${describedBy(errors, 'documents', true)}>${v.documents ?? ''}</textarea>
<fieldset><legend>${t.who}</legend>${fieldError(errors, 'who')}
<label class="choice"><input type="radio" id="who" name="who" value="body"${checked(who === 'body')}> ${t.wholeBody}</label>
<label for="bodyId">${t.body}</label>${fieldError(errors, 'bodyId')}<select id="bodyId" name="bodyId"${describedBy(errors, 'bodyId')}>${bodies.filter((b) => b.active !== false).map((b) => html`<option value="${b.id}"${raw(v.bodyId === b.id ? ' selected' : '')}>${b.name}</option>`)}</select>
<label class="choice"><input type="radio" name="who" value="people"${checked(who === 'people')}> ${t.chosenPeople}</label>
<details${raw(who === 'people' ? ' open' : '')}><summary>${t.chosenPeople}</summary>${fieldError(errors, 'approverIds')}
${people.filter((p) => p.active).map((p, i) => html`<label class="choice"><input type="checkbox"${raw(i === 0 ? ' id="approverIds"' : '')} name="approverIds" value="${p.id}"${checked(v.approverIds?.includes(p.id) ?? false)}> ${p.name}</label>`)}</details>
</fieldset>
<fieldset><legend>${t.rule}</legend>${fieldError(errors, 'rule')}
${RULES.map((r, i) => html`<label class="choice"><input type="radio"${raw(i === 0 ? ' id="rule"' : '')} name="rule" value="${r}"${checked((v.rule ?? 'majority') === r)}> <span>${t.ruleNames[r]}<span class="hint">${ruleExplanation[ctx.lang][r]}</span></span></label>`)}
<label for="quorum">${t.quorum}<span class="hint" id="quorum-hint">${t.quorumHint}</span></label>${fieldError(errors, 'quorum')}<input type="number" id="quorum" name="quorum" min="1" max="99" value="${v.quorum ?? '50'}"${describedBy(errors, 'quorum', true)}>
<label class="choice"><input type="checkbox" name="consentQuorum" value="on"${checked(v.consentQuorum ?? false)}>
${t.consentQuorum}</label>
<label for="consentDeadline">${t.consentDeadline}<span class="hint" id="consentDeadline-hint">${t.consentDeadlineHint}</span></label>${fieldError(errors, 'consentDeadline')}<input type="datetime-local" id="consentDeadline" name="consentDeadline" value="${v.consentDeadline ?? ''}"${describedBy(errors, 'consentDeadline', true)}>
</fieldset>
<label for="deadline">${t.deadline}<span class="hint" id="deadline-hint">${t.deadlineHint}</span></label>${fieldError(errors, 'deadline')}<input type="datetime-local" id="deadline" name="deadline" value="${v.deadline ?? ''}" required${describedBy(errors, 'deadline', true)}>
<fieldset><legend>${t.reminders}</legend>${REMINDER_OPTIONS.map((d) => html`<label class="choice"><input type="checkbox" name="reminders" value="${d}"${checked(v.reminders ? v.reminders.includes(d) : d === 'P3D' || d === 'P1D')}> ${t.reminderOption(d)}</label>`)}</fieldset>
<button type="submit">${t.startRound}</button></form>`;
  return layout(ctx, 'new', t.newRound, body);
}

/** The round's emails to the office address, by their keys: records from before the office mark. */
const OFFICE_MAIL_KEYS = new Set(['mail:outcome:office', 'mail:workflow-failed']);

/**
 * Who an email went to: the office, or the person by name when the record names them, else the
 * masked address.
 */
export function recipient(ctx: ConsoleContext, e: AuditEntry, names: Map<string, string>): string {
  const d = e.details ?? {};
  if (d.office === true || (d.personId === undefined && OFFICE_MAIL_KEYS.has(e.key))) return ctx.t.officeRecipient;
  const name = typeof d.personId === 'string' ? names.get(d.personId) : undefined;
  return name ?? String(d.to ?? '');
}

export function describeEntry(ctx: ConsoleContext, e: AuditEntry, names: Map<string, string>): string {
  const label = timelineLabel('round', e.kind, ctx.lang, e.details);
  const who = names.get(e.actor) ?? (e.actor === 'system' ? '' : e.actor);
  const d = e.details ?? {};
  const extra =
    e.kind === 'decided' || e.kind === 'changed'
      ? `: ${choiceLabel[ctx.lang][d.choice as 'approve'] ?? d.choice}${d.reason ? ` (${d.reason})` : ''}`
      : e.kind === 'closed'
        ? `: ${outcomeLabel[ctx.lang][d.outcome as 'approved'] ?? d.outcome}`
        : e.kind === 'cancelled'
          ? `: ${d.reason}`
          : e.kind === 'email'
            ? `: ${emailTagLabel(d.tag, ctx.lang)} ${ctx.t.to.toLowerCase()} ${recipient(ctx, e, names)}`
            : '';
  return `${label}${who ? ` — ${who}` : ''}${extra}`;
}

/** Changes whenever anything on the live part of the round page would change. */
export const liveVersion = (round: Round, timeline: AuditEntry[]) => `${round.version}.${timeline.length}`;

/** The tally against the rule, in one line: what is still needed for the proposal to pass. */
export function progressLine(ctx: ConsoleContext, round: Round, tally: Tally): string {
  const t = ctx.t;
  if (round.status !== 'open') return '';
  if (round.stage === 'consent') return `${t.objectionsLine(tally.object)} · ${t.pendingLine(tally.pending)}`;
  if (round.rule.type === 'first-response') return `${t.decidesLine} · ${t.pendingLine(tally.pending)}`;
  if (round.rule.type === 'unanimous') return t.approvalsLine(tally.approve, tally.eligible, tally.eligible);
  // Majority: the approvals that decide it whatever the others still do (abstentions do not count
  // as cast), which is also when the round closes early; and the turnout against the quorum.
  const needed = Math.floor((tally.eligible - tally.abstain) / 2) + 1;
  const quorumCount = Math.floor((round.rule.quorum ?? DEFAULT_QUORUM) * tally.eligible + 1e-9);
  return `${t.approvalsLine(tally.approve, tally.eligible, needed)} · ${t.turnoutLine(tally.eligible - tally.pending, tally.eligible, quorumCount)}`;
}

/** The part of the round page that refreshes itself while the round runs. */
export function roundLiveFragment(
  ctx: ConsoleContext,
  round: Round,
  names: Map<string, string>,
  timeline: AuditEntry[],
): string {
  const t = ctx.t;
  const tally = round.stages.length && round.status === 'closed' ? round.stages.at(-1)!.tally : currentTally(round);
  const progress = progressLine(ctx, round, tally);
  const rows = round.approverIds.map((id) => {
    const v = round.votes[id];
    return html`<tr><td>${names.get(id) ?? id}</td><td>${v ? choiceLabel[ctx.lang][v.choice] : t.notYet}${v?.reason ? html`<br><span class="hint">${v.reason}</span>` : ''}${v?.comment ? html`<br><span class="hint">${v.comment}</span>` : ''}</td><td>${v ? formatDateTime(v.at, ctx.lang) : ''}</td></tr>`;
  });
  return html`<p class="progress">${badge(ctx, round)} ${progress}</p><p>${tallyLine(tally, ctx.lang)}</p>
<div class="table-wrap"><table><caption class="skip">${t.responses}</caption><thead><tr><th scope="col">${t.name}</th><th scope="col">${t.response}</th><th scope="col">${t.when}</th></tr></thead><tbody>${rows}</tbody></table></div>
<h2>${t.timeline}</h2><ol>${timeline.filter((e) => e.kind !== 'email').map((e) => html`<li>${formatDateTime(e.at, ctx.lang)}: ${describeEntry(ctx, e, names)}</li>`)}</ol>`
    .value;
}

export function roundPage(
  ctx: ConsoleContext,
  round: Round,
  names: Map<string, string>,
  timeline: AuditEntry[],
  message?: string,
  errors?: Record<string, string>,
): string {
  const t = ctx.t;
  const open = round.status === 'open';
  const body = html`<h1>${round.title}</h1>${message ? html`<p class="notice" role="status">${message}</p>` : ''}${errorSummary(ctx, errors)}
<p>${round.summary}</p><p><strong>${t.rule}</strong> ${ruleSentence(round.rule, round.stage, ctx.lang)}</p>
<p><strong>${t.deadline}:</strong> ${formatDateTime(stageDeadline(round), ctx.lang)}</p>
<section aria-live="polite" ${raw(open ? `data-live="/console/rounds/${round.id}/live" data-version="${liveVersion(round, timeline)}"` : '')}>${raw(roundLiveFragment(ctx, round, names, timeline))}</section>
${
  open
    ? html`<h2>${t.actions}</h2><div class="actions">
<form method="post" action="/console/rounds/${round.id}/remind" class="card">${csrfField(ctx)}<p>${t.remindHint}</p><button type="submit">${t.remindNow}</button></form>
<form method="post" action="/console/rounds/${round.id}/extend" class="card" novalidate>${csrfField(ctx)}<label for="deadline">${t.newDeadline}</label>${fieldError(errors, 'deadline')}<input type="datetime-local" id="deadline" name="deadline" value="${toLocalInput(round.deadline)}" required${describedBy(errors, 'deadline')}><button type="submit" class="secondary">${t.extend}</button></form>
<form method="post" action="/console/rounds/${round.id}/cancel" class="card" novalidate>${csrfField(ctx)}<label for="reason">${t.cancelReason}</label>${fieldError(errors, 'reason')}<textarea id="reason" name="reason" required maxlength="1000"${describedBy(errors, 'reason')}></textarea><button type="submit" class="danger">${t.cancel}</button></form>
</div>`
    : ''
}
<p class="no-print"><a href="/console/rounds/${round.id}/audit.csv">${t.exportCsv}</a> · <a href="/console/rounds/${round.id}/dossier">${t.dossier}</a></p>`;
  return layout(ctx, 'rounds', round.title, body);
}

export { dossierPage, timelineCsv } from './round-dossier';
