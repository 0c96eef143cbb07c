/**
 * Decision rules of an approval round. Pure functions: no I/O, no clock.
 *
 * "Early close" follows one definition for every rule: the round closes as soon as no
 * possible set of answers from the members who have not responded yet can change the
 * outcome, taking the answers given so far as they stand. Members may still change their
 * answer while the round is open; each change is evaluated again.
 */
export type RuleType = 'majority' | 'unanimous' | 'consent' | 'consensus-then-majority' | 'first-response';
export type Choice = 'approve' | 'reject' | 'abstain' | 'object';
export type Stage = 'decision' | 'consent' | 'majority';
export type Outcome = 'approved' | 'rejected' | 'no-quorum' | 'no-response' | 'cancelled';

export interface Rule {
  type: RuleType;
  /** Share of eligible approvers that must respond (majority stages). Default 0.5. */
  quorum?: number;
  /** ISO-8601 end of the consent stage (consensus-then-majority only). */
  consentDeadline?: string;
}

export interface Tally {
  eligible: number;
  approve: number;
  reject: number;
  abstain: number;
  object: number;
  pending: number;
}

export interface CastVote {
  choice: Choice;
  /** Epoch ms of the (latest) answer; orders answers for first-response. */
  at: number;
}

export type Evaluation =
  | { decided: true; outcome: Outcome }
  /** The stage ends without an outcome and the next stage must start. */
  | { decided: false; nextStage: Stage }
  | { decided: false };

export const DEFAULT_QUORUM = 0.5;

export function firstStage(rule: Rule): Stage {
  if (rule.type === 'consent' || rule.type === 'consensus-then-majority') return 'consent';
  if (rule.type === 'first-response') return 'decision';
  return rule.type === 'majority' ? 'majority' : 'decision';
}

/** The choices a member is offered in a stage. */
export function choicesFor(rule: Rule, stage: Stage): Choice[] {
  if (stage === 'consent') return ['approve', 'object', 'abstain'];
  if (rule.type === 'first-response') return ['approve', 'reject'];
  return ['approve', 'reject', 'abstain'];
}

export function tally(eligible: number, votes: CastVote[]): Tally {
  const t: Tally = { eligible, approve: 0, reject: 0, abstain: 0, object: 0, pending: 0 };
  for (const v of votes) t[v.choice] += 1;
  t.pending = Math.max(0, eligible - votes.length);
  return t;
}

/** The outcome of a majority count if it had to be settled now. */
export function majorityOutcome(t: Tally, quorum = DEFAULT_QUORUM): Outcome {
  const responses = t.approve + t.reject + t.abstain;
  // In whole people: "more than 58% of 100" needs 59, whatever 0.58 * 100 rounds to in floating point.
  if (!(responses > Math.floor(quorum * t.eligible + 1e-9))) return 'no-quorum';
  const cast = t.approve + t.reject;
  return t.approve > cast / 2 ? 'approved' : 'rejected';
}

/**
 * Which majority outcomes are still reachable, given that each pending member may approve,
 * reject, abstain or stay silent. Approval is best helped by all pending approving,
 * rejection by all pending rejecting, no-quorum only by silence.
 */
export function reachableMajorityOutcomes(t: Tally, quorum = DEFAULT_QUORUM): Set<Outcome> {
  const reachable = new Set<Outcome>();
  reachable.add(majorityOutcome(t, quorum));
  reachable.add(majorityOutcome({ ...t, approve: t.approve + t.pending, pending: 0 }, quorum));
  reachable.add(majorityOutcome({ ...t, reject: t.reject + t.pending, pending: 0 }, quorum));
  return reachable;
}

/**
 * Evaluate a stage. `final` is true when the stage's deadline has passed: then the stage
 * always ends, with an outcome or with the next stage.
 */
export function evaluate(rule: Rule, stage: Stage, eligible: number, votes: CastVote[], final: boolean): Evaluation {
  const t = tally(eligible, votes);
  switch (stage) {
    case 'majority': {
      const quorum = rule.quorum ?? DEFAULT_QUORUM;
      if (final) return { decided: true, outcome: majorityOutcome(t, quorum) };
      const reachable = reachableMajorityOutcomes(t, quorum);
      return reachable.size === 1 ? { decided: true, outcome: [...reachable][0] } : { decided: false };
    }
    case 'consent': {
      const objected = t.object > 0;
      if (rule.type === 'consent') {
        // An objection decides at once; silence at the deadline counts as consent.
        if (objected) return { decided: true, outcome: 'rejected' };
        if (final || t.pending === 0) return { decided: true, outcome: 'approved' };
        return { decided: false };
      }
      // consensus-then-majority: an objection may be withdrawn until the consent deadline.
      if (!objected && (final || t.pending === 0)) return { decided: true, outcome: 'approved' };
      if (objected && final) return { decided: false, nextStage: 'majority' };
      return { decided: false };
    }
    case 'decision': {
      if (rule.type === 'first-response') {
        const first = votes
          .filter((v) => v.choice === 'approve' || v.choice === 'reject')
          .sort((a, b) => a.at - b.at)[0];
        if (first) return { decided: true, outcome: first.choice === 'approve' ? 'approved' : 'rejected' };
        return final ? { decided: true, outcome: 'no-response' } : { decided: false };
      }
      // unanimous: anything but approval makes unanimity impossible.
      if (t.reject > 0 || t.abstain > 0 || t.object > 0) return { decided: true, outcome: 'rejected' };
      if (t.approve === eligible) return { decided: true, outcome: 'approved' };
      return final ? { decided: true, outcome: 'rejected' } : { decided: false };
    }
  }
}

/** How many approvals a majority stage still needs to pass, counting pending members as silent. */
export function approvalsNeeded(t: Tally): number {
  const cast = t.approve + t.reject;
  return Math.max(0, Math.floor(cast / 2) + 1 - t.approve);
}
