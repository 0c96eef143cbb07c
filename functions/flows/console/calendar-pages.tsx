/**
 * The calendar page in the console: its heading, the filters as a plain GET form, previous / today /
 * next, the month or the week (calendar-views.tsx), and the office's feed address with the forms to
 * make, replace or stop it.
 */
import { Hidden } from '../../engine/ui/form';
import { ENTRY_KINDS, type FeedLink, KIND_WORDS } from '../calendar';
import { type CalendarWords, calendarWords } from './calendar-words';
import { type CalendarView, calendarHref, dayNumber, longDay, MonthTable, monthName, WeekList } from './calendar-views';
import { SelectField } from './fields';
import { type ConsoleContext, consolePage, PostForm, StatusNotice } from './ui';

export type { CalendarQuery, CalendarView } from './calendar-views';

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
