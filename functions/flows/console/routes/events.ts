/** Public events from the console: the list, an event's page, and recording what was heard and done. */
import { eventDeps, listEvents, Outcome, readEvent, recordOutcome } from '../../event';
import { ConflictError, ValidationError } from '../../../platform/errors';
import { parse } from '../../../platform/validation';
import { eventConsolePage, eventsListPage } from '../event-pages';
import { eventWords } from '../event-words';
import { type Handler, htmlReply, redirect, type SignedInRequest } from '../http';

function outcome(kind: 'heard' | 'did'): Handler {
  return async ({ ctx, params, form, session }: SignedInRequest) => {
    const w = eventWords[ctx.lang];
    const field = `${kind}-text`;
    const text = form.text(field);
    const again = async (status: number, errors: Record<string, string>) =>
      htmlReply(
        status,
        eventConsolePage(ctx, await readEvent(eventDeps(), params.id), eventDeps().now(), {
          errors,
          values: { [field]: text },
        }),
      );
    try {
      const done = await recordOutcome(eventDeps(), params.id, kind, parse(Outcome, { text }), session.sub);
      return redirect(`/console/events/${params.id}?sent=${done.mailed}`);
    } catch (err) {
      if (err instanceof ValidationError) return again(400, { [field]: w.tooShort });
      if (err instanceof ConflictError) return again(409, { [field]: kind === 'did' ? w.heardFirst : w.notYet });
      throw err;
    }
  };
}

export const eventRoutes = {
  'GET /console/events': async ({ ctx }) => htmlReply(200, eventsListPage(ctx, await listEvents(eventDeps()))),
  'GET /console/events/{id}': async ({ ctx, params, query }) => {
    const sent =
      query.sent && /^\d{1,4}$/.test(query.sent) ? eventWords[ctx.lang].saved(Number(query.sent)) : undefined;
    return htmlReply(
      200,
      eventConsolePage(ctx, await readEvent(eventDeps(), params.id), eventDeps().now(), { notice: sent }),
    );
  },
  'POST /console/events/{id}/heard': outcome('heard'),
  'POST /console/events/{id}/did': outcome('did'),
} satisfies Record<string, Handler>;
