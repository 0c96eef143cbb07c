/**
 * Every email is sent at least once: its outbox record (the email whole, written once) comes before
 * the send, and the sweeper delivers whatever a crash or an outage left pending. See "When mail
 * fails" in docs/architecture.md; the DynamoDB side is mail-outbox-store.ts.
 */
import escapeHtml from 'escape-html';
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

const later = (now: Date, ms: number) => new Date(now.getTime() + ms).toISOString();

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

export interface SweepDeps extends SendDeps {
  outbox: MailOutbox;
  officeEmail: string;
}

export interface SweepResult {
  sent: number;
  failed: number;
  dead: number;
}

/** After this many failures in a row mail is away: the rest wait for the next sweep. */
const FAILURES_IN_A_ROW = 3;
/** How long a sweep that found mail away waits before it tries the rest (the old sweep's period). */
export const MAIL_AWAY_PAUSE_MS = 5 * 60_000;

/**
 * Deliver what is pending and due: records whose sender died or failed, in the order they fell due.
 * Then the sweeper's next wake follows the earliest record still pending, so the sweeper runs only
 * when there is something to try. A sweep that fails (its store away) throws before that: the run is
 * retried (the wake's invocation), and what it left waits at worst for the daily safety sweep.
 */
export async function sweepMail(deps: SweepDeps, limit = 500): Promise<SweepResult> {
  const result: SweepResult = { sent: 0, failed: 0, dead: 0 };
  const mailAway = await sweepDue(deps, limit, result);
  if (result.sent + result.failed + result.dead > 0) deps.log.info('mail outbox swept', { ...result });
  await deps.outbox.planSweep?.(later(deps.now(), mailAway ? MAIL_AWAY_PAUSE_MS : 0));
  return result;
}

/** The sweep itself, counting into `result`; true when it stopped because mail is away. */
async function sweepDue(deps: SweepDeps, limit: number, result: SweepResult): Promise<boolean> {
  let inARow = 0;
  for (const r of await deps.outbox.due(deps.now().toISOString(), limit)) {
    if (inARow >= FAILURES_IN_A_ROW) return true;
    const now = deps.now();
    if (await deps.outbox.wasRecorded(r)) {
      await deps.outbox.markSent(r, now.toISOString());
      continue;
    }
    if (r.attempts >= MAX_MAIL_ATTEMPTS) {
      if (await deps.outbox.markDead(r, now.toISOString())) {
        result.dead += 1;
        await tellOfficeOfDeadMail(deps, r);
      }
      continue;
    }
    const attempts = r.attempts + 1;
    const next = later(now, retryDelayMs(attempts));
    if (!(await deps.outbox.lease(r, next))) continue;
    const ok = await deliver(deps, deps.outbox, { ...r, attempts, nextAttemptAt: next });
    if (ok) result.sent += 1;
    else result.failed += 1;
    inARow = ok ? 0 : inARow + 1;
  }
  return inARow >= FAILURES_IN_A_ROW;
}

/**
 * "ALARM email dead" is what the metric filter and its alarm watch. The office hears of it once: its
 * notice is a record of its own under the dead email's key; a notice that dies is not told of again.
 */
async function tellOfficeOfDeadMail(deps: SweepDeps, r: MailRecord): Promise<void> {
  deps.log.error('ALARM email dead', { id: r.flowId, key: r.key, tag: r.email.tag, attempts: r.attempts });
  if (r.key.startsWith('dead:')) return;
  const who = maskEmail(r.email.to);
  const text =
    `De e-mail "${r.email.subject}" aan ${who} kon na ${r.attempts} pogingen sinds ${r.createdAt} niet ` +
    'worden verstuurd. Stuur de inhoud zelf of controleer het adres.\n\n' +
    `(EN) The email "${r.email.subject}" to ${who} could not be sent after ${r.attempts} attempts.`;
  const email: OutgoingEmail = {
    to: deps.officeEmail,
    tag: 'notice',
    subject: `Let op: e-mail niet verstuurd aan ${who}`,
    text,
    html: text
      .split('\n\n')
      .map((p) => `<p>${escapeHtml(p)}</p>`)
      .join(''),
  };
  const key = `dead:${r.key}`;
  const audit: AuditEntry = {
    key: `mail:${key}`,
    at: '',
    kind: 'email',
    actor: 'system',
    details: { tag: 'notice', to: maskEmail(deps.officeEmail), office: true },
  };
  // Its own keys only: the dead email's person, trails and state are not the notice's.
  const notice = newRecord(
    { pk: r.pk, sk: `MAIL#${key}`, key, auditPk: r.auditPk },
    r.flowId,
    email,
    audit,
    deps.now(),
  );
  if (await deps.outbox.record(notice)) await deliver(deps, deps.outbox, notice);
}
