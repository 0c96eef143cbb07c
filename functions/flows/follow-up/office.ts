/**
 * What the programme office does with action items (through the API or the console, and other
 * flows such as a meeting's minutes): create one, and steer it by closing it or setting a new date.
 */
import { AnswerRejected, officeChange } from './answers';
import { type ActionItem, isClosed } from './follow-up';
import { audit, changeKey, type FollowUpDeps, loadItem, mutateItem } from './items';
import { ConflictError, KEY_REUSED_MESSAGE, ValidationError } from '../../platform/errors';
import { idForKey, requestHash } from '../../platform/keyed-create';
import { HORIZON_DAYS, withinDays } from '../../platform/horizons';

export interface CreateFollowUpRequest {
  what: string;
  details?: string;
  origin: ActionItem['origin'];
  ownerPersonId?: string;
  ownerOrganisationId?: string;
  due: string;
  bodyId: string;
}

/** The field messages for a request the directory or the clock refuses; empty when it is sound. */
async function refusals(deps: FollowUpDeps, req: CreateFollowUpRequest, now: Date): Promise<Record<string, string>> {
  const fields: Record<string, string> = {};
  if (!(Date.parse(req.due) > now.getTime())) fields.due = 'the due date must lie in the future';
  else if (!withinDays(req.due, now, HORIZON_DAYS.itemDue)) {
    fields.due = `the due date must lie within ${HORIZON_DAYS.itemDue} days`;
  }
  if (!(await deps.directory.getBody(req.bodyId))) fields.bodyId = `there is no body with id "${req.bodyId}"`;
  if (Boolean(req.ownerPersonId) === Boolean(req.ownerOrganisationId))
    fields.owner = 'give either ownerPersonId or ownerOrganisationId';
  else if (req.ownerPersonId && !(await deps.directory.getPerson(req.ownerPersonId))?.active)
    fields.ownerPersonId = 'unknown or inactive person';
  else if (
    req.ownerOrganisationId &&
    !(await deps.directory.listOrganisations()).some((o) => o.id === req.ownerOrganisationId && o.contactIds.length > 0)
  )
    fields.ownerOrganisationId = 'unknown organisation, or one without a contact';
  return fields;
}

export interface CreateOptions {
  /** A fixed id for an item made by another flow (a meeting's minutes), so a retry finds it instead of making another. */
  id?: string;
  dueHistory?: ActionItem['dueHistory'];
  /**
   * The request's Idempotency-Key (the office API): the id derives from it and the item keeps the
   * request's hash (platform/keyed-create.ts), so the request sent again after an attempt that stored
   * the item and then failed or crashed finishes that item instead of making a second one.
   */
  idempotencyKey?: string;
}

export async function createFollowUp(
  deps: FollowUpDeps,
  req: CreateFollowUpRequest,
  actor: string,
  options: CreateOptions = {},
): Promise<ActionItem> {
  const { idempotencyKey, dueHistory = [] } = options;
  const id = options.id ?? idForKey('f', actor, idempotencyKey);
  const hash = idempotencyKey ? requestHash(req) : undefined;
  if (idempotencyKey) {
    const existing = await deps.items.get(id);
    if (existing) {
      if (existing.requestHash !== hash) throw new ConflictError(KEY_REUSED_MESSAGE);
      // Stored by an attempt that did not finish: its record (written once, by its key) and its workflow.
      await auditCreated(deps, existing);
      await deps.workflow.startFollowUp(existing.id);
      return existing;
    }
  }
  const now = deps.now();
  const fields = await refusals(deps, req, now);
  if (Object.keys(fields).length) throw new ValidationError(fields);
  const item: ActionItem = {
    id,
    what: req.what,
    ...(req.details ? { details: req.details } : {}),
    origin: req.origin,
    owner: req.ownerPersonId ? { personId: req.ownerPersonId } : { organisationId: req.ownerOrganisationId! },
    due: new Date(req.due).toISOString(),
    bodyId: req.bodyId,
    status: 'open',
    createdAt: now.toISOString(),
    dueHistory,
    actionsDone: [],
    createdBy: actor,
    version: 1,
    ...(hash ? { requestHash: hash } : {}),
  };
  try {
    await deps.items.create(item);
  } catch (err) {
    // The same request twice at once: the other stored it first; finish and answer with that item.
    if (!(idempotencyKey && err instanceof ConflictError)) throw err;
    return createFollowUp(deps, req, actor, options);
  }
  await auditCreated(deps, item);
  await deps.workflow.startFollowUp(item.id);
  return item;
}

/** The creation on the item's record, keyed by its first version, so a retried create writes it once. */
const auditCreated = (deps: FollowUpDeps, item: ActionItem) =>
  audit(deps, item.id, 'v000001:created', 'created', item.createdBy, { due: item.due, owner: item.owner });

/** Programme office (API or console): close the item with its result, or set a new date. */
export async function steerFollowUp(
  deps: FollowUpDeps,
  id: string,
  change: Parameters<typeof officeChange>[1],
  actor: string,
): Promise<ActionItem> {
  if (change.action === 'move' && !withinDays(change.due, (await loadItem(deps, id)).createdAt, HORIZON_DAYS.itemDue)) {
    const days = HORIZON_DAYS.itemDue;
    throw new ValidationError({ due: `an action item's due date must lie within ${days} days of its creation` });
  }
  let changed;
  try {
    changed = await mutateItem(deps, id, (item) => officeChange(item, change, actor, deps.now()), true);
  } catch (err) {
    if (!(err instanceof AnswerRejected)) throw err;
    if (err.reason === 'closed') throw new ConflictError('this action item is closed');
    throw new ValidationError(
      change.action === 'done'
        ? { result: err.reason }
        : { [err.reason === 'reason-required' ? 'reason' : 'due']: err.reason },
    );
  }
  const { after, takenToken } = changed!;
  await audit(
    deps,
    id,
    changeKey(after, 'office'),
    change.action === 'done' ? 'closed-by-office' : 'moved-by-office',
    actor,
    { status: after.status, due: after.due, result: after.result },
  );
  // The schedule changed (or ended): the workflow must look again.
  if (takenToken) await deps.workflow.resume(takenToken, { reason: 'steered' });
  return after;
}

/**
 * Whoever started the item stops it (a cycle the office cancelled): nobody is reminded or escalated
 * to any more, and its record says who stopped it and why. A closed item stays as it is (409).
 */
export async function cancelFollowUp(
  deps: FollowUpDeps,
  id: string,
  reason: string,
  actor: string,
): Promise<ActionItem> {
  const at = deps.now().toISOString();
  const changed = await mutateItem(
    deps,
    id,
    (item) => {
      if (isClosed(item)) throw new ConflictError('this action item is closed');
      return { ...item, status: 'cancelled', cancelled: { by: actor, at, reason }, version: item.version + 1 };
    },
    true,
  );
  const { after, takenToken } = changed!;
  await audit(deps, id, changeKey(after, 'office'), 'cancelled', actor, { reason });
  // Its workflow ends at once instead of at its next reminder.
  if (takenToken) await deps.workflow.resume(takenToken, { reason: 'cancelled' });
  return after;
}
