/**
 * One meeting in the console: its phase, the agenda (standing items and those submitted, late ones
 * with the chair's decision), who said nothing this time or cannot come, the minutes' state, the
 * objections, and the public summary as it will go out; and the agenda as a page to print.
 */
import type { AuditEntry } from '../../engine/ports';
import type { Body, Organisation, Person } from '../../engine/directory';
import { MEETING_LABELS, timelineLabel } from '../../engine/timeline-labels';
import { formatDateTime } from '../../platform/time';
import { agendaOf, type Meeting, type MeetingSeries, meetingWords } from '../meeting';
import { publicMinutesLines } from '../public-page';
import { meetingPageWords } from './meeting-words';
import { type ConsoleContext, consolePage, Fact, Timeline } from './ui';

export interface Names {
  people: Person[];
  bodies: Body[];
  orgs: Organisation[];
}

const nameOf = (list: { id: string; name: string }[], id: string) => list.find((x) => x.id === id)?.name ?? id;

/** The agenda in order, each line with what is asked and by whom; standing items named as such. */
function AgendaList(p: { ctx: ConsoleContext; m: Meeting; names: Names; print?: boolean }) {
  const w = meetingPageWords[p.ctx.lang];
  const mw = meetingWords[p.ctx.lang];
  return (
    <ol class="agenda">
      {agendaOf(p.m).map((line) =>
        line.item ? (
          <li>
            <strong>{line.item.title}</strong> ({mw.asks[line.item.ask]})
            {line.item.late ? <span class="badge">{w.late}</span> : null}
            <br />
            {w.broughtBy}: {line.item.broughtBy}
            {p.print ? null : <> · {nameOf(p.names.people, line.item.submittedBy)}</>}
            {line.item.explanation ? <p>{line.item.explanation}</p> : null}
          </li>
        ) : (
          <li>
            {mw.standing[line.standing!]} <span class="hint">({w.standingItem})</span>
          </li>
        ),
      )}
    </ol>
  );
}

function LateItems(p: { ctx: ConsoleContext; m: Meeting; names: Names }) {
  const w = meetingPageWords[p.ctx.lang];
  const late = p.m.items.filter((i) => i.late);
  return (
    <>
      <h3>{w.late}</h3>
      {late.length ? (
        <ul>
          {late.map((i) => (
            <li>
              {i.title} ({nameOf(p.names.people, i.submittedBy)}): {w.chairDecision[i.chair ?? 'open']}
            </li>
          ))}
        </ul>
      ) : (
        <p>{w.lateNone}</p>
      )}
    </>
  );
}

const NameList = (p: { names: string[]; empty: string }) =>
  p.names.length ? <p>{p.names.join(', ')}</p> : <p>{p.empty}</p>;

function MinutesState(p: { ctx: ConsoleContext; m: Meeting; names: Names }) {
  const { m, ctx } = p;
  const w = meetingPageWords[ctx.lang];
  const minutes = m.minutes;
  return (
    <>
      <h2>{w.minutes}</h2>
      <p>
        {minutes
          ? w.minutesState(nameOf(p.names.people, minutes.by), formatDateTime(minutes.at, ctx.lang))
          : w.noMinutes}
      </p>
      {m.reviewEndsAt && m.phase === 'review' ? <p>{w.reviewUntil(formatDateTime(m.reviewEndsAt, ctx.lang))}</p> : null}
      {m.adoptedBy ? <p>{w.adoptedBy[m.adoptedBy]}</p> : null}
      <h3>{w.objections}</h3>
      {m.objections.length ? (
        <ul>
          {m.objections.map((o) => (
            <li>
              {nameOf(p.names.people, o.personId)}, {formatDateTime(o.at, ctx.lang)}: {o.reason}
            </li>
          ))}
        </ul>
      ) : (
        <p>{w.noObjections}</p>
      )}
      {minutes ? (
        <section aria-labelledby="public-summary">
          <h3 id="public-summary">{w.publicSummary}</h3>
          <p class="hint">{w.publicSummaryHint}</p>
          <p>{m.phase === 'adopted' ? w.publicSent : w.publicNotYet}</p>
          <div class="public-summary">
            {publicMinutesLines(m, p.names.people, p.names.orgs, ctx.lang).map((line) => (
              <p>{line}</p>
            ))}
          </div>
        </section>
      ) : null}
    </>
  );
}

