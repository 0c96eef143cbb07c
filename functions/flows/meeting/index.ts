/**
 * What other flows may use of this flow: its use cases, its composition root and the model
 * they read. Everything else in this folder is the flow's own (the linter holds other flows to this file).
 */
export { agendaOf } from './agenda';
// The documents' console pages and board pack name the agenda lines as the meeting's own pages do.
export { meetingWords } from './texts';
// A meeting's documents open through the person's own meeting link.
export { meetingDeps } from './deps';
export { meetingOfLink } from './meeting-link';
export type { Meeting } from './meeting';
export { meetingReminders } from './reminders';
export { DynamoMeetingStore } from './store';
// The mail sweeper sends pending calendar invitations with the same composer.
export { composeWithCalendar } from './calendar-mime';
// A programme cycle's phase puts its item on a body's meeting and reads back whether it was held.
export { type AgendaRequest, agendaItemState, placeOnAgenda, withdrawFromAgenda } from './agenda-request';
