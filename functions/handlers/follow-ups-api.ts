/** The programme office's API for action items (follow-ups). */
import middy from '@middy/core';
import * as z from 'zod/mini';
import { followUpDeps } from '../lib/deps';
import { httpErrors } from '../lib/http-errors';
import { actor, json, jsonBody, type HttpEvent, type HttpResult } from '../lib/http';
import { isoWithOffset, text } from '../lib/round-schemas';
import { parse } from '../lib/validation';
import { createFollowUp, loadItem } from '../services/follow-ups';

const CreateFollowUp = z.strictObject({
  what: text(3, 300),
  origin: z._default(z.strictObject({ kind: z.enum(['meeting', 'decision', 'office']), ref: z.optional(text(1, 200)) }), { kind: 'office' as const }),
  ownerPersonId: z.optional(z.string().check(z.minLength(1))),
  ownerOrganisationId: z.optional(z.string().check(z.minLength(1))),
  due: isoWithOffset,
  bodyId: z.string().check(z.minLength(1)),
});
const ListQuery = z.object({ status: z.optional(z.enum(['open', 'blocked', 'awaiting-approval', 'done', 'returned'])) });

const routes: Record<string, (event: HttpEvent) => Promise<HttpResult>> = {
  'POST /api/follow-ups': async (event) => json(201, await createFollowUp(followUpDeps(), parse(CreateFollowUp, jsonBody(event)), actor(event))),
  'GET /api/follow-ups': async (event) => {
    const { status } = parse(ListQuery, event.queryStringParameters ?? {});
    return json(200, { followUps: await followUpDeps().items.list(status) });
  },
  'GET /api/follow-ups/{id}': async (event) => {
    const deps = followUpDeps();
    const item = await loadItem(deps, event.pathParameters!.id!);
    return json(200, { ...item, timeline: await deps.items.listAudit(item.id) });
  },
};

async function handle(event: HttpEvent): Promise<HttpResult> {
  const route = routes[event.routeKey];
  return route ? route(event) : json(404, { message: `No route ${event.routeKey}` });
}

export const handler = middy<HttpEvent, HttpResult>().use(httpErrors()).handler(handle);
