/**
 * Moving and cancelling one meeting from the console (`meetingChangeConsole`): these send calendar
 * updates and cancellations (ical-generator and the MIME composer), which with the meeting pages
 * would pass issue #12's 250 KB, so they are a function of their own with the same request cycle.
 */
import type { RouteTable } from '../../platform/http';
import { consoleFunction } from './console-function';
import type { Handler } from './http';
import { meetingChangeRoutes } from './routes/meeting-changes';

const routes: RouteTable<'meetingChangeConsole', Handler, 'session'> = meetingChangeRoutes;

/** Every route key the handler serves; a test holds it equal to the wiring's routes of meetingChangeConsole. */
export const meetingChangeRouteKeys = Object.keys(routes);

export const handler = consoleFunction(routes);
