/** The calendar page (month or week, filtered by group and kind) and the forms for its feed address. */
import {
  byDay,
  calendarEntries,
  dayOf,
  ENTRY_KINDS,
  type EntryKind,
  feedDeps,
  feedLink,
  isDate,
  isMonth,
  monthGrid,
  newFeedLink,
  stopFeed,
  weekGrid,
} from '../../calendar';
import { directoryStore } from '../../../engine/deps';
import { ConflictError } from '../../../platform/errors';
import { type CalendarQuery, calendarPage } from '../calendar-pages';
import { calendarWords } from '../calendar-words';
import { type Form, type Handler, htmlReply, redirect, type Reply, type Request } from '../http';
import type { ConsoleContext } from '../ui';

const FLASH = { 'feed-new': 'feedMade', 'feed-stopped': 'feedStopped' } as const;

/** The query as asked; anything that names nothing is dropped with a message, never a 500. */
function readQuery(query: Request['query'], today: string, bodyIds: Set<string>) {
  const problems: ('badDate' | 'badBody' | 'badKind')[] = [];
  const view = query.view === 'week' ? 'week' : 'month';
  const asked = query.date;
  const valid = isDate(asked) || isMonth(asked);
  if (asked && !valid) problems.push('badDate');
  // A month's link (2026-12) opens that month's first week; a day's (2026-12-07) opens its month.
  const day = !valid ? today : isDate(asked) ? asked : `${asked}-01`;
  const date = view === 'week' ? day : day.slice(0, 7);
  const bodyId = query.body || undefined;
  if (bodyId && !bodyIds.has(bodyId)) problems.push('badBody');
  const kind = query.kind || undefined;
  if (kind && !(ENTRY_KINDS as readonly string[]).includes(kind)) problems.push('badKind');
  const q: CalendarQuery = {
    view,
    date,
    bodyId: bodyId && bodyIds.has(bodyId) ? bodyId : undefined,
    kind: kind && (ENTRY_KINDS as readonly string[]).includes(kind) ? (kind as EntryKind) : undefined,
  };
  return { q, problems };
}

async function calendarReply(ctx: ConsoleContext, query: Request['query'], status = 200, notice?: string) {
  const deps = feedDeps();
  const today = dayOf(deps.now().toISOString());
  const bodies = await directoryStore().listBodies();
  const { q, problems } = readQuery(query, today, new Set(bodies.map((b) => b.id)));
  const grid = q.view === 'week' ? weekGrid(q.date, today) : monthGrid(q.date, today);
  const [entries, feed] = await Promise.all([
    calendarEntries(grid.window, ctx.lang, { bodyId: q.bodyId, kind: q.kind }),
    feedLink(deps),
  ]);
  const w = calendarWords[ctx.lang];
  const flash = query.m && Object.hasOwn(FLASH, query.m) ? w[FLASH[query.m as keyof typeof FLASH]] : undefined;
  const page = calendarPage(
    ctx,
    {
      query: q,
      grid,
      days: byDay(entries),
      bodies,
      feed,
      notice: notice ?? flash,
      problem: problems.map((p) => w[p]).join(' ') || undefined,
    },
    today,
  );
  return htmlReply(problems.length ? 400 : status, page);
}

/** The version the page showed: a whole number, else one no feed has (the change is then refused). */
const versionOf = (form: Form) => (/^\d{1,9}$/.test(form.text('version')) ? Number(form.text('version')) : -1);

async function changeFeed(ctx: ConsoleContext, change: () => Promise<void>, done: keyof typeof FLASH): Promise<Reply> {
  try {
    await change();
    return redirect(`/console/calendar?m=${done}#feed`);
  } catch (err) {
    if (!(err instanceof ConflictError)) throw err;
    return calendarReply(ctx, {}, 409, calendarWords[ctx.lang].feedChanged);
  }
}

export const calendarRoutes = {
  'GET /console/calendar': async ({ ctx, query }) => calendarReply(ctx, query),
  'POST /console/calendar/feed': async ({ ctx, form }) =>
    changeFeed(ctx, () => newFeedLink(feedDeps(), versionOf(form)), 'feed-new'),
  'POST /console/calendar/feed/stop': async ({ ctx, form }) =>
    changeFeed(ctx, () => stopFeed(feedDeps(), versionOf(form)), 'feed-stopped'),
} satisfies Record<string, Handler>;
