/** Console pages for action items (by owner and lateness) and partner input rounds (who answered what). */
import type { Organisation, Person } from '../../engine/directory';
import type { AuditEntry } from '../../engine/ports';
import { emailTagLabel, timelineLabel, FOLLOW_UP_LABELS, INPUT_LABELS } from '../../engine/timeline-labels';
import { Table } from '../../engine/ui/table';
import type { Markup } from '../../platform/jsx';
import { formatDateTime } from '../../platform/time';
import { type ActionItem, lateSince, stepName } from '../follow-up';
import { asksPeople, type InputRound, inputWords, respondentsOf } from '../input-round';
import { nameIn, PeopleAnswers } from './people-input';
import { flowWords as words, requestWords } from './flow-words';
import { type ConsoleContext, consolePage, Fact, StatusNotice, Timeline, ListPage } from './ui';

export function ownerName(item: ActionItem, people: Person[], orgs: Organisation[]): string {
  return 'organisationId' in item.owner
    ? (orgs.find((o) => o.id === (item.owner as { organisationId: string }).organisationId)?.name ?? '')
    : (people.find((p) => p.id === (item.owner as { personId: string }).personId)?.name ?? '');
}

/** Late from the agreed date until it is done, also while a later date waits for approval. */
const isLate = (i: ActionItem, now: Date) => lateSince(i, now) !== null;

/** The item's date, marked when it has passed while the item is not done. */
function DueDate(p: { ctx: ConsoleContext; item: ActionItem; now: Date }) {
  return (
    <>
      {formatDateTime(p.item.due, p.ctx.lang)}
      {isLate(p.item, p.now) ? (
        <>
          {' '}
          <span class="badge rejected">{words[p.ctx.lang].late}</span>
        </>
      ) : null}
    </>
  );
}

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
  const rows = sorted.map((i) => [
    <a href={`/console/follow-ups/${i.id}`}>{i.what}</a>,
    ownerName(i, people, orgs),
    <DueDate ctx={ctx} item={i} now={now} />,
    w.statuses[i.status],
  ]);
  const body = (
    <ListPage
      title={w.items}
      add={{ href: '/console/follow-ups/new', label: w.newItem }}
      head={[w.what, w.owner, w.due, w.status]}
      rows={rows}
      empty={w.none}
    />
  );
  return consolePage(ctx, 'items', w.items, body);
}

/** A later date waiting for approval: what was asked and why. */
function RequestLine(p: { ctx: ConsoleContext; item: ActionItem }) {
  const r = p.item.status === 'awaiting-approval' ? p.item.requestedDue : undefined;
  if (!r) return null;
  // The late badge stands by the agreed date above it: late counts from there.
  const w = requestWords[p.ctx.lang];
  return (
    <Fact label={w.asked}>
      {formatDateTime(r.due, p.ctx.lang)} ({w.reason}: {r.reason})
    </Fact>
  );
}

/** One step of an action item's timeline in words: the label, and where it went or what it became. */
function describeItemEntry(ctx: ConsoleContext, e: AuditEntry): string {
  const w = words[ctx.lang];
  const label = timelineLabel(FOLLOW_UP_LABELS, e.kind, ctx.lang);
  const step = stepName[ctx.lang][e.details?.step as 'owner'];
  if (e.kind === 'escalated' && step) return `${label} ${ctx.lang === 'nl' ? 'naar' : 'to'} ${step}`;
  const status = w.statuses[String(e.details?.status)];
  if (e.kind === 'email') return `${label}: ${emailTagLabel(e.details?.tag, ctx.lang)}`;
  return status ? `${label}: ${status}` : label;
}

export function itemPage(
  ctx: ConsoleContext,
  item: ActionItem,
  people: Person[],
  orgs: Organisation[],
  timeline: AuditEntry[],
  now: Date,
  steer?: Markup,
  notice?: string,
): string {
  const w = words[ctx.lang];
  const { lang } = ctx;
  const body = (
    <>
      <h1>{item.what}</h1>
      <StatusNotice message={notice} />
      <p>
        <strong>{w.owner}:</strong> {ownerName(item, people, orgs)} · <strong>{w.due}:</strong>{' '}
        <DueDate ctx={ctx} item={item} now={now} /> · <strong>{w.status}:</strong> {w.statuses[item.status]}
      </p>
      <RequestLine ctx={ctx} item={item} />
      {item.result ? <Fact label={w.result}>{item.result}</Fact> : null}
      {item.blockedBy ? <Fact label={w.needs}>{item.blockedBy}</Fact> : null}
      {item.dueHistory.length ? (
        <>
          <h2>{w.history}</h2>
          <ul>
            {item.dueHistory.map((d) => (
              <li>
                {formatDateTime(d.from, lang)} → {formatDateTime(d.to, lang)}: {d.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {steer ?? null}
      <Timeline
        title={w.timeline}
        lang={lang}
        entries={timeline.filter((e) => e.kind !== 'email')}
        describe={(e) => describeItemEntry(ctx, e)}
      />
    </>
  );
  return consolePage(ctx, 'items', item.what, body);
}

export function inputsPage(ctx: ConsoleContext, rounds: InputRound[]): string {
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

/** For the overview: unfinished items past their due date (the overview lists those waiting for approval once). */
export function overdueItems(items: ActionItem[], now: Date): ActionItem[] {
  return items.filter((i) => isLate(i, now)).sort((a, b) => a.due.localeCompare(b.due));
}
