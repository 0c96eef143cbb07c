/** The round's dossier and its timeline as CSV: the accountability record of one approval round. */
import { html } from '../../platform/html';
import { currentTally, stageDeadline, type Round, type StageRecord } from '../approval-round';
import { choiceLabel, outcomeLabel, ruleSentence, tallyLine } from '../approval-round';
import type { Tally } from '../approval-round';
import { formatDateTime } from '../../platform/time';
import { emailTagLabel, timelineLabel } from '../../engine/timeline-labels';
import type { AuditEntry } from '../../engine/ports';
import { layout, type ConsoleContext } from './ui';
import { describeEntry, recipient } from './round-pages';

/**
 * What was decided, on which documents, by whom, when, under which rule: for accountability.
 * Every answer with its reason and comment, who did not answer in each stage, every email that
 * was actually sent (reminders from the budget included) with its recipient by name.
 */
export function dossierPage(
  ctx: ConsoleContext,
  round: Round,
  names: Map<string, string>,
  timeline: AuditEntry[],
  now: Date,
): string {
  const t = ctx.t;
  const name = (id: string) => names.get(id) ?? id;
  const decisions = timeline.filter((e) => e.kind === 'decided' || e.kind === 'changed');
  const emails = timeline.filter((e) => e.kind === 'email');
  // The ended stages, then the stage still running: each with its rule, its time and its count.
  const stages: DossierStage[] = [
    ...round.stages.map((s) => ({
      stage: s.stage,
      from: s.startedAt,
      to: s.endedAt,
      tally: s.tally,
      result: s.result,
      objectors: s.objections.map((o) => o.approverId),
      last: false,
    })),
    ...(round.status === 'open'
      ? [
          {
            stage: round.stage,
            from: round.stageStartedAt,
            to: stageDeadline(round),
            tally: currentTally(round),
            objectors: [],
            last: true,
          },
        ]
      : []),
  ];
  if (stages.length) stages[stages.length - 1].last = true;
  // Answered in a stage: an answer on record for it, an objection it ended with, or (the stage that
  // ended last or still runs) a vote the round holds.
  const silent = (s: DossierStage) =>
    round.approverIds.filter(
      (id) =>
        !s.objectors.includes(id) &&
        !decisions.some((e) => e.actor === id && e.details?.stage === s.stage) &&
        !(s.last && round.votes[id]),
    );
  // Every stage result in words (the type lists them all), never the value as stored.
  const resultText = (r?: StageRecord['result']) =>
    !r
      ? t.statusOpen
      : r === 'objection'
        ? t.stageObjection
        : r === 'no-consensus'
          ? t.stageNoConsensus
          : outcomeLabel[ctx.lang][r];
  // A consent-stage answer counts in the vote until the member changes it: say whose answers did.
  const carriedLine = (s: DossierStage) => {
    const carried = s.last && s.stage === 'majority' ? Object.entries(round.votes).filter(([, v]) => v.carried) : [];
    if (!carried.length) return '';
    const list = carried.map(([id, v]) => `${name(id)} (${choiceLabel[ctx.lang][v.choice].toLowerCase()})`);
    return html`<p><strong>${t.carried}:</strong> ${list.join(', ')}</p>`;
  };
  const stageBlock = (s: DossierStage) => {
    const quiet = silent(s);
    return html`<h3>${t.stageNames[s.stage] ?? s.stage}</h3><p>${ruleSentence(round.rule, s.stage, ctx.lang)}</p>
<p>${formatDateTime(s.from, ctx.lang)} – ${formatDateTime(s.to, ctx.lang)}</p>
<p>${tallyLine(s.tally, ctx.lang)}. ${t.outcome}: ${resultText(s.result)}.</p>
<p><strong>${t.notAnswered}:</strong> ${quiet.length ? quiet.map(name).join(', ') : t.everyoneAnswered}</p>\
${carriedLine(s)}`;
  };
  const head = (cols: string[]) => html`<thead><tr>${cols.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>`;
  const answerRow = (e: AuditEntry) => {
    const d = e.details ?? {};
    const changed = e.kind === 'changed' ? html` (${timelineLabel('round', 'changed', ctx.lang).toLowerCase()})` : '';
    return html`<tr><td>${formatDateTime(e.at, ctx.lang)}</td><td>${name(e.actor)}</td>\
<td>${t.stageNames[String(d.stage)] ?? ''}</td><td>${choiceLabel[ctx.lang][d.choice as 'approve'] ?? ''}${changed}</td>\
<td>${String(d.reason ?? '')}</td><td>${String(d.comment ?? '')}</td></tr>`;
  };
  const emailRow = (e: AuditEntry) => html`<tr><td>${formatDateTime(e.at, ctx.lang)}</td>\
<td>${recipient(ctx, e, names)}</td><td>${emailTagLabel(e.details?.tag, ctx.lang)}</td></tr>`;
  const closed = round.closedAt ? html` (${formatDateTime(round.closedAt, ctx.lang)})` : '';
  const body = html`<h1>${t.dossierTitle}: ${round.title}</h1>
<p><strong>${t.outcome}:</strong> ${round.outcome ? outcomeLabel[ctx.lang][round.outcome] : t.statusOpen}${closed}</p>
<p>${round.summary}</p>
<h2>${t.underRule}</h2><p>${t.ruleNames[round.rule.type] ?? ''}</p>
${stages.map(stageBlock)}
<h2>${t.onDocuments}</h2><ul>${round.documents.map((d) => html`<li>${d.title}: ${d.url}</li>`)}</ul>
<h2>${t.decidedBy}</h2>
<div class="table-wrap"><table>${head([t.when, t.name, t.stage, t.response, t.reason, t.comment])}
<tbody>${decisions.map(answerRow)}</tbody></table></div>
<h2>${t.emailsSent}</h2>${
    emails.length
      ? html`<div class="table-wrap"><table>${head([t.when, t.to, t.emailKind])}
<tbody>${emails.map(emailRow)}</tbody></table></div>`
      : html`<p>${t.noEmails}</p>`
  }
<h2>${t.timeline}</h2><ol>${timeline
    .filter((e) => e.kind !== 'email')
    .map((e) => html`<li>${formatDateTime(e.at, ctx.lang)}: ${describeEntry(ctx, e, names)}</li>`)}</ol>
<p class="hint">${t.printed} ${formatDateTime(now.toISOString(), ctx.lang)} · ${round.id}</p>`;
  return layout(ctx, 'rounds', `${t.dossierTitle}: ${round.title}`, body);
}

interface DossierStage {
  stage: Round['stage'];
  from: string;
  to: string;
  tally: Tally;
  result?: StageRecord['result'];
  objectors: string[];
  last: boolean;
}

/** RFC 4180 CSV of the timeline; cells that start like a formula are quoted so spreadsheets show them as text. */
export function timelineCsv(
  ctx: ConsoleContext,
  round: Round,
  names: Map<string, string>,
  timeline: AuditEntry[],
): string {
  const cell = (v: unknown) => {
    let s = String(v ?? '');
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  // The round's title on every row, so exports of several rounds can be put together.
  const header = ctx.t.csvHeader;
  // The event column in words (the machine kind stays in the API); the actor by name, else who it was.
  const actor = (e: AuditEntry) => names.get(e.actor) ?? (e.actor === 'system' ? '' : e.actor);
  const lines = timeline.map((e) =>
    [
      round.title,
      e.at,
      formatDateTime(e.at, ctx.lang),
      timelineLabel('round', e.kind, ctx.lang, e.details),
      actor(e),
      describeEntry(ctx, e, names),
    ]
      .map(cell)
      .join(','),
  );
  return [header.join(','), ...lines].join('\r\n') + '\r\n';
}
