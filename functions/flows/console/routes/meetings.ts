/**
 * Meeting series from the console: the list, the new series form with its preview step, a series'
 * page and a one-off meeting. Checked by the API's schemas and made by the API's use cases.
 */
import { directoryStore } from '../../../engine/deps';
import { ConflictError, ValidationError } from '../../../platform/errors';
import { isValid } from 'date-fns/isValid';
import { HORIZON_DAYS, withinDays } from '../../../platform/horizons';
import { isoDate, wallClock, zoned } from '../../../platform/time';
import { parse } from '../../../platform/validation';
import {
  Add,
  addMeeting,
  CreateSeries,
  createSeries,
  listSeries,
  meetingDeps,
  recurrence,
  seriesWithRecord,
} from '../../meeting';
import { type Handler, htmlReply, redirect, type Reply } from '../http';
import { newSeriesPage, type Preview } from '../meeting-form';
import { seriesListPage, seriesPage } from '../meeting-pages';
import { NEW_SERIES, onForm, recurrenceOf, seriesRequest, seriesValues, type Values } from '../meeting-request';
import { meetingPageWords } from '../meeting-words';
import { fromLocalInput } from '../round-form';
import type { ConsoleContext } from '../ui';

// No calendar composer: a new series and a one-off meeting plan workflows and send no calendar mail here.
export const deps = () => meetingDeps();

const lists = async () => {
  const [bodies, people] = await Promise.all([directoryStore().listBodies(), directoryStore().listPeople()]);
  return { bodies, people };
};

async function form(ctx: ConsoleContext, status: number, v: Values, p: Parameters<typeof newSeriesPage>[3] = {}) {
  return htmlReply(status, newSeriesPage(ctx, await lists(), v, p));
}

/** The form's one-time key makes a double click or a resubmit make one series, not two. */
const onceKey = (once: string) => (/^[A-Za-z0-9_-]{16,64}$/.test(once) ? `console-${once}` : undefined);

export async function seriesReply(
  ctx: ConsoleContext,
  id: string,
  status: number,
  p: Parameters<typeof seriesPage>[4] = {},
): Promise<Reply> {
  const { series, timeline } = await seriesWithRecord(deps(), id);
  return htmlReply(status, seriesPage(ctx, series, await lists(), timeline, p));
}

export const meetingRoutes = {
  'GET /console/meetings': async ({ ctx }) => {
    const [list, { bodies }] = await Promise.all([listSeries(deps()), lists()]);
    return htmlReply(200, seriesListPage(ctx, list, bodies));
  },
  'GET /console/meetings/new': async ({ ctx }) =>
    form(ctx, 200, { ...NEW_SERIES, startsOn: isoDate(zoned(deps().now())) }),
  // "Bekijk de data" shows the preview; only a preview's own button saves, with the same fields.
  'POST /console/meetings': async ({ ctx, form: f, session }) => {
    const w = meetingPageWords[ctx.lang];
    const v = seriesValues(f);
    const once = f.text('once');
    const picked = recurrenceOf(v, ctx.lang);
    const own = 'errors' in picked ? picked.errors : {};
    // With the picker's own errors, the other fields are still checked, so every message shows at once.
    const rule = 'r' in picked ? recurrence.toRrule(picked.r) : 'FREQ=WEEKLY;BYDAY=MO';
    let checked: Parameters<typeof createSeries>[1];
    try {
      checked = parse(CreateSeries, seriesRequest(v, rule)) as typeof checked;
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      return form(ctx, 400, v, { errors: { ...onForm(err.fields, ctx.lang), ...own }, once });
    }
    if (!('r' in picked)) return form(ctx, 400, v, { errors: own, once });
    const { r } = picked;
    const preview: Preview = {
      rrule: rule,
      words: recurrence.describe(r, checked.startsOn, checked.startTime, checked.durationMinutes, ctx.lang),
      starts: recurrence.nextStarts(rule, checked.startsOn, checked.startTime, checked.durationMinutes, deps().now()),
    };
    // The series' own check of its first day (planning.ts), before the preview shows dates it would refuse.
    if (!isValid(wallClock(checked.startsOn)) || !withinDays(checked.startsOn, deps().now(), HORIZON_DAYS.seriesStart))
      return form(ctx, 400, v, { errors: { startsOn: w.errors.startsOn }, once });
    if (!preview.starts.length) return form(ctx, 400, v, { errors: { frequency: w.errors.rrule }, once });
    if (f.text('step') !== 'save') return form(ctx, 200, v, { preview, once });
    try {
      const series = await createSeries(deps(), checked, session.sub, onceKey(once));
      return redirect(`/console/meeting-series/${series.id}?m=created`);
    } catch (err) {
      if (err instanceof ConflictError) return form(ctx, 409, v, { errors: { save: w.errors.formUsed }, preview });
      if (!(err instanceof ValidationError)) throw err;
      return form(ctx, 400, v, { errors: onForm(err.fields, ctx.lang), preview, once });
    }
  },
  'GET /console/meeting-series/{id}': async ({ ctx, params, query }) => {
    const w = meetingPageWords[ctx.lang];
    const notice = query.m === 'created' ? w.created : query.m ? w.saved[query.m] : undefined;
    return seriesReply(ctx, params.id, 200, { notice });
  },
  'POST /console/meeting-series/{id}/meetings': async ({ ctx, params, form: f, session }) => {
    const w = meetingPageWords[ctx.lang];
    const typed = f.text('start');
    const start = fromLocalInput(typed);
    const refused = () =>
      seriesReply(ctx, params.id, 400, { errors: { start: w.errors.start }, values: { start: typed } });
    if (!start) return refused();
    try {
      // Adding the same moment twice keeps one meeting (addMeeting), so a double click is harmless.
      await addMeeting(deps(), params.id, parse(Add, { start }).start, session.sub);
    } catch (err) {
      if (err instanceof ValidationError) return refused();
      throw err;
    }
    return redirect(`/console/meeting-series/${params.id}?m=added`);
  },
} satisfies Record<string, Handler>;
