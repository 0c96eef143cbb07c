/**
 * One meeting of a series from the console: its page to move or cancel it with the reason, through the API's schemas and use cases (calendars get their update or cancellation there).
 */
import { ConflictError, ValidationError } from '../../../platform/errors';
import { parse } from '../../../platform/validation';
import {
  Cancel,
  cancelOccurrence,
  composeWithCalendar,
  meetingDeps,
  Move,
  moveOccurrence,
  occurrenceOf,
} from '../../meeting';
import type { Form, Handler, Reply } from '../http';
import { htmlReply, redirect } from '../http';
import { occurrencePage } from '../meeting-changes';
import { meetingPageWords } from '../meeting-words';
import { fromLocalInput } from '../round-form';
import type { ConsoleContext } from '../ui';

// With the calendar composer: a move sends calendars an update, a cancel a cancellation.
const deps = () => meetingDeps(composeWithCalendar);

async function occurrenceReply(
  ctx: ConsoleContext,
  id: string,
  key: string,
  status: number,
  p: Parameters<typeof occurrencePage>[5] = {},
): Promise<Reply> {
  const { series, occurrence, meeting } = await occurrenceOf(deps(), id, key);
  return htmlReply(status, occurrencePage(ctx, series, occurrence, meeting, deps().now(), p));
}

/** The API's refusal fields as the form's fields, in the console's words. */
function refusal(ctx: ConsoleContext, fields: Record<string, string>, reasonField: string) {
  const e = meetingPageWords[ctx.lang].errors;
  const out: Record<string, string> = {};
  for (const f of Object.keys(fields))
    if (f === 'reason') out[reasonField] = e.reason;
    else out[f === 'location' ? 'location' : 'start'] = f === 'location' ? e.location : e.start;
  return out;
}

/** Run a change; a refusal shows the page again (400 by the fields, 409 with why), changing nothing. */
async function change(
  ctx: ConsoleContext,
  params: Readonly<Record<string, string>>,
  values: Record<string, string>,
  reasonField: string,
  run: () => Promise<void>,
  done: string,
): Promise<Reply> {
  try {
    await run();
  } catch (err) {
    if (err instanceof ValidationError)
      return occurrenceReply(ctx, params.id, params.key, 400, {
        errors: refusal(ctx, err.fields, reasonField),
        values,
      });
    if (err instanceof ConflictError)
      return occurrenceReply(ctx, params.id, params.key, 409, {
        problem: meetingPageWords[ctx.lang].errors.closed,
        values,
      });
    throw err;
  }
  return redirect(`/console/meeting-series/${params.id}?m=${done}`);
}

const moveValues = (f: Form) => ({
  start: f.text('start'),
  location: f.text('location'),
  'move-reason': f.text('move-reason'),
});

export const meetingChangeRoutes = {
  'GET /console/meeting-series/{id}/meetings/{key}': async ({ ctx, params }) =>
    occurrenceReply(ctx, params.id, params.key, 200),
  'POST /console/meeting-series/{id}/meetings/{key}/move': async ({ ctx, params, form, session }) => {
    const v = moveValues(form);
    const start = fromLocalInput(v.start);
    // The console asks why, for the record; the API keeps it optional.
    const request = { start: start ?? '', ...(v.location ? { location: v.location } : {}), reason: v['move-reason'] };
    return change(
      ctx,
      params,
      v,
      'move-reason',
      async () => {
        const body = parse(Move, request);
        await moveOccurrence(deps(), params.id, params.key, body.start, body.location, session.sub, body.reason);
      },
      'moved',
    );
  },
  'POST /console/meeting-series/{id}/meetings/{key}/cancel': async ({ ctx, params, form, session }) => {
    const reason = form.text('reason');
    return change(
      ctx,
      params,
      { reason },
      'reason',
      async () => {
        const body = parse(Cancel, { reason });
        await cancelOccurrence(deps(), params.id, params.key, body.reason, session.sub);
      },
      'cancelled',
    );
  },
} satisfies Record<string, Handler>;
