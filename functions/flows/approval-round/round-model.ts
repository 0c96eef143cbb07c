/** The approval round's data: what the office asks, and what has happened to it since. */
import type { Choice, Outcome, Rule, Stage, Tally } from './rules';

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
