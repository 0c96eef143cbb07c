/**
 * What other flows may use of this flow: its use cases, its composition root and the model
 * they read. Everything else in this folder is the flow's own (the linter holds other flows to this file).
 */
export { followUpDeps, pageFollowUps } from './deps';
export { type ActionItem, DEFAULT_LADDER, followUpSchedule, lateSince, WAITING_STATUSES } from './follow-up';
export { CreateFollowUp, SteerFollowUp } from './schemas';
export {
  type FollowUpDeps,
  actionDeadline,
  cancelFollowUp,
  createFollowUp,
  loadItem,
  ownerLink,
  ownerPeople,
  steerFollowUp,
  stepPeople,
} from './use-cases';
export { approvalMail, escalationMail, reminderMail } from './emails';
export { stepName } from './texts';
// The calendar (functions/flows/calendar) reads action items by their due date.
export { itemsDueIn } from './calendar';
