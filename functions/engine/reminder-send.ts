/**
 * The digest's side of the reminder outbox: send each person whose planned moment has come one
 * message (one reminder as its flow's own email, several combined), claimed so that two runs never
 * send twice, and recorded in the mail outbox before it is sent, so that a crash or a mail outage
 * loses none (see "When mail fails" in docs/architecture.md).
 *
 * The order, per message: claim (the budget state's conditional write, naming the claim's version),
 * then record the email under the claim (DIGEST#<personId> / MAIL#reminder:<claim>), send it at
 * once, clear its reminders.
 * Claiming first means a run that loses the race never records anything, so no record is ever left
 * that must not be sent. A crash between claim and record leaves the claimed reminders queued, and
 * the claim keeps the person due soon (REPAIR_AFTER_MS): the next run records the message under the
 * same key before anything else. The key is the arbiter: of a run that died, one still at it and one
 * repairing, only the one whose record is written sends; the others find it and send nothing.
 */
import type { Person } from './directory';
import { maskEmail } from './directory';
import { deliver, type MailKeys, type MailOutbox, newRecord } from './mail-outbox';
import type { MailLedger } from './mail-ledger';
import { reminderEmail } from './preferences';
import { budgetOf, planReminders } from './reminder-budget';
import { digestMail } from './reminder-digest';
import {
  MAX_ATTEMPTS,
  type OutboxDeps,
  plannedMoment,
  type ResolvedReminder,
  type ReminderResolver,
  readOutbox,
  replanPerson,
} from './reminder-outbox';
import { AUDIT_PREFIX } from '../platform/table';
import type { AuditEntry, Mailer, OutboxState, QueuedReminder, ReminderKind } from './ports';

export interface DigestDeps extends OutboxDeps {
  mailer: Mailer;
  /** Where each message is recorded before it is sent; the sweeper delivers what a send left. */
  mail: MailOutbox;
  resolvers: Record<ReminderKind, ReminderResolver>;
  /** Each flow's audit trail: a sent reminder goes on the record of the flow it was about. */
  ledgers?: Partial<Record<ReminderKind, Pick<MailLedger, 'mailKeys'>>>;
}

type Worded = { e: QueuedReminder; r: ResolvedReminder };

/**
 * A message's outbox record: in the person's own partition (not OUTBOX#, which the budget reads
 * whole on every run), written once per claim (`MAIL#reminder:<claim>`). Its mark of having gone is
 * the first reminder's entry on its flow's trail (`mail:reminder:<entry id>`), the others' follow
 * (alsoAudit): one email, one entry per reminder it carried, as the dossiers and the crash audit
 * count them. Without a flow's trail (no ledger for the kind) the mark is on the person's own trail.
 */
export function digestMailKeys(personId: string, claim: number, mark?: { key: string; auditPk: string }): MailKeys {
  return {
    pk: `DIGEST#${personId}`,
    sk: `MAIL#reminder:${claim}`,
    key: mark?.key ?? `reminder:${personId}:${claim}`,
    auditPk: mark?.auditPk ?? `${AUDIT_PREFIX}DIGEST#${personId}`,
  };
}

/** One line per flow: two reminders about one round (or one action item) say the same thing. */
function onePerFlow(live: Worded[]) {
  const newest = new Map<string, Worded>();
  for (const w of live) {
    const key = `${w.e.kind}:${w.e.flowId}`;
    const kept = newest.get(key);
    if (!kept || kept.e.dueAt < w.e.dueAt) newest.set(key, w);
  }
  return [...newest.values()].sort((a, b) => a.r.line.deadline.localeCompare(b.r.line.deadline));
}

async function word(deps: DigestDeps, person: Person, entries: QueuedReminder[]) {
  const worded = await Promise.all(entries.map(async (e) => ({ e, r: await deps.resolvers[e.kind](e, person) })));
  return {
    live: worded.filter((w): w is Worded => w.r !== null),
    stale: worded.filter((w) => !w.r).map((w) => w.e.id),
  };
}

/**
 * Send the person's message if it is due: one reminder goes as its flow's own email, several as
 * one combined message. Returns how many reminders it carried (a repaired message's included).
 */
