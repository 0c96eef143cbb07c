/**
 * One meeting from the console: its page, its agenda to print, and moving or cancelling it with the
 * reason, through the API's schemas and use cases (calendars get their update or cancellation there).
 */
import { directoryStore } from '../../../engine/deps';
import { ConflictError, ValidationError } from '../../../platform/errors';
import { parse } from '../../../platform/validation';
import { Cancel, cancelOccurrence, meetingWithSeries, Move, moveOccurrence, occurrenceOf } from '../../meeting';
import type { Form, Handler, Reply } from '../http';
import { htmlReply, redirect } from '../http';
import { occurrencePage } from '../meeting-changes';
import { agendaPrintPage, meetingPage, type Names } from '../meeting-detail';
import { meetingPageWords } from '../meeting-words';
import { fromLocalInput } from '../round-form';
import type { ConsoleContext } from '../ui';
import { deps } from './meetings';

const names = async (): Promise<Names> => {
  const d = directoryStore();
  const [people, bodies, orgs] = await Promise.all([d.listPeople(), d.listBodies(), d.listOrganisations()]);
  return { people, bodies, orgs };
};

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
  'GET /console/meetings/{id}': async ({ ctx, params }) => {
    const { meeting, series, timeline } = await meetingWithSeries(deps(), params.id);
    return htmlReply(200, meetingPage(ctx, meeting, series, await names(), timeline, deps().now()));
  },
  'GET /console/meetings/{id}/agenda': async ({ ctx, params }) => {
    const { meeting } = await meetingWithSeries(deps(), params.id);
    return htmlReply(200, agendaPrintPage(ctx, meeting, await names()));
  },
} satisfies Record<string, Handler>;
