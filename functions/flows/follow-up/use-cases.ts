/**
 * Use cases of action items (follow-ups): create, let time act (reminders, the status question,
 * the escalation ladder), the owner's answer through one link, and the project leader's approval
 * of a later date. The same patterns as approval rounds: versioned writes, one resume, each
 * email sent once.
 */
import { HORIZON_DAYS, withinDays } from '../../platform/horizons';
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { ZONE } from '../../platform/time';
import type { Body, Person } from '../../engine/directory';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors';
import {
  AnswerRejected,
  applyOwnerAnswer,
  decideExtension,
  DEFAULT_LADDER,
  followUpSchedule,
  officeChange,
  type ActionItem,
  type FollowUpAction,
  type LadderStep,
  type OwnerAnswer,
} from './follow-up';
import { approvalMail, extensionDecidedMail, outcomeMail, receiptMail } from './views';
import { OFFICE } from '../../engine/flow-email';
import { checkFormProof, formProof, signLink, verifyLink } from '../../platform/link-token';
import { queueOnceVia, sendAndRecordVia, sendOnceVia } from '../../engine/mail-ledger';
import { mutateVersioned } from '../../engine/versioned-write';
import { parkOrWake, waitPlan, type WaitPlan } from '../../engine/workflow-wait';
import type { FlowDeps, VersionedDocs } from '../../engine/ports';
import type { EmailContent } from '../../engine/email';

export type ItemStore = VersionedDocs<ActionItem, ActionItem['status']>;

export interface FollowUpDeps extends FlowDeps {
  items: ItemStore;
  /** Reminders, status questions and escalations go through each person's reminder budget (`reminders`). */
  workflow: {
    startFollowUp(itemId: string): Promise<void>;
    resume(token: string, output: Record<string, unknown>): Promise<void>;
  };
}

/** How long a blocked or waiting item sleeps before the workflow looks again. */
const RECHECK_MS = 7 * 86400_000;
const FORM_MAX_AGE_SECONDS = 12 * 3600;

export async function loadItem(deps: FollowUpDeps, id: string): Promise<ActionItem> {
  const item = await deps.items.get(id);
  if (!item) throw new NotFoundError('follow-up', id);
  return item;
}

function mutateItem(
  deps: FollowUpDeps,
  id: string,
  change: (item: ActionItem) => ActionItem | null,
  takeToken = false,
) {
  return mutateVersioned({ load: (x) => loadItem(deps, x), save: (n, v, o) => deps.items.save(n, v, o) }, id, change, {
    takeToken: () => takeToken,
    maxAttempts: 30,
  });
}

const audit = (
  deps: FollowUpDeps,
  id: string,
  key: string,
  kind: string,
  actor: string,
  details?: Record<string, unknown>,
) => deps.items.appendAudit(id, { key, at: deps.now().toISOString(), kind, actor, details });

export interface CreateFollowUpRequest {
  what: string;
  origin: ActionItem['origin'];
  ownerPersonId?: string;
  ownerOrganisationId?: string;
  due: string;
  bodyId: string;
}

/** `id`: a fixed id for an item made by another flow (a meeting's minutes), so a retry finds it instead of making another. */
export async function createFollowUp(
  deps: FollowUpDeps,
  req: CreateFollowUpRequest,
  actor: string,
  id?: string,
  dueHistory: ActionItem['dueHistory'] = [],
): Promise<ActionItem> {
  const now = deps.now();
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
  if (Object.keys(fields).length) throw new ValidationError(fields);
  const item: ActionItem = {
    id: id ?? `f-${randomUUID()}`,
    what: req.what,
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
  };
  await deps.items.create(item);
  await audit(deps, item.id, 'v000001:created', 'created', actor, { due: item.due, owner: item.owner });
  await deps.workflow.startFollowUp(item.id);
  return item;
}

/** The people who answer for the item: the owner, or the partner's contacts. */
export async function ownerPeople(deps: FollowUpDeps, item: ActionItem): Promise<Person[]> {
  if ('personId' in item.owner) return deps.directory.getPeople([item.owner.personId]);
  const orgId = item.owner.organisationId;
  const org = (await deps.directory.listOrganisations()).find((o) => o.id === orgId);
  return deps.directory.getPeople(org?.contactIds ?? []);
}

const chairOf = (body: Body | null) => body?.members.find((m) => m.role === 'chair')?.personId;

