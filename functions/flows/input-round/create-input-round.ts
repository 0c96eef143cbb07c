/** The programme office asks partners to deliver something by a date: checked, stored, on record, started. */
import { randomUUID } from 'node:crypto';
import { ValidationError } from '../../platform/errors';
import { HORIZON_DAYS, remindersTooEarly, tooEarlyMessage, withinDays } from '../../platform/horizons';
import type { InputRound } from './input-round';
import type { InputRoundDeps } from './ports';

/** What the office asks for: the round's own fields, so the two cannot drift apart. */
export type CreateInputRoundRequest = Pick<
  InputRound,
  'title' | 'request' | 'organisationIds' | 'deadline' | 'reminders' | 'escalate' | 'bodyId'
>;

export async function createInputRound(
  deps: InputRoundDeps,
  req: CreateInputRoundRequest,
  actor: string,
): Promise<InputRound> {
  const now = deps.now();
  const fields: Record<string, string> = {};
  if (!(Date.parse(req.deadline) > now.getTime())) fields.deadline = 'the deadline must lie in the future';
  else if (!withinDays(req.deadline, now, HORIZON_DAYS.inputDeadline)) {
    fields.deadline = `the deadline must lie within ${HORIZON_DAYS.inputDeadline} days`;
  } else {
    const early = remindersTooEarly(req.reminders, req.deadline, now);
    if (early.length) fields.reminders = tooEarlyMessage(early);
  }
  const orgs = await deps.directory.listOrganisations();
  const unknown = [...new Set(req.organisationIds)].filter(
    (id) => !orgs.some((o) => o.id === id && o.active !== false && o.contactIds.length > 0),
  );
  if (unknown.length) fields.organisationIds = `unknown partners, or partners without a contact: ${unknown.join(', ')}`;
  if (!(await deps.directory.getBody(req.bodyId))) fields.bodyId = `there is no body with id "${req.bodyId}"`;
  if (Object.keys(fields).length) throw new ValidationError(fields);
  const round: InputRound = {
    id: `u-${randomUUID()}`,
    title: req.title,
    request: req.request,
    organisationIds: [...new Set(req.organisationIds)],
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
  };
  await deps.inputs.create(round);
  await deps.inputs.appendAudit(round.id, {
    key: 'v000001:created',
    at: now.toISOString(),
    kind: 'created',
    actor,
    details: { partners: round.organisationIds.length, deadline: round.deadline },
  });
  await deps.workflow.startInputRound(round.id);
  return round;
}
