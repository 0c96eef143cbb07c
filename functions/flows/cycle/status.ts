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
 * skipped and done first (they end a phase); then late once its due date has passed, started or
 * not (a phase that never started by its due date is late too); running when its flow has started,
 * or when it starts on a plain date and that date has come (a gate starts it only when its flow
 * reports so); to come otherwise.
 */
export function phaseStatus(phase: PlannedPhase, facts: PhaseFacts = {}, now: Date = new Date()): PhaseStatus {
  if (phase.skipped) return 'skipped';
  if (facts.doneAt) return 'done';
  const t = now.getTime();
  if (t > Date.parse(phase.due)) return 'late';
  if (facts.startedAt) return 'running';
  if (phase.start.rule === 'date' && t >= Date.parse(phase.start.at)) return 'running';
  return 'toCome';
}
