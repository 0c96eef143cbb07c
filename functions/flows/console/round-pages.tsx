/**
 * Console pages for approval rounds: the list and the live round page with its actions (the form:
 * round-form.tsx; dossier: round-dossier.tsx; timeline in words and CSV: round-timeline.ts).
 */
import type { AuditEntry } from '../../engine/ports';
import { ErrorSummary, type FieldErrors } from '../../engine/ui/form';
import { Table } from '../../engine/ui/table';
import { render } from '../../platform/jsx';
import { formatDateTime } from '../../platform/time';
import { choiceLabel, currentTally, outcomeLabel, type Round, ruleSentence, stageDeadline } from '../approval-round';
import { DEFAULT_QUORUM, type Tally, tallyLine } from '../approval-round';
import { InputField, TextAreaField } from './fields';
import { toLocalInput } from './round-form';
import { describeEntry } from './round-timeline';
import { type ConsoleContext, consolePage, PostForm, StatusNotice, Timeline, ListPage, type ListPageProps } from './ui';

export { dossierPage } from './round-dossier';
export { fromLocalInput, type NewRoundValues, newRoundPage, REMINDER_OPTIONS, toLocalInput } from './round-form';
export { describeEntry, recipient, timelineCsv } from './round-timeline';

function Badge(p: { ctx: ConsoleContext; round: Round }) {
  const { round } = p;
  const cls = round.status === 'open' ? 'open' : (round.outcome ?? 'open');
  return (
    <span class={`badge ${cls}`}>
      {round.status === 'open' ? p.ctx.t.statusOpen : outcomeLabel[p.ctx.lang][round.outcome!]}
    </span>
  );
}

export function roundListPage(ctx: ConsoleContext, rounds: Round[], paging?: ListPageProps['paging']): string {
  const t = ctx.t;
  const rows = rounds.map((r) => {
    const tally = currentTally(r);
    return [
      <a href={`/console/rounds/${r.id}`}>{r.title}</a>,
      <Badge ctx={ctx} round={r} />,
      `${tally.eligible - tally.pending} / ${tally.eligible}`,
      formatDateTime(r.deadline, ctx.lang),
      formatDateTime(r.createdAt, ctx.lang),
    ];
  });
  const body = (
    <ListPage
      title={t.rounds}
      add={{ href: '/console/rounds/new', label: t.newRound }}
      head={[t.title, t.status, t.responses, t.closes, t.created]}
      rows={rows}
      empty={t.noRounds}
      paging={paging}
    />
  );
  return consolePage(ctx, 'rounds', t.rounds, body);
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
  const turnout = t.turnoutLine(tally.eligible - tally.pending, tally.eligible, quorumCount);
  return `${t.approvalsLine(tally.approve, tally.eligible, needed)} · ${turnout}`;
}

interface RoundView {
  ctx: ConsoleContext;
  round: Round;
  names: Map<string, string>;
  timeline: AuditEntry[];
}

/** Each approver's answer, with the reason and comment they gave under it. */
function answerCell(ctx: ConsoleContext, vote: Round['votes'][string] | undefined) {
  const note = (text?: string) =>
    text ? (
      <>
        <br />
        <span class="hint">{text}</span>
      </>
    ) : null;
  return (
    <>
      {vote ? choiceLabel[ctx.lang][vote.choice] : ctx.t.notYet}
      {note(vote?.reason)}
      {note(vote?.comment)}
    </>
  );
}

/** The part of the round page that refreshes itself while the round runs. */
function RoundLive(p: RoundView) {
  const { ctx, round, names } = p;
  const t = ctx.t;
  const tally = round.stages.length && round.status === 'closed' ? round.stages.at(-1)!.tally : currentTally(round);
  const rows = round.approverIds.map((id) => {
    const vote = round.votes[id];
    return [names.get(id) ?? id, answerCell(ctx, vote), vote ? formatDateTime(vote.at, ctx.lang) : ''];
  });
  return (
    <>
      <p class="progress">
        <Badge ctx={ctx} round={round} /> {progressLine(ctx, round, tally)}
      </p>
      <p>{tallyLine(tally, ctx.lang)}</p>
      <Table caption={t.responses} head={[t.name, t.response, t.when]} rows={rows} />
      <Timeline
        title={t.timeline}
        lang={ctx.lang}
        entries={p.timeline.filter((e) => e.kind !== 'email')}
        describe={(e) => describeEntry(ctx, e, names)}
      />
    </>
  );
}

export function roundLiveFragment(
  ctx: ConsoleContext,
  round: Round,
  names: Map<string, string>,
  timeline: AuditEntry[],
): string {
  return render(<RoundLive ctx={ctx} round={round} names={names} timeline={timeline} />);
}

/** What the office can do while the round runs: remind, extend the deadline, stop with a reason. */
function RoundActions(p: { ctx: ConsoleContext; round: Round; errors?: FieldErrors }) {
  const { ctx, errors } = p;
  const t = ctx.t;
  const action = (what: string) => `/console/rounds/${p.round.id}/${what}`;
  return (
    <>
      <h2>{t.actions}</h2>
      <div class="actions">
        <PostForm ctx={ctx} action={action('remind')} class="card">
          <p>{t.remindHint}</p>
          <button type="submit">{t.remindNow}</button>
        </PostForm>
        <PostForm ctx={ctx} action={action('extend')} class="card" novalidate>
          <InputField
            type="datetime-local"
            id="deadline"
            label={t.newDeadline}
            errors={errors}
            value={toLocalInput(p.round.deadline)}
            required
          />
          <button type="submit" class="secondary">
            {t.extend}
          </button>
        </PostForm>
        <PostForm ctx={ctx} action={action('cancel')} class="card" novalidate>
          <TextAreaField id="reason" label={t.cancelReason} errors={errors} required maxlength={1000} />
          <button type="submit" class="danger">
            {t.cancel}
          </button>
        </PostForm>
      </div>
    </>
  );
}

export function roundPage(
  ctx: ConsoleContext,
  round: Round,
  names: Map<string, string>,
  timeline: AuditEntry[],
  message?: string,
  errors?: FieldErrors,
): string {
  const t = ctx.t;
  const open = round.status === 'open';
  // Only a running round refreshes: console.js polls the live fragment while the version changes.
  const live = open
    ? { 'data-live': `/console/rounds/${round.id}/live`, 'data-version': liveVersion(round, timeline) }
    : {};
  const body = (
    <>
      <h1>{round.title}</h1>
      <StatusNotice message={message} />
      <ErrorSummary title={t.errorsTitle} errors={errors} />
      <p>{round.summary}</p>
      <p>
        <strong>{t.rule}</strong> {ruleSentence(round.rule, round.stage, ctx.lang)}
      </p>
      <p>
        <strong>{t.deadline}:</strong> {formatDateTime(stageDeadline(round), ctx.lang)}
      </p>
      <section aria-live="polite" {...live}>
        <RoundLive ctx={ctx} round={round} names={names} timeline={timeline} />
      </section>
      {open ? <RoundActions ctx={ctx} round={round} errors={errors} /> : null}
      <p class="no-print">
        <a href={`/console/rounds/${round.id}/audit.csv`}>{t.exportCsv}</a> ·{' '}
        <a href={`/console/rounds/${round.id}/dossier`}>{t.dossier}</a> ·{' '}
        <a href={`/console/rounds/${round.id}/documents`}>{t.roundFiles}</a>
      </p>
    </>
  );
  return consolePage(ctx, 'rounds', round.title, body);
}
