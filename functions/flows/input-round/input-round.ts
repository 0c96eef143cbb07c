/**
 * Partner input rounds (uitvraag): the programme office asks a set of partners to deliver
 * something by a date. Each partner answers once through its contacts' links (and may change the
 * answer while the round is open): delivered, will deliver by a date, or not applicable.
 */
import { isoDurationBefore } from '../../platform/time';

export type InputAnswerKind = 'delivered' | 'will-deliver' | 'not-applicable';

export interface InputAnswer {
  kind: InputAnswerKind;
  text?: string;
  url?: string;
  /** For will-deliver: the promised date. */
  date?: string;
  at: string;
  /** The contact who answered for the partner. */
  by: string;
  /** The round version that recorded it: the key of its receipt (answers from before it have none). */
  version?: number;
}

export interface InputRound {
  id: string;
  title: string;
  request: string;
  organisationIds: string[];
  deadline: string;
  reminders: string[];
  /** Partners without an answer at the deadline become action items with the escalation ladder. */
  escalate: boolean;
  bodyId: string;
  status: 'open' | 'closed';
  answers: Record<string, InputAnswer>;
  remindersSent: string[];
  lastReminder?: string;
  createdAt: string;
  createdBy: string;
  closedAt?: string;
  /** Stopped by whoever started it (a cancelled cycle): closed without a summary or escalations. */
  cancelled?: { by: string; at: string; reason: string };
  /** Made under an Idempotency-Key: the hash of the request that made it (platform/keyed-create.ts). */
  requestHash?: string;
  version: number;
}

export class InputRejected extends Error {
  constructor(readonly reason: 'closed' | 'not-asked' | 'text-or-link-required' | 'date-required' | 'link-invalid') {
    super(reason);
    this.name = 'InputRejected';
  }
}

export function recordInput(
  round: InputRound,
  organisationId: string,
  answer: Omit<InputAnswer, 'at' | 'version'>,
  now: Date,
): InputRound {
  if (round.status !== 'open' || now.getTime() >= Date.parse(round.deadline)) throw new InputRejected('closed');
  if (!round.organisationIds.includes(organisationId)) throw new InputRejected('not-asked');
  if (answer.kind === 'delivered' && !answer.text?.trim() && !answer.url?.trim())
    throw new InputRejected('text-or-link-required');
  if (answer.url && !/^https?:\/\/\S+$/.test(answer.url)) throw new InputRejected('link-invalid');
  if (answer.kind === 'will-deliver' && !(answer.date && Date.parse(answer.date) > now.getTime()))
    throw new InputRejected('date-required');
  const clean: InputAnswer = {
    kind: answer.kind,
    by: answer.by,
    at: now.toISOString(),
    version: round.version + 1,
    ...(answer.text?.trim() ? { text: answer.text.trim() } : {}),
    ...(answer.url?.trim() ? { url: answer.url.trim() } : {}),
    ...(answer.date ? { date: answer.date } : {}),
  };
  return { ...round, answers: { ...round.answers, [organisationId]: clean }, version: round.version + 1 };
}

export const pendingPartners = (round: InputRound) => round.organisationIds.filter((o) => !round.answers[o]);

export interface InputSlot {
  key: string;
  at: string;
}

export function inputReminderSlots(round: InputRound): InputSlot[] {
  const key = new Date(round.deadline).toISOString();
  // Counted in UTC, day for day, as they always were.
  return round.reminders
    .flatMap((d, i) => {
      const at = isoDurationBefore(round.deadline, d, 'UTC');
      return at === null ? [] : [{ key: `${i}@${key}`, at }];
    })
    .filter((s) => Date.parse(s.at) > Date.parse(round.createdAt))
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/** What time does to an input round: reminders fall due; at the deadline it closes. */
export function advanceInputRound(round: InputRound, now: Date): InputRound {
  if (round.status !== 'open') return round;
  if (now.getTime() >= Date.parse(round.deadline))
    return { ...round, status: 'closed', closedAt: now.toISOString(), version: round.version + 1 };
  const due = inputReminderSlots(round).filter(
    (s) => Date.parse(s.at) <= now.getTime() && !round.remindersSent.includes(s.key),
  );
  if (due.length === 0) return round;
  return {
    ...round,
    remindersSent: [...round.remindersSent, ...due.map((s) => s.key)],
    lastReminder: due.at(-1)!.key,
    version: round.version + 1,
  };
}

export function nextInputWake(round: InputRound): string | null {
  if (round.status !== 'open') return null;
  return inputReminderSlots(round).find((s) => !round.remindersSent.includes(s.key))?.at ?? round.deadline;
}
