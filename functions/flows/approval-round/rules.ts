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
  /**
   * Share of eligible approvers that must respond (abstaining counts). Majority stages and the
   * consent stage of consensus-then-majority: default 0.5. Plain consent: none unless given.
   */
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
  /** Carried over from the consent stage: it counts, but the member may still change it. */
  carried?: boolean;
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

/** Whether more than `quorum` of the eligible members answered (abstaining counts), in whole people. */
export function quorumMet(t: Tally, quorum = DEFAULT_QUORUM): boolean {
  const responses = t.approve + t.reject + t.abstain + t.object;
  // In whole people: "more than 58% of 100" needs 59, whatever 0.58 * 100 rounds to in floating point.
  return responses > Math.floor(quorum * t.eligible + 1e-9);
}

/** The outcome of a majority count if it had to be settled now. */
export function majorityOutcome(t: Tally, quorum = DEFAULT_QUORUM): Outcome {
  if (!quorumMet(t, quorum)) return 'no-quorum';
  const cast = t.approve + t.reject;
  return t.approve > cast / 2 ? 'approved' : 'rejected';
}

/**
 * Which majority outcomes are still reachable, given that each pending member may approve,
 * reject, abstain or stay silent, and each member whose answer was carried over (`open`, a
 * part of `t`) may change it to approve, reject or abstain. Approval is best helped by all of
 * them approving, rejection by all rejecting, no-quorum only by the pending staying silent.
 */
export function reachableMajorityOutcomes(t: Tally, quorum = DEFAULT_QUORUM, open?: Tally): Set<Outcome> {
  const o = open ?? { approve: 0, reject: 0, abstain: 0 };
  const movable = t.pending + o.approve + o.reject + o.abstain;
  const fixed = {
    ...t,
    approve: t.approve - o.approve,
    reject: t.reject - o.reject,
    abstain: t.abstain - o.abstain,
    pending: 0,
  };
  const reachable = new Set<Outcome>();
  reachable.add(majorityOutcome(t, quorum));
  reachable.add(majorityOutcome({ ...fixed, approve: fixed.approve + movable }, quorum));
  reachable.add(majorityOutcome({ ...fixed, reject: fixed.reject + movable }, quorum));
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
      const open = tally(
        0,
        votes.filter((v) => v.carried),
      );
      const reachable = reachableMajorityOutcomes(t, quorum, open);
      return reachable.size === 1 ? { decided: true, outcome: [...reachable][0] } : { decided: false };
    }
    case 'consent': {
      const objected = t.object > 0;
      if (rule.type === 'consent') {
        // An objection decides at once; silence at the deadline counts as consent, unless a quorum was asked for.
        if (objected) return { decided: true, outcome: 'rejected' };
        if (t.pending === 0) return { decided: true, outcome: 'approved' };
        if (!final) return { decided: false };
        const enough = rule.quorum === undefined || quorumMet(t, rule.quorum);
        return { decided: true, outcome: enough ? 'approved' : 'no-quorum' };
      }
      // consensus-then-majority: consensus is active agreement, so silence never adopts. It takes
      // no objection, at least one approval and the quorum (abstaining stands aside but counts as
      // an answer). An objection may be withdrawn until the consent deadline.
      const consensus = !objected && t.approve > 0 && quorumMet(t, rule.quorum ?? DEFAULT_QUORUM);
      if (consensus && (final || t.pending === 0)) return { decided: true, outcome: 'approved' };
      if (final) return { decided: false, nextStage: 'majority' };
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