/** Who each ladder step reaches: the project leader chairs the item's body; then the kerngroep's and the board's chairs. */
export async function stepPeople(deps: FollowUpDeps, item: ActionItem, step: LadderStep): Promise<Person[]> {
  if (step === 'owner') return ownerPeople(deps, item);
  const bodies = await deps.directory.listBodies();
  const body =
    step === 'project-leader'
      ? (bodies.find((b) => b.id === item.bodyId) ?? null)
      : (bodies.find((b) => b.kind === (step === 'board' ? 'board' : 'core-group') && b.active !== false) ?? null);
  const chair = chairOf(body);
  return chair ? deps.directory.getPeople([chair]) : [];
}

export async function ownerLink(
  deps: FollowUpDeps,
  item: ActionItem,
  personId: string,
  typ: 'item' | 'item-approval',
): Promise<string> {
  const keys = await deps.linkKeys();
  const exp = Math.floor(Date.parse(item.due) / 1000) + 120 * 86400;
  return `${deps.settings.publicBaseUrl}/f/${signLink(keys, { typ, sub: item.id, pid: personId, exp })}`;
}

const send = (
  deps: FollowUpDeps,
  item: ActionItem,
  key: string,
  to: Person,
  tag: string,
  content: () => Promise<EmailContent>,
) =>
  to.active && to.email
    ? sendOnceVia(deps, deps.items, item.id, `${key}:${to.id}`, to, tag, content)
    : Promise.resolve(false);

/**
 * Until when a reminder about this action is useful: a reminder until the due date; the status
 * question and each escalation until the ladder's next step (or a week after the last one).
 */
export function actionDeadline(item: ActionItem, action: FollowUpAction): string {
  if (action.kind === 'remind') return item.due;
  const next = followUpSchedule(item, DEFAULT_LADDER).find((a) => Date.parse(a.at) > Date.parse(action.at));
  return next?.at ?? new Date(Date.parse(action.at) + RECHECK_MS).toISOString();
}

/** Workflow step: carry out every scheduled action that fell due, then say when to wake next. */
export async function advanceFollowUp(deps: FollowUpDeps, id: string): Promise<WaitPlan> {
  const now = deps.now();
  const changed = await mutateItem(deps, id, (item) => {
    const due = followUpSchedule(item, DEFAULT_LADDER).filter(
      (a) => Date.parse(a.at) <= now.getTime() && !item.actionsDone.includes(a.key),
    );
    return due.length
      ? {
          ...item,
          actionsDone: [...item.actionsDone, ...due.map((a) => a.key)],
          lastActions: due.map((a) => a.key),
          version: item.version + 1,
        }
      : null;
  });
  const item = changed?.after ?? (await loadItem(deps, id));
  // Carry out the actions of the latest change (again after a crash: every hand-over is claimed once).
  // Each goes to the person's reminder budget, which words it again when it is sent.
  const queue = (
    action: FollowUpAction,
    key: string,
    p: Person,
    kind: 'follow-up' | 'escalation',
    detail: Record<string, string>,
  ) =>
    p.active && p.email
      ? queueOnceVia(deps.reminders, deps.items, item.id, `${key}:${p.id}`, {
          personId: p.id,
          kind,
          detail: { action: action.key, ...detail },
          dueAt: now.toISOString(),
          deadline: actionDeadline(item, action),
        })
      : Promise.resolve(false);
  for (const action of followUpSchedule(item, DEFAULT_LADDER).filter((a) => item.lastActions?.includes(a.key))) {
    if (action.kind === 'escalate') {
      const reached = await stepPeople(deps, item, action.step);
      for (const p of reached) await queue(action, action.key, p, 'escalation', { step: action.step, told: 'no' });
      for (const told of action.tell) {
        // Someone on two steps (the kerngroep's chair is often the project leader) hears it once,
        // as the one it now lies with.
        const others = (await stepPeople(deps, item, told)).filter((x) => !reached.some((r) => r.id === x.id));
        for (const p of others)
          await queue(action, `${action.key}:tell`, p, 'escalation', { step: action.step, told: 'yes' });
      }
      const about = action.approval ? { about: 'more-time' } : {};
      await audit(deps, id, action.key, 'escalated', 'system', { step: action.step, ...about });
    } else if (action.kind === 'approval-reminder') {
      // The request for more time waits for the project leader: reminded like any step, through their budget.
      for (const p of await stepPeople(deps, item, 'project-leader')) {
        await queue(action, action.key, p, 'follow-up', { kind: action.kind });
      }
      await audit(deps, id, action.key, 'reminded', 'system', { step: 'project-leader', about: 'more-time' });
    } else {
      for (const p of await ownerPeople(deps, item))
        await queue(action, action.key, p, 'follow-up', { kind: action.kind });
      await audit(deps, id, action.key, action.kind === 'remind' ? 'reminded' : 'asked', 'system');
    }
  }
  const next = followUpSchedule(item, DEFAULT_LADDER).find((a) => !item.actionsDone.includes(a.key));
  const closed = item.status === 'done' || item.status === 'returned';
  const wakeAt = next ? next.at : new Date(now.getTime() + RECHECK_MS).toISOString();
  return waitPlan(closed, wakeAt, item.version, now);
}

