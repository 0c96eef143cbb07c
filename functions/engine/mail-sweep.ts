/**
 * The mail sweeper's work (engine/mail-outbox.ts has the records and their sending): deliver what a
 * crashed sender or an outage left pending, tell the office once of an email that died, and plan the
 * sweeper's next wake.
 */
import escapeHtml from 'escape-html';
import { maskEmail } from './directory';
import {
  deliver,
  later,
  MAX_MAIL_ATTEMPTS,
  type MailOutbox,
  type MailRecord,
  newRecord,
  retryDelayMs,
  type SendDeps,
} from './mail-outbox';
import type { AuditEntry, OutgoingEmail } from './ports';

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
