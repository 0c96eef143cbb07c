/**
 * The programme office puts a request to a group: the request is checked (deadline, reminders,
 * approvers), stored once per idempotency key, put on record, and its workflow started.
 */
import { votingMemberIds } from '../../engine/directory';
import { idForKey, requestHash } from '../../platform/keyed-create';
import { ConflictError, KEY_REUSED_MESSAGE, ValidationError } from '../../platform/errors';
import { remindersTooEarly, tooEarlyMessage } from '../../platform/horizons';
import type { RoundDeps } from './ports';
import { createRound, type DocumentLink, type Round } from './round';
import { audit } from './round-access';
import type { Rule } from './rules';

/** The largest group one round can address; see MAX_TEXT in decisions.ts for why there is a limit. */
export const MAX_APPROVERS = 150;

/** A Standard workflow runs at most a year; a round (with its extensions) stays well inside that. */
export const MAX_ROUND_DAYS = 330;

export interface CreateRoundRequest {
  title: string;
  summary: string;
  documents: DocumentLink[];
  bodyId?: string;
  approverIds?: string[];
  rule: Rule;
  deadline: string;
  reminders: string[];
}

async function resolveApprovers(deps: RoundDeps, req: CreateRoundRequest): Promise<string[]> {
  if (req.bodyId) {
    const body = await deps.directory.getBody(req.bodyId);
    if (!body) throw new ValidationError({ bodyId: `there is no body with id "${req.bodyId}"` });
    if (body.active === false) throw new ValidationError({ bodyId: 'this body is no longer active' });
    const ids = votingMemberIds(body);
    if (ids.length === 0) throw new ValidationError({ bodyId: 'this body has no voting members' });
    if (ids.length > MAX_APPROVERS)
      throw new ValidationError({ bodyId: `this body has more than ${MAX_APPROVERS} voting members` });
    return ids;
  }
  const ids = [...new Set(req.approverIds ?? [])];
  const people = await deps.directory.getPeople(ids);
  const missing = ids.filter((id) => !people.some((p) => p.id === id && p.active));
  if (missing.length > 0)
    throw new ValidationError({ approverIds: `unknown or inactive people: ${missing.join(', ')}` });
  return ids;
}

export async function createApprovalRound(
  deps: RoundDeps,
  req: CreateRoundRequest,
  actor: string,
  idempotencyKey?: string,
): Promise<Round> {
  // With a key the id derives from it (platform/keyed-create.ts): an attempt that stored the round and
  // then failed before its answer (say, its workflow did not start) is retried into the same round.
  const id = idForKey('r', actor, idempotencyKey);
  const hash = idempotencyKey ? requestHash(req) : undefined;
  if (idempotencyKey) {
    const existing = await deps.rounds.get(id);
    if (existing) {
      // The handler's record of the key may be gone (a failed attempt, or its 24 hours passed):
      // the round itself says which request made it.
      if (existing.requestHash !== hash) throw new ConflictError(KEY_REUSED_MESSAGE);
      // An attempt that stored the round and then failed (the store or the workflow service away)
      // is finished here: its audit record (written once, by its key) and its workflow.
      await auditCreated(deps, existing);
      await deps.workflow.startRound(existing.id);
      return existing;
    }
  }
  const now = deps.now();
  const fields: Record<string, string> = {};
  if (Date.parse(req.deadline) <= now.getTime()) fields.deadline = 'the deadline must lie in the future';
  else if (Date.parse(req.deadline) > now.getTime() + MAX_ROUND_DAYS * 86400_000)
    fields.deadline = `the deadline must lie within ${MAX_ROUND_DAYS} days`;
  const early = fields.deadline ? [] : remindersTooEarly(req.reminders, req.deadline, now);
  if (early.length) fields.reminders = tooEarlyMessage(early);
  if (req.rule.type === 'consensus-then-majority') {
    const cd = req.rule.consentDeadline ? Date.parse(req.rule.consentDeadline) : NaN;
    if (!(cd > now.getTime() && cd < Date.parse(req.deadline)))
      fields['rule.consentDeadline'] = 'must lie between now and the deadline';
    // The consent stage counts its reminders back from its own deadline: one before now would never be sent.
    const earlyInConsent =
      fields['rule.consentDeadline'] || fields.reminders
        ? []
        : remindersTooEarly(req.reminders, req.rule.consentDeadline!, now);
    if (earlyInConsent.length) {
      fields.reminders = `${tooEarlyMessage(earlyInConsent)} (the consent stage ends at rule.consentDeadline)`;
    }
  }
  if (Object.keys(fields).length > 0) throw new ValidationError(fields);
  const approverIds = await resolveApprovers(deps, req);
  const round = createRound(
    {
      id,
      title: req.title,
      summary: req.summary,
      documents: req.documents,
      bodyId: req.bodyId,
      approverIds,
      rule: req.rule,
      deadline: new Date(req.deadline).toISOString(),
      reminders: req.reminders,
      createdBy: actor,
    },
    now,
  );
  if (hash) round.requestHash = hash;
  try {
    await deps.rounds.create(round);
  } catch (err) {
    // The same request, twice at once: the other one stored it first; answer with that round.
    if (!(idempotencyKey && err instanceof ConflictError)) throw err;
    return createApprovalRound(deps, req, actor, idempotencyKey);
  }
  await auditCreated(deps, round);
  await deps.workflow.startRound(round.id);
  return round;
}

/** The creation on the round's timeline, keyed by its first version, so a retried create writes it once. */
function auditCreated(deps: RoundDeps, round: Round) {
  return audit(deps, round.id, {
    version: 1,
    kind: 'created',
    actor: round.createdBy,
    details: { rule: round.rule, deadline: round.deadline, approvers: round.approverIds.length },
  });
}
