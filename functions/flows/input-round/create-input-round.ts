/** The programme office asks partners, or people, for input by a date: checked, stored, on record, started. */
import { ConflictError, KEY_REUSED_MESSAGE, ValidationError } from '../../platform/errors';
import { idForKey, requestHash } from '../../platform/keyed-create';
import { HORIZON_DAYS, remindersTooEarly, tooEarlyMessage, withinDays } from '../../platform/horizons';
import type { InputRound } from './input-round';
import type { InputRoundDeps } from './ports';

/** What the office asks for: the round's own fields, so the two cannot drift apart. */
export type CreateInputRoundRequest = Pick<
  InputRound,
  'title' | 'request' | 'organisationIds' | 'personIds' | 'deadline' | 'reminders' | 'escalate' | 'bodyId'
>;

/**
 * `idempotencyKey` (the office API): the id derives from it and the round keeps the request's hash
 * (platform/keyed-create.ts), so the request sent again after an attempt that stored the round and
 * then failed or crashed finishes that round instead of making a second one.
 */
export async function createInputRound(
  deps: InputRoundDeps,
  req: CreateInputRoundRequest,
  actor: string,
  idempotencyKey?: string,
): Promise<InputRound> {
  const id = idForKey('u', actor, idempotencyKey);
  const hash = idempotencyKey ? requestHash(req) : undefined;
  if (idempotencyKey) {
    const existing = await deps.inputs.get(id);
    if (existing) {
      if (existing.requestHash !== hash) throw new ConflictError(KEY_REUSED_MESSAGE);
      await auditCreated(deps, existing);
      await deps.workflow.startInputRound(existing.id);
      return existing;
    }
  }
  const now = deps.now();
  const fields: Record<string, string> = {};
  if (!(Date.parse(req.deadline) > now.getTime())) fields.deadline = 'the deadline must lie in the future';
  else if (!withinDays(req.deadline, now, HORIZON_DAYS.inputDeadline)) {
    fields.deadline = `the deadline must lie within ${HORIZON_DAYS.inputDeadline} days`;
  } else {
    const early = remindersTooEarly(req.reminders, req.deadline, now);
    if (early.length) fields.reminders = tooEarlyMessage(early);
  }
  Object.assign(fields, await respondentProblems(deps, req));
  if (!(await deps.directory.getBody(req.bodyId))) fields.bodyId = `there is no body with id "${req.bodyId}"`;
  if (Object.keys(fields).length) throw new ValidationError(fields);
  const round: InputRound = {
    id,
    title: req.title,
    request: req.request,
    organisationIds: [...new Set(req.organisationIds)],
    ...(req.personIds?.length ? { personIds: [...new Set(req.personIds)] } : {}),
    deadline: new Date(req.deadline).toISOString(),
    reminders: req.reminders,
    escalate: req.escalate,
    bodyId: req.bodyId,
    status: 'open',
    answers: {},
    remindersSent: [],
    createdAt: now.toISOString(),
    createdBy: actor,
    version: 1,
    ...(hash ? { requestHash: hash } : {}),
  };
  try {
    await deps.inputs.create(round);
  } catch (err) {
    // The same request twice at once: the other stored it first; finish and answer with that round.
    if (!(idempotencyKey && err instanceof ConflictError)) throw err;
    return createInputRound(deps, req, actor, idempotencyKey);
  }
  await auditCreated(deps, round);
  await deps.workflow.startInputRound(round.id);
  return round;
}

/**
 * Partners must be active and have a contact. People must be known and active; one without an email
 * address is asked in another way, and the office records what they give.
 */
async function respondentProblems(deps: InputRoundDeps, req: CreateInputRoundRequest): Promise<Record<string, string>> {
  const people = req.personIds ?? [];
  if (people.length && req.organisationIds.length) return { personIds: 'a round asks partners or people, not both' };
  if (people.length && req.escalate) return { escalate: 'a round of people is not escalated' };
  if (people.length) {
    const found = await deps.directory.getPeople([...new Set(people)]);
    const unknown = [...new Set(people)].filter((id) => !found.some((p) => p.id === id && p.active));
    return unknown.length ? { personIds: `unknown or inactive people: ${unknown.join(', ')}` } : {};
  }
  if (!req.organisationIds.length) return { organisationIds: 'must have at least 1 item' };
  const orgs = await deps.directory.listOrganisations();
  const unknown = [...new Set(req.organisationIds)].filter(
    (id) => !orgs.some((o) => o.id === id && o.active !== false && o.contactIds.length > 0),
  );
  return unknown.length
    ? { organisationIds: `unknown partners, or partners without a contact: ${unknown.join(', ')}` }
    : {};
}

/** The creation on the round's record, keyed by its first version, so a retried create writes it once. */
const auditCreated = (deps: InputRoundDeps, round: InputRound) =>
  deps.inputs.appendAudit(round.id, {
    key: 'v000001:created',
    at: deps.now().toISOString(),
    kind: 'created',
    actor: round.createdBy,
    details: round.personIds
      ? { people: round.personIds.length, deadline: round.deadline }
      : { partners: round.organisationIds.length, deadline: round.deadline },
  });
