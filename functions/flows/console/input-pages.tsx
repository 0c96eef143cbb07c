/** Console pages for input rounds: the list, and a round's page with who answered what (partners, or people). */
import type { Organisation, Person } from '../../engine/directory';
import type { AuditEntry } from '../../engine/ports';
import { timelineLabel, INPUT_LABELS } from '../../engine/timeline-labels';
import { Table } from '../../engine/ui/table';
import type { Markup } from '../../platform/jsx';
import { formatDateTime } from '../../platform/time';
import { asksPeople, type InputRound, inputWords, respondentsOf } from '../input-round';
import { flowWords as words } from './flow-words';
import { nameIn, PeopleAnswers } from './people-input';
import { type ConsoleContext, consolePage, Fact, StatusNotice, Timeline, ListPage, type ListPageProps } from './ui';

export function inputsPage(ctx: ConsoleContext, rounds: InputRound[], paging?: ListPageProps['paging']): string {
  const w = words[ctx.lang];
  const rows = rounds.map((r) => [
    <a href={`/console/input-rounds/${r.id}`}>{r.title}</a>,
    formatDateTime(r.deadline, ctx.lang),
    `${respondentsOf(r).filter((x) => r.answers[x]).length} / ${respondentsOf(r).length} ${w.answered}`,
    r.status === 'open' ? w.open : w.closed,
  ]);
  const body = (
    <ListPage
      title={w.inputs}
      add={{ href: '/console/input-rounds/new', label: w.newInput }}
      head={[w.what, w.deadline, w.answer, w.status]}
      rows={rows}
      empty={w.none}
      paging={paging}
    />
  );
  return consolePage(ctx, 'inputs', w.inputs, body);
}

const isSummary = (e: AuditEntry) => e.kind === 'email' && e.details?.tag === 'notice';

/** The steps of an input round by time (its records are keyed by what they are), with the office's summary. */
export function inputTimeline<E extends AuditEntry>(timeline: E[]): E[] {
  return timeline.filter((e) => e.kind !== 'email' || isSummary(e)).sort((a, b) => a.at.localeCompare(b.at));
}

/** A partner's answer: its kind, then what they wrote, linked or promised, each on a line of its own. */
function AnswerCell(p: { ctx: ConsoleContext; answer?: InputRound['answers'][string] }) {
  const a = p.answer;
  return (
    <>
      {a ? inputWords[p.ctx.lang].kinds[a.kind] : '—'}
      {a?.text ? (
        <>
          <br />
          <span class="hint">{a.text}</span>
        </>
      ) : null}
      {a?.url ? (
        <>
          <br />
          <a href={a.url} rel="noreferrer">
            {a.url}
          </a>
        </>
      ) : null}
      {a?.date ? (
        <>
          <br />
          {formatDateTime(a.date, p.ctx.lang)}
        </>
      ) : null}
    </>
  );
}

/** The round of partners or of people; `below` is the office's form for a round of people. */
export function inputPage(
  ctx: ConsoleContext,
  round: InputRound,
  orgs: Organisation[],
  timeline: AuditEntry[] = [],
  people: Person[] = [],
  below?: Markup,
  notice?: string,
): string {
  const w = words[ctx.lang];
  const orgName = (id: unknown) => orgs.find((o) => o.id === id)?.name;
  const personName = nameIn(people);
  const rows = round.organisationIds.map((o) => {
    const a = round.answers[o];
    return [orgName(o) ?? o, <AnswerCell ctx={ctx} answer={a} />, a ? formatDateTime(a.at, ctx.lang) : ''];
  });
  const describe = (e: AuditEntry) => {
    const who = orgName(e.details?.organisationId) ?? personName(e.details?.personId);
    const label = isSummary(e) ? w.summarySent : timelineLabel(INPUT_LABELS, e.kind, ctx.lang);
    return `${label}${who ? ` — ${who}` : ''}`;
  };
  const body = (
    <>
      <h1>{round.title}</h1>
      <StatusNotice message={notice} />
      <p>{round.request}</p>
      <Fact label={w.deadline}>
        {formatDateTime(round.deadline, ctx.lang)} · {round.status === 'open' ? w.open : w.closed}
      </Fact>
      {asksPeople(round) ? (
        <PeopleAnswers ctx={ctx} round={round} people={people} />
      ) : (
        <Table caption={w.answer} head={[w.partner, w.answer, w.status]} rows={rows} />
      )}
      {below ?? null}
      {timeline.length ? (
        <Timeline title={w.timeline} lang={ctx.lang} entries={inputTimeline(timeline)} describe={describe} />
      ) : null}
    </>
  );
  return consolePage(ctx, 'inputs', round.title, body);
}
