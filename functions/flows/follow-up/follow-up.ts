/**
 * Action items (follow-ups) and the escalation ladder, as values and pure rules. Groundwork for
 * the follow-up flow: reminders before the due date, a status question on it, then the ladder
 * of the body (owner → project leader → kerngroep agenda → board), each step after a number of
 * Dutch working days and telling the steps before it. How an answer changes an item: answers.ts.
 */
import { isoDurationBefore } from '../../platform/time';
import { addWorkingDays } from '../../platform/working-days';

export type LadderStep = 'owner' | 'project-leader' | 'core-group-agenda' | 'board';

/** Statuses in which the item's workflow keeps waiting; done and returned end it. */
export const WAITING_STATUSES: ItemStatus[] = ['open', 'blocked', 'awaiting-approval'];

export interface LadderConfig {
  /** Reminders before the due date (ISO-8601 durations), default 7 days and 1 day. */
  remindersBefore: string[];
  /** After the status question on the due date: each step and the working days it waits. */
  steps: { step: Exclude<LadderStep, 'owner'>; afterWorkingDays: number }[];
  /** A new due date up to this many days later is accepted without the project leader. */
  selfExtensionDays: number;
  /** A later date asked for and not decided this many working days on: the project leader is reminded. */
  approvalReminderAfterWorkingDays: number;
}

export const DEFAULT_LADDER: LadderConfig = {
  remindersBefore: ['P7D', 'P1D'],
  steps: [
    { step: 'project-leader', afterWorkingDays: 3 },
    { step: 'core-group-agenda', afterWorkingDays: 5 },
    { step: 'board', afterWorkingDays: 10 },
  ],
  selfExtensionDays: 14,
  approvalReminderAfterWorkingDays: 2,
};

export type ItemStatus = 'open' | 'done' | 'returned' | 'blocked' | 'awaiting-approval' | 'cancelled';

/** Statuses that end an item: nobody answers for it any more and its workflow ends. */
export const isClosed = (item: Pick<ActionItem, 'status'>) =>
  item.status === 'done' || item.status === 'returned' || item.status === 'cancelled';

export interface ActionItem {
  id: string;
  what: string;
  /** What is asked beyond the title (a programme cycle's questions), shown to the owner. */
  details?: string;
  /** Where it was agreed: a meeting, a board decision, or the programme office directly. */
  origin: { kind: 'meeting' | 'decision' | 'office'; ref?: string };
  owner: { personId: string } | { organisationId: string };
  due: string;
  bodyId: string;
  status: ItemStatus;
  createdAt: string;
  result?: string;
  blockedBy?: string;
  /** When it was done or handed back: a programme cycle dates its phase by it, not by when it looked. */
  closedAt?: string;
  /** Stopped by whoever started it (a cancelled cycle): who, when and why. */
  cancelled?: { by: string; at: string; reason: string };
  /** A later date asked for beyond the self-extension limit, waiting for the project leader (asked `askedAt`). */
  requestedDue?: { due: string; reason: string; askedAt?: string };
  /** Every change of due date, on record. */
  dueHistory: { from: string; to: string; reason: string; at: string; approvedBy?: string }[];
  /** Keys of the scheduled actions already carried out (see followUpSchedule). */
  actionsDone: string[];
  /** The actions marked done by the latest change: a retried step finishes these, not the whole history. */
  lastActions?: string[];
  createdBy: string;
  /** Made under an Idempotency-Key: the hash of the request that made it (platform/keyed-create.ts). */
  requestHash?: string;
  /** Answers written whose record and emails may not have followed (notices.ts): the next step sees to them. */
  untold?: UntoldAnswer[];
  version: number;
}

/**
 * An answer as its write left the item, kept in that write: if the page dies before its record and
 * emails, the workflow's next step has what they say (and the version their keys name) to send them.
 */
export interface UntoldAnswer {
  kind: 'answered' | 'extension-decided';
  by: string;
  at: string;
  approved?: boolean;
  item: Pick<ActionItem, 'version' | 'status' | 'due' | 'result' | 'blockedBy'>;
}

