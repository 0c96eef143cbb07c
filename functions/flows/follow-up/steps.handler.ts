/** The follow-up workflow's task steps: let time act, and wait for an answer or the next moment. */
import { workflowStepsHandler } from '../../engine/workflow-steps';
import { followUpDeps } from './deps';
import { advanceFollowUp, parkFollowUp } from './use-cases';

export const handler = workflowStepsHandler('itemId', followUpDeps, {
  advance: advanceFollowUp,
  park: parkFollowUp,
  continueAs: (deps, id, name) => deps.workflow.startFollowUp(id, name),
});
