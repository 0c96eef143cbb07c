/** The round's dossier: the accountability record of one approval round, made to be printed. */
import type { AuditEntry } from '../../engine/ports';
import { emailTagLabel, timelineLabel, ROUND_LABELS } from '../../engine/timeline-labels';
import { Table } from '../../engine/ui/table';
import { formatDateTime } from '../../platform/time';
import { currentTally, type Round, type StageRecord, stageDeadline } from '../approval-round';
import { choiceLabel, outcomeLabel, ruleSentence, type Tally, tallyLine } from '../approval-round';
import { describeEntry, recipient } from './round-timeline';
import { type ConsoleContext, consolePage, Timeline } from './ui';

interface DossierStage {
  stage: Round['stage'];
  from: string;
  to: string;
  tally: Tally;
  result?: StageRecord['result'];
  objectors: string[];
  last: boolean;
}

/** The ended stages, then the stage still running: each with its rule, its time and its count. */
function dossierStages(round: Round): DossierStage[] {
  const stages: DossierStage[] = round.stages.map((s) => ({
    stage: s.stage,
    from: s.startedAt,
    to: s.endedAt,
    tally: s.tally,
    result: s.result,
    objectors: s.objections.map((o) => o.approverId),
    last: false,
  }));
  if (round.status === 'open') {
    const to = stageDeadline(round);
    stages.push({
      stage: round.stage,
      from: round.stageStartedAt,
      to,
      tally: currentTally(round),
      objectors: [],
      last: true,
    });
  }
  if (stages.length) stages[stages.length - 1].last = true;
  return stages;
}

interface DossierView {
  ctx: ConsoleContext;
  round: Round;
  name: (id: string) => string;
  decisions: AuditEntry[];
}

/** One stage: its rule, its time, its count and result, who did not answer, whose answers carried over. */
function StageBlock(p: DossierView & { s: DossierStage }) {
  const { ctx, round, s } = p;
  const { t, lang } = ctx;
  // Answered in a stage: an answer on record for it, an objection it ended with, or (the stage that
  // ended last or still runs) a vote the round holds.
  const quiet = round.approverIds.filter(
    (id) =>
      !s.objectors.includes(id) &&
      !p.decisions.some((e) => e.actor === id && e.details?.stage === s.stage) &&
      !(s.last && round.votes[id]),
  );
  // Every stage result in words (the type lists them all), never the value as stored.
  const r = s.result;
  const result = !r
    ? t.statusOpen
    : r === 'objection'
      ? t.stageObjection
      : r === 'no-consensus'
        ? t.stageNoConsensus
        : outcomeLabel[lang][r];
  // A consent-stage answer counts in the vote until the member changes it: say whose answers did.
  const carried = s.last && s.stage === 'majority' ? Object.entries(round.votes).filter(([, v]) => v.carried) : [];
  const carriedList = carried.map(([id, v]) => `${p.name(id)} (${choiceLabel[lang][v.choice].toLowerCase()})`);
  return (
    <>
      <h3>{t.stageNames[s.stage] ?? s.stage}</h3>
      <p>{ruleSentence(round.rule, s.stage, lang)}</p>
      <p>
        {formatDateTime(s.from, lang)} – {formatDateTime(s.to, lang)}
      </p>
      <p>
        {tallyLine(s.tally, lang)}. {t.outcome}: {result}.
      </p>
      <p>
        <strong>{t.notAnswered}:</strong> {quiet.length ? quiet.map(p.name).join(', ') : t.everyoneAnswered}
      </p>
      {carriedList.length ? (
        <p>
          <strong>{t.carried}:</strong> {carriedList.join(', ')}
        </p>
      ) : null}
    </>
  );
}

/** Every answer on record, changes included, with its reason and comment. */
function AnswersTable(p: DossierView) {
  const { t, lang } = p.ctx;
  const rows = p.decisions.map((e) => {
    const d = e.details ?? {};
    const changed = e.kind === 'changed' ? ` (${timelineLabel(ROUND_LABELS, 'changed', lang).toLowerCase()})` : '';
    return [
      formatDateTime(e.at, lang),
      p.name(e.actor),
      t.stageNames[String(d.stage)] ?? '',
      `${choiceLabel[lang][d.choice as 'approve'] ?? ''}${changed}`,
      String(d.reason ?? ''),
      String(d.comment ?? ''),
    ];
  });
  return <Table head={[t.when, t.name, t.stage, t.response, t.reason, t.comment]} rows={rows} />;
}

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
  const { t, lang } = ctx;
  const view: DossierView = {
    ctx,
    round,
    name: (id) => names.get(id) ?? id,
    decisions: timeline.filter((e) => e.kind === 'decided' || e.kind === 'changed'),
  };
  const emails = timeline.filter((e) => e.kind === 'email');
  const emailRows = emails.map((e) => [
    formatDateTime(e.at, lang),
    recipient(ctx, e, names),
    emailTagLabel(e.details?.tag, lang),
  ]);
  const closed = round.closedAt ? ` (${formatDateTime(round.closedAt, lang)})` : '';
  const title = `${t.dossierTitle}: ${round.title}`;
  const body = (
    <>
      <h1>{title}</h1>
      <p>
        <strong>{t.outcome}:</strong> {round.outcome ? outcomeLabel[lang][round.outcome] : t.statusOpen}
        {closed}
      </p>
      <p>{round.summary}</p>
      <h2>{t.underRule}</h2>
      <p>{t.ruleNames[round.rule.type] ?? ''}</p>
      {dossierStages(round).map((s) => (
        <StageBlock {...view} s={s} />
      ))}
      <h2>{t.onDocuments}</h2>
      <ul>
        {round.documents.map((d) => (
          <li>
            {d.title}: {d.url}
          </li>
        ))}
      </ul>
      <h2>{t.decidedBy}</h2>
      <AnswersTable {...view} />
      <h2>{t.emailsSent}</h2>
      {emails.length ? <Table head={[t.when, t.to, t.emailKind]} rows={emailRows} /> : <p>{t.noEmails}</p>}
      <Timeline
        title={t.timeline}
        lang={lang}
        entries={timeline.filter((e) => e.kind !== 'email')}
        describe={(e) => describeEntry(ctx, e, names)}
      />
      <p class="hint">
        {t.printed} {formatDateTime(now.toISOString(), lang)} · {round.id}
      </p>
    </>
  );
  return consolePage(ctx, 'rounds', title, body);
}
