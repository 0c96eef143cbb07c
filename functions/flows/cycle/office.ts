/**
 * The programme office starts a cycle from a template: its anchor dates, who fills each role, and
 * any changes to the plan before it starts. Plain code on ports (no AWS), like follow-up/office.ts;
 * changes and cancelling are in office-changes.ts, reading in views.ts.
 */
import { addPhase } from './add-phase';
import { type Changed, type ChangeContext, movePhase, skipPhase } from './changes';
import type { Assignment, Cycle, CycleStatus } from './cycle';
import { planCycle } from './plan-cycle';
import type { CyclePlan } from './plan';
import { CycleRefused, refuseIf } from './refused';
import type { CreateCycle, StartChange } from './schemas';
import { type ActielijnNames, nameWith, subjectOf } from './subject';
import type { Role, Template } from './template';
import { type Refusal, say } from './texts';
import type { Directory, VersionedDocs } from '../../engine/ports';
import { ConflictError, KEY_REUSED_MESSAGE, NotFoundError } from '../../platform/errors';
import { HORIZON_DAYS, withinDays } from '../../platform/horizons';
import { idForKey, requestHash } from '../../platform/keyed-create';

/** What the cycle uses of the shared versioned store; its workflow parks on the cycle (run.ts). */
export type CycleStore = Pick<
  VersionedDocs<Cycle, CycleStatus>,
  'create' | 'get' | 'list' | 'save' | 'appendAudit' | 'listAudit' | 'park' | 'parkedUntil'
>;

/** The cycle's workflow: started when the office starts the cycle, named by the cycle's id. */
export interface CycleWorkflow {
  startCycle(id: string, name?: string): Promise<void>;
  resume(token: string, output: Record<string, unknown>): Promise<unknown>;
}

export interface CycleDeps {
  cycles: CycleStore;
  directory: Pick<Directory, 'getPerson' | 'listOrganisations'>;
  templates: Map<string, Template>;
  workflow: CycleWorkflow;
  /** What a cycle may be about (subject.ts). */
  actielijnen: ActielijnNames;
  now: () => Date;
}

export async function loadCycle(deps: CycleDeps, id: string): Promise<Cycle> {
  const cycle = await deps.cycles.get(id);
  if (!cycle) throw new NotFoundError('cycle', id);
  return cycle;
}

/** Audit keys derive from the cycle's version (and the phase), so a retried write records once. */
export const auditKey = (version: number, what: string) => `v${String(version).padStart(6, '0')}:${what}`;

export const audit = (deps: CycleDeps, id: string, key: string, kind: string, actor: string, details?: object) =>
  deps.cycles.appendAudit(id, {
    key,
    at: deps.now().toISOString(),
    kind,
    actor,
    details: details as Record<string, unknown>,
  });

/** A start change's refusals named within the request: `changes.2.due`. */
function applyStartChange(plan: CyclePlan, change: StartChange, i: number, ctx: ChangeContext): Changed {
  try {
    if (change.action === 'move') return movePhase(plan, change, ctx);
    if (change.action === 'skip') return skipPhase(plan, change, ctx);
    return addPhase(plan, change, ctx);
  } catch (err) {
    if (!(err instanceof CycleRefused)) throw err;
    throw new CycleRefused(err.refusals.map((r) => ({ ...r, field: `changes.${i}.${r.field}` })));
  }
}

/** The roles the plan needs filled: those of its phases that are not skipped. */
export const rolesNeeded = (plan: CyclePlan) => new Set(plan.phases.filter((p) => !p.skipped).map((p) => p.role));

/** Each role the plan needs has people or partners the directory knows; no role the template lacks. */
async function assignmentRefusals(
  deps: CycleDeps,
  template: Template,
  plan: CyclePlan,
  given: CreateCycle['assignments'],
): Promise<{ refusals: Refusal[]; assignments: Partial<Record<Role, Assignment>> }> {
  const refusals: Refusal[] = [];
  const assignments: Partial<Record<Role, Assignment>> = {};
  const templateRoles = new Set<string>([...template.phases.map((p) => p.role), ...plan.phases.map((p) => p.role)]);
  const orgs = new Map((await deps.directory.listOrganisations()).map((o) => [o.id, o]));
  for (const [role, a] of Object.entries(given)) {
    if (!templateRoles.has(role)) {
      refusals.push(say(`assignments.${role}`, 'roleUnknown'));
      continue;
    }
    const personIds = [...new Set(a.personIds ?? [])];
    const organisationIds = [...new Set(a.organisationIds ?? [])];
    for (const id of personIds)
      if (!(await deps.directory.getPerson(id))?.active)
        refusals.push(say(`assignments.${role}.personIds`, 'personUnknown', id));
    for (const id of organisationIds) {
      const org = orgs.get(id);
      if (!org || org.active === false || !org.contactIds.length)
        refusals.push(say(`assignments.${role}.organisationIds`, 'organisationUnknown', id));
    }
    if (personIds.length || organisationIds.length) assignments[role as Role] = { personIds, organisationIds };
  }
  for (const role of rolesNeeded(plan))
    if (!assignments[role] && !refusals.some((r) => r.field.startsWith(`assignments.${role}`)))
      refusals.push(say(`assignments.${role}`, 'roleEmpty'));
  return { refusals, assignments };
}

