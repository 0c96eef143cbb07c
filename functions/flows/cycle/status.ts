/**
 * Where a planned phase stands, from what its own flow reports (facts) and the clock: the colours
 * of the cycle's timeline. Pure, so the cycle page, the public page and the workflow agree.
 */
import type { PlannedPhase } from './plan';

export type PhaseStatus = 'toCome' | 'running' | 'late' | 'done' | 'skipped';

/** What the phase's own flow (round, task, agenda item) has reported: UTC ISO instants. */
export interface PhaseFacts {
  startedAt?: string;
  doneAt?: string;
}

/**
 * Has the phase's own date come, which starts it whatever else happens: a plain date, or the date of
 * a "whichever comes first" (a gate starts a phase only when its flow reports so).
 */
export function startsByDate(phase: PlannedPhase, now: Date): boolean {
  const date =
    phase.start.rule === 'date' ? phase.start.at : phase.start.rule === 'first' ? phase.start.date : undefined;
  return date !== undefined && now.getTime() >= Date.parse(date);
}

/**
 * skipped and done first (they end a phase); then late once its due date has passed, started or
 * not (a phase that never started by its due date is late too); running when its flow has started
 * or its own date has come (startsByDate); to come otherwise.
 */
export function phaseStatus(phase: PlannedPhase, facts: PhaseFacts = {}, now: Date = new Date()): PhaseStatus {
  if (phase.skipped) return 'skipped';
  if (facts.doneAt) return 'done';
  const t = now.getTime();
  if (t > Date.parse(phase.due)) return 'late';
  if (facts.startedAt) return 'running';
  if (startsByDate(phase, now)) return 'running';
  return 'toCome';
}
