/**
 * The workflow's steps for an input round: ask every partner (or person), remind those without an
 * answer, and at the deadline send the office a summary and (if the round says so) escalate the
 * silent partners.
 */
import { queueOnceVia, sendOnceVia } from '../../engine/mail-ledger';
import { parkOrWake, type WaitPlan, waitPlan } from '../../engine/workflow-wait';
import { isoWithOffset, zoned } from '../../platform/time';
import { addWorkingDays } from '../../platform/working-days';
import { createFollowUp } from '../follow-up';
import { inputRequestMail, inputStoppedMail, inputSummaryMail } from './emails';
import { answerLink, loadInput, mutateInput, recipientsOf } from './input-access';
import { recordUnrecordedAnswers, sendOwedInputReceipts } from './input-receipts';
import {
  advanceInputRound,
  asksPeople,
  type InputRound,
  nextInputWake,
  pendingPartners,
  respondentsOf,
} from './input-round';
import type { InputRoundDeps } from './ports';

/** Partners that did not answer get an action item due this many working days after the deadline. */
const ESCALATION_GRACE_WORKING_DAYS = 2;

async function askPartners(deps: InputRoundDeps, round: InputRound, ids: string[]) {
  for (const { orgName, people } of await recipientsOf(deps, round, ids)) {
    for (const p of people) {
      await sendOnceVia(deps, deps.inputs, round.id, `ask:${p.id}`, p, 'invite', async () =>
        inputRequestMail(
          round,
          { name: p.name, lang: p.lang },
          orgName ?? '',
          await answerLink(deps, round, p.id),
          'ask',
          deps.now(),
        ),
      );
    }
  }
}

/**
 * Reminders go to the contacts' reminder budgets, which word them again (and drop them if answered)
 * when they are sent.
 */
async function remindPartners(deps: InputRoundDeps, round: InputRound, ids: string[], keyPrefix: string) {
  for (const { people } of await recipientsOf(deps, round, ids)) {
    for (const p of people) {
      await queueOnceVia(deps.reminders, deps.inputs, round.id, `${keyPrefix}:${p.id}`, {
        personId: p.id,
        kind: 'input',
        dueAt: deps.now().toISOString(),
        deadline: round.deadline,
      });
    }
  }
}

export async function openInput(deps: InputRoundDeps, id: string): Promise<{ sent: true }> {
  const round = await loadInput(deps, id);
  if (round.status === 'open') await askPartners(deps, round, respondentsOf(round));
  return { sent: true };
}

/** Workflow step: reminders that fell due; at the deadline, the summary and the escalations. Safe to repeat. */
export async function advanceInput(deps: InputRoundDeps, id: string): Promise<WaitPlan> {
  const now = deps.now();
  const changed = await mutateInput(deps, id, (r) => {
    const next = advanceInputRound(r, now);
    return next === r ? null : next;
  });
  const round = changed?.after ?? (await loadInput(deps, id));
  if (round.status === 'open' && round.lastReminder) await remindInput(deps, round);
  if (round.status === 'open') await recordUnrecordedAnswers(deps, round);
  if (round.status === 'open') await sendOwedInputReceipts(deps, round, false);
  if (round.status === 'closed') await closeInput(deps, round);
  const wake = nextInputWake(round) ?? now.toISOString();
  return waitPlan(round.status === 'closed', wake, round.version, now);
}

/** The reminder of the latest slot to the partners still silent, and on the timeline (once per slot). */
async function remindInput(deps: InputRoundDeps, round: InputRound): Promise<void> {
  const pending = pendingPartners(round);
  if (pending.length === 0) return;
  await remindPartners(deps, round, pending, `remind:${round.lastReminder}`);
  await deps.inputs.appendAudit(round.id, {
    key: `reminded:${round.lastReminder}`,
    at: deps.now().toISOString(),
    kind: 'reminded',
    actor: 'system',
    details: { slot: round.lastReminder, [asksPeople(round) ? 'people' : 'partners']: pending.length },
  });
}

async function summarizeAndEscalate(deps: InputRoundDeps, round: InputRound): Promise<void> {
  // On the timeline before the summary goes out; a retried step finds it there already.
  const pending = pendingPartners(round).length;
  await deps.inputs.appendAudit(round.id, {
    key: 'closed',
    at: round.closedAt ?? deps.now().toISOString(),
    kind: 'closed',
    actor: 'system',
    details: { answered: respondentsOf(round).length - pending, pending },
  });
  const names = asksPeople(round)
    ? new Map((await deps.directory.getPeople(round.personIds!)).map((p) => [p.id, p.name]))
    : new Map((await deps.directory.listOrganisations()).map((o) => [o.id, o.name]));
  await sendOnceVia(deps, deps.inputs, round.id, 'summary:office', deps.settings.officeEmail, 'notice', async () =>
    inputSummaryMail(round, names),
  );
  if (!round.escalate || asksPeople(round)) return;
  const due = isoWithOffset(zoned(addWorkingDays(round.deadline, ESCALATION_GRACE_WORKING_DAYS)));
  for (const orgId of pendingPartners(round)) {
    // Claimed like an email, so a retried step makes one action item per partner.
    if (!(await deps.inputs.claimMail(round.id, `escalate:${orgId}`))) continue;
    const item = await createFollowUp(
      deps.followUps,
      {
        what: `${round.title} (${names.get(orgId) ?? orgId})`,
        origin: { kind: 'office', ref: round.id },
        ownerOrganisationId: orgId,
        due,
        bodyId: round.bodyId,
      },
      'system',
    );
    await deps.inputs.appendAudit(round.id, {
      key: `escalated:${orgId}`,
      at: deps.now().toISOString(),
      kind: 'escalated',
      actor: 'system',
      details: { organisationId: orgId, followUp: item.id },
    });
  }
}

/** Everyone asked hears that the round stopped, once each: those still silent that no answer is needed. */
async function tellStopped(deps: InputRoundDeps, round: InputRound): Promise<void> {
  for (const id of respondentsOf(round)) {
    const answered = Boolean(round.answers[id]);
    for (const { people } of await recipientsOf(deps, round, [id]))
      for (const p of people)
        await sendOnceVia(deps, deps.inputs, round.id, `stopped:${p.id}`, p, 'notice', async () =>
          inputStoppedMail(round, { name: p.name, lang: p.lang }, answered),
        );
  }
}

/** The close's last step: receipts still owed; a failure fails the step, which is retried. */
async function closeInput(deps: InputRoundDeps, round: InputRound): Promise<void> {
  // A stopped round asks nothing more of anyone: no summary, no action items (office-actions.ts).
  await recordUnrecordedAnswers(deps, round);
  if (round.cancelled) await tellStopped(deps, round);
  else await summarizeAndEscalate(deps, round);
  await sendOwedInputReceipts(deps, round, true);
}

export function parkInput(
  deps: InputRoundDeps,
  id: string,
  token: string,
  version: number,
  wakeAt: string,
): Promise<void> {
  return parkOrWake(deps.inputs, deps.workflow, id, token, version, wakeAt);
}
