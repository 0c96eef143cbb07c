/**
 * What other flows may use of this flow: its use cases, its composition root and the model
 * they read. Everything else in this folder is the flow's own (the linter holds other flows to this file).
 */
export { roundDeps, pageRounds } from './deps';
export { roundOfLink } from './decisions';
export { invitationEmail } from './emails';
export { decisionLink } from './mail';
export { type RoundDeps, type RoundStore } from './ports';
export { type Round, type StageRecord, currentTally, pendingApprovers, stageDeadline } from './round';
export { DEFAULT_QUORUM, type Rule, type Tally, quorumMet } from './rules';
export { CreateRound } from './schemas';
export { choiceLabel, outcomeLabel, outcomeSentence, ruleExplanation, ruleSentence, tallyLine } from './texts';
export { cancelApprovalRound, createApprovalRound, extendDeadline, loadRound, remindNow } from './use-cases';
// The calendar (functions/flows/calendar) reads rounds by their deadline.
export { roundsDueIn } from './calendar';
