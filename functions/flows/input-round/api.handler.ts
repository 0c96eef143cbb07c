/** The programme office's API for input rounds (uitvraag): to partners or to people, and written input. */
import middy from '@middy/core';
import { NotFoundError } from '../../platform/errors';
import * as z from 'zod/mini';
import { inputRoundDeps, pageInputRounds } from './deps';
import { type InputRound, respondentsOf } from './input-round';
import { linkKeys } from '../../engine/deps';
import { apiPage, type ListParams, pageFields } from '../../platform/list-query';

const ListQuery = z.strictObject({ status: z.optional(z.enum(['open', 'closed'])), ...pageFields });

/** A row of the list: whom it asks and how many answered, not what they wrote (GET /api/input-rounds/{id}). */
function inputSummary(r: InputRound) {
  const asked = respondentsOf(r);
  return {
    id: r.id,
    title: r.title,
    bodyId: r.bodyId,
    status: r.status,
    deadline: r.deadline,
    createdAt: r.createdAt,
    closedAt: r.closedAt ?? null,
    asks: r.personIds?.length ? 'people' : 'partners',
    asked: asked.length,
    answered: asked.filter((id) => r.answers[id]).length,
  };
}
import { httpErrors } from '../../platform/http-errors';
import { actor, json, jsonBody, type HttpEvent, type HttpResult, routeIn, type RouteTable } from '../../platform/http';
import { idempotencyKey, once } from '../../platform/idempotency';
import type { Context } from 'aws-lambda';
import { CreateInputRound, CreatePeopleInputRound, RecordWrittenInput } from './schemas';
import { parse } from '../../platform/validation';
import { createInputRound, recordWrittenInput } from './use-cases';
import type { CreateInputRoundRequest } from './create-input-round';

/** A request with `personIds` asks people; without, partners (as it always did). */
function createRequest(body: unknown): CreateInputRoundRequest {
  if (body && typeof body === 'object' && 'personIds' in body)
    return { ...parse(CreatePeopleInputRound, body), organisationIds: [], escalate: false };
  return parse(CreateInputRound, body);
}
import { apiLang, labelled, INPUT_LABELS } from '../../engine/timeline-labels';

const routes: RouteTable<'inputRoundsApi'> = {
  'POST /api/input-rounds': async (event, context) => {
    const input = createRequest(jsonBody(event));
    const who = actor(event);
    const key = idempotencyKey(event);
    const create = async () => json(201, await createInputRound(inputRoundDeps(), input, who, key));
    return once('input-rounds', key, who, input, context, create);
  },
  'GET /api/input-rounds': async (event) => {
    const { status, ...query } = parse(ListQuery, event.queryStringParameters ?? {});
    const read = (p: ListParams) => pageInputRounds({ ...p, statuses: status ? [status] : undefined });
    const { rows, ...cursors } = await apiPage(await linkKeys(), 'input-rounds', query, { status }, read);
    return json(200, { inputRounds: rows.map(inputSummary), ...cursors });
  },
  'GET /api/input-rounds/{id}': async (event) => {
    const deps = inputRoundDeps();
    const id = event.pathParameters!.id!;
    const round = await deps.inputs.get(id);
    if (!round) throw new NotFoundError('input round', id);
    // By time: the records are keyed by what they are (created, answers, mail, closed), not by when.
    const timeline = (await deps.inputs.listAudit(id)).sort((a, b) => a.at.localeCompare(b.at));
    const lang = apiLang(event.headers?.['accept-language']);
    return json(200, { ...round, timeline: labelled(INPUT_LABELS, timeline, lang) });
  },
  'POST /api/input-rounds/{id}/written-input': async (event) => {
    const input = parse(RecordWrittenInput, jsonBody(event));
    return json(200, await recordWrittenInput(inputRoundDeps(), event.pathParameters!.id!, input, actor(event)));
  },
};

async function handle(event: HttpEvent, context?: Context): Promise<HttpResult> {
  const route = routeIn(routes, event.routeKey);
  return route ? route(event, context) : json(404, { message: `No route ${event.routeKey}` });
}

export const handler = middy<HttpEvent, HttpResult>().use(httpErrors()).handler(handle);
