/**
 * The cycle keeps the flows its phases started in step with it, at its workflow's step (run.ts):
 * a running phase whose due date the office moved moves its flow's date, and a cancelled cycle stops
 * every flow still running, and so does a skipped phase for its own flow. Done in the step, not in the office's request: the request writes the
 * cycle and wakes the workflow; if anything dies in between, the next step (woken by the request, by
 * its own timer within a day, or restarted by the watchdog) still finds the difference and acts.
 */
import type { Cycle } from './cycle';
import { audit, auditKey, type CycleDeps, loadCycle } from './office';
import type { PlannedPhase } from './plan';
import type { PhaseFacts } from './status';
import type { FlowState, PhaseFlows } from './run';
import { mutateVersioned } from '../../engine/versioned-write';
import { ConflictError, ValidationError } from '../../platform/errors';

type Deps = CycleDeps & { flows: PhaseFlows };

/** A refusal of the other flow as field messages; anything else is a fault, for the step's retry. */
function refusal(err: unknown): Record<string, string> {
  if (err instanceof ValidationError) return err.fields;
  if (err instanceof ConflictError) return { due: err.message };
  throw err;
}

/** Why the flow moves: the office's reason for the phase's latest move, on the flow's own record. */
function moveReason(cycle: Cycle, key: string): string {
  const change = cycle.plan.changes.findLast((c) => c.phase === key && c.kind === 'move');
  return `Verzet in ${cycle.name.nl}${change?.reason ? `: ${change.reason}` : ''}`;
}

/**
 * The facts to record when a running phase's due date is no longer its flow's, or null. Compared
 * with the date the cycle last gave the flow (not the flow's own date), so a date the flow moved
 * itself (an owner's few days more) is not undone; a refused date is not tried again.
 */
export async function syncDue(
  deps: Deps,
  cycle: Cycle,
  p: PlannedPhase,
  f: PhaseFacts,
  state: FlowState,
): Promise<PhaseFacts | null> {
  if (!f.flow || state.ended || !state.due) return null;
  // Started before the cycle kept this date: whose date differs is unknown, so the flow's stays, and
  // the office's moves from now on are followed.
  if (!f.flowDue) return { ...f, flowDue: p.due };
  if (Date.parse(f.flowDue) === Date.parse(p.due) || f.moveRefused?.due === p.due) return null;
  // Moved already by a step that died before recording it: only the record is missing.
  const { moveRefused: _, ...rest } = f;
  if (Date.parse(state.due) === Date.parse(p.due)) return { ...rest, flowDue: p.due };
  try {
    await deps.flows.move(f.flow.kind, f.flow.id, p.due, moveReason(cycle, p.key), `cycle:${cycle.id}`);
    return { ...rest, flowDue: p.due };
  } catch (err) {
    return { ...f, moveRefused: { due: p.due, fields: refusal(err) } };
  }
}

/** Stop a flow that still runs; one closed in between (its deadline came) is what was asked. */
async function stopRunning(deps: Deps, f: PhaseFacts, reason: string, actor: string): Promise<void> {
  if (!f.flow || (await deps.flows.read(f.flow.kind, f.flow.id)).ended) return;
  try {
    await deps.flows.stop(f.flow.kind, f.flow.id, reason, actor);
  } catch (err) {
    if (!(err instanceof ConflictError)) throw err;
  }
}

/**
 * A skipped phase whose flow was still running: stop it (its round or action item would go on
 * reminding people), with the office's reason; the facts to record (`stoppedAt`), or null.
 */
export async function stopSkipped(deps: Deps, cycle: Cycle, p: PlannedPhase, f: PhaseFacts) {
  if (!p.skipped || !f.flow || f.doneAt || f.returnedAt || f.stoppedAt || f.refused) return null;
  const reason = `De stap "${p.title.nl}" van ${cycle.name.nl} is overgeslagen: ${p.skipped.reason}`;
  await stopRunning(deps, f, reason, `cycle:${cycle.id}`);
  return { ...f, stoppedAt: deps.now().toISOString() };
}

/**
 * A cancelled cycle's step: stop each phase's flow that still runs, then mark the cycle so (its
 * `cancelled.flowsStoppedAt`), in one conditional write. Safe to repeat: a flow closed already (it
 * ended, or a step before this one stopped it) is left as it is.
 */
export async function stopCycleFlows(deps: Deps, cycle: Cycle): Promise<void> {
  if (cycle.status !== 'cancelled' || !cycle.cancelled || cycle.cancelled.flowsStoppedAt) return;
  const at = deps.now().toISOString();
  const reason = `${cycle.name.nl} is gestopt: ${cycle.cancelled.reason}`;
  const stopped: Record<string, PhaseFacts> = {};
  for (const p of cycle.plan.phases) {
    const f = cycle.facts[p.key] ?? {};
    if (!f.flow || f.doneAt || f.returnedAt || f.stoppedAt) continue;
    if ((await deps.flows.read(f.flow.kind, f.flow.id)).ended) continue;
    await stopRunning(deps, f, reason, `cycle:${cycle.id}`);
    stopped[p.key] = { ...f, stoppedAt: at };
  }
  const saved = await mutateVersioned(
    { load: (x) => loadCycle(deps, x), save: (n, v, o) => deps.cycles.save(n, v, o) },
    cycle.id,
    (c) =>
      c.cancelled && !c.cancelled.flowsStoppedAt
        ? {
            ...c,
            facts: { ...c.facts, ...stopped },
            cancelled: { ...c.cancelled, flowsStoppedAt: at },
            version: c.version + 1,
          }
        : null,
    { current: cycle },
  );
  if (saved)
    await audit(deps, cycle.id, auditKey(saved.after.version, 'flows-stopped'), 'flows-stopped', 'system', {
      phases: Object.keys(stopped),
    });
}
