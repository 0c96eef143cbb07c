/** Sending the round's emails exactly once each: a claim in the table before every send. */
import { maskEmail, type Person } from '../domain/directory';
import { EmailSendError } from '../domain/errors';
import { signLink } from '../domain/link-token';
import type { Round } from '../domain/round';
import { invitationEmail, type EmailContent } from '../domain/round-emails';
import type { RoundDeps } from './ports';

/**
 * Send one email unless it was sent before under the same key. The claim is released when the
 * send fails, so the retried step sends it then; a crash between claim and send loses at most
 * that one email, which we prefer over sending twice.
 */
export async function sendOnce(deps: RoundDeps, round: Round, key: string, to: string, tag: string, content: EmailContent | (() => Promise<EmailContent>)): Promise<boolean> {
  if (!(await deps.rounds.claimMail(round.id, key))) return false;
  try {
    // Built only after the claim: a retried step skips the work for emails already sent.
    await sendAndRecord(deps, round, key, to, tag, typeof content === 'function' ? await content() : content);
  } catch (err) {
    await deps.rounds.releaseMail(round.id, key);
    throw err;
  }
  return true;
}

/**
 * Send and put it on record, without a claim: only for emails that exactly one writer can
 * reach, such as the receipt of the conditional write that recorded a decision.
 */
export async function sendAndRecord(deps: RoundDeps, round: Round, key: string, to: string, tag: string, content: EmailContent): Promise<void> {
  await deps.mailer.send({ ...content, to, tag });
  await deps.rounds.appendAudit(round.id, { key: `mail:${key}`, at: deps.now().toISOString(), kind: 'email', actor: 'system', details: { tag, to: maskEmail(to) } });
  deps.log.info('email sent', { roundId: round.id, tag, to: maskEmail(to) });
}

export async function decisionLink(deps: RoundDeps, round: Round, personId: string): Promise<string> {
  const keys = await deps.linkKeys();
  // Links keep opening for a while after the deadline, to show the outcome instead of an error.
  const exp = Math.floor(Date.parse(round.deadline) / 1000) + deps.settings.linkGraceSeconds;
  const token = signLink(keys, { typ: 'round', sub: round.id, pid: personId, exp });
  return `${deps.settings.publicBaseUrl}/d/${token}`;
}

/**
 * Invite or remind a set of people, one email each, keyed so that retries send nothing twice.
 * One address that fails does not hold up the others: everyone else is sent to first, then the
 * step fails so that it is retried (and, if it keeps failing, the office is told).
 */
export async function sendInvitations(deps: RoundDeps, round: Round, people: Person[], kind: 'invite' | 'reminder', keyPrefix: string): Promise<number> {
  let sent = 0;
  const failed: { personId: string; error: string }[] = [];
  for (const person of people) {
    if (!person.active || !person.email) continue;
    try {
      const content = async () => invitationEmail(round, { name: person.name, lang: person.lang }, await decisionLink(deps, round, person.id), kind, deps.now());
      if (await sendOnce(deps, round, `${keyPrefix}:${person.id}`, person.email, kind, content)) sent += 1;
    } catch (err) {
      failed.push({ personId: person.id, error: (err as Error).name });
    }
  }
  if (failed.length > 0) {
    deps.log.error('some emails could not be sent', { roundId: round.id, kind, failed });
    throw new EmailSendError(failed.map((f) => f.personId));
  }
  return sent;
}
