/**
 * The programme office's changes to a cycle's plan: move a phase's dates, skip a phase, add one
 * (add-phase.ts). Each is pure: it returns the new plan and the change record (who, when, what,
 * why), which the plan keeps, or throws CycleRefused with a message per field when the change
 * cannot be. Later dates follow by the plan's own rules (settle), and a change after which any
 * phase would be due before it starts is refused as a whole.
 */
import { timingRefusals } from './plan-cycle';
import { type ChangeRecord, type CyclePlan, type PlannedPhase, type PlannedStart, settle } from './plan';
import { refuseIf } from './refused';
import { type PhaseFacts, startsByDate } from './status';
import type { MovePhase, SkipPhase } from './schemas';
import { type Refusal, say } from './texts';

export interface ChangeContext {
  /** Who makes the change (the office member's id). */
  by: string;
  now: Date;
  /** What each phase's own flow has reported, by phase key. */
  facts?: Record<string, PhaseFacts>;
}

export interface Changed {
  plan: CyclePlan;
  change: ChangeRecord;
}

/** Has the phase begun: its flow says so, or its own date has come. */
const hasStarted = (p: PlannedPhase, facts: PhaseFacts | undefined, now: Date) =>
  Boolean(facts?.startedAt) || startsByDate(p, now);

/** A moved start keeps the phase's gate: "first" stays first, a gate alone becomes "not before the new date". */
const movedRule = (rule: PlannedStart['rule'], gated: boolean): PlannedStart['rule'] =>
  !gated ? 'date' : rule === 'first' ? 'first' : 'last';

/** The phase, or the refusals that end the change: unknown, done, or skipped already. */
export function changeable(
  plan: CyclePlan,
  key: string,
  ctx: ChangeContext,
): { phase?: PlannedPhase; refusals: Refusal[] } {
  const phase = plan.phases.find((p) => p.key === key);
  if (!phase) return { refusals: [say('key', 'unknownPhase')] };
  if (phase.skipped) return { phase, refusals: [say('key', 'skipped')] };
  if (ctx.facts?.[key]?.doneAt) return { phase, refusals: [say('key', 'done')] };
  return { phase, refusals: [] };
}

/** The plan with `phases`, settled and checked, and the change on record. */
export function commit(plan: CyclePlan, phases: PlannedPhase[], change: ChangeRecord): Changed {
  const settled = settle(phases);
  refuseIf(timingRefusals(settled));
  return { plan: { ...plan, phases: settled, changes: [...plan.changes, change] }, change };
}

const titles = (phases: PlannedPhase[], lang: 'nl' | 'en') => phases.map((q) => `"${q.title[lang]}"`).join(', ');

const utc = (iso: string) => new Date(iso).toISOString();

/**
 * A new start and/or due date for one phase. A moved start is the phase's new date; a gate it has
 * stays (movedRule). Moving one time of a repeat moves that time only: the later times keep their dates.
 */
export function movePhase(plan: CyclePlan, req: MovePhase, ctx: ChangeContext): Changed {
  const { phase, refusals } = changeable(plan, req.key, ctx);
  refuseIf(refusals);
  const p = phase as PlannedPhase;
  if (!req.start && !req.due) refuseIf([say('start', 'nothingToMove')]);
  for (const field of ['start', 'due'] as const)
    if (req[field] && Date.parse(req[field]) <= ctx.now.getTime()) refusals.push(say(field, 'past'));
  if (req.start && hasStarted(p, ctx.facts?.[p.key], ctx.now)) refusals.push(say('start', 'started'));
  refuseIf(refusals);
  const phases = plan.phases.map((q): PlannedPhase => {
    if (q.repeat?.first === p.key) return { ...q, repeat: undefined }; // later times keep their dates
    if (q.key !== p.key) return q;
    const start = req.start
      ? {
          ...q.start,
          rule: movedRule(q.start.rule, q.start.after.length > 0),
          date: utc(req.start),
          at: utc(req.start),
        }
      : q.start;
    const moved = { ...q, start, repeat: undefined };
    return req.due ? { ...moved, due: utc(req.due), dueAfterStart: null } : moved;
  });
  const after = settle(phases).find((q) => q.key === p.key)!;
  const what = {
    ...(req.start ? { start: { from: p.start.at, to: after.start.at } } : {}),
    ...(req.due || after.due !== p.due ? { due: { from: p.due, to: after.due } } : {}),
  };
  return commit(plan, phases, {
    kind: 'move',
    phase: p.key,
    by: ctx.by,
    at: ctx.now.toISOString(),
    reason: req.reason,
    what,
  });
}

/**
 * Skip a phase. Phases that wait for it must be told what they wait for instead (`instead`: phases
 * before the skipped one; [] for nothing, so they start on the date planned now).
 */
export function skipPhase(plan: CyclePlan, req: SkipPhase, ctx: ChangeContext): Changed {
  const { phase, refusals } = changeable(plan, req.key, ctx);
  refuseIf(refusals);
  const p = phase as PlannedPhase;
  const index = plan.phases.indexOf(p);
  const dependents = plan.phases.filter((q) => !q.skipped && q.start.after.includes(p.key));
  if (dependents.length && !req.instead)
    refuseIf([say('instead', 'dependents', { nl: titles(dependents, 'nl'), en: titles(dependents, 'en') })]);
  for (const k of req.instead ?? []) {
    const i = plan.phases.findIndex((q) => q.key === k && !q.skipped);
    if (i < 0 || i >= index) refusals.push(say('instead', 'notBefore', k));
  }
  refuseIf(refusals);
  const at = ctx.now.toISOString();
  const phases = plan.phases.map((q): PlannedPhase => {
    if (q.key === p.key) return { ...q, skipped: { reason: req.reason, by: ctx.by, at } };
    if (!q.start.after.includes(p.key)) return q;
    const waits = [...new Set(q.start.after.flatMap((k) => (k === p.key ? (req.instead ?? []) : [k])))];
    if (waits.length) return { ...q, start: { ...q.start, after: waits } };
    // Nothing left to wait for: the date it had, or the one planned now.
    const date = q.start.rule === 'after' ? q.start.at : (q.start.date ?? q.start.at);
    return { ...q, start: { rule: 'date', after: [], date, at: date } };
  });
  const what = { dependents: dependents.map((q) => q.key), instead: req.instead ?? [] };
  return commit(plan, phases, { kind: 'skip', phase: p.key, by: ctx.by, at, reason: req.reason, what });
}