/** Can the office still move or cancel it (the same test as the use cases make). */
export const changeable = (m: Meeting, now: Date) =>
  m.status === 'open' && (m.phase === 'agenda' || m.phase === 'invited') && Date.parse(m.start) > now.getTime();

export function meetingPage(
  ctx: ConsoleContext,
  m: Meeting,
  s: MeetingSeries,
  names: Names,
  timeline: AuditEntry[],
  now: Date,
): string {
  const w = meetingPageWords[ctx.lang];
  const when = formatDateTime(m.start, ctx.lang);
  const body = (
    <>
      <h1>{`${m.title}, ${when}`}</h1>
      <p>
        <a href={`/console/meeting-series/${s.id}`}>{w.backSeries}</a>
      </p>
      <Fact label={w.phaseLabel}>{w.phases[m.phase]}</Fact>
      {m.cancelReason ? <p>{w.cancelledBecause(m.cancelReason)}</p> : null}
      <Fact label={w.where}>{m.location ?? '—'}</Fact>
      {m.onlineUrl ? <Fact label={w.online}>{m.onlineUrl}</Fact> : null}
      <Fact label={w.chair}>{nameOf(names.people, m.chairId)}</Fact>
      <Fact label={w.secretary}>{nameOf(names.people, m.secretaryId)}</Fact>
      <p class="no-print">
        <a href={`/console/meetings/${m.id}/agenda`}>{w.printAgenda}</a>
        {' · '}
        <a href={`/console/meetings/${m.id}/documents`}>{w.files}</a>
        {' · '}
        <a href={`/console/meetings/${m.id}/board-pack`}>{w.boardPackTitle}</a>
        {changeable(m, now) ? (
          <>
            {' · '}
            <a href={`/console/meeting-series/${s.id}/meetings/${m.key}`}>{w.changeOf(when)}</a>
          </>
        ) : null}
      </p>
      <h2>{w.agenda}</h2>
      <AgendaList ctx={ctx} m={m} names={names} />
      <LateItems ctx={ctx} m={m} names={names} />
      <h3>{w.nothingFrom}</h3>
      <NameList names={m.nothingFrom.map((g) => nameOf(names.bodies, g))} empty={w.nobody} />
      <h3>{w.declined}</h3>
      <NameList names={m.declined.map((id) => nameOf(names.people, id))} empty={w.nobody} />
      <MinutesState ctx={ctx} m={m} names={names} />
      <Timeline
        title={w.timeline}
        lang={ctx.lang}
        entries={timeline}
        describe={(e) => timelineLabel(MEETING_LABELS, e.kind, ctx.lang, e.details)}
      />
    </>
  );
  return consolePage(ctx, 'meetings', `${m.title}, ${when}`, body);
}

/** The agenda to print: the meeting's facts and its items in order with what each asks (print CSS hides the rest). */
export function agendaPrintPage(ctx: ConsoleContext, m: Meeting, names: Names): string {
  const w = meetingPageWords[ctx.lang];
  const when = formatDateTime(m.start, ctx.lang);
  const body = (
    <article class="print-agenda">
      <h1>{w.agendaFor(m.title, when)}</h1>
      <p class="no-print">
        <a href={`/console/meetings/${m.id}`}>{w.back}</a>
      </p>
      {m.cancelReason ? <p>{w.cancelledBecause(m.cancelReason)}</p> : null}
      <Fact label={w.when}>{when}</Fact>
      {m.location ? <Fact label={w.where}>{m.location}</Fact> : null}
      {m.onlineUrl ? <Fact label={w.online}>{m.onlineUrl}</Fact> : null}
      <Fact label={w.chair}>{nameOf(names.people, m.chairId)}</Fact>
      <AgendaList ctx={ctx} m={m} names={names} print />
      <h2>{w.documents}</h2>
      <p>
        {w.documentsIn} <a href={`/console/meetings/${m.id}/board-pack`}>{w.boardPack}</a>
      </p>
    </article>
  );
  return consolePage(ctx, 'meetings', w.agendaFor(m.title, when), body);
}
