/**
 * The meeting series in the console: the list (each with its rhythm in words and its next meeting)
 * and a series' page (its facts, its coming meetings with their state, a one-off meeting, its record).
 */
import type { AuditEntry } from '../../engine/ports';
import { SERIES_LABELS, timelineLabel } from '../../engine/timeline-labels';
import type { Body, Person } from '../../engine/directory';
import { type FieldErrors, ErrorSummary } from '../../engine/ui/form';
import { Table } from '../../engine/ui/table';
import { formatDateTime, type Lang } from '../../platform/time';
import { type MeetingSeries, type Occurrence, recurrence, type SeriesSummary } from '../meeting';
import { InputField } from './fields';
import { meetingPageWords } from './meeting-words';
import { type ConsoleContext, consolePage, Fact, ListPage, PostForm, StatusNotice, Timeline } from './ui';

/** The series' rhythm in words, or its rule itself when the picker cannot say it. */
export function rhythm(s: MeetingSeries, lang: Lang): string {
  const r = recurrence.fromRrule(s.rrule);
  return r
    ? recurrence.describe(r, s.startsOn, s.startTime, s.durationMinutes, lang)
    : `${s.rrule}, ${s.startTime}–${recurrence.endTime(s.startTime, s.durationMinutes)}`;
}

const nameOf = (list: { id: string; name: string }[], id: string) => list.find((x) => x.id === id)?.name ?? id;

/** How many of the coming meetings the list shows; each series' page has all of its half year. */
const COMING_ON_LIST = 12;

export function seriesListPage(ctx: ConsoleContext, list: SeriesSummary[], bodies: Body[], notice?: string): string {
  const w = meetingPageWords[ctx.lang];
  const rows = list.map(({ series: s, next }) => [
    <a href={`/console/meeting-series/${s.id}`}>{s.title}</a>,
    nameOf(bodies, s.bodyId),
    rhythm(s, ctx.lang),
    next ? formatDateTime(next.start, ctx.lang) : '—',
    w.seriesStatus[s.status],
  ]);
  // The next meetings of every series together, in time order: what the office prepares next.
  const coming = list
    .flatMap(({ series: s, coming }) => coming.map((o) => ({ s, o })))
    .sort((a, b) => a.o.start.localeCompare(b.o.start))
    .slice(0, COMING_ON_LIST);
  const comingRows = coming.map(({ s, o }) => [
    <a href={`/console/meeting-series/${s.id}/meetings/${o.key}`}>{formatDateTime(o.start, ctx.lang)}</a>,
    s.title,
    w.occurrence[o.status],
    o.location ?? '—',
  ]);
  const body = (
    <>
      <ListPage
        title={w.meetings}
        message={notice}
        add={{ href: '/console/meetings/new', label: w.newSeries }}
        head={[w.title, w.body, w.repeats, w.next, w.phaseLabel]}
        rows={rows}
        empty={w.none}
      />
      {list.length ? (
        <>
          <h2>{w.coming}</h2>
          {comingRows.length ? (
            <Table caption={w.coming} head={[w.when, w.title, w.schedule, w.where]} rows={comingRows} />
          ) : (
            <p>{w.noComing}</p>
          )}
        </>
      ) : null}
    </>
  );
  return consolePage(ctx, 'meetings', w.meetings, body);
}

export type ComingMeeting = Occurrence & { id: string; phase: string | null };

/** A series' meeting: its page once planned, else the page to move or cancel it. */
const meetingHref = (s: MeetingSeries, m: ComingMeeting) =>
  m.phase ? `/console/meetings/${m.id}` : `/console/meeting-series/${s.id}/meetings/${m.key}`;

function ComingTable(p: { ctx: ConsoleContext; series: MeetingSeries; meetings: ComingMeeting[] }) {
  const w = meetingPageWords[p.ctx.lang];
  if (!p.meetings.length) return <p>{w.noComing}</p>;
  const changeable = (m: ComingMeeting) =>
    m.status !== 'cancelled' && (m.phase === null || m.phase === 'agenda' || m.phase === 'invited');
  const rows = p.meetings.map((m) => {
    const when = formatDateTime(m.start, p.ctx.lang);
    return [
      <a href={meetingHref(p.series, m)}>{when}</a>,
      w.occurrence[m.status],
      w.phases[m.phase ?? 'none'],
      m.location ?? '—',
      changeable(m) ? <a href={`/console/meeting-series/${p.series.id}/meetings/${m.key}`}>{w.changeOf(when)}</a> : '—',
    ];
  });
  return <Table caption={w.coming} head={[w.when, w.schedule, w.phaseLabel, w.where, w.change]} rows={rows} />;
}

/** One line of the series' record in words: what happened, and to which meeting. */
function describeEntry(e: AuditEntry, lang: Lang): string {
  const label = timelineLabel(SERIES_LABELS, e.kind, lang);
  const d = e.details ?? {};
  const start = typeof d.start === 'string' ? ` (${formatDateTime(d.start, lang)})` : '';
  const reason = typeof d.reason === 'string' ? `: ${d.reason}` : '';
  const key = typeof d.key === 'string' ? ` ${d.key.slice(0, 10)}` : '';
  return `${label}${key}${start}${reason}`;
}

export function seriesPage(
  ctx: ConsoleContext,
  s: MeetingSeries & { meetings: ComingMeeting[] },
  lists: { bodies: Body[]; people: Person[] },
  timeline: AuditEntry[],
  p: { notice?: string; errors?: FieldErrors; values?: Record<string, string> } = {},
): string {
  const w = meetingPageWords[ctx.lang];
  const body = (
    <>
      <h1>{s.title}</h1>
      <p>
        <a href="/console/meetings">{w.back}</a>
      </p>
      <StatusNotice message={p.notice} />
      <ErrorSummary title={ctx.t.errorsTitle} errors={p.errors} />
      <Fact label={w.body}>{nameOf(lists.bodies, s.bodyId)}</Fact>
      <Fact label={w.repeats}>{rhythm(s, ctx.lang)}</Fact>
      {s.location ? <Fact label={w.where}>{s.location}</Fact> : null}
      {s.onlineUrl ? <Fact label={w.online}>{s.onlineUrl}</Fact> : null}
      <Fact label={w.chair}>{nameOf(lists.people, s.chairId)}</Fact>
      <Fact label={w.secretary}>{nameOf(lists.people, s.secretaryId)}</Fact>
      {s.status === 'active' ? (
        <p>
          <a href={`/console/meeting-series/${s.id}/edit`}>{w.editSeries}</a>
        </p>
      ) : null}
      <h2>{w.coming}</h2>
      <ComingTable ctx={ctx} series={s} meetings={s.meetings} />
      {s.status === 'active' ? (
        <div class="actions">
          <PostForm ctx={ctx} action={`/console/meeting-series/${s.id}/meetings`} novalidate>
            <h2>{w.addTitle}</h2>
            <p class="hint">{w.addHint}</p>
            <InputField type="datetime-local" id="start" label={w.start} errors={p.errors} value={p.values?.start} />
            <button type="submit">{w.add}</button>
          </PostForm>
        </div>
      ) : null}
      <Timeline title={w.timeline} lang={ctx.lang} entries={timeline} describe={(e) => describeEntry(e, ctx.lang)} />
    </>
  );
  return consolePage(ctx, 'meetings', s.title, body);
}
