/**
 * A consultation as a phase of a programme cycle (the SPUK application's resident input): the
 * cycle's step starts it under its own idempotency key, reads whether its summary is out (the phase
 * is done then), moves its deadline with the phase's due date, and stops it when the cycle is
 * cancelled. Plain code on the flow's ports, reached by the cycle only through index.ts.
 */
import type { Consultation } from './consultation';
import { deadlineRefusal } from './consultation';
import { type ConsultationDeps, createConsultation, loadConsultation } from './use-cases';
import { mutateVersioned } from '../../engine/versioned-write';
import { ConflictError, ValidationError } from '../../platform/errors';

/** What the public reads about why they are asked, when a cycle's step asks it. */
const EXPLANATION =
  'Deze vraag hoort bij een vaste stap van het programma van Samen Nieuw-West. ' +
  'Na de sluitingsdatum leest u hier wat we hebben gehoord, en later wat we ermee hebben gedaan.';

export async function startPhaseConsultation(
  deps: ConsultationDeps,
  req: { title: string; question: string; deadline: string; cycleId: string; phaseKey: string },
  actor: string,
  key: string,
): Promise<Consultation> {
  return createConsultation(
    deps,
    {
      title: req.title,
      question: req.question,
      explanation: EXPLANATION,
      documents: [],
      deadline: req.deadline,
      cycle: { cycleId: req.cycleId, phaseKey: req.phaseKey },
    },
    actor,
    { idempotencyKey: key },
  );
}

/** Done once the summary is published; stopped, it was handed back; else it runs until its deadline. */
export async function phaseConsultationState(deps: ConsultationDeps, id: string) {
  const c = await loadConsultation(deps, id);
  if (c.summary) return { ended: 'done' as const, at: c.summary.at };
  if (c.cancelled) return { ended: 'returned' as const, at: c.cancelled.at };
  return { ended: null, due: c.deadline };
}

async function change(deps: ConsultationDeps, id: string, apply: (c: Consultation) => Consultation | null) {
  const saved = await mutateVersioned(
    { load: (i) => loadConsultation(deps, i), save: (n, v) => deps.consultations.save(n, v) },
    id,
    (c) => {
      const next = apply(c);
      return next && { ...next, version: c.version + 1 };
    },
  );
  return saved?.after;
}

/** A new deadline while it takes answers: in the future, within a year; after its summary a 409. */
export async function moveConsultationDeadline(deps: ConsultationDeps, id: string, deadline: string, actor: string) {
  const why = deadlineRefusal(deadline, deps.now());
  if (why) throw new ValidationError({ deadline: why });
  const after = await change(deps, id, (c) => {
    if (c.summary || c.cancelled) throw new ConflictError('the consultation has ended');
    return { ...c, deadline: new Date(deadline).toISOString() };
  });
  if (after) await deps.consultations.appendAudit(id, auditOf(after, 'moved', actor, deps.now()));
}

/** Stop it: no more answers; its page says so. After its summary a 409 (it has ended). */
export async function cancelConsultation(deps: ConsultationDeps, id: string, reason: string, actor: string) {
  const at = deps.now().toISOString();
  const after = await change(deps, id, (c) => {
    if (c.summary) throw new ConflictError('the consultation has ended');
    return c.cancelled ? null : { ...c, cancelled: { at, reason, by: actor } };
  });
  if (after) await deps.consultations.appendAudit(id, auditOf(after, 'cancelled', actor, deps.now()));
}

const auditOf = (c: Consultation, what: string, actor: string, now: Date) => ({
  key: `v${String(c.version).padStart(6, '0')}:${what}`,
  at: now.toISOString(),
  kind: what,
  actor,
});
