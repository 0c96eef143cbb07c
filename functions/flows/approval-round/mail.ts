/** The round's emails: invitations and reminders with personal decision links, each sent once. */
import type { Person } from '../../engine/directory';
import { EmailSendError } from '../../platform/errors';
import { signLink } from '../../platform/link-token';
import { stageDeadline, type Round } from './round';
import { invitationEmail, receiptEmail } from './emails';
import type { EmailContent } from '../../engine/email';
import { queueOnceVia, sendAndRecordVia, sendOnceVia, type MailTo } from '../../engine/mail-ledger';
import { forEachOutbox } from '../../engine/reminder-outbox';
import { sendOwedReceipts } from '../../engine/pending-receipts';
import type { RoundDeps } from './ports';

/** Send one of the round's emails once (see mail-ledger.ts). */
export function sendOnce(
  deps: RoundDeps,
  round: Round,
  key: string,
  to: MailTo,
  tag: string,
  content: EmailContent | (() => Promise<EmailContent>),
): Promise<boolean> {
  return sendOnceVia(deps, deps.rounds, round.id, key, to, tag, content);
}

/** Send one of the round's emails that only one writer can reach (see mail-ledger.ts). */
export function sendAndRecord(
  deps: RoundDeps,
  round: Round,
  key: string,
  to: MailTo,
  tag: string,
  content: EmailContent,
): Promise<void> {
  return sendAndRecordVia(deps, deps.rounds, round.id, key, to, tag, content);
}

export async function decisionLink(deps: RoundDeps, round: Round, personId: string): Promise<string> {
  const keys = await deps.linkKeys();
  // Links keep opening for a while after the deadline, to show the outcome instead of an error.
  const exp = Math.floor(Date.parse(round.deadline) / 1000) + deps.settings.linkGraceSeconds;
  const token = signLink(keys, { typ: 'round', sub: round.id, pid: personId, exp });
  return `${deps.settings.publicBaseUrl}/d/${token}`;
}

/** Hand a reminder for each person to their reminder budget, keyed so that retries queue nothing twice. */
export async function queueRoundReminders(
  deps: RoundDeps,
  round: Round,
  people: Person[],
  keyPrefix: string,
): Promise<number> {
  // The stage and its deadline it reminds of: after a new stage or a new deadline it is void
  // (the schedule brings new ones).
  const detail = { stage: round.stage, deadline: stageDeadline(round) };
  const done = await forEachOutbox(
    people.filter((p) => p.active && p.email),
    (person) =>
      queueOnceVia(deps.reminders, deps.rounds, round.id, `${keyPrefix}:${person.id}`, {
        personId: person.id,
        kind: 'round',
        detail,
        dueAt: deps.now().toISOString(),
        deadline: detail.deadline,
      }),
  );
  return done.filter(Boolean).length;
}

/**
 * Invite a set of people, one email each, keyed so that retries send nothing twice.
 * A send that fails stays in the mail outbox for the sweeper (it does not throw). One invitation
 * whose record cannot be written (the table is away) does not hold up the others: everyone else is
 * recorded first, then the step fails so that it is retried (and, if it keeps failing, the office is told).
 */
export async function sendInvitations(
  deps: RoundDeps,
  round: Round,
  people: Person[],
  keyPrefix: string,
): Promise<number> {
  let sent = 0;
  const failed: { personId: string; error: string }[] = [];
  for (const person of people) {
    if (!person.active || !person.email) continue;
    try {
      const link = async () => decisionLink(deps, round, person.id);
      // In a majority stage the email says what is counted for the member (their carried answer).
      const to = { name: person.name, lang: person.lang };
      const vote = round.votes[person.id];
      const content = async () => invitationEmail(round, to, await link(), 'invite', deps.now(), vote);
      if (await sendOnce(deps, round, `${keyPrefix}:${person.id}`, person, 'invite', content)) sent += 1;
    } catch (err) {
      failed.push({ personId: person.id, error: (err as Error).name });
    }
  }
  if (failed.length > 0) {
    deps.log.error('some invitations could not be sent', { roundId: round.id, failed });
    throw new EmailSendError(failed.map((f) => f.personId));
  }
  return sent;
}

/** A decision's receipt is keyed by the round version that recorded it: that write is one writer's alone. */
export const receiptKey = (personId: string, version: number) => `receipt:${personId}:${version}`;

/**
 * Send the receipts of decisions that are stored but whose receipt is not on record (mail was
 * away when the page sent it; see engine/pending-receipts.ts). `last`: the round's close.
 */
export function sendOwedRoundReceipts(deps: RoundDeps, round: Round, last: boolean): Promise<number> {
  const owed = Object.entries(round.votes).flatMap(([personId, vote]) =>
    // Carried answers have no version: their receipt belonged to the stage they were given in.
    vote.version === undefined ? [] : [{ key: receiptKey(personId, vote.version), personId, at: vote.at, vote }],
  );
  return sendOwedReceipts(
    deps,
    deps.rounds,
    round.id,
    owed,
    (person, { vote }) => receiptEmail(round, { name: person.name, lang: person.lang }, vote.choice, vote.at),
    { last },
  );
}
