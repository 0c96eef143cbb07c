/**
 * Use cases of the approval round: what the programme office and the workflow ask for.
 * Every change is read-modify-write with a version check, retried on conflict.
 */
import { createHash, randomUUID } from 'node:crypto';
import escapeHtml from 'escape-html';
import { votingMemberIds, type Person } from '../../engine/directory';
import { ConflictError, KEY_REUSED_MESSAGE, NotFoundError, ValidationError } from '../../platform/errors';
import {
  advance,
  cancelRound,
  createRound,
  extendRound,
  nextWake,
  pendingApprovers,
  stageDeadline,
  type DocumentLink,
  type Round,
} from './round';
import { OFFICE } from '../../engine/flow-email';
import { outcomeEmail } from './emails';
import { t } from './texts';
import type { Rule } from './rules';
import { remindersTooEarly, tooEarlyMessage } from '../../platform/horizons';
import type { AuditEntry } from '../../engine/ports';
import type { RoundDeps } from './ports';
import { queueRoundReminders, sendInvitations, sendOnce } from './mail';
import { parkOrWake, waitPlan, type WaitPlan } from '../../engine/workflow-wait';
import { mutateVersioned } from '../../engine/versioned-write';

/** The largest group one round can address; see MAX_TEXT in decisions.ts for why there is a limit. */
export const MAX_APPROVERS = 150;

/** A Standard workflow runs at most a year; a round (with its extensions) stays well inside that. */
export const MAX_ROUND_DAYS = 330;

export interface CreateRoundRequest {
  title: string;
  summary: string;
  documents: DocumentLink[];
  bodyId?: string;
  approverIds?: string[];
  rule: Rule;
  deadline: string;
  reminders: string[];
}

export async function loadRound(deps: RoundDeps, id: string): Promise<Round> {
  const round = await deps.rounds.get(id);
  if (!round) throw new NotFoundError('round', id);
  return round;
}

/** Apply `change` to the latest version of a round until the conditional write succeeds (see versioned-write.ts). */
export function mutateRound(
  deps: RoundDeps,
  id: string,
  change: (round: Round) => Round | null,
  options: { takeToken?: (next: Round) => boolean; current?: Round } = {},
) {
  return mutateVersioned(
    { load: (x) => loadRound(deps, x), save: (n, v, o) => deps.rounds.save(n, v, o) },
    id,
    change,
    options,
  );
}

/**
 * Audit keys are deterministic, so a retried step writes the same record once: by default the
 * round version plus the event kind; events that are not a round version name their own key.
 */
export async function audit(
  deps: RoundDeps,
  roundId: string,
  entry: Omit<AuditEntry, 'at' | 'key'> & ({ version: number } | { key: string }),
) {
  const { version, key, ...rest } = entry as Omit<AuditEntry, 'at'> & { version?: number };
  await deps.rounds.appendAudit(roundId, {
    at: deps.now().toISOString(),
    key: key ?? `v${String(version).padStart(6, '0')}:${entry.kind}`,
    ...rest,
  });
}

async function resolveApprovers(deps: RoundDeps, req: CreateRoundRequest): Promise<string[]> {
  if (req.bodyId) {
    const body = await deps.directory.getBody(req.bodyId);
    if (!body) throw new ValidationError({ bodyId: `there is no body with id "${req.bodyId}"` });
    if (body.active === false) throw new ValidationError({ bodyId: 'this body is no longer active' });
    const ids = votingMemberIds(body);
    if (ids.length === 0) throw new ValidationError({ bodyId: 'this body has no voting members' });
    if (ids.length > MAX_APPROVERS)
      throw new ValidationError({ bodyId: `this body has more than ${MAX_APPROVERS} voting members` });
    return ids;
  }
  const ids = [...new Set(req.approverIds ?? [])];
  const people = await deps.directory.getPeople(ids);
  const missing = ids.filter((id) => !people.some((p) => p.id === id && p.active));
  if (missing.length > 0)
    throw new ValidationError({ approverIds: `unknown or inactive people: ${missing.join(', ')}` });
  return ids;
}

