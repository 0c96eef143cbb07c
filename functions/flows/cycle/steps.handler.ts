/** The cycle workflow's task steps (workflows/timer-loop.asl.json): start and read phases, then wait. */
import { workflowStepsHandler } from '../../engine/workflow-steps';
import { advanceCycle, parkCycle } from './run';
import { cycleRunDeps } from './run-deps';

export const handler = workflowStepsHandler('cycleId', cycleRunDeps, {
  advance: advanceCycle,
  park: parkCycle,
  continueAs: (deps, id, name) => deps.workflow.startCycle(id, name),
});
