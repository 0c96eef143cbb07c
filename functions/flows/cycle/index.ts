/** What other flows (and the later slices of the cycle: workflow, console, public page) may use of the cycle. */
export { addPhase } from './add-phase';
export { type Changed, type ChangeContext, movePhase, skipPhase } from './changes';
export type { ChangeRecord, CyclePlan, PlannedPhase, PlannedStart } from './plan';
export { planCycle, type PlanOptions } from './plan-cycle';
export { CycleConflict, CycleRefused } from './refused';
export {
  AddPhase,
  AddPhaseRequest,
  CancelCycle,
  ChangePhaseRequest,
  CreateCycle,
  MarkPhaseDone,
  MovePhase,
  SkipPhase,
} from './schemas';
export { type PhaseFacts, type PhaseStatus, phaseStatus } from './status';
export { PHASE_KINDS, type PhaseKind, ROLES, type Role, type Template } from './template';
export { loadTemplates, TemplateError, templateProblems } from './templates';
export { type Assignment, CYCLE_STATUSES, type Cycle, type CycleStatus, isOpen } from './cycle';
// The console's cycle pages (functions/flows/console) start and change cycles with the same deps as the API.
export { cycleDeps, pageCycles } from './deps';
export { type CycleDeps, type CycleStore, createCycle, loadCycle } from './office';
export { addCyclePhase, cancelCycle, changePhase, markPhaseDone } from './office-changes';
export { CYCLE_LABELS, type CycleView, cycleView, listCycles, type PhaseView, readCycle, templateViews } from './views';
/** The store, for the public cycles page's own read-only composition (it needs none of the office's deps). */
export { DynamoCycleStore } from './store';
// The calendar (functions/flows/calendar) reads the phases of cycles in a window.
export { type PhaseInWindow, cyclePhasesIn } from './calendar';
