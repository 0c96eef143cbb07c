/**
 * The follow-up workflow's two steps: let time act (reminders, the status question, the escalation
 * ladder, the reminder of an undecided request for more time), then wait for an answer or the next moment.
 */
import { DEFAULT_LADDER, followUpSchedule, isClosed, type ActionItem, type FollowUpAction } from './follow-up';
import { audit, type FollowUpDeps, loadItem, mutateItem } from './items';
import { tellStopped, tellUntold } from './notices';
import { ownerPeople, stepPeople } from './recipients';
import type { Person } from '../../engine/directory';
import { queueOnceVia } from '../../engine/mail-ledger';
import { parkOrWake, waitPlan, type WaitPlan } from '../../engine/workflow-wait';

/** How long a blocked or waiting item sleeps before the workflow looks again. */
const RECHECK_MS = 7 * 86400_000;

/**
 * Until when a reminder about this action is useful: a reminder until the due date; the status
 * question and each escalation until the ladder's next step (or a week after the last one).
 */
export function actionDeadline(item: ActionItem, action: FollowUpAction): string {
  if (action.kind === 'remind') return item.due;
  const next = followUpSchedule(item, DEFAULT_LADDER).find((a) => Date.parse(a.at) > Date.parse(action.at));
  return next?.at ?? new Date(Date.parse(action.at) + RECHECK_MS).toISOString();
}

/** The item with every action that fell due marked done (and remembered as the latest), or null if none did. */
function markDue(item: ActionItem, now: Date): ActionItem | null {
  const due = followUpSchedule(item, DEFAULT_LADDER).filter(
    (a) => Date.parse(a.at) <= now.getTime() && !item.actionsDone.includes(a.key),
  );
  return due.length
    ? {
        ...item,
        actionsDone: [...item.actionsDone, ...due.map((a) => a.key)],
        lastActions: due.map((a) => a.key),
        version: item.version + 1,
      }
    : null;
}

/**
 * Carry out one action: each goes to the person's reminder budget, which words it again when it
 * is sent; every hand-over is claimed once, so a retry after a crash queues nothing twice.
 */
async function carryOut(deps: FollowUpDeps, item: ActionItem, action: FollowUpAction, now: Date): Promise<void> {
  const queue = (key: string, p: Person, kind: 'follow-up' | 'escalation', detail: Record<string, string>) =>
    p.active && p.email
      ? queueOnceVia(deps.reminders, deps.items, item.id, `${key}:${p.id}`, {
          personId: p.id,
          kind,
          detail: { action: action.key, ...detail },
          dueAt: now.toISOString(),
          deadline: actionDeadline(item, action),
        })
      : Promise.resolve(false);
  if (action.kind === 'escalate') {
    const reached = await stepPeople(deps, item, action.step);
    for (const p of reached) await queue(action.key, p, 'escalation', { step: action.step, told: 'no' });
    for (const told of action.tell) {
      // Someone on two steps (the kerngroep's chair is often the project leader) hears it once,
      // as the one it now lies with.
      const others = (await stepPeople(deps, item, told)).filter((x) => !reached.some((r) => r.id === x.id));
      for (const p of others) await queue(`${action.key}:tell`, p, 'escalation', { step: action.step, told: 'yes' });
    }
    const about = action.approval ? { about: 'more-time' } : {};
    await audit(deps, item.id, action.key, 'escalated', 'system', { step: action.step, ...about });
  } else if (action.kind === 'approval-reminder') {
    // The request for more time waits for the project leader: reminded like any step, through their budget.
    for (const p of await stepPeople(deps, item, 'project-leader')) {
      await queue(action.key, p, 'follow-up', { kind: action.kind });
    }
    await audit(deps, item.id, action.key, 'reminded', 'system', { step: 'project-leader', about: 'more-time' });
  } else {
    for (const p of await ownerPeople(deps, item)) await queue(action.key, p, 'follow-up', { kind: action.kind });
    await audit(deps, item.id, action.key, action.kind === 'remind' ? 'reminded' : 'asked', 'system');
  }
}

/** Workflow step: carry out every scheduled action that fell due, then say when to wake next. */
export async function advanceFollowUp(deps: FollowUpDeps, id: string): Promise<WaitPlan> {
  const now = deps.now();
  const changed = await mutateItem(deps, id, (item) => markDue(item, now));
  const item = await tellUntold(deps, changed?.after ?? (await loadItem(deps, id)));
  // Stopping wakes the workflow for this last look; a retried step sends nothing twice.
  if (item.status === 'cancelled') await tellStopped(deps, item);
  // The actions of the latest change, again after a crash: what was handed over already is not again.
  for (const action of followUpSchedule(item, DEFAULT_LADDER).filter((a) => item.lastActions?.includes(a.key))) {
    await carryOut(deps, item, action, now);
  }
  const next = followUpSchedule(item, DEFAULT_LADDER).find((a) => !item.actionsDone.includes(a.key));
  const closed = isClosed(item);
  const wakeAt = next ? next.at : new Date(now.getTime() + RECHECK_MS).toISOString();
  return waitPlan(closed, wakeAt, item.version, now);
}

export function parkFollowUp(
  deps: FollowUpDeps,
  id: string,
  token: string,
  version: number,
  wakeAt: string,
): Promise<void> {
  return parkOrWake(deps.items, deps.workflow, id, token, version, wakeAt);
}
