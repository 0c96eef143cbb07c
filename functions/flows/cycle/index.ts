/** What other flows (and the later slices of the cycle: workflow, console, public page) may use of the cycle. */
export { addPhase } from './add-phase';
export { type Changed, type ChangeContext, movePhase, skipPhase } from './changes';
export type { ChangeRecord, CyclePlan, PlannedPhase, PlannedStart } from './plan';
export { planCycle, type PlanOptions } from './plan-cycle';
export { CycleRefused } from './refused';
export { AddPhase, MovePhase, SkipPhase } from './schemas';
export { type PhaseFacts, type PhaseStatus, phaseStatus } from './status';
export { PHASE_KINDS, type PhaseKind, ROLES, type Role, type Template } from './template';
export { loadTemplates, TemplateError, templateProblems } from './templates';
export { type Assignment, CYCLE_STATUSES, type Cycle, type CycleStatus } from './cycle';
export { type CycleDeps, type CycleStore, createCycle, loadCycle } from './office';
export { addCyclePhase, cancelCycle, changePhase } from './office-changes';
export { type CycleView, cycleView, listCycles, readCycle, templateViews } from './views';
/** The store, for the public cycles page's own read-only composition (it needs none of the office's deps). */
export { DynamoCycleStore } from './store';
