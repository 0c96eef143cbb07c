/**
 * Use cases of the approval round: what the programme office and the workflow ask for, one module
 * per actor. Handlers and other flows import them from here.
 */
export { type CreateRoundRequest, createApprovalRound, MAX_APPROVERS, MAX_ROUND_DAYS } from './create-round';
export { cancelApprovalRound, extendDeadline, remindNow } from './office-actions';
export { audit, loadRound, mutateRound } from './round-access';
export { advanceRound, finalizeRound, openRound, type Plan, parkRound, reportWorkflowFailure } from './round-steps';
