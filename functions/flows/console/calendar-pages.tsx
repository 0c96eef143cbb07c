/**
 * The calendar in the console: a month as a table (a week a row, Monday first; on a phone each day
 * a block of its own) or a week as a list of days, each entry with its time in Amsterdam, its kind in
 * words (not by colour alone) and a link to its page; today marked; the filters as a plain GET form,
 * and the office's feed address with the forms to replace or stop it.
 */
import type { Body } from '../../engine/directory';
import { Hidden } from '../../engine/ui/form';
import { type Lang, zoned } from '../../platform/time';
import {
  CANCELLED,
  type CalendarEntry,
  ENTRY_KINDS,
  type EntryKind,
  type FeedLink,
  KIND_WORDS,
  type MonthGrid,
  type WeekGrid,
} from '../calendar';
import { type CalendarWords, calendarWords } from './calendar-words';
import { SelectField } from './fields';
import { type ConsoleContext, consolePage, PostForm, StatusNotice } from './ui';

export interface CalendarQuery {
  view: 'month' | 'week';
  /** YYYY-MM for a month, YYYY-MM-DD for a week. */
  date: string;
  bodyId?: string;
  kind?: EntryKind;
}

export interface CalendarView {
  query: CalendarQuery;
  grid: MonthGrid | WeekGrid;
  days: Map<string, CalendarEntry[]>;
  bodies: Body[];
  feed: FeedLink;
  notice?: string;
  problem?: string;
}

/** A calendar address with the same filters, another view or date. */
export function calendarHref(q: CalendarQuery, change: Partial<CalendarQuery> = {}): string {
  const n = { ...q, ...change };
  const params = new URLSearchParams({ view: n.view, date: n.date });
  if (n.bodyId) params.set('body', n.bodyId);
  if (n.kind) params.set('kind', n.kind);
  return `/console/calendar?${params}`;
}

const pad = (n: number) => String(n).padStart(2, '0');
const clock = (iso: string) => {
  const d = zoned(iso);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
};
const dayNumber = (date: string) => Number(date.slice(8, 10));
const monthName = (w: CalendarWords, date: string) => w.months[Number(date.slice(5, 7)) - 1];
/** "maandag 7 december 2026". */
export const longDay = (w: CalendarWords, date: string, weekday: number) =>
  `${w.weekdays[weekday]} ${dayNumber(date)} ${monthName(w, date)} ${date.slice(0, 4)}`;

function Entry(p: { lang: Lang; e: CalendarEntry; bodies: Map<string, string> }) {
  const { e, lang } = p;
  const time = e.end ? `${clock(e.start)}–${clock(e.end)}` : clock(e.start);
  const body = e.bodyId ? p.bodies.get(e.bodyId) : undefined;
  const title = e.cancelled ? <s>{e.title}</s> : e.title;
  return (
    <li class={`entry kind-${e.kind}`}>
      <time datetime={e.start}>{time}</time> <span class="kind">{KIND_WORDS[lang][e.kind].one}</span>{' '}
      <a href={e.href}>{title}</a>
      {e.cancelled ? ` (${CANCELLED[lang]})` : null}
      {body ? <span class="where"> · {body}</span> : null}
    </li>
  );
}

function Entries(p: { lang: Lang; list: CalendarEntry[] | undefined; bodies: Map<string, string>; empty?: string }) {
  if (!p.list?.length) return p.empty ? <p class="nothing">{p.empty}</p> : null;
  return (
    <ul class="entries">
      {p.list.map((e) => (
        <Entry lang={p.lang} e={e} bodies={p.bodies} />
      ))}
    </ul>
  );
}

