/**
 * A cycle's dated plan, and how its dates follow from each other. A plan keeps, next to each
 * phase's dates, the rule they came from (the gate, the duration after the start, the rhythm of a
 * repeat), so that when the office moves or skips a phase, `settle` works every later date out
 * again the same way the template did. Dates are worked out on Amsterdam's wall clock (days,
 * months, a time of day such as 17:00 stay what they say across summer time) and kept as UTC ISO
 * instants, as every instant in the store is.
 */
import { TZDate } from '@date-fns/tz';
import type { Phase, PhaseKind, Role, Words } from './template';
import { addDuration, type IsoDuration, parseIsoDuration } from '../../platform/iso-duration';
import { utcIso, ZONE, zoned } from '../../platform/time';

export interface PlannedStart {
  /** The planned start: its date, or for a gate the earliest it can come (the latest due date waited for). */
  at: string;
  /** date: on `date`; after: when every phase in `after` is done; first/last: whichever of the two comes first/last. */
  rule: 'date' | 'after' | 'first' | 'last';
  after: string[];
  /** The date part of a date, first or last rule. */
  date?: string;
}

export interface PlannedPhase {
  /** The phase's key, with the time for a repeat: publicUpdate-2. Other phases wait for it by this key. */
  key: string;
  /** The template phase it comes from (its own key for a phase the office added). */
  phase: string;
  kind: PhaseKind;
  role: Role;
  title: Words;
  asks?: Phase['asks'];
  start: PlannedStart;
  due: string;
  /** A due date counted from the start, worked out again when the start moves; null for a fixed date. */
  dueAfterStart: { duration: string; time?: string } | null;
  /** For the second and later times of a repeat: they follow the first by `n - 1` times `every`. */
  repeat?: { every: string; first: string; n: number };
  skipped?: { reason: string; by: string; at: string };
  origin: 'template' | 'office';
}

export interface ChangeRecord {
  kind: 'move' | 'skip' | 'add';
  phase: string;
  by: string;
  at: string;
  reason: string;
  /** What changed: the dates before and after, what dependents wait for instead, the phase added. */
  what: Record<string, unknown>;
}

export interface CyclePlan {
  templateId: string;
  /** The anchor dates as given, in UTC. */
  anchors: Record<string, string>;
  /** Repeats are planned up to this moment. */
  horizon: string;
  phases: PlannedPhase[];
  changes: ChangeRecord[];
}

/** The moment `duration` (times `times`) after `iso` on Amsterdam's calendar, at `time` of day if given. */
export function shift(iso: string, duration: string, time?: string, times = 1): string {
  const d = parseIsoDuration(duration) as IsoDuration;
  const scaled = Object.fromEntries(Object.entries(d).map(([k, v]) => [k, v * times])) as unknown as IsoDuration;
  let at = addDuration(zoned(iso), scaled);
  if (time) {
    const [h, m] = time.split(':').map(Number);
    at = new TZDate(at.getFullYear(), at.getMonth(), at.getDate(), h, m, ZONE);
  }
  return utcIso(at);
}

const latest = (isos: string[]) => isos.reduce((a, b) => (b > a ? b : a));
const earliest = (isos: string[]) => isos.reduce((a, b) => (b < a ? b : a));

/**
 * Every start and due date worked out again from the rules, in plan order (a phase waits only for
 * phases before it). Phases that no longer have a rule's source keep the dates they have.
 */
export function settle(phases: PlannedPhase[]): PlannedPhase[] {
  const byKey = new Map<string, PlannedPhase>();
  const out = phases.map((p) => {
    let start = p.start;
    let due = p.due;
    const first = p.repeat && byKey.get(p.repeat.first);
    if (p.repeat && first) {
      const n = p.repeat.n - 1;
      const date = shift(first.start.at, p.repeat.every, undefined, n);
      start = { ...start, rule: 'date', date, at: date };
      if (!p.dueAfterStart) due = shift(first.due, p.repeat.every, undefined, n);
    } else if (start.after.length) {
      const gate = latest(start.after.map((k) => byKey.get(k)?.due ?? start.at));
      const date = start.date ?? gate;
      const at = start.rule === 'first' ? earliest([date, gate]) : start.rule === 'last' ? latest([date, gate]) : gate;
      start = { ...start, at };
    }
    if (p.dueAfterStart) due = shift(start.at, p.dueAfterStart.duration, p.dueAfterStart.time);
    const settled = { ...p, start, due };
    byKey.set(p.key, settled);
    return settled;
  });
  return out;
}
