/**
 * Every email is sent at least once: its outbox record (the email whole, written once) comes before
 * the send, and the sweeper delivers whatever a crash or an outage left pending. See "When mail
 * fails" in docs/architecture.md; the sweep is mail-sweep.ts, the DynamoDB side mail-outbox-store.ts.
 */
import { maskEmail } from './directory';
import type { AuditEntry, Log, Mailer, OutgoingEmail } from './ports';

/** Where a record lives, and the audit trail its `mail:<key>` goes on once SES took the email. */
export interface MailKeys {
  pk: string;
  sk: string;
  key: string;
  auditPk: string;
}

export interface MailRecord extends MailKeys {
  email: OutgoingEmail;
  /** The audit entry to put once sent (its `at` becomes the moment of sending). */
  audit: AuditEntry;
  /**
   * More trails the email goes on once sent: a reminder digest is about several flows, and each
   * flow's dossier names its reminders. Put before `audit`, which is the mark the sweeper checks.
   */
  alsoAudit?: { auditPk: string; entry: AuditEntry }[];
  /** Whom it is to, when a person: their records can be found for export and erasure (AVG). */
  personId?: string;
  /** Which flow's document it is about, for the log. */
  flowId: string;
  /** Tries so far, the one being made included: a try that died half-way counts too. */
  attempts: number;
  createdAt: string;
  /** When the sweeper may try (again): the record is leased to its sender until then. */
  nextAttemptAt: string;
  /** Cancelled: the person was erased before it went (personal-data.ts). */
  state?: MailState;
}

export type MailState = 'pending' | 'sent' | 'dead' | 'cancelled';

export interface MailOutbox {
  /** Write the record if there is none under its key: false when the email was recorded before. */
  record(r: MailRecord): Promise<boolean>;
  /** Pending records whose next attempt is at or before `now`, oldest first. */
  due(now: string, limit: number): Promise<MailRecord[]>;
  /** Take the next try: false when another sender took it (or the record is no longer pending). */
  lease(r: MailRecord, nextAttemptAt: string): Promise<boolean>;
  /** Whether its `mail:<key>` is on the audit trail (SES took it; the mark after that was lost). */
  wasRecorded(r: MailKeys): Promise<boolean>;
  appendAudit(r: MailKeys, entry: AuditEntry): Promise<void>;
  markSent(r: MailKeys, at: string): Promise<void>;
  markDead(r: MailKeys, at: string): Promise<boolean>;
  failed(r: MailKeys, error: string): Promise<void>;
  /**
   * Make sure the sweeper wakes when the earliest pending record falls due, not before `notBefore`
   * (mail-wake.ts). Absent: the outbox has no wake, and only the scheduled sweeps find its records.
   */
  planSweep?(notBefore: string): Promise<void>;
}

/** One email to a person as the export shows it: where and what, not the whole body. */
export interface PersonMail {
  key: string;
  to: string;
  subject: string;
  tag: string;
  state: MailState;
  createdAt: string;
  finishedAt?: string;
}

/** A person's emails in the outbox, found by key (the store's per-person index), for the AVG. */
export interface PersonalMail {
  /** Every recorded email to the person, oldest first. */
  ofPerson(personId: string): Promise<PersonMail[]>;
  /**
   * Remove the person's address and email bodies from their records: pending ones are cancelled,
   * sent and dead ones keep only their state. Returns how many records it changed.
   */
  forgetPerson(personId: string, at: string): Promise<number>;
}

/** The first send is the sender's own for this long; after it the sweeper may send (the duplicate window). */
export const SWEEP_WINDOW_MS = 2 * 60_000;
/** Tries in all (2, 4, 8 … minutes apart, at most 6 hours): about a day, then the email is dead. */
export const MAX_MAIL_ATTEMPTS = 12;
const MAX_DELAY_MS = 6 * 3600_000;

/** How long after try number `attempts` the next may start. */
export function retryDelayMs(attempts: number): number {
  return Math.min(SWEEP_WINDOW_MS * 2 ** (attempts - 1), MAX_DELAY_MS);
}

export interface SendDeps {
  mailer: Mailer;
  log: Log;
  now: () => Date;
}

/** `ms` after `now`, as the ISO time the records keep. */
export const later = (now: Date, ms: number) => new Date(now.getTime() + ms).toISOString();

/** The record of a new email: its first try is being made now, by its sender. */
export function newRecord(
  keys: MailKeys,
  flowId: string,
  email: OutgoingEmail,
  audit: AuditEntry,
  now: Date,
  more: Pick<MailRecord, 'alsoAudit' | 'personId'> = {},
): MailRecord {
  return {
    pk: keys.pk,
    sk: keys.sk,
    key: keys.key,
    auditPk: keys.auditPk,
    email,
    audit,
    ...(more.alsoAudit?.length ? { alsoAudit: more.alsoAudit } : {}),
    ...(more.personId ? { personId: more.personId } : {}),
    flowId,
    attempts: 1,
    createdAt: now.toISOString(),
    nextAttemptAt: later(now, retryDelayMs(1)),
  };
}

/**
 * Send a leased record. A failed send leaves it pending (the sweeper tries at its next attempt);
 * after SES took it, its audit entry and the mark follow, and a failure there is only logged: the
 * email has gone, and the sweeper finds it on the audit trail and sends it no second time.
 */
export async function deliver(deps: SendDeps, outbox: MailOutbox, r: MailRecord): Promise<boolean> {
  const to = maskEmail(r.email.to);
  try {
    await deps.mailer.send(r.email);
  } catch (err) {
    const error = (err as Error).name;
    deps.log.warn('email not sent yet; it stays in the outbox', {
      id: r.flowId,
      key: r.key,
      attempts: r.attempts,
      error,
    });
    await outbox.failed(r, error).catch(() => undefined);
    return false;
  }
  try {
    const at = deps.now().toISOString();
    // The other trails first: once `audit` is there the sweeper only marks the record sent.
    for (const more of r.alsoAudit ?? [])
      await outbox.appendAudit({ ...r, auditPk: more.auditPk }, { ...more.entry, at });
    await outbox.appendAudit(r, { ...r.audit, at });
    await outbox.markSent(r, deps.now().toISOString());
  } catch (err) {
    deps.log.error('email sent but not marked sent', { id: r.flowId, key: r.key, error: (err as Error).name });
  }
  deps.log.info('email sent', { id: r.flowId, tag: r.email.tag, to });
  return true;
}
