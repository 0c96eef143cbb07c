/**
 * The approval round as a value, and the pure transitions on it. Persistence, email and
 * the workflow live elsewhere; these functions only decide what the next state is.
 */
import { choicesFor, evaluate, firstStage, type Choice, type Outcome } from './rules';
import type { NewRoundInput, Round, StageRecord, Vote } from './round-model';
import { currentTally, objectionsOf, type ReminderSlot, reminderSlots, stageDeadline, toCast } from './round-queries';

// Those who read a round import it from here, the model and its queries with it.
export type { DocumentLink, NewRoundInput, Round, RoundStatus, StageRecord, Vote } from './round-model';
export {
  carriedObjections,
  currentTally,
  nextWake,
  objectionsOf,
  pendingApprovers,
  type ReminderSlot,
  reminderSlots,
  stageDeadline,
} from './round-queries';

export function createRound(input: NewRoundInput, now: Date): Round {
  const at = now.toISOString();
  return {
    ...input,
    status: 'open',
    stage: firstStage(input.rule),
    stageStartedAt: at,
    stages: [],
    votes: {},
    remindersSent: [],
    createdAt: at,
    version: 1,
  };
}

const CARRIED_AS: Record<Choice, Choice> = {
  approve: 'approve',
  object: 'reject',
  abstain: 'abstain',
  reject: 'reject',
};

/** The consent stage's answers as the majority stage counts them, each open to change. */
function carryVotes(votes: Record<string, Vote>): Record<string, Vote> {
  return Object.fromEntries(
    Object.entries(votes).map(([id, v]) => [
      id,
      {
        choice: CARRIED_AS[v.choice],
        at: v.at,
        changes: 0,
        carried: true as const,
        ...(v.comment ? { comment: v.comment } : {}),
      },
    ]),
  );
}

function close(round: Round, outcome: Outcome, now: Date): Round {
  return {
    ...round,
    status: 'closed',
    outcome,
    closedAt: now.toISOString(),
    stages: [...round.stages, stageRecord(round, outcome, now)],
  };
}

function stageRecord(round: Round, result: StageRecord['result'], now: Date): StageRecord {
  return {
    stage: round.stage,
    startedAt: round.stageStartedAt,
    endedAt: now.toISOString(),
    tally: currentTally(round),
    result,
    objections: objectionsOf(round),
  };
}

function settle(round: Round, now: Date, final: boolean): Round {
  const votes = Object.values(round.votes).map(toCast);
  const ev = evaluate(round.rule, round.stage, round.approverIds.length, votes, final);
  if (ev.decided) return close(round, ev.outcome, now);
  if ('nextStage' in ev) {
    return {
      ...round,
      stages: [...round.stages, stageRecord(round, objectionsOf(round).length > 0 ? 'objection' : 'no-consensus', now)],
      stage: ev.nextStage,
      stageStartedAt: now.toISOString(),
      votes: carryVotes(round.votes),
    };
  }
  return round;
}

export class DecisionRejected extends Error {
  constructor(readonly reason: 'closed' | 'not-an-approver' | 'choice-not-offered' | 'reason-required') {
    super(reason);
    this.name = 'DecisionRejected';
  }
}

export interface DecisionInput {
  approverId: string;
  choice: Choice;
  reason?: string;
  comment?: string;
  /** The render time of the form this answer was posted from. */
  form?: number;
}

/** Forms remembered per member and stage; older renders are long past their maximum age anyway. */
const FORMS_KEPT = 20;

/** Record (or change) one member's answer and settle the stage. */
export function recordDecision(round: Round, input: DecisionInput, now: Date): Round {
  if (round.status !== 'open') throw new DecisionRejected('closed');
  // Past the stage deadline the answer is too late, even before the workflow has settled the stage.
  if (now.getTime() >= Date.parse(stageDeadline(round))) throw new DecisionRejected('closed');
  if (!round.approverIds.includes(input.approverId)) throw new DecisionRejected('not-an-approver');
  if (!choicesFor(round.rule, round.stage).includes(input.choice)) throw new DecisionRejected('choice-not-offered');
  if (input.choice === 'object' && !input.reason?.trim()) throw new DecisionRejected('reason-required');
  // A carried answer was not given in this stage: the first answer here is not a change.
  const previous = round.votes[input.approverId]?.carried ? undefined : round.votes[input.approverId];
  const vote: Vote = {
    choice: input.choice,
    at: now.toISOString(),
    changes: previous ? previous.changes + 1 : 0,
    version: round.version + 1,
    ...(input.form !== undefined ? { forms: [...(previous?.forms ?? []), input.form].slice(-FORMS_KEPT) } : {}),
    ...(input.reason?.trim() ? { reason: input.reason.trim() } : {}),
    ...(input.comment?.trim() ? { comment: input.comment.trim() } : {}),
  };
  const voted = { ...round, votes: { ...round.votes, [input.approverId]: vote }, version: round.version + 1 };
  return settle(voted, now, false);
}

export interface AdvanceResult {
  round: Round;
  /** Reminder slots that fell due now and must be sent to the pending members. */
  dueReminders: ReminderSlot[];
  /** True when the stage changed and everyone must be invited to the new stage. */
  stageChanged: boolean;
}

/** What time does: reminders fall due, stage deadlines pass. */
export function advance(round: Round, now: Date): AdvanceResult {
  if (round.status !== 'open') return { round, dueReminders: [], stageChanged: false };
  const passed = now.getTime() >= Date.parse(stageDeadline(round));
  if (passed) {
    const settled = settle(round, now, true);
    const stageChanged = settled.status === 'open' && settled.stage !== round.stage;
    return { round: { ...settled, version: round.version + 1 }, dueReminders: [], stageChanged };
  }
  const due = reminderSlots(round).filter(
    (s) => Date.parse(s.at) <= now.getTime() && !round.remindersSent.includes(s.key),
  );
  if (due.length === 0) return { round, dueReminders: [], stageChanged: false };
  // Several missed slots (e.g. after an outage) collapse into one reminder.
  const latest = due[due.length - 1];
  return {
    round: {
      ...round,
      remindersSent: [...round.remindersSent, ...due.map((s) => s.key)],
      lastReminder: latest.key,
      version: round.version + 1,
    },
    dueReminders: [latest],
    stageChanged: false,
  };
}

export function cancelRound(round: Round, reason: string, now: Date): Round {
  if (round.status !== 'open') throw new DecisionRejected('closed');
  return { ...close({ ...round, cancelReason: reason }, 'cancelled', now), version: round.version + 1 };
}

export function extendRound(round: Round, deadline: string, now: Date): Round {
  if (round.status !== 'open') throw new DecisionRejected('closed');
  const extended = { ...round, deadline, version: round.version + 1 };
  // The schedule is recomputed from the new deadline: slots already past are skipped, the rest will be sent.
  const past = reminderSlots(extended)
    .filter((s) => Date.parse(s.at) <= now.getTime())
    .map((s) => s.key);
  return { ...extended, remindersSent: [...round.remindersSent, ...past] };
}
