/**
 * The programme office's API for approval rounds. Each route validates its input, calls one
 * service and maps the result; errors are answered in lib/http-errors.
 */
import middy from '@middy/core';
import * as z from 'zod/mini';
import { parse } from '../../platform/validation';
import { isoWithOffset, text } from '../../platform/schemas';
import { CreateRound } from './schemas';
import { currentTally, pendingApprovers, type Round } from './round';
import { approvalsNeeded } from './rules';
import { cancelApprovalRound, createApprovalRound, extendDeadline, loadRound, remindNow } from './use-cases';
import { pageRounds, roundDeps } from './deps';
import { linkKeys } from '../../engine/deps';
import { apiPage, type ListParams, pageFields } from '../../platform/list-query';
import { httpErrors } from '../../platform/http-errors';
import { actor, json, jsonBody, type HttpEvent, type HttpResult, routeIn, type RouteTable } from '../../platform/http';
import { idempotencyKey, once } from '../../platform/idempotency';
import type { Context } from 'aws-lambda';
import { apiLang, labelled, ROUND_LABELS } from '../../engine/timeline-labels';

const Extend = z.strictObject({ deadline: isoWithOffset });
const Cancel = z.strictObject({ reason: text(3, 1000, true) });
const ListQuery = z.strictObject({ status: z.optional(z.enum(['open', 'closed'])), ...pageFields });
// Routes that take no fields say so, rather than silently ignoring what was sent.
const Nothing = z.strictObject({});

/** A row of the list: what tells rounds apart and how far each is, not its approvers (GET /api/rounds/{id}). */
function roundSummary(round: Round) {
  const tally = currentTally(round);
  return {
    id: round.id,
    title: round.title,
    bodyId: round.bodyId,
    status: round.status,
    outcome: round.outcome ?? null,
    stage: round.stage,
    deadline: round.deadline,
    createdAt: round.createdAt,
    closedAt: round.closedAt ?? null,
    responded: tally.eligible - tally.pending,
    eligible: tally.eligible,
  };
}

/** The round as the programme office sees it: everything except links and workflow tokens. */
function roundView(round: Round) {
  const tally = currentTally(round);
  return {
    id: round.id,
    title: round.title,
    summary: round.summary,
    documents: round.documents,
    bodyId: round.bodyId,
    rule: round.rule,
    deadline: round.deadline,
    reminders: round.reminders,
    status: round.status,
    outcome: round.outcome ?? null,
    stage: round.stage,
    createdAt: round.createdAt,
    createdBy: round.createdBy,
    closedAt: round.closedAt ?? null,
    cancelReason: round.cancelReason ?? null,
    tally: { ...tally, approvalsNeeded: approvalsNeeded(tally) },
    stages: round.stages,
    approvers: round.approverIds.map((id) => {
      const v = round.votes[id];
      return {
        personId: id,
        state: v ? 'responded' : 'pending',
        choice: v?.choice ?? null,
        reason: v?.reason ?? null,
        comment: v?.comment ?? null,
        at: v?.at ?? null,
        changes: v?.changes ?? 0,
      };
    }),
    pending: pendingApprovers(round),
  };
}

const routes: RouteTable<'roundsApi'> = {
  'POST /api/rounds': async (event, context) => {
    const input = parse(CreateRound, jsonBody(event));
    const key = idempotencyKey(event);
    const who = actor(event);
    const create = async () => json(201, roundView(await createApprovalRound(roundDeps(), input, who, key)));
    return once('rounds', key, who, input, context, create);
  },
  'GET /api/rounds': async (event) => {
    const { status, ...query } = parse(ListQuery, event.queryStringParameters ?? {});
    const read = (p: ListParams) => pageRounds({ ...p, statuses: status ? [status] : undefined });
    const { rows, ...cursors } = await apiPage(await linkKeys(), 'rounds', query, { status }, read);
    return json(200, { rounds: rows.map(roundSummary), ...cursors });
  },
  'GET /api/rounds/{id}': async (event) => {
    const deps = roundDeps();
    const round = await loadRound(deps, event.pathParameters!.id!);
    const [timeline, people] = await Promise.all([
      deps.rounds.listAudit(round.id),
      deps.directory.getPeople(round.approverIds),
    ]);
    const names = new Map(people.map((p) => [p.id, p.name]));
    const view = roundView(round);
    const approvers = view.approvers.map((a) => ({ ...a, name: names.get(a.personId) ?? null }));
    const lang = apiLang(event.headers?.['accept-language']);
    return json(200, { ...view, approvers, timeline: labelled(ROUND_LABELS, timeline, lang) });
  },
  'POST /api/rounds/{id}/remind': async (event) => {
    parse(Nothing, jsonBody(event));
    return json(200, await remindNow(roundDeps(), event.pathParameters!.id!, actor(event)));
  },
  'POST /api/rounds/{id}/extend': async (event) => {
    const { deadline } = parse(Extend, jsonBody(event));
    return json(200, roundView(await extendDeadline(roundDeps(), event.pathParameters!.id!, deadline, actor(event))));
  },
  'POST /api/rounds/{id}/cancel': async (event) => {
    const { reason } = parse(Cancel, jsonBody(event));
    return json(
      200,
      roundView(await cancelApprovalRound(roundDeps(), event.pathParameters!.id!, reason, actor(event))),
    );
  },
};

async function handle(event: HttpEvent, context?: Context): Promise<HttpResult> {
  const route = routeIn(routes, event.routeKey);
  if (!route) return json(404, { message: `No route ${event.routeKey}` });
  return route(event, context);
}

export const handler = middy<HttpEvent, HttpResult>().use(httpErrors()).handler(handle);
