/** The cycle workflow's task steps (workflows/timer-loop.asl.json): start and read phases, then wait. */
import { workflowStepsHandler } from '../../engine/workflow-steps';
import { parkCycle } from './run';
import { advanceWithSubject } from './subject-run';
import { cycleRunDeps } from './run-deps';

export const handler = workflowStepsHandler('cycleId', cycleRunDeps, {
  // The cycle's step, then what it reports to its actielijn (subject-run.ts).
  advance: advanceWithSubject,
  park: parkCycle,
  continueAs: (deps, id, name) => deps.workflow.startCycle(id, name),
});