function MonthTable(p: { ctx: ConsoleContext; v: CalendarView; grid: MonthGrid; bodies: Map<string, string> }) {
  const w = calendarWords[p.ctx.lang];
  return (
    <div class="table-wrap">
      <table class="calendar-month">
        <caption>{`${monthName(w, `${p.grid.month}-01`)} ${p.grid.month.slice(0, 4)}`}</caption>
        <thead>
          <tr>
            {w.weekdays.map((day, i) => (
              <th scope="col">
                <abbr title={day}>{w.short[i]}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {p.grid.weeks.map((week) => (
            <tr>
              {week.days.map((d, i) => {
                const list = p.v.days.get(d.date);
                const cls = [d.inMonth ? '' : 'other', d.today ? 'today' : '', list?.length ? '' : 'empty']
                  .filter(Boolean)
                  .join(' ');
                return (
                  <td class={cls || undefined} aria-current={d.today ? 'date' : undefined}>
                    <span class="date">
                      <span class="long">{longDay(w, d.date, i)}</span>
                      <span class="short" aria-hidden="true">
                        {dayNumber(d.date)}
                      </span>
                      {d.today ? <span class="today-mark"> ({w.todayMark})</span> : null}
                    </span>
                    <Entries lang={p.ctx.lang} list={list} bodies={p.bodies} />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function WeekList(p: { ctx: ConsoleContext; v: CalendarView; grid: WeekGrid; bodies: Map<string, string> }) {
  const w = calendarWords[p.ctx.lang];
  return (
    <div class="calendar-week">
      {p.grid.days.map((d, i) => (
        <section class={d.today ? 'day today' : 'day'} aria-current={d.today ? 'date' : undefined}>
          <h2>
            {longDay(w, d.date, i)}
            {d.today ? <span class="today-mark"> ({w.todayMark})</span> : null}
          </h2>
          <Entries lang={p.ctx.lang} list={p.v.days.get(d.date)} bodies={p.bodies} empty={w.nothing} />
        </section>
      ))}
    </div>
  );
}

function Filters(p: { ctx: ConsoleContext; v: CalendarView }) {
  const w = calendarWords[p.ctx.lang];
  const q = p.v.query;
  return (
    <form method="get" action="/console/calendar" class="filters">
      <fieldset>
        <legend>{w.filters}</legend>
        <Hidden name="date" value={q.date} />
        <div class="field">
          <SelectField
            id="view"
            label={w.view}
            options={[
              { value: 'month', label: w.month },
              { value: 'week', label: w.week },
            ]}
            selected={q.view}
          />
        </div>
        <div class="field">
          <SelectField
            id="body"
            label={w.body}
            hint={w.bodyHint}
            options={[{ value: '', label: w.allBodies }, ...p.v.bodies.map((b) => ({ value: b.id, label: b.name }))]}
            selected={q.bodyId ?? ''}
          />
        </div>
        <div class="field">
          <SelectField
            id="kind"
            label={w.kind}
            options={[
              { value: '', label: w.allKinds },
              ...ENTRY_KINDS.map((k) => ({ value: k, label: KIND_WORDS[p.ctx.lang][k].many })),
            ]}
            selected={q.kind ?? ''}
          />
        </div>
        <button type="submit">{w.show}</button>
      </fieldset>
    </form>
  );
}

function Pager(p: { w: CalendarWords; v: CalendarView; today: string }) {
  const { w, v } = p;
  const q = v.query;
  const month = q.view === 'month';
  return (
    <nav class="pager" aria-label={month ? w.month : w.week}>
      <a href={calendarHref(q, { date: v.grid.prev })} rel="prev">
        ← {month ? w.prevMonth : w.prevWeek}
      </a>
      <a href={calendarHref(q, { date: month ? p.today.slice(0, 7) : p.today })}>{w.today}</a>
      <a href={calendarHref(q, { date: v.grid.next })} rel="next">
        {month ? w.nextMonth : w.nextWeek} →
      </a>
    </nav>
  );
}

function Feed(p: { ctx: ConsoleContext; feed: FeedLink }) {
  const w = calendarWords[p.ctx.lang];
  const version = <Hidden name="version" value={String(p.feed.version)} />;
  return (
    <section id="feed" aria-labelledby="feed-title">
      <h2 id="feed-title">{w.feed}</h2>
      <p>{w.feedIntro}</p>
      {p.feed.url ? (
        <>
          <label for="feed-url">{w.feedUrl}</label>
          <input type="text" id="feed-url" readonly value={p.feed.url} aria-describedby="feed-secret" />
          <p id="feed-secret" class="hint">
            {w.feedSecret}
          </p>
          <div class="row-forms">
            <PostForm ctx={p.ctx} action="/console/calendar/feed">
              {version}
              <button type="submit" class="secondary" aria-describedby="feed-new-hint">
                {w.feedNew}
              </button>
              <span id="feed-new-hint" class="hint">
                {w.feedNewHint}
              </span>
            </PostForm>
            <PostForm ctx={p.ctx} action="/console/calendar/feed/stop">
              {version}
              <button type="submit" class="danger">
                {w.feedStop}
              </button>
            </PostForm>
          </div>
        </>
      ) : (
        <>
          <p>{w.feedNone}</p>
          <PostForm ctx={p.ctx} action="/console/calendar/feed">
            {version}
            <button type="submit">{w.feedMake}</button>
          </PostForm>
        </>
      )}
    </section>
  );
}

/** The whole calendar page, month or week. */
export function calendarPage(ctx: ConsoleContext, v: CalendarView, today: string): string {
  const w = calendarWords[ctx.lang];
  const bodies = new Map(v.bodies.map((b) => [b.id, b.name]));
  const total = [...v.days.values()].reduce((n, l) => n + l.length, 0);
  const g = v.grid;
  const heading =
    'weeks' in g
      ? `${monthName(w, `${g.month}-01`)} ${g.month.slice(0, 4)}`
      : `${w.weekNo(g.week)} (${dayNumber(g.days[0].date)} ${monthName(w, g.days[0].date)} – ${longDay(w, g.days[6].date, 6).replace(/^\S+ /, '')})`;
  const body = (
    <>
      {/* The calendar's own stylesheet (its function serves it): the console's has no room left in its bundle. */}
      <link rel="stylesheet" href="/console/assets/calendar.css" />
      <h1>
        {w.title}: {heading}
      </h1>
      <StatusNotice message={v.notice} />
      {v.problem ? (
        <p class="error-summary" role="alert">
          {v.problem}
        </p>
      ) : null}
      <p>{w.intro}</p>
      <Filters ctx={ctx} v={v} />
      <Pager w={w} v={v} today={today} />
      <p role="status">{total ? w.count(total) : w.nothingAll}</p>
      {'weeks' in g ? (
        <MonthTable ctx={ctx} v={v} grid={g} bodies={bodies} />
      ) : (
        <WeekList ctx={ctx} v={v} grid={g} bodies={bodies} />
      )}
      <Feed ctx={ctx} feed={v.feed} />
    </>
  );
  return consolePage(ctx, 'calendar', `${w.title}: ${heading}`, body);
}
