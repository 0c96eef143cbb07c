/**
 * The cycle runs itself: its workflow's step. At each wake it reads the flows of the phases that
 * run (an action item done, an input round or approval round closed), starts every phase whose
 * start now holds through the other flow's own use case, and records both on the cycle in one
 * conditional write. Plain code on ports, like follow-up/advance.ts; the flows behind the port are
 * in phase-flows.ts.
 */
import { type Cycle, isOpen } from './cycle';
import { stopCycleFlows, stopSkipped, syncDue } from './flow-sync';
import { type CycleDeps, loadCycle } from './office';
import type { PlannedPhase } from './plan';
import { type FlowKind, nextStartDate, type PhaseFacts, startHolds } from './status';
import { recordOnTimeline } from './run-record';
import type { PhaseKind } from './template';
import { parkOrWake, type WaitPlan, waitPlan } from '../../engine/workflow-wait';
import { mutateVersioned } from '../../engine/versioned-write';
import { ConflictError, ValidationError } from '../../platform/errors';

/** While phases run the cycle looks at their flows once a day: a flow that ends does not wake it. */
export const DAILY_MS = 86400_000;

/** Which flow each kind of phase starts; the others wait for the office (it marks them done). */
export const FLOW_OF: Partial<Record<PhaseKind, FlowKind>> = {
  task: 'followUp',
  report: 'followUp',
  inputRound: 'inputRound',
  residentInput: 'inputRound',
  approvalRound: 'approvalRound',
  consentRound: 'approvalRound',
  agendaItem: 'agendaItem',
  consultation: 'consultation',
};

/** What a phase asks of its flow: Dutch texts (the people who get the emails read Dutch first). */
export interface StartRequest {
  phaseKind: PhaseKind;
  title: string;
  request: string;
  due: string;
  personIds: string[];
  organisationIds: string[];
  /** Where it comes from, for the flow's own record: `cycle:<id>/<phase>`. */
  ref: string;
}

/** How a phase's flow stands: ended done (approval rounds with their outcome), handed back, or not yet. */
export interface FlowState {
  ended: 'done' | 'returned' | null;
  at?: string;
  outcome?: string;
  /** While it runs: its own date (the action item's due date, the round's deadline). */
  due?: string;
}

export interface PhaseFlows {
  /** Start the flow under `key` for `actor`: a second call with the same key makes nothing new. */
  start(kind: FlowKind, req: StartRequest, actor: string, key: string): Promise<string>;
  read(kind: FlowKind, id: string): Promise<FlowState>;
  /** Move its date; refused by the flow's own rules with a ValidationError or ConflictError. */
  move(kind: FlowKind, id: string, due: string, reason: string, actor: string): Promise<void>;
  /** Stop it (the cycle was cancelled); a ConflictError when it has closed already. */
  stop(kind: FlowKind, id: string, reason: string, actor: string): Promise<void>;
}

export interface CycleRunDeps extends CycleDeps {
  flows: PhaseFlows;
}

/**
 * The request a phase's flow gets: the cycle's name with the phase's title (an email's subject must
 * say what it is about on its own), and what it asks as a list of questions.
 */
function startRequest(cycle: Cycle, p: PlannedPhase): StartRequest {
  const a = cycle.assignments[p.role] ?? { personIds: [], organisationIds: [] };
  const title = `${cycle.name.nl}: ${p.title.nl}`;
  // The email shows the title already: the request says what is asked, or where it belongs.
  const asks = (p.asks ?? []).map((q) => `- ${q.nl}`);
  const request = asks.length ? asks.join('\n') : `Dit hoort bij ${cycle.name.nl}.`;
  return { phaseKind: p.kind, title, request, due: p.due, ...a, ref: `cycle:${cycle.id}/${p.key}` };
}

/**
 * Start one phase. The actor and key are the cycle's and the phase's, so the flow's id derives from
 * them (platform/keyed-create.ts): a retried step finds the flow it made instead of making another.
 * A flow that refuses (its due date passed before its gate opened) leaves the phase to the office.
 */
async function startPhase(deps: CycleRunDeps, cycle: Cycle, p: PlannedPhase, at: string): Promise<PhaseFacts> {
  const kind = FLOW_OF[p.kind];
  if (!kind) return { startedAt: at, office: true };
  try {
    const id = await deps.flows.start(kind, startRequest(cycle, p), `cycle:${cycle.id}`, p.key);
    return { startedAt: at, flow: { kind, id }, flowDue: p.due };
  } catch (err) {
    if (err instanceof ValidationError) return { startedAt: at, office: true, refused: err.fields };
    // The key made another request before (the office moved the phase's due date between a step
    // that made the flow and its retry): never a second flow; the office decides.
    if (err instanceof ConflictError) return { startedAt: at, office: true, refused: { key: err.message } };
    throw err;
  }
}

/** What a running flow now says of its phase: ended, or null when it still runs. */
function endedFacts(f: PhaseFacts, s: FlowState, now: Date): PhaseFacts | null {
  const at = s.at ?? now.toISOString();
  if (s.ended === 'done') return { ...f, doneAt: at, ...(s.outcome ? { outcome: s.outcome } : {}) };
  if (s.ended === 'returned') return { ...f, returnedAt: at, ...(s.outcome ? { outcome: s.outcome } : {}) };
  return null;
}

