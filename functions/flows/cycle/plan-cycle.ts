/**
 * From a template and its anchor dates to the dated plan: each phase with its planned start and
 * due date, gates as "when X is done, at the earliest on …", repeats laid out up to a horizon.
 */
import { type ChangeRecord, type CyclePlan, type PlannedPhase, settle, shift } from './plan';
import { CycleRefused } from './refused';
import type { AnchorDate, Phase, Template } from './template';
import { type Refusal, say } from './texts';
import { isIsoDateTimeWithOffset } from '../../platform/time';

export interface PlanOptions {
  /** Repeats are planned up to here; by default one year after the latest anchor. */
  horizon?: string;
}

/** A repeat never plans more than this many times, whatever the horizon (a quarterly phase: 50 years). */
const MAX_REPEATS = 200;

const utc = (iso: string) => new Date(iso).toISOString();

/** The anchors as UTC instants, or the refusals: each declared anchor given, as a date and time with offset. */
function checkAnchors(template: Template, given: Record<string, string>): Record<string, string> {
  const refusals: Refusal[] = [];
  const out: Record<string, string> = {};
  for (const a of template.anchors) {
    const value = given[a.key];
    if (value === undefined) refusals.push(say(`anchors.${a.key}`, 'anchorMissing', a.name));
    else if (!isIsoDateTimeWithOffset(value)) refusals.push(say(`anchors.${a.key}`, 'dateForm'));
    else out[a.key] = utc(value);
  }
  for (const key of Object.keys(given))
    if (!template.anchors.some((a) => a.key === key)) refusals.push(say(`anchors.${key}`, 'anchorUnknown'));
  if (refusals.length) throw new CycleRefused(refusals);
  return out;
}

const onAnchor = (anchors: Record<string, string>, ref: AnchorDate) => shift(anchors[ref.anchor], ref.offset, ref.time);

/** A template phase as the first (or only) time in the plan; its gate's date is filled in by `settle`. */
function firstTime(p: Phase, anchors: Record<string, string>): PlannedPhase {
  const date = p.start.on ? onAnchor(anchors, p.start.on) : undefined;
  const after = p.start.after ?? [];
  const rule = !after.length ? 'date' : !date ? 'after' : (p.start.when ?? 'last');
  const afterStart = 'afterStart' in p.due ? { duration: p.due.afterStart, time: p.due.time } : null;
  return {
    key: p.repeat ? `${p.key}-1` : p.key,
    phase: p.key,
    kind: p.kind,
    role: p.role,
    title: p.title,
    ...(p.asks ? { asks: p.asks } : {}),
    // Until settled, a gate's start is the anchor date it has, or the first anchor (replaced by `settle`).
    start: { at: date ?? Object.values(anchors)[0], rule, after, ...(date ? { date } : {}) },
    due: 'afterStart' in p.due ? '' : onAnchor(anchors, p.due),
    dueAfterStart: afterStart,
    origin: 'template',
  };
}

/** The refusals for phases due before they start, each on the phase's own field. */
export function timingRefusals(phases: PlannedPhase[]): Refusal[] {
  return phases
    .filter((p) => !p.skipped && p.due < p.start.at)
    .map((p) => say(`phases.${p.key}.due`, 'dueBeforeStart', p.title, p.due, p.start.at));
}

/**
 * The dated plan of `template` for these anchor dates. Throws CycleRefused for a missing, unknown
 * or malformed anchor, and for a phase whose due date falls before its start.
 */
export function planCycle(template: Template, anchors: Record<string, string>, options: PlanOptions = {}): CyclePlan {
  const at = checkAnchors(template, anchors);
  if (options.horizon !== undefined && !isIsoDateTimeWithOffset(options.horizon))
    throw new CycleRefused([say('horizon', 'horizonForm')]);
  const horizon = options.horizon ? utc(options.horizon) : shift(Object.values(at).sort().at(-1)!, 'P1Y');
  const firsts = settle(template.phases.map((p) => firstTime(p, at)));
  // Repeats follow their first time, whose start a gate may set: lay them out once it is settled.
  const phases = firsts.flatMap((first) => {
    const p = template.phases.find((t) => t.key === first.phase)!;
    if (!p.repeat) return [first];
    const times = [first];
    for (let n = 2; n <= MAX_REPEATS; n += 1) {
      if (shift(first.start.at, p.repeat.every, undefined, n - 1) > horizon) break;
      const repeat = { every: p.repeat.every, first: first.key, n };
      times.push({ ...first, key: `${p.key}-${n}`, start: { ...first.start, after: [] }, repeat });
    }
    return times;
  });
  const plan = settle(phases);
  const refusals = timingRefusals(plan);
  if (refusals.length) throw new CycleRefused(refusals);
  return { templateId: template.id, anchors: at, horizon, phases: plan, changes: [] as ChangeRecord[] };
}