/**
 * Dates within reach: the cycle's workflow (run.ts) plans on them, and a plan repeated without
 * end would outgrow the one document it is kept in (DynamoDB's 400 KB item).
 */
function tooFar(plan: CyclePlan, now: Date): Refusal[] {
  const { cycleAnchor, cyclePlan } = HORIZON_DAYS;
  const far = Object.entries(plan.anchors).filter(([, at]) => !withinDays(at, now, cycleAnchor));
  const latest = Object.values(plan.anchors).sort().at(-1)!;
  // Every phase due already: each would only be late. A cycle entered half-way, or a monitoring
  // year that began before (its anchor a start), keeps a phase to come and is taken.
  const lastKey = Object.entries(plan.anchors)
    .sort(([, a], [, b]) => Date.parse(a) - Date.parse(b))
    .at(-1)![0];
  const past = plan.phases.every((p) => p.skipped || Date.parse(p.due) <= now.getTime());
  const over = past ? [say(`anchors.${lastKey}`, 'anchorsPast')] : [];
  return [
    ...over,
    ...far.map(([key]) => say(`anchors.${key}`, 'anchorFar', String(cycleAnchor))),
    ...(withinDays(plan.horizon, latest, cyclePlan) ? [] : [say('horizon', 'horizonFar', String(cyclePlan))]),
  ];
}

/** The cycle the request describes, or every refusal at once (anchors, changes, roles). */
async function cycleFor(deps: CycleDeps, req: CreateCycle, actor: string, id: string): Promise<Cycle> {
  const template = deps.templates.get(req.templateId);
  if (!template) throw new CycleRefused([say('templateId', 'templateUnknown', req.templateId)]);
  const now = deps.now();
  const ctx: ChangeContext = { by: actor, now };
  let plan = planCycle(template, req.anchors, req.horizon ? { horizon: req.horizon } : {});
  refuseIf(tooFar(plan, now));
  // A date already passed is refused like any change (a phase can start on it no more).
  req.changes.forEach((change, i) => {
    plan = applyStartChange(plan, change, i, ctx).plan;
  });
  const { refusals, assignments } = await assignmentRefusals(deps, template, plan, req.assignments);
  const { subject, refusals: aboutRefusals } = await subjectOf(deps, req);
  refuseIf([...refusals, ...aboutRefusals]);
  return {
    id,
    templateId: template.id,
    name: nameWith(template.name, subject),
    ...(subject ? { subject } : {}),
    assignments,
    plan,
    facts: {},
    status: 'planned',
    createdAt: now.toISOString(),
    createdBy: actor,
    version: 1,
  };
}

/**
 * Start a cycle. Under an Idempotency-Key the id derives from the caller and the key and the cycle
 * keeps the request's hash, so the request sent again after an attempt that stored the cycle and
 * then failed finds it (and writes its record once) instead of making a second one.
 */
export async function createCycle(
  deps: CycleDeps,
  req: CreateCycle,
  actor: string,
  options: { idempotencyKey?: string } = {},
): Promise<Cycle> {
  const { idempotencyKey } = options;
  const id = idForKey('c', actor, idempotencyKey);
  const hash = idempotencyKey ? requestHash(req) : undefined;
  if (idempotencyKey) {
    const existing = await deps.cycles.get(id);
    if (existing) {
      if (existing.requestHash !== hash) throw new ConflictError(KEY_REUSED_MESSAGE);
      // Stored by an attempt that did not finish: its record (written once) and its workflow.
      await auditCreated(deps, existing);
      await deps.workflow.startCycle(existing.id);
      return existing;
    }
  }
  const cycle = { ...(await cycleFor(deps, req, actor, id)), ...(hash ? { requestHash: hash } : {}) };
  try {
    await deps.cycles.create(cycle);
  } catch (err) {
    // The same request twice at once: the other stored it first; answer with that cycle.
    if (!(idempotencyKey && err instanceof ConflictError)) throw err;
    return createCycle(deps, req, actor, options);
  }
  await auditCreated(deps, cycle);
  // Named by the cycle's id: a second start (a retried request) starts one workflow.
  await deps.workflow.startCycle(cycle.id);
  return cycle;
}

/** The creation on the cycle's record, and each change made before the start, each keyed once. */
async function auditCreated(deps: CycleDeps, c: Cycle): Promise<void> {
  const { templateId, plan } = c;
  await audit(deps, c.id, auditKey(1, 'created'), 'created', c.createdBy, { templateId, anchors: plan.anchors });
  for (const [i, change] of plan.changes.entries())
    await audit(
      deps,
      c.id,
      auditKey(1, `${i + 1}:${change.kind}:${change.phase}`),
      `phase-${change.kind}`,
      c.createdBy,
      change,
    );
}
