/** The input-round workflow's task steps: ask the partners, let time act, wait for the next moment. */
import { workflowStepsHandler } from '../../engine/workflow-steps';
import { inputRoundDeps } from './deps';
import { advanceInput, openInput, parkInput } from './use-cases';

export const handler = workflowStepsHandler('inputRoundId', inputRoundDeps, {
  open: openInput,
  advance: advanceInput,
  park: parkInput,
});
