/**
 * The office adds a phase to a cycle's plan, such as each reporting obligation after the SPUK award
 * (a `report` with its own due date). It comes last in the plan, so it can wait for any phase
 * already there and none can wait for it yet: no gate can form a cycle.
 */
import { type Changed, type ChangeContext, commit } from './changes';
import type { PlannedPhase } from './plan';
import { refuseIf } from './refused';
import type { AddPhase } from './schemas';
import { type Refusal, say } from './texts';
import type { CyclePlan } from './plan';

const utc = (iso: string) => new Date(iso).toISOString();

export function addPhase(plan: CyclePlan, req: AddPhase, ctx: ChangeContext): Changed {
  const refusals: Refusal[] = [];
  if (plan.phases.some((p) => p.key === req.key || p.phase === req.key)) refusals.push(say('key', 'keyTaken'));
  const after = req.start.after ?? [];
  for (const k of after)
    if (!plan.phases.some((p) => p.key === k && !p.skipped)) refusals.push(say('start.after', 'notBefore', k));
  if (!after.length && !req.start.on) refusals.push(say('start', 'noStart'));
  const now = ctx.now.getTime();
  if (req.start.on && Date.parse(req.start.on) <= now) refusals.push(say('start.on', 'past'));
  if ('on' in req.due && Date.parse(req.due.on) <= now) refusals.push(say('due.on', 'past'));
  refuseIf(refusals);
  // Every phase it waits for is done already (an award recorded early): its gate is open, so it starts
  // at the cycle's next look, not on their planned due dates, which the plan keeps (settle gates on them).
  const open = after.length > 0 && after.every((k) => ctx.facts?.[k]?.doneAt);
  const fromNow = open && (!req.start.on || req.start.when === 'first');
  const date = fromNow ? ctx.now.toISOString() : req.start.on ? utc(req.start.on) : undefined;
  const gate = open ? [] : after;
  const rule = !gate.length ? 'date' : !date ? 'after' : (req.start.when ?? 'last');
  const phase: PlannedPhase = {
    key: req.key,
    phase: req.key,
    kind: req.kind,
    role: req.role,
    title: req.title,
    // A gate's start is set by `settle`; until then the date it has, or now.
    start: { at: date ?? ctx.now.toISOString(), rule, after: gate, ...(date ? { date } : {}) },
    due: 'on' in req.due ? utc(req.due.on) : '',
    dueAfterStart: 'afterStart' in req.due ? { duration: req.due.afterStart } : null,
    origin: 'office',
  };
  const record = { kind: 'add' as const, phase: req.key, by: ctx.by, at: ctx.now.toISOString(), reason: req.reason };
  const what = { kind: req.kind, role: req.role, ...(open ? { after } : {}) };
  return commit(plan, [...plan.phases, phase], { ...record, what });
}