export type FollowUpAction =
  | { at: string; kind: 'remind'; key: string }
  | { at: string; kind: 'ask-status'; key: string }
  | { at: string; kind: 'approval-reminder'; key: string }
  /** `approval`: the step is about a request for more time that nobody decided on, not about the work. */
  | { at: string; kind: 'escalate'; key: string; step: LadderStep; tell: LadderStep[]; approval?: boolean };

/**
 * Who hears that a stopped item lapsed: its owner once anything was asked of them (a reminder, the
 * question whether it is done), and each step it was escalated to. Nobody who never heard of it.
 */
export function toldOfStop(item: ActionItem): LadderStep[] {
  if (item.status !== 'cancelled' || item.actionsDone.length === 0) return [];
  const escalated = item.actionsDone.flatMap((key) => /^escalate:([\w-]+)@/.exec(key)?.[1] ?? []) as LadderStep[];
  return ['owner', ...new Set(escalated.filter((s) => s !== 'owner'))];
}

/**
 * Every moment the flow acts for an open item, in order; keys name the due date, so a new date
 * means new moments. While a later date waits for approval, the request has a ladder of its own.
 */
export function followUpSchedule(item: ActionItem, config: LadderConfig = DEFAULT_LADDER): FollowUpAction[] {
  const request = item.status === 'awaiting-approval' ? item.requestedDue : undefined;
  if (request) return approvalSchedule(item, request, config);
  if (item.status !== 'open') return [];
  const due = new Date(item.due).toISOString();
  const created = Date.parse(item.createdAt);
  const tag = `@${due}`;
  // Counted in UTC, day for day, as they always were.
  const reminders: FollowUpAction[] = config.remindersBefore.flatMap((d, i) => {
    const at = isoDurationBefore(item.due, d, 'UTC');
    return at !== null && Date.parse(at) > created ? [{ at, kind: 'remind' as const, key: `remind:${i}${tag}` }] : [];
  });
  const actions: FollowUpAction[] = [...reminders, { at: due, kind: 'ask-status', key: `ask${tag}` }];
  let previous = item.due;
  const told: LadderStep[] = ['owner'];
  for (const s of config.steps) {
    const at = addWorkingDays(previous, s.afterWorkingDays).toISOString();
    actions.push({ at, kind: 'escalate', key: `escalate:${s.step}${tag}`, step: s.step, tell: [...told] });
    told.push(s.step);
    previous = at;
  }
  return actions.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/**
 * A request for more time is a step like any other, so it never waits unseen: the project leader
 * is reminded after a few working days, then the request climbs the rest of the ladder (kerngroep
 * agenda, board), each of whom may decide it, telling the steps before. Keys name the request.
 */
function approvalSchedule(
  item: ActionItem,
  request: NonNullable<ActionItem['requestedDue']>,
  config: LadderConfig,
): FollowUpAction[] {
  // Requests stored before `askedAt` existed count from the due date.
  const asked = new Date(request.askedAt ?? item.due).toISOString();
  const tag = `@ask:${asked}`;
  const reminder = addWorkingDays(asked, config.approvalReminderAfterWorkingDays).toISOString();
  const actions: FollowUpAction[] = [{ at: reminder, kind: 'approval-reminder', key: `approval-remind${tag}` }];
  let previous = reminder;
  const told: LadderStep[] = ['owner', 'project-leader'];
  for (const s of config.steps.filter((x) => x.step !== 'project-leader')) {
    const at = addWorkingDays(previous, s.afterWorkingDays).toISOString();
    const key = `approval-escalate:${s.step}${tag}`;
    actions.push({ at, kind: 'escalate', key, step: s.step, tell: [...told], approval: true });
    told.push(s.step);
    previous = at;
  }
  return actions;
}

/**
 * Since when the item is late, or null: its due date has passed and it is not done. While a later
 * date waits for approval, lateness counts from the original date, until the new one is approved.
 */
export function lateSince(item: ActionItem, now: Date): string | null {
  return WAITING_STATUSES.includes(item.status) && Date.parse(item.due) < now.getTime() ? item.due : null;
}
