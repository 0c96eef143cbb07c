/**
 * Meetings on the shared watchdog (engine/watchdog.ts): an open meeting whose workflow stopped is
 * carried on by a new execution (the meeting document holds every step done), and one that stops
 * again is handed to the office once, so no meeting is silently left without its invitation,
 * reminders or minutes.
 */
import type { WatchedFlow } from '../../engine/watchdog';
import { tellOfficeStopped } from '../../engine/watchdog-email';
import { formatDateTime } from '../../platform/time';
import type { Meeting } from './meeting';
import type { MeetingDeps } from './meeting-docs';

export function watchedMeetings(deps: MeetingDeps, runningExecutions: () => Promise<string[]>): WatchedFlow<Meeting> {
  return {
    store: deps.meetings,
    openStatuses: ['open'],
    runningExecutions,
    start: (id, name) => deps.workflow.startMeeting(id, name),
    resume: (token, output) => deps.workflow.resume(token, output),
    // Meetings have no console page yet: the overview lists the meetings that wait on someone. A series'
    // meetings share their title; the date says which one.
    tellOffice: (m) =>
      tellOfficeStopped(
        deps,
        deps.meetings,
        m.id,
        'De vergadering',
        `${m.title} van ${formatDateTime(m.start, 'nl')}`,
        '/console',
      ),
  };
}
