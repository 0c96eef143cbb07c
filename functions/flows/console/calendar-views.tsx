/**
 * The calendar's two views: the month as a table (a week a row, Monday first; on a phone each day
 * a block of its own) and the week as a list of days; each entry with its time in Amsterdam, its
 * kind in words (not by colour alone), a link to its page and its group; today marked.
 */
import type { Body } from '../../engine/directory';
import { type Lang, zoned } from '../../platform/time';
import {
  CANCELLED,
  type CalendarEntry,
  type EntryKind,
  type FeedLink,
  KIND_WORDS,
  type MonthGrid,
  type WeekGrid,
} from '../calendar';
import { type CalendarWords, calendarWords } from './calendar-words';
import type { ConsoleContext } from './ui';

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
export const dayNumber = (date: string) => Number(date.slice(8, 10));
export const monthName = (w: CalendarWords, date: string) => w.months[Number(date.slice(5, 7)) - 1];
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

export function MonthTable(p: { ctx: ConsoleContext; v: CalendarView; grid: MonthGrid; bodies: Map<string, string> }) {
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

export function WeekList(p: { ctx: ConsoleContext; v: CalendarView; grid: WeekGrid; bodies: Map<string, string> }) {
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