export function parkFollowUp(
  deps: FollowUpDeps,
  id: string,
  token: string,
  version: number,
  wakeAt: string,
): Promise<void> {
  return parkOrWake(deps.items, deps.workflow, id, token, version, wakeAt);
}

export type FollowUpLinkView =
  | { kind: 'invalid' }
  | { kind: 'closed'; item: ActionItem; person: Person }
  | { kind: 'owner'; item: ActionItem; person: Person; proof: string }
  | { kind: 'approval'; item: ActionItem; person: Person; proof: string };

async function resolveLink(deps: FollowUpDeps, token: string) {
  const keys = await deps.linkKeys();
  const v = verifyLink(keys, token, Math.floor(deps.now().getTime() / 1000));
  if (!v.ok || (v.claims.typ !== 'item' && v.claims.typ !== 'item-approval')) return null;
  const [item, person] = await Promise.all([deps.items.get(v.claims.sub), deps.directory.getPerson(v.claims.pid)]);
  return item && person ? { item, person, typ: v.claims.typ as 'item' | 'item-approval', keys } : null;
}

export async function openFollowUpLink(deps: FollowUpDeps, token: string): Promise<FollowUpLinkView> {
  const r = await resolveLink(deps, token);
  if (!r) return { kind: 'invalid' };
  const finished = r.item.status === 'done' || r.item.status === 'returned';
  if (finished || (r.typ === 'item-approval' && r.item.status !== 'awaiting-approval'))
    return { kind: 'closed', item: r.item, person: r.person };
  const proof = formProof(r.keys, `${token}|${r.item.version}`, Math.floor(deps.now().getTime() / 1000));
  return r.typ === 'item'
    ? { kind: 'owner', item: r.item, person: r.person, proof }
    : { kind: 'approval', item: r.item, person: r.person, proof };
}

export type FollowUpFormResult =
  | FollowUpLinkView
  | { kind: 'form-error'; view: Extract<FollowUpLinkView, { kind: 'owner' }>; errors: Record<string, string> }
  | { kind: 'recorded'; item: ActionItem; person: Person };

