/** The programme office's API for meeting series: define one, see its meetings, move, cancel or add one. */
import middy from '@middy/core';
import { composeWithCalendar } from './calendar-mime';
import { meetingDeps } from './deps';
import { httpErrors } from '../../platform/http-errors';
import { actor, json, jsonBody, type HttpEvent, type HttpResult, routeIn, type RouteTable } from '../../platform/http';
import { idempotencyKey, once } from '../../platform/idempotency';
import type { Context } from 'aws-lambda';
import { Add, Cancel, CreateSeries, Move } from './schemas';
import { parse } from '../../platform/validation';
import { addMeeting, cancelOccurrence, createSeries, moveOccurrence, seriesWithComing } from './use-cases';

const routes: RouteTable<'meetingsApi'> = {
  'POST /api/meeting-series': async (event, context) => {
    const input = parse(CreateSeries, jsonBody(event));
    const who = actor(event);
    const key = idempotencyKey(event);
    const create = async () => json(201, await createSeries(meetingDeps(composeWithCalendar), input, who, key));
    return once('meeting-series', key, who, input, context, create);
  },
  'GET /api/meeting-series/{id}': async (event) =>
    json(200, await seriesWithComing(meetingDeps(composeWithCalendar), event.pathParameters!.id!)),
  'POST /api/meeting-series/{id}/meetings': async (event, context) => {
    const id = event.pathParameters!.id!;
    const { start } = parse(Add, jsonBody(event));
    const who = actor(event);
    // The series is part of the request: the same key for another series is another request.
    const create = async () => json(201, await addMeeting(meetingDeps(composeWithCalendar), id, start, who));
    return once('meetings', idempotencyKey(event), who, { id, start }, context, create);
  },
  'POST /api/meeting-series/{id}/meetings/{key}/move': async (event) => {
    const body = parse(Move, jsonBody(event));
    await moveOccurrence(
      meetingDeps(composeWithCalendar),
      event.pathParameters!.id!,
      event.pathParameters!.key!,
      body.start,
      body.location,
      actor(event),
      body.reason,
    );
    return json(200, { moved: true });
  },
  'POST /api/meeting-series/{id}/meetings/{key}/cancel': async (event) => {
    await cancelOccurrence(
      meetingDeps(composeWithCalendar),
      event.pathParameters!.id!,
      event.pathParameters!.key!,
      parse(Cancel, jsonBody(event)).reason,
      actor(event),
    );
    return json(200, { cancelled: true });
  },
};

async function handle(event: HttpEvent, context?: Context): Promise<HttpResult> {
  const route = routeIn(routes, event.routeKey);
  return route ? route(event, context) : json(404, { message: `No route ${event.routeKey}` });
}

export const handler = middy<HttpEvent, HttpResult>().use(httpErrors()).handler(handle);
