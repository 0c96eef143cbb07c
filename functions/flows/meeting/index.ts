/**
 * What other flows may use of this flow: its use cases, its composition root and the model
 * they read. Everything else in this folder is the flow's own (the linter holds other flows to this file).
 */
export { agendaOf } from './agenda';
// The documents' console pages and board pack name the agenda lines as the meeting's own pages do
// (meetingWords, below); a meeting's documents open through the person's own meeting link (meetingDeps).
export { meetingOfLink } from './meeting-link';
export type { Meeting } from './meeting';
export { meetingReminders } from './reminders';
export { DynamoMeetingStore } from './store';
// The mail sweeper sends pending calendar invitations with the same composer.
export { composeWithCalendar } from './calendar-mime';
// A programme cycle's phase puts its item on a body's meeting and reads back whether it was held.
export { type AgendaRequest, agendaItemState, placeOnAgenda, withdrawFromAgenda } from './agenda-request';
// The calendar (functions/flows/calendar) reads the meetings of a window, planned or still in a series' rule.
export { type MeetingInWindow, meetingsIn } from './calendar';
export { AMSTERDAM_VTIMEZONE } from './ics';
// The office's console: the same use cases and schemas as the API, the recurrence picker, and its reads.
export { meetingDeps, pageSeries } from './deps';
export { Add, Cancel, ChangeSeries, CreateSeries, Move } from './schemas';
export { changeSeries } from './series-edit';
export { addMeeting, cancelOccurrence, createSeries, moveOccurrence, seriesWithComing } from './use-cases';
export { listSeries, meetingWithSeries, occurrenceOf, type SeriesSummary, seriesWithRecord } from './office';
export * as recurrence from './recurrence';
export type { Recurrence } from './recurrence';
export type { MeetingSeries, Occurrence } from './series';
export type { AgendaItem, MeetingPhase } from './meeting';
export { meetingWords } from './texts';
export { STANDING } from './agenda';