/** A POST from the owner's page or the project leader's approval page. */
export async function submitFollowUpForm(
  deps: FollowUpDeps,
  token: string,
  form: Record<string, string | undefined>,
): Promise<FollowUpFormResult> {
  const view = await openFollowUpLink(deps, token);
  if (view.kind === 'invalid' || view.kind === 'closed') return view;
  const keys = await deps.linkKeys();
  // Bound to the item's version: a form shown before any change cannot be posted after it.
  if (
    !form.proof ||
    checkFormProof(
      keys,
      `${token}|${view.item.version}`,
      form.proof,
      Math.floor(deps.now().getTime() / 1000),
      FORM_MAX_AGE_SECONDS,
    ) === null
  ) {
    return view.kind === 'owner' ? { kind: 'form-error', view, errors: { proof: 'expired-form' } } : view;
  }
  const now = deps.now();
  const person = view.person;
  let change: (item: ActionItem) => ActionItem;
  if (view.kind === 'approval') {
    change = (item) => decideExtension(item, form.decision === 'approve', person.id, now);
  } else {
    const answer = toAnswer(form);
    if (!answer) return { kind: 'form-error', view, errors: { answer: 'choose' } };
    if (answer.kind === 'more-time' && !withinDays(answer.due, view.item.createdAt, HORIZON_DAYS.itemDue)) {
      return { kind: 'form-error', view, errors: { due: 'date-too-far' } };
    }
    change = (item) => applyOwnerAnswer(item, answer, now);
  }
  let changed;
  try {
    changed = await mutateItem(
      deps,
      view.item.id,
      (item) => (item.version === view.item.version ? change(item) : null),
      true,
    );
  } catch (err) {
    if (!(err instanceof AnswerRejected)) throw err;
    if (err.reason === 'closed') return { kind: 'closed', item: view.item, person };
    const field = {
      'result-required': 'result',
      'reason-required': 'reason',
      'date-not-later': 'due',
      'needs-required': 'needs',
    }[err.reason];
    return view.kind === 'owner' ? { kind: 'form-error', view, errors: { [field]: err.reason } } : view;
  }
  if (!changed) return { kind: 'closed', item: (await deps.items.get(view.item.id))!, person };
  const { after, takenToken } = changed;
  await audit(
    deps,
    after.id,
    `v${String(after.version).padStart(6, '0')}:answer`,
    view.kind === 'approval' ? 'extension-decided' : 'answered',
    person.id,
    { status: after.status, due: after.due, result: after.result, blockedBy: after.blockedBy },
  );
  // The schedule changed (or ended): the workflow must look again.
  if (takenToken) await deps.workflow.resume(takenToken, { reason: 'answered' });
  if (view.kind === 'approval') {
    // The owner hears the project leader's decision; the project leader sees it on the page.
    const approved = form.decision === 'approve';
    for (const p of await ownerPeople(deps, after))
      await send(deps, after, `extension:v${after.version}`, p, 'notice', async () =>
        extensionDecidedMail(after, { name: p.name, lang: p.lang }, approved),
      );
  } else {
    await tellAboutAnswer(deps, after, person);
  }
  return { kind: 'recorded', item: after, person };
}

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
    `v${String(after.version).padStart(6, '0')}:office`,
    change.action === 'done' ? 'closed-by-office' : 'moved-by-office',
    actor,
    { status: after.status, due: after.due, result: after.result },
  );
  // The schedule changed (or ended): the workflow must look again.
  if (takenToken) await deps.workflow.resume(takenToken, { reason: 'steered' });
  return after;
}

function toAnswer(form: Record<string, string | undefined>): OwnerAnswer | null {
  switch (form.answer) {
    case 'done':
      return { kind: 'done', result: form.result ?? '' };
    case 'more-time': {
      // A date from the form means the end of that working day, Amsterdam time.
      const day = /^\d{4}-\d{2}-\d{2}$/.test(form.due ?? '')
        ? DateTime.fromISO(form.due!, { zone: ZONE }).set({ hour: 17 })
        : null;
      return {
        kind: 'more-time',
        due: day?.isValid ? day.toUTC().toISO()! : '1970-01-01T00:00:00Z',
        reason: form.reason ?? '',
      };
    }
    case 'not-mine':
      return { kind: 'not-mine', reason: form.reason };
    case 'blocked':
      return { kind: 'blocked', needs: form.needs ?? '' };
    default:
      return null;
  }
}

/** Receipt to whoever answered; the office hears of done, handed back and stuck items; the project leader approves a long delay. */
async function tellAboutAnswer(deps: FollowUpDeps, item: ActionItem, person: Person): Promise<void> {
  const key = `v${item.version}`;
  if (person.email)
    await sendAndRecordVia(
      deps,
      deps.items,
      item.id,
      `receipt:${key}:${person.id}`,
      person,
      'receipt',
      receiptMail(item, { name: person.name, lang: person.lang }),
    );
  if (item.status === 'done' || item.status === 'returned' || item.status === 'blocked') {
    await sendAndRecordVia(
      deps,
      deps.items,
      item.id,
      `outcome:${key}:office`,
      deps.settings.officeEmail,
      'notice',
      outcomeMail(item, OFFICE),
    );
    if (item.status === 'blocked')
      for (const p of await stepPeople(deps, item, 'project-leader'))
        await send(deps, item, `blocked:${key}`, p, 'notice', async () =>
          outcomeMail(item, { name: p.name, lang: p.lang }),
        );
  }
  if (item.status === 'awaiting-approval') {
    for (const p of await stepPeople(deps, item, 'project-leader'))
      await send(deps, item, `approval:${key}`, p, 'approval', async () =>
        approvalMail(item, { name: p.name, lang: p.lang }, await ownerLink(deps, item, p.id, 'item-approval')),
      );
  }
}
