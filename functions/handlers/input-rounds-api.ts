/** The programme office's API for partner input rounds (uitvraag). */
import middy from '@middy/core';
import { NotFoundError } from '../domain/errors';
import { inputRoundDeps } from '../lib/deps';
import { httpErrors } from '../lib/http-errors';
import { actor, json, jsonBody, type HttpEvent, type HttpResult } from '../lib/http';
import { CreateInputRound } from '../lib/flow-schemas';
import { parse } from '../lib/validation';
import { createInputRound } from '../services/input-rounds';
import { apiLang, labelled } from '../domain/timeline-labels';

const routes: Record<string, (event: HttpEvent) => Promise<HttpResult>> = {
  'POST /api/input-rounds': async (event) => json(201, await createInputRound(inputRoundDeps(), parse(CreateInputRound, jsonBody(event)), actor(event))),
  'GET /api/input-rounds': async () => json(200, { inputRounds: await inputRoundDeps().inputs.list() }),
  'GET /api/input-rounds/{id}': async (event) => {
    const deps = inputRoundDeps();
    const id = event.pathParameters!.id!;
    const round = await deps.inputs.get(id);
    if (!round) throw new NotFoundError('input round', id);
    const timeline = await deps.inputs.listAudit(id);
    const lang = apiLang(event.headers?.['accept-language']);
    return json(200, { ...round, timeline: labelled('input', timeline, lang) });
  },
};

async function handle(event: HttpEvent): Promise<HttpResult> {
  const route = routes[event.routeKey];
  return route ? route(event) : json(404, { message: `No route ${event.routeKey}` });
}

export const handler = middy<HttpEvent, HttpResult>().use(httpErrors()).handler(handle);