export async function flushPerson(deps: DigestDeps, personId: string): Promise<number> {
  let carriedBefore = 0;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const { state, person, pending, unfinished } = await readOutbox(deps, personId);
    if (unfinished.length) {
      carriedBefore += await finishClaimed(deps, personId, person, state, unfinished);
      continue;
    }
    if (!person || !person.active || !person.email) {
      // Erased, deactivated or without an address: nothing can reach them; the flows' office views
      // show who did not answer.
      await deps.outbox.remove(
        personId,
        pending.map((e) => e.id),
      );
      await replanPerson(deps, personId);
      return carriedBefore;
    }
    const now = deps.now();
    const plan = planReminders(now.toISOString(), pending, budgetOf(person), state.lastSentAt);
    if (!plan || Date.parse(plan.sendAt) > now.getTime()) {
      await replanPerson(deps, personId);
      return carriedBefore;
    }
    const { live, stale } = await word(
      deps,
      person,
      pending.filter((e) => plan.ids.includes(e.id)),
    );
    if (stale.length) await deps.outbox.remove(personId, stale);
    if (live.length === 0) continue;
    const carried = live.map((w) => w.e.id);
    // Claim the message, with the plan for what stays behind: of two runs only one gets past this
    // write. Until its reminders are cleared the person stays due by the repair moment.
    const rest = pending.filter((e) => !carried.includes(e.id) && !stale.includes(e.id));
    const claimed: OutboxState = {
      version: state.version + 1,
      lastSentAt: now.toISOString(),
      lastBatch: carried,
      lastClaim: state.version + 1,
      sendAt: plannedMoment(now.toISOString(), rest, person, now.toISOString(), carried),
    };
    if (!(await deps.outbox.saveState(personId, claimed, state.version))) continue;
    await recordAndSend(deps, person, claimed.version, live, plan.forced);
    await deps.outbox.remove(personId, carried);
    // The repair moment is not needed any more: plan for what stays behind (the outbox as this run
    // left it; read again only if someone queued meanwhile).
    await replanPerson(deps, personId, { state: claimed, person, pending: rest, unfinished: [] });
    return carriedBefore + carried.length;
  }
  throw new Error(`the outbox of ${personId} is changing too fast`);
}

/**
 * The last message was claimed but its reminders are still queued: its run died (or is still at
 * it). Record it again under the claim's key, worded as things stand now; the record is written
 * once, so a message that was recorded (sent or pending) does not go again. Then clear them.
 */
async function finishClaimed(
  deps: DigestDeps,
  personId: string,
  person: Person | null,
  state: OutboxState,
  unfinished: QueuedReminder[],
): Promise<number> {
  let recorded = 0;
  // A claim without its version is from before the outbox recorded reminders: as then, it is cleared.
  if (state.lastClaim !== undefined && person?.active && person.email) {
    const { live } = await word(deps, person, unfinished);
    if (live.length && (await recordAndSend(deps, person, state.lastClaim, live, false))) recorded = live.length;
  }
  await deps.outbox.remove(
    personId,
    unfinished.map((e) => e.id),
  );
  return recorded;
}

/**
 * Record the message of claim `claim` in the mail outbox and, if this call wrote the record, send it
 * at once (its first try, as every email's). False when it was recorded before: by a run that died
 * after recording (the sweeper sends it) or one still at it (which sends it).
 */
async function recordAndSend(
  deps: DigestDeps,
  person: Person,
  claim: number,
  live: Worded[],
  forced: boolean,
): Promise<boolean> {
  const lines = onePerFlow(live);
  const content =
    lines.length === 1
      ? lines[0].r.single
      : digestMail(
          { name: person.name, lang: person.lang },
          lines.map((w) => w.r.line),
        );
  const email = { ...(await reminderEmail(deps, person, content)), to: person.email, tag: 'reminder' };
  // Each flow's trail, keyed by the queued reminder: a retried send puts it there once.
  const [mark, ...others] = live.flatMap(({ e }) => {
    const ledger = deps.ledgers?.[e.kind];
    return ledger ? [{ key: `reminder:${e.id}`, auditPk: ledger.mailKeys(e.flowId, `reminder:${e.id}`).auditPk }] : [];
  });
  const keys = digestMailKeys(person.id, claim, mark);
  // `message`: the one email its entries on several trails share, so a count of emails counts it once.
  const message = `${keys.pk}/${keys.sk}`;
  const details = { tag: 'reminder', to: maskEmail(person.email), personId: person.id, message };
  const entry = (key: string): AuditEntry => ({ key: `mail:${key}`, at: '', kind: 'email', actor: 'system', details });
  const record = newRecord(keys, `digest:${person.id}`, email, entry(keys.key), deps.now(), {
    alsoAudit: others.map((o) => ({ auditPk: o.auditPk, entry: entry(o.key) })),
    personId: person.id,
  });
  if (!(await deps.mail.record(record))) return false;
  const sent = await deliver(deps, deps.mail, record);
  deps.log.info(sent ? 'reminders sent' : 'reminders recorded; the mail outbox sends them', {
    personId: person.id,
    count: live.length,
    lines: lines.length,
    forced,
  });
  return true;
}
