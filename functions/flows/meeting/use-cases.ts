/**
 * Use cases of the meeting cycle: define a series, plan its meetings (the daily planner starts
 * one workflow per coming meeting), let time act on a meeting (call for agenda items, reminder,
 * agenda and invitation, day-before reminder, minutes, review), move or cancel one, and publish
 * adopted minutes with their action items. The same patterns as the other flows: versioned
 * writes, one resume, each email claimed once, reminders through the person's budget.
 * The handlers import them from here; each lives in the module named after its part of the cycle.
 */
export { advanceMeeting, parkMeeting, queueDayBefore } from './advance';
export { sendInvitations } from './invitations';
export { loadMeeting, type MeetingDeps, type MeetingStore, mutateMeeting, type SeriesStore } from './meeting-docs';
export { addMeeting, createSeries, type CreateSeriesRequest, planMeetings, seriesWithComing } from './planning';
export { followPhase, sendReview } from './publication';
export { attendeesOf, meetingLink, membersOf, themeGroupsOf } from './recipients';
export { cancelOccurrence, moveOccurrence } from './reschedule';
