/**
 * Use cases of action items (follow-ups): create, let time act (reminders, the status question,
 * the escalation ladder), the owner's answer through one link, and the project leader's approval
 * of a later date. The same patterns as approval rounds: versioned writes, one resume, each
 * email sent once. One file per part; this one gathers them for the handlers and index.ts.
 */
export { actionDeadline, advanceFollowUp, parkFollowUp } from './advance';
export { type FollowUpFormResult, submitFollowUpForm } from './answer';
export { type FollowUpDeps, type ItemStore, loadItem } from './items';
export { type FollowUpLinkView, openFollowUpLink } from './link';
export { cancelFollowUp, type CreateFollowUpRequest, createFollowUp, steerFollowUp } from './office';
export { ownerLink, ownerPeople, stepPeople } from './recipients';
