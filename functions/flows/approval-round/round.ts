/**
 * The approval round as a value, and the pure transitions on it. Persistence, email and
 * the workflow live elsewhere; these functions only decide what the next state is.
 */
import { DateTime, Duration } from 'luxon';
import {
  choicesFor,
  evaluate,
  firstStage,
  tally,
  type Choice,
  type Outcome,
  type Rule,
  type Stage,
  type Tally,
} from './rules';

export interface DocumentLink {
  title: string;
  url: string;
}

export interface Vote {
  choice: Choice;
  reason?: string;
  comment?: string;
  /** ISO time of the latest answer. */
  at: string;
  /** How often this member changed their answer in this stage. */
  changes: number;
  /** The round version this answer was recorded at: the key of its audit record. */
  version?: number;
  /**
   * The page renders (their time in epoch seconds) whose forms were posted in this stage, newest
   * last: posting any of them again changes nothing.
   */
  forms?: number[];
  /**
   * The member's answer from the consent stage, counted in the majority stage (approve stays
   * approve, an objection becomes a vote against, abstain stays abstain) until they change it.
   */
  carried?: true;
}

export interface StageRecord {
  stage: Stage;
  startedAt: string;
  endedAt: string;
  tally: Tally;
  /**
   * What ended the stage: an outcome, the objections that led to the next stage, or (consent
   * stage) no consensus without an objection: too few answers, or nobody approved.
   */
  result: Outcome | 'objection' | 'no-consensus';
  objections: { approverId: string; reason: string }[];
}

export type RoundStatus = 'open' | 'closed';

/** What the programme office decides when it puts a request to a group. */
export interface NewRoundInput {
  id: string;
  title: string;
  summary: string;
  documents: DocumentLink[];
  bodyId?: string;
  approverIds: string[];
  rule: Rule;
  deadline: string;
  /** ISO-8601 durations before the (stage) deadline. */
  reminders: string[];
  createdBy: string;
}

/** The round as it goes: the request plus everything that happened to it. */
export interface Round extends NewRoundInput {
  status: RoundStatus;
  outcome?: Outcome;
  stage: Stage;
  stageStartedAt: string;
  /** Ended stages, each with its tally and result. */
  stages: StageRecord[];
  /** Current stage's answers, by approver id. */
  votes: Record<string, Vote>;
  /** Reminder slots already dealt with, sent or skipped (`<stage>:<index>@<deadline>`). */
  remindersSent: string[];
  /** The reminder slot most recently sent, so a retried step can finish sending it. */
  lastReminder?: string;
  createdAt: string;
  closedAt?: string;
  cancelReason?: string;
  /** Incremented by every change; the condition of every write. */
  version: number;
  /** Set when the round's workflow stopped: the overview shows it until the round closes. */
  workflowFailed?: string;
  /** With an Idempotency-Key: a hash of the request that made the round, to tell a retry from another request. */
  requestHash?: string;
}

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

/** The deadline of the stage the round is in. */
export function stageDeadline(round: Round): string {
  if (round.stage === 'consent' && round.rule.type === 'consensus-then-majority' && round.rule.consentDeadline) {
    return round.rule.consentDeadline;
  }
  return round.deadline;
}

export function currentTally(round: Round): Tally {
  return tally(round.approverIds.length, Object.values(round.votes).map(toCast));
}

function toCast(v: Vote) {
  return { choice: v.choice, at: Date.parse(v.at), ...(v.carried ? { carried: true } : {}) };
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

export interface ReminderSlot {
  key: string;
  at: string;
}

/** Reminder moments of the current stage that lie after the stage started. */
export function reminderSlots(round: Round): ReminderSlot[] {
  const deadline = DateTime.fromISO(stageDeadline(round));
  const started = Date.parse(round.stageStartedAt);
  return (
    round.reminders
      // The key names the deadline too: after an extension the same reminder is a new one.
      .map((d, i) => ({
        key: `${round.stage}:${i}@${deadline.toUTC().toISO()}`,
        at: deadline.minus(Duration.fromISO(d)).toUTC().toISO()!,
      }))
      .filter((slot) => Date.parse(slot.at) > started)
      .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
  );
}

export function pendingApprovers(round: Round): string[] {
  return round.approverIds.filter((id) => !round.votes[id]);
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

export function objectionsOf(round: Round): { approverId: string; reason: string }[] {
  return Object.entries(round.votes)
    .filter(([, v]) => v.choice === 'object')
    .map(([approverId, v]) => ({ approverId, reason: v.reason ?? '' }));
}

/** Objections from the consent stage that the majority stage must show to everyone. */
export function carriedObjections(round: Round): { approverId: string; reason: string }[] {
  return round.stages.find((s) => s.stage === 'consent' && s.result === 'objection')?.objections ?? [];
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

/** When the workflow must next wake up for this round, or null when it is closed. */
export function nextWake(round: Round): string | null {
  if (round.status !== 'open') return null;
  const next = reminderSlots(round).find((s) => !round.remindersSent.includes(s.key));
  return next && Date.parse(next.at) < Date.parse(stageDeadline(round)) ? next.at : stageDeadline(round);
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
