/**
 * The approval-round workflow's task steps, one Lambda for the whole state machine: the
 * state machine passes `step` and the handler calls the one use case for it.
 */
import { workflowStepsHandler } from '../../engine/workflow-steps';
import { roundDeps } from './deps';
import { advanceRound, finalizeRound, openRound, parkRound, reportWorkflowFailure } from './use-cases';

export const handler = workflowStepsHandler('roundId', roundDeps, {
  open: openRound,
  advance: advanceRound,
  park: parkRound,
  finalize: finalizeRound,
  failed: reportWorkflowFailure,
});