/**
 * With an idempotency key, the round id derives from it. The handlers compare the whole request
 * under that key (lib/idempotency.ts); this is the second line: an attempt that stored the round
 * and then failed before its answer (say, its workflow did not start) is retried into the same
 * round, whose workflow is then started, instead of making a second round.
 */
function roundIdFor(actor: string, idempotencyKey?: string): string {
  if (!idempotencyKey) return `r-${randomUUID()}`;
  const h = createHash('sha256').update(`${actor}\n${idempotencyKey}`).digest('hex');
  return `r-${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Keys sorted at every level, so two bodies that mean the same hash the same. */
function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, stable(v)]),
    );
  }
  return value;
}

function hashRequest(req: CreateRoundRequest): string {
  return createHash('sha256')
    .update(JSON.stringify(stable(req)))
    .digest('base64url');
}

export async function createApprovalRound(
  deps: RoundDeps,
  req: CreateRoundRequest,
  actor: string,
  idempotencyKey?: string,
): Promise<Round> {
  const id = roundIdFor(actor, idempotencyKey);
  const requestHash = idempotencyKey ? hashRequest(req) : undefined;
  if (idempotencyKey) {
    const existing = await deps.rounds.get(id);
    if (existing) {
      // The handler's record of the key may be gone (a failed attempt, or its 24 hours passed):
      // the round itself says which request made it.
      if (existing.requestHash !== requestHash) throw new ConflictError(KEY_REUSED_MESSAGE);
      await deps.workflow.startRound(existing.id);
      return existing;
    }
  }
  const now = deps.now();
  const fields: Record<string, string> = {};
  if (Date.parse(req.deadline) <= now.getTime()) fields.deadline = 'the deadline must lie in the future';
  else if (Date.parse(req.deadline) > now.getTime() + MAX_ROUND_DAYS * 86400_000)
    fields.deadline = `the deadline must lie within ${MAX_ROUND_DAYS} days`;
  const early = fields.deadline ? [] : remindersTooEarly(req.reminders, req.deadline, now);
  if (early.length) fields.reminders = tooEarlyMessage(early);
  if (req.rule.type === 'consensus-then-majority') {
    const cd = req.rule.consentDeadline ? Date.parse(req.rule.consentDeadline) : NaN;
    if (!(cd > now.getTime() && cd < Date.parse(req.deadline)))
      fields['rule.consentDeadline'] = 'must lie between now and the deadline';
    // The consent stage counts its reminders back from its own deadline: one before now would never be sent.
    const earlyInConsent =
      fields['rule.consentDeadline'] || fields.reminders
        ? []
        : remindersTooEarly(req.reminders, req.rule.consentDeadline!, now);
    if (earlyInConsent.length) {
      fields.reminders = `${tooEarlyMessage(earlyInConsent)} (the consent stage ends at rule.consentDeadline)`;
    }
  }
  if (Object.keys(fields).length > 0) throw new ValidationError(fields);
  const approverIds = await resolveApprovers(deps, req);
  const round = createRound(
    {
      id,
      title: req.title,
      summary: req.summary,
      documents: req.documents,
      bodyId: req.bodyId,
      approverIds,
      rule: req.rule,
      deadline: new Date(req.deadline).toISOString(),
      reminders: req.reminders,
      createdBy: actor,
    },
    now,
  );
  if (requestHash) round.requestHash = requestHash;
  try {
    await deps.rounds.create(round);
  } catch (err) {
    // The same request, twice at once: the other one stored it first; answer with that round.
    if (!(idempotencyKey && err instanceof ConflictError)) throw err;
    return createApprovalRound(deps, req, actor, idempotencyKey);
  }
  await audit(deps, round.id, {
    version: round.version,
    kind: 'created',
    actor,
    details: { rule: round.rule, deadline: round.deadline, approvers: approverIds.length },
  });
  await deps.workflow.startRound(round.id);
  return round;
}

async function approversOf(deps: RoundDeps, round: Round, ids = round.approverIds): Promise<Person[]> {
  return deps.directory.getPeople(ids);
}

/** Workflow step: invite every approver to the current stage. */
export async function openRound(deps: RoundDeps, id: string): Promise<{ sent: number }> {
  const round = await loadRound(deps, id);
  if (round.status !== 'open') return { sent: 0 };
  const sent = await sendInvitations(deps, round, await approversOf(deps, round), `invite:${round.stage}`);
  return { sent };
}

export type Plan = WaitPlan;

function planOf(round: Round, now: Date): Plan {
  return waitPlan(round.status !== 'open', nextWake(round) ?? now.toISOString(), round.version, now);
}

/**
 * Workflow step: let time act on the round (reminders, stage deadlines), then say when to wake.
 * The emails of the latest change are sent after the write and again on every run (each send is
 * claimed once), so a step that crashed after saving still sends them when it is retried.
 */
export async function advanceRound(deps: RoundDeps, id: string): Promise<Plan> {
  const changed = await mutateRound(deps, id, (round) => {
    const next = advance(round, deps.now()).round;
    return next === round ? null : next;
  });
  const round = changed?.after ?? (await loadRound(deps, id));
  if (round.status === 'open') {
    if (round.lastReminder) {
      const pending = await approversOf(deps, round, pendingApprovers(round));
      const sent = await queueRoundReminders(deps, round, pending, `reminder:${round.lastReminder}`);
      if (sent > 0)
        await audit(deps, id, {
          key: `reminded:${round.lastReminder}`,
          kind: 'reminded',
          actor: 'system',
          details: { slot: round.lastReminder, to: sent },
        });
    }
    if (round.stages.length > 0) {
      // A later stage (majority after an objection): everyone is invited again.
      await sendInvitations(deps, round, await approversOf(deps, round), `invite:${round.stage}`);
      await audit(deps, id, {
        key: `stage:${round.stage}`,
        kind: 'stage',
        actor: 'system',
        details: { stage: round.stage, previous: round.stages.at(-1) },
      });
    }
  } else if (round.outcome !== 'cancelled') {
    // Idempotent (keyed by the closing write): a retry after a crash still puts it on record.
    await audit(deps, id, {
      version: round.version,
      kind: 'closed',
      actor: 'system',
      details: { outcome: round.outcome, tally: round.stages.at(-1)?.tally, at: changed ? 'deadline' : 'earlier' },
    });
  }
  return planOf(round, deps.now());
}

/** Workflow step: keep the task token so that a decision can resume the workflow. */
export function parkRound(
  deps: RoundDeps,
  id: string,
  taskToken: string,
  version: number,
  wakeAt: string,
): Promise<void> {
  return parkOrWake(deps.rounds, deps.workflow, id, taskToken, version, wakeAt);
}

/** Workflow step: tell everyone the outcome, with the tally. */
export async function finalizeRound(deps: RoundDeps, id: string): Promise<{ outcome: string }> {
  const round = await loadRound(deps, id);
  if (round.status !== 'closed' || !round.outcome) throw new ConflictError(`round ${id} is not closed`);
  // Normally done by the closing write already; again here in case that run ended in between.
  await deps.rounds.indexClosed(round);
  // Erased or deactivated people are not written to; their decisions still count.
  for (const person of (await approversOf(deps, round)).filter((p) => p.active && p.email)) {
    await sendOnce(
      deps,
      round,
      `outcome:${person.id}`,
      person,
      'outcome',
      outcomeEmail(round, { name: person.name, lang: person.lang }),
    );
  }
  const office = outcomeEmail(round, OFFICE);
  if (round.outcome === 'no-quorum') office.subject = t.nl.noQuorumOfficeSubject(round.title);
  await sendOnce(deps, round, 'outcome:office', deps.settings.officeEmail, 'outcome', office);
  return { outcome: round.outcome };
}

/** Programme office: remind the members who have not answered, now. */
export async function remindNow(deps: RoundDeps, id: string, actor: string): Promise<{ reminded: number }> {
  const changed = await mutateRound(deps, id, (round) => {
    if (round.status !== 'open') throw new ConflictError('this round is closed');
    return {
      ...round,
      remindersSent: [...round.remindersSent, `manual:${round.version + 1}`],
      version: round.version + 1,
    };
  });
  const round = changed!.after;
  const pending = await approversOf(deps, round, pendingApprovers(round));
  const reminded = await queueRoundReminders(deps, round, pending, `reminder:manual:${round.version}`);
  await audit(deps, id, {
    version: round.version,
    kind: 'reminded',
    actor,
    details: { manual: true, to: pending.length },
  });
  return { reminded };
}

export async function extendDeadline(deps: RoundDeps, id: string, deadline: string, actor: string): Promise<Round> {
  const now = deps.now();
  const changed = await mutateRound(
    deps,
    id,
    (round) => {
      if (round.status !== 'open') throw new ConflictError('this round is closed');
      if (
        Date.parse(deadline) <= Math.max(now.getTime(), Date.parse(stageDeadline(round)), Date.parse(round.deadline))
      ) {
        throw new ValidationError({
          deadline: 'the new deadline must lie in the future and after the current deadline',
        });
      }
      if (Date.parse(deadline) > Date.parse(round.createdAt) + MAX_ROUND_DAYS * 86400_000) {
        throw new ValidationError({ deadline: `a round can run at most ${MAX_ROUND_DAYS} days from its start` });
      }
      return extendRound(round, new Date(deadline).toISOString(), now);
    },
    { takeToken: () => true },
  );
  const { before, after, takenToken } = changed!;
  await audit(deps, id, {
    version: after.version,
    kind: 'extended',
    actor,
    details: { from: before.deadline, to: after.deadline },
  });
  if (takenToken) await deps.workflow.resume(takenToken, { reason: 'extended' });
  return after;
}

export async function cancelApprovalRound(deps: RoundDeps, id: string, reason: string, actor: string): Promise<Round> {
  const changed = await mutateRound(
    deps,
    id,
    (round) => {
      if (round.status !== 'open') throw new ConflictError('this round is closed');
      return cancelRound(round, reason, deps.now());
    },
    { takeToken: () => true },
  );
  const { after, takenToken } = changed!;
  await audit(deps, id, { version: after.version, kind: 'cancelled', actor, details: { reason } });
  if (takenToken) await deps.workflow.resume(takenToken, { reason: 'cancelled' });
  return after;
}

/** Workflow step after a failure: the programme office hears of it at once, once per round. */
export async function reportWorkflowFailure(deps: RoundDeps, id: string, error: string): Promise<void> {
  const round = await loadRound(deps, id);
  deps.log.error('approval round workflow failed', { roundId: id, error });
  await mutateRound(deps, id, (r) =>
    r.workflowFailed ? null : { ...r, workflowFailed: deps.now().toISOString(), version: r.version + 1 },
  );
  const text = [
    `De automatische afhandeling van de ronde "${round.title}" is gestopt door een fout (${error}).`,
    '',
    'De besluiten die al zijn gegeven, zijn bewaard. Herinneringen worden niet meer vanzelf verstuurd;',
    'bij de deadline stelt het systeem de uitkomst alsnog vast. Verstuur zo nodig zelf een herinnering.',
    '',
    `Ronde: ${id}`,
  ].join('\n');
  await sendOnce(deps, round, 'workflow-failed', deps.settings.officeEmail, 'notice', {
    subject: `Let op: ronde "${round.title}" loopt niet meer vanzelf`,
    text,
    html: `<pre style="font-family:Arial,sans-serif;white-space:pre-wrap">${escapeHtml(text)}</pre>`,
  });
}
