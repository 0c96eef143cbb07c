/**
 * Where a planned phase stands, from what its own flow reports (facts) and the clock: the colours
 * of the cycle's timeline. Pure, so the cycle page, the public page and the workflow agree.
 */
import type { PlannedPhase } from './plan';

export type PhaseStatus = 'toCome' | 'running' | 'late' | 'done' | 'skipped';

/** The flows a phase can start: an action item (follow-up), an input round, an approval round. */
export type FlowKind = 'followUp' | 'inputRound' | 'approvalRound' | 'agendaItem' | 'consultation';

/** What the cycle's workflow (run.ts) and the office recorded of a phase: UTC ISO instants. */
export interface PhaseFacts {
  startedAt?: string;
  doneAt?: string;
  /** The flow the phase started, so the cycle's page links to it and a wake reads it. */
  flow?: { kind: FlowKind; id: string };
  /** No flow of its own (a publication, resident input), or its flow refused: the office marks it done. */
  office?: true;
  /** The action item was handed back: a phase waiting for this one waits until the office decides. */
  returnedAt?: string;
  /** An approval round's outcome (approved, rejected, no-quorum, …). */
  outcome?: string;
  /** Who marked it done, when the office did, and what they noted. */
  doneBy?: string;
  note?: string;
  /** The other flow refused to start it (say, its due date had passed): the office decides. */
  refused?: Record<string, string>;
  /** The date the cycle last gave its flow (flow-sync.ts): a phase moved since moves the flow. */
  flowDue?: string;
  /** The flow refused the phase's moved due date (a round's deadline only goes later): its reasons. */
  moveRefused?: { due: string; fields: Record<string, string> };
  /** The cycle was cancelled and stopped this phase's flow then. */
  stoppedAt?: string;
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

/** The start date of a phase's rule, if it has one (a plain date, or the date part of first/last). */
function dateOf(phase: PlannedPhase): string | undefined {
  if (phase.start.rule === 'date') return phase.start.at;
  // A gate whose phases were all skipped with nothing instead starts on the date planned now.
  if (phase.start.rule === 'after') return phase.start.after.length ? undefined : phase.start.at;
  return phase.start.date;
}

/**
 * Does the phase's start hold now: its date has come and/or every phase it waits for is done or
 * skipped, as its rule says. A phase handed back (returnedAt) is not done, so what waits for it waits.
 */
export function startHolds(
  phase: PlannedPhase,
  phases: PlannedPhase[],
  facts: Record<string, PhaseFacts>,
  now: Date,
): boolean {
  const ended = (k: string) => Boolean(facts[k]?.doneAt) || Boolean(phases.find((p) => p.key === k)?.skipped);
  const gateOpen = phase.start.after.every(ended);
  const date = dateOf(phase);
  const dateCome = date !== undefined && now.getTime() >= Date.parse(date);
  switch (phase.start.rule) {
    case 'date':
      return dateCome;
    case 'after':
      return phase.start.after.length ? gateOpen : dateCome;
    case 'first':
      return dateCome || gateOpen;
    case 'last':
      return dateCome && gateOpen;
  }
}

/** The next moment a date may start a phase that has not started: its date, if still to come. */
export function nextStartDate(phase: PlannedPhase, now: Date): string | undefined {
  const date = dateOf(phase);
  return date && Date.parse(date) > now.getTime() ? date : undefined;
}
