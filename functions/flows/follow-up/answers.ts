/**
 * How an action item changes when someone answers for it: the owner through their one link, the
 * programme office directly, the project leader on a later date asked for. Pure rules on values.
 */
import { DEFAULT_LADDER, isClosed, type ActionItem, type LadderConfig } from './follow-up';

/** The owner's own extension reaches this many days of 24 hours past the due date. */
const DAY_MS = 86_400_000;

export type OwnerAnswer =
  | { kind: 'done'; result: string }
  | { kind: 'more-time'; due: string; reason: string }
  | { kind: 'not-mine'; reason?: string }
  | { kind: 'blocked'; needs: string };

export class AnswerRejected extends Error {
  constructor(readonly reason: 'closed' | 'result-required' | 'reason-required' | 'date-not-later' | 'needs-required') {
    super(reason);
    this.name = 'AnswerRejected';
  }
}

/** The owner answers through their one link. */
export function applyOwnerAnswer(
  item: ActionItem,
  answer: OwnerAnswer,
  now: Date,
  config: LadderConfig = DEFAULT_LADDER,
): ActionItem {
  if (isClosed(item)) throw new AnswerRejected('closed');
  const next = { ...item, version: item.version + 1 };
  switch (answer.kind) {
    case 'done':
      if (!answer.result.trim()) throw new AnswerRejected('result-required');
      return { ...next, status: 'done', result: answer.result.trim(), closedAt: now.toISOString() };
    case 'not-mine':
      return {
        ...next,
        status: 'returned',
        closedAt: now.toISOString(),
        ...(answer.reason?.trim() ? { result: answer.reason.trim() } : {}),
      };
    case 'blocked':
      if (!answer.needs.trim()) throw new AnswerRejected('needs-required');
      return { ...next, status: 'blocked', blockedBy: answer.needs.trim() };
    case 'more-time': {
      if (!answer.reason.trim()) throw new AnswerRejected('reason-required');
      if (Date.parse(answer.due) <= Math.max(now.getTime(), Date.parse(item.due)))
        throw new AnswerRejected('date-not-later');
      const limit = Date.parse(item.due) + config.selfExtensionDays * DAY_MS;
      if (Date.parse(answer.due) <= limit) {
        return {
          ...next,
          status: 'open',
          due: answer.due,
          requestedDue: undefined,
          dueHistory: [
            ...item.dueHistory,
            { from: item.due, to: answer.due, reason: answer.reason.trim(), at: now.toISOString() },
          ],
        };
      }
      const requestedDue = { due: answer.due, reason: answer.reason.trim(), askedAt: now.toISOString() };
      return { ...next, status: 'awaiting-approval', requestedDue };
    }
  }
}

/**
 * The programme office steers an item directly: closes it with its result, or sets a new due
 * date of any length (the office needs no approval). A pending request for more time is settled by it.
 */
export function officeChange(
  item: ActionItem,
  change: { action: 'done'; result: string } | { action: 'move'; due: string; reason: string },
  by: string,
  now: Date,
): ActionItem {
  if (isClosed(item)) throw new AnswerRejected('closed');
  if (change.action === 'done') return applyOwnerAnswer(item, { kind: 'done', result: change.result }, now);
  if (!change.reason.trim()) throw new AnswerRejected('reason-required');
  if (Date.parse(change.due) <= now.getTime()) throw new AnswerRejected('date-not-later');
  return {
    ...item,
    status: 'open',
    requestedDue: undefined,
    blockedBy: undefined,
    due: change.due,
    version: item.version + 1,
    dueHistory: [
      ...item.dueHistory,
      { from: item.due, to: change.due, reason: change.reason.trim(), at: now.toISOString(), approvedBy: by },
    ],
  };
}

/** The project leader approves (or not) a later date asked for beyond the limit. */
export function decideExtension(item: ActionItem, approve: boolean, by: string, now: Date): ActionItem {
  if (item.status !== 'awaiting-approval' || !item.requestedDue) throw new AnswerRejected('closed');
  const base = { ...item, status: 'open' as const, requestedDue: undefined, version: item.version + 1 };
  if (!approve) return base;
  return {
    ...base,
    due: item.requestedDue.due,
    dueHistory: [
      ...item.dueHistory,
      {
        from: item.due,
        to: item.requestedDue.due,
        reason: item.requestedDue.reason,
        at: now.toISOString(),
        approvedBy: by,
      },
    ],
  };
}
