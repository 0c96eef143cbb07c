/**
 * Input rounds (uitvraag): the programme office asks a set of partners to deliver something by a
 * date, or a set of people (residents, resident members of a body) for their own input. A partner
 * answers once through its contacts' links: delivered, will deliver by a date, or not applicable.
 * A person answers for themselves through their own link, with a text (`answered`), or the office
 * records what they gave in writing or in person (`via`). Either may change while the round is open.
 */
import { isoDurationBefore } from '../../platform/time';

export type InputAnswerKind = 'delivered' | 'will-deliver' | 'not-applicable' | 'answered';

/** How input the office recorded for someone came in. */
export const WRITTEN_VIA = ['letter', 'email', 'conversation', 'phone', 'meeting'] as const;
export type WrittenVia = (typeof WRITTEN_VIA)[number];

export interface InputAnswer {
  kind: InputAnswerKind;
  text?: string;
  url?: string;
  /** For will-deliver: the promised date. */
  date?: string;
  at: string;
  /** The contact who answered for the partner, or the person who gave their own input. */
  by: string;
  /**
   * The round version that recorded it: the key of its receipt. Answers from before receipts, and
   * input the office recorded (the office answers a letter the way it came), have none.
   */
  version?: number;
  /** Recorded by the office (`recordedBy`): how it came in, and when if the office says so. */
  via?: WrittenVia;
  recordedBy?: string;
  receivedAt?: string;
  /** The person's erasure took the text out (AVG); that they answered stays on record. */
  erasedAt?: string;
}

export interface InputRound {
  id: string;
  title: string;
  request: string;
  /** The partners asked; empty when the round asks people. */
  organisationIds: string[];
  /** The people asked for themselves (residents, resident members); a round asks partners or people. */
  personIds?: string[];
  deadline: string;
  reminders: string[];
  /** Partners without an answer at the deadline become action items with the escalation ladder (never people). */
  escalate: boolean;
  bodyId: string;
  status: 'open' | 'closed';
  /** Keyed by the partner's organisation id, or in a round of people by the person's id. */
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
  constructor(
    readonly reason:
      | 'closed'
      | 'not-asked'
      | 'text-or-link-required'
      | 'date-required'
      | 'link-invalid'
      | 'text-required',
  ) {
    super(reason);
    this.name = 'InputRejected';
  }
}

/** Whether the round asks people for themselves rather than partners. */
export const asksPeople = (round: Pick<InputRound, 'personIds'>) => (round.personIds?.length ?? 0) > 0;

/** Who answers in the round: its partners, or its people. */
export const respondentsOf = (round: Pick<InputRound, 'personIds' | 'organisationIds'>) =>
  asksPeople(round) ? round.personIds! : round.organisationIds;

/**
 * Record `respondentId`'s answer (a partner's, or a person's own). In a round of people the only
 * answer is a text; one the office records keeps how it came in and has no receipt.
 */
export function recordInput(
  round: InputRound,
  respondentId: string,
  answer: Omit<InputAnswer, 'at' | 'version' | 'erasedAt'>,
  now: Date,
): InputRound {
  if (round.status !== 'open' || now.getTime() >= Date.parse(round.deadline)) throw new InputRejected('closed');
  if (!respondentsOf(round).includes(respondentId)) throw new InputRejected('not-asked');
  if (asksPeople(round) !== (answer.kind === 'answered')) throw new InputRejected('not-asked');
  if (answer.kind === 'answered' && !answer.text?.trim()) throw new InputRejected('text-required');
  if (answer.kind === 'delivered' && !answer.text?.trim() && !answer.url?.trim())
    throw new InputRejected('text-or-link-required');
  if (answer.url && answer.kind !== 'answered' && !/^https?:\/\/\S+$/.test(answer.url))
    throw new InputRejected('link-invalid');
  if (answer.kind === 'will-deliver' && !(answer.date && Date.parse(answer.date) > now.getTime()))
    throw new InputRejected('date-required');
  const clean: InputAnswer = {
    kind: answer.kind,
    by: answer.by,
    at: now.toISOString(),
    ...(answer.recordedBy ? {} : { version: round.version + 1 }),
    ...(answer.text?.trim() ? { text: answer.text.trim() } : {}),
    // A person's answer is their text only: a link or date sent along (not on their page) is dropped.
    ...(answer.url?.trim() && answer.kind !== 'answered' ? { url: answer.url.trim() } : {}),
    ...(answer.date && answer.kind !== 'answered' ? { date: answer.date } : {}),
    ...(answer.recordedBy ? { recordedBy: answer.recordedBy, via: answer.via } : {}),
    ...(answer.recordedBy && answer.receivedAt ? { receivedAt: answer.receivedAt } : {}),
  };
  return { ...round, answers: { ...round.answers, [respondentId]: clean }, version: round.version + 1 };
}

/** Partners, or in a round of people the people, without an answer (the name stays: other flows use it). */
export const pendingPartners = (round: InputRound) => respondentsOf(round).filter((o) => !round.answers[o]);

/** The person's erasure: their own answer's text goes; that they answered, when and how stays. Null: nothing to erase. */
export function eraseInputOf(round: InputRound, personId: string, now: Date): InputRound | null {
  const a = round.answers[personId];
  if (!asksPeople(round) || !a || a.erasedAt) return null;
  const { text: _, ...rest } = a;
  const erased = { ...rest, erasedAt: now.toISOString() };
  return { ...round, answers: { ...round.answers, [personId]: erased }, version: round.version + 1 };
}

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
