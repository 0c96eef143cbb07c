/** What a round's state says without changing it: its stage deadline, tally, reminder moments, who is pending. */
import { isoDurationBefore } from '../../platform/time';
import type { Round, Vote } from './round-model';
import { tally, type Tally } from './rules';

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

export function toCast(v: Vote) {
  return { choice: v.choice, at: Date.parse(v.at), ...(v.carried ? { carried: true } : {}) };
}

export interface ReminderSlot {
  key: string;
  at: string;
}

/** Reminder moments of the current stage that lie after the stage started. */
export function reminderSlots(round: Round): ReminderSlot[] {
  const deadline = stageDeadline(round);
  const started = Date.parse(round.stageStartedAt);
  return (
    round.reminders
      // The key names the deadline too: after an extension the same reminder is a new one. Counted
      // in UTC, day for day, as they always were.
      .flatMap((d, i) => {
        const at = isoDurationBefore(deadline, d, 'UTC');
        return at === null ? [] : [{ key: `${round.stage}:${i}@${new Date(deadline).toISOString()}`, at }];
      })
      .filter((slot) => Date.parse(slot.at) > started)
      .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
  );
}

export function pendingApprovers(round: Round): string[] {
  return round.approverIds.filter((id) => !round.votes[id]);
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

/** When the workflow must next wake up for this round, or null when it is closed. */
export function nextWake(round: Round): string | null {
  if (round.status !== 'open') return null;
  const next = reminderSlots(round).find((s) => !round.remindersSent.includes(s.key));
  return next && Date.parse(next.at) < Date.parse(stageDeadline(round)) ? next.at : stageDeadline(round);
}
