/**
 * The programme office's API for public events: make one or a series (with an Idempotency-Key),
 * list, read one with its registrations and timeline, cancel, and record "what we heard" and
 * "what we did with it". Shapes are checked by zod; errors map to 400/404/409 as on every route.
 */
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { eventDeps } from './deps';
import type { PublicEvent } from './event';
import { cancelEvent, createEvents, listEvents, readEvent, recordOutcome } from './office';
import { CancelEvent, CreateEvent, Outcome } from './schemas';
import { httpErrors } from '../../platform/http-errors';
import { actor, json, jsonBody, type HttpEvent, type HttpResult, routeIn, type RouteTable } from '../../platform/http';
import { idempotencyKey, once } from '../../platform/idempotency';
import { parse } from '../../platform/validation';

const id = (event: HttpEvent) => event.pathParameters!.id!;
const view = <T extends PublicEvent>({ requestHash: _, ...e }: T) => e;

const routes: RouteTable<'eventsApi'> = {
  'POST /api/events': async (event, context) => {
    const input = parse(CreateEvent, jsonBody(event));
    const who = actor(event);
    const key = idempotencyKey(event);
    const create = async () => json(201, { events: (await createEvents(eventDeps(), input, who, key)).map(view) });
    return once('events', key, who, input, context, create);
  },
  'GET /api/events': async () => json(200, { events: (await listEvents(eventDeps())).map(view) }),
  'GET /api/events/{id}': async (event) => json(200, view(await readEvent(eventDeps(), id(event)))),
  'POST /api/events/{id}/cancel': async (event) => {
    const { reason } = parse(CancelEvent, jsonBody(event));
    return json(200, view(await cancelEvent(eventDeps(), id(event), reason, actor(event))));
  },
  'POST /api/events/{id}/heard': async (event) => {
    const req = parse(Outcome, jsonBody(event));
    return json(200, view(await recordOutcome(eventDeps(), id(event), 'heard', req, actor(event))));
  },
  'POST /api/events/{id}/did': async (event) => {
    const req = parse(Outcome, jsonBody(event));
    return json(200, view(await recordOutcome(eventDeps(), id(event), 'did', req, actor(event))));
  },
};

async function handle(event: HttpEvent, context?: Context): Promise<HttpResult> {
  const route = routeIn(routes, event.routeKey);
  if (!route) return json(404, { message: `No route ${event.routeKey}` });
  return route(event, context);
}

export const handler = middy<HttpEvent, HttpResult>().use(httpErrors()).handler(handle);
