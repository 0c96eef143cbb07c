/**
 * What the office reads of cycles: one cycle with each phase's status (status.ts) and its timeline,
 * the cycles by status, and the shipped templates. The status is worked out at reading, from the
 * phase's facts and the clock, so it is never stale in the store.
 */
import type { Cycle } from './cycle';
import { type CycleDeps, loadCycle } from './office';
import { type PhaseFacts, type PhaseStatus, phaseStatus } from './status';
import type { PlannedPhase } from './plan';
import type { Template } from './template';
import type { AuditEntry } from '../../engine/ports';
import { type FlowLabels, labelled } from '../../engine/timeline-labels';
import type { Lang } from '../../platform/time';

/** The cycle's record as people read it (the `label` beside each entry's `kind`). */
export const CYCLE_LABELS: FlowLabels = {
  nl: {
    created: 'Cyclus gestart',
    'phase-move': 'Fase verzet',
    'phase-skip': 'Fase overgeslagen',
    'phase-add': 'Fase toegevoegd',
    'phase-started': 'Fase begonnen',
    'phase-done': 'Fase klaar',
    'phase-returned': 'Fase teruggegeven',
    'phase-flow-moved': 'Datum van de ronde of het actiepunt verzet',
    'phase-flow-move-refused': 'Datum van de ronde of het actiepunt kon niet mee',
    done: 'Cyclus klaar',
    cancelled: 'Cyclus gestopt',
    'flows-stopped': 'Lopende rondes en actiepunten gestopt',
  },
  en: {
    created: 'Cycle started',
    'phase-move': 'Phase moved',
    'phase-skip': 'Phase skipped',
    'phase-add': 'Phase added',
    'phase-started': 'Phase started',
    'phase-done': 'Phase done',
    'phase-returned': 'Phase handed back',
    'phase-flow-moved': "Round's or action item's date moved",
    'phase-flow-move-refused': "Round's or action item's date could not follow",
    done: 'Cycle done',
    cancelled: 'Cycle cancelled',
    'flows-stopped': 'Running rounds and action items stopped',
  },
};

/** A phase with its status now and what its flow and the office recorded (the flow to link to). */
export type PhaseView = PlannedPhase & { status: PhaseStatus; facts: PhaseFacts };

/** The stored cycle with its plan's phases, each with its status now (the plan stays as stored). */
export interface CycleView extends Omit<Cycle, 'requestHash'> {
  phases: PhaseView[];
}

export function cycleView(cycle: Cycle, now: Date): CycleView {
  const { requestHash: _, ...rest } = cycle;
  const phases = cycle.plan.phases.map((p) => {
    const facts = cycle.facts[p.key] ?? {};
    return { ...p, status: phaseStatus(p, facts, now), facts };
  });
  return { ...rest, phases };
}

export async function readCycle(
  deps: CycleDeps,
  id: string,
  lang: Lang,
): Promise<CycleView & { timeline: (AuditEntry & { label: string })[] }> {
  const cycle = await loadCycle(deps, id);
  const timeline = labelled(CYCLE_LABELS, await deps.cycles.listAudit(id), lang);
  return { ...cycleView(cycle, deps.now()), timeline };
}

export async function listCycles(deps: CycleDeps, status?: Cycle['status']): Promise<CycleView[]> {
  const now = deps.now();
  return (await deps.cycles.list(status)).map((c) => cycleView(c, now));
}

/** The shipped templates as the office chooses from them: names, anchors, phases and their roles. */
export function templateViews(templates: Map<string, Template>) {
  return [...templates.values()].map((t) => ({
    ...t,
    roles: [...new Set(t.phases.map((p) => p.role))],
  }));
}