/** Every phase done or skipped. */
export const allEnded = (c: Pick<Cycle, 'plan' | 'facts'>) =>
  c.plan.phases.every((p) => p.skipped || c.facts[p.key]?.doneAt);

/**
 * The new facts on the latest cycle: what the office wrote in between (a phase marked done) stays.
 * `synced`: a running phase's flow moved, or its move refused, or a skipped phase's flow stopped,
 * kept if the phase still runs that flow.
 */
function merged(cycle: Cycle, found: Record<string, PhaseFacts>, synced: Record<string, PhaseFacts>): Cycle | null {
  if (!isOpen(cycle)) return null;
  const facts = { ...cycle.facts };
  for (const [k, f] of Object.entries(found)) {
    const stored = facts[k] ?? {};
    if (stored.doneAt) continue;
    if (stored.startedAt && !f.doneAt && !f.returnedAt) continue;
    facts[k] = { ...stored, ...f };
  }
  for (const [k, s] of Object.entries(synced)) {
    const stored = facts[k];
    if (!stored?.flow || stored.flow.id !== s.flow?.id || stored.doneAt) continue;
    const { moveRefused: _, ...rest } = stored;
    facts[k] = {
      ...rest,
      ...(s.flowDue ? { flowDue: s.flowDue } : {}),
      ...(s.moveRefused ? { moveRefused: s.moveRefused } : {}),
      ...(s.stoppedAt ? { stoppedAt: s.stoppedAt } : {}),
    };
  }
  // Planned until a phase starts: a step that starts nothing writes nothing, so the version the
  // office read when it created the cycle stays good for its first change.
  const started = Object.values(facts).some((f) => f.startedAt);
  const status = allEnded({ plan: cycle.plan, facts }) ? 'done' : started ? 'running' : cycle.status;
  if (status === cycle.status && Object.keys(found).length + Object.keys(synced).length === 0) return null;
  return { ...cycle, facts, status, version: cycle.version + 1 };
}

/**
 * When to look again: the next date that starts a phase and, while phases run, tomorrow (a flow
 * that ends does not wake the cycle; the office's changes do, office-changes.ts).
 */
function wakeAt(cycle: Cycle, now: Date): string {
  const open = cycle.plan.phases.filter((p) => !p.skipped && !cycle.facts[p.key]?.doneAt);
  const dates = open.filter((p) => !cycle.facts[p.key]?.startedAt).flatMap((p) => nextStartDate(p, now) ?? []);
  const running = open.some((p) => cycle.facts[p.key]?.startedAt);
  const tomorrow = new Date(now.getTime() + DAILY_MS).toISOString();
  // Nothing running and no date to come (every phase waits for one handed back): still once a day.
  return [...(running || !dates.length ? [tomorrow] : []), ...dates].sort()[0];
}

/** Workflow step: read the running phases' flows, start what may start, record it; then when to wake. */
export async function advanceCycle(deps: CycleRunDeps, id: string): Promise<WaitPlan> {
  const now = deps.now();
  const at = now.toISOString();
  const cycle = await loadCycle(deps, id);
  if (!isOpen(cycle)) {
    // Cancelled: what its phases started stops now (flow-sync.ts), before the workflow ends.
    await stopCycleFlows(deps, cycle);
    return waitPlan(true, at, cycle.version, now);
  }
  const found: Record<string, PhaseFacts> = {};
  const synced: Record<string, PhaseFacts> = {};
  for (const p of cycle.plan.phases) {
    const f = cycle.facts[p.key] ?? {};
    const stopped = p.skipped ? await stopSkipped(deps, cycle, p, f) : null;
    if (stopped) synced[p.key] = stopped;
    if (p.skipped || !f.flow || f.doneAt || f.returnedAt) continue;
    const s = await deps.flows.read(f.flow.kind, f.flow.id);
    const ended = endedFacts(f, s, now);
    const moved = ended ? null : await syncDue(deps, cycle, p, f, s);
    if (ended) found[p.key] = ended;
    if (moved) synced[p.key] = moved;
  }
  // A phase found done now opens what waits for it in this same wake.
  const facts = { ...cycle.facts, ...found };
  for (const p of cycle.plan.phases) {
    if (p.skipped || facts[p.key]?.startedAt || !startHolds(p, cycle.plan.phases, facts, now)) continue;
    found[p.key] = await startPhase(deps, cycle, p, at);
    facts[p.key] = found[p.key];
  }
  const saved = await mutateVersioned(
    { load: (x) => loadCycle(deps, x), save: (n, v, o) => deps.cycles.save(n, v, o) },
    id,
    (c) => merged(c, found, synced),
    { current: cycle },
  );
  if (saved) await recordOnTimeline(deps, saved.before, saved.after);
  const after = saved?.after ?? (await loadCycle(deps, id));
  // Cancelled while this step ran: it stops what runs, including a flow it has just started.
  if (after.status === 'cancelled') await stopCycleFlows(deps, { ...after, facts: { ...found, ...after.facts } });
  return waitPlan(!isOpen(after), wakeAt(after, now), after.version, now);
}

export function parkCycle(deps: CycleRunDeps, id: string, token: string, version: number, wake: string) {
  return parkOrWake(deps.cycles, deps.workflow, id, token, version, wake);
}
