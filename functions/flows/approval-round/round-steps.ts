/**
 * The workflow's steps for a round: invite, let time act, park until a decision or the next
 * moment, announce the outcome, and tell the office when the workflow failed.
 */
import { OFFICE } from '../../engine/flow-email';
import { parkOrWake, type WaitPlan, waitPlan } from '../../engine/workflow-wait';
import { ConflictError } from '../../platform/errors';
import { outcomeEmail } from './emails';
import { workflowFailedEmail } from './failure-email';
import { queueRoundReminders, sendInvitations, sendOnce, sendOwedRoundReceipts } from './mail';
import type { RoundDeps } from './ports';
import { advance, nextWake, pendingApprovers, type Round } from './round';
import { approversOf, audit, loadRound, mutateRound } from './round-access';
import { t } from './texts';

/** Workflow step: invite every approver to the current stage. */
export async function openRound(deps: RoundDeps, id: string): Promise<{ sent: number }> {
  const round = await loadRound(deps, id);
  if (round.status !== 'open') return { sent: 0 };
  const sent = await sendInvitations(deps, round, await approversOf(deps, round), `invite:${round.stage}`);
  return { sent };
}

export type Plan = WaitPlan;

function planOf(round: Round, now: Date): Plan {
  return waitPlan(round.status !== 'open', nextWake(round) ?? now.toISOString(), round.version, now);
}

/**
 * Workflow step: let time act on the round (reminders, stage deadlines), then say when to wake.
 * The emails of the latest change are sent after the write and again on every run (each send is
 * claimed once), so a step that crashed after saving still sends them when it is retried.
 */
export async function advanceRound(deps: RoundDeps, id: string): Promise<Plan> {
  const changed = await mutateRound(deps, id, (round) => {
    const next = advance(round, deps.now()).round;
    return next === round ? null : next;
  });
  const round = changed?.after ?? (await loadRound(deps, id));
  if (round.status === 'open') {
    if (round.lastReminder) {
      const pending = await approversOf(deps, round, pendingApprovers(round));
      const sent = await queueRoundReminders(deps, round, pending, `reminder:${round.lastReminder}`);
      if (sent > 0)
        await audit(deps, id, {
          key: `reminded:${round.lastReminder}`,
          kind: 'reminded',
          actor: 'system',
          details: { slot: round.lastReminder, to: sent },
        });
    }
    if (round.stages.length > 0) {
      // A later stage (majority after an objection): everyone is invited again.
      await sendInvitations(deps, round, await approversOf(deps, round), `invite:${round.stage}`);
      await audit(deps, id, {
        key: `stage:${round.stage}`,
        kind: 'stage',
        actor: 'system',
        details: { stage: round.stage, previous: round.stages.at(-1) },
      });
    }
  } else if (round.outcome !== 'cancelled') {
    // Idempotent (keyed by the closing write): a retry after a crash still puts it on record.
    await audit(deps, id, {
      version: round.version,
      kind: 'closed',
      actor: 'system',
      details: { outcome: round.outcome, tally: round.stages.at(-1)?.tally, at: changed ? 'deadline' : 'earlier' },
    });
  }
  // The answers as they were before this step: a new stage carries them without their receipts.
  if (round.status === 'open') await sendOwedRoundReceipts(deps, changed?.before ?? round, false);
  return planOf(round, deps.now());
}

/** Workflow step: keep the task token so that a decision can resume the workflow. */
export function parkRound(
  deps: RoundDeps,
  id: string,
  taskToken: string,
  version: number,
  wakeAt: string,
): Promise<void> {
  return parkOrWake(deps.rounds, deps.workflow, id, taskToken, version, wakeAt);
}

/** Workflow step: tell everyone the outcome, with the tally. */
export async function finalizeRound(deps: RoundDeps, id: string): Promise<{ outcome: string }> {
  const round = await loadRound(deps, id);
  if (round.status !== 'closed' || !round.outcome) throw new ConflictError(`round ${id} is not closed`);
  // Normally done by the closing write already; again here in case that run ended in between.
  await deps.rounds.indexClosed(round);
  // Erased or deactivated people are not written to; their decisions still count.
  for (const person of (await approversOf(deps, round)).filter((p) => p.active && p.email)) {
    await sendOnce(
      deps,
      round,
      `outcome:${person.id}`,
      person,
      'outcome',
      outcomeEmail(round, { name: person.name, lang: person.lang }),
    );
  }
  const office = outcomeEmail(round, OFFICE);
  if (round.outcome === 'no-quorum') office.subject = t.nl.noQuorumOfficeSubject(round.title);
  await sendOnce(deps, round, 'outcome:office', deps.settings.officeEmail, 'outcome', office);
  // The last chance for receipts still owed: a failure fails the step, which is retried.
  await sendOwedRoundReceipts(deps, round, true);
  return { outcome: round.outcome };
}

/** Workflow step after a failure: the programme office hears of it at once, once per round. */
export async function reportWorkflowFailure(deps: RoundDeps, id: string, error: string): Promise<void> {
  const round = await loadRound(deps, id);
  deps.log.error('approval round workflow failed', { roundId: id, error });
  await mutateRound(deps, id, (r) =>
    r.workflowFailed ? null : { ...r, workflowFailed: deps.now().toISOString(), version: r.version + 1 },
  );
  await sendOnce(
    deps,
    round,
    'workflow-failed',
    deps.settings.officeEmail,
    'notice',
    workflowFailedEmail(round, error),
  );
}
