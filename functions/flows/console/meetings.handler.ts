/**
 * The console's meeting pages, a function of their own (`meetingConsole`), as the cycle pages are:
 * the meeting flow's recurrence rules would take the console's bundle past issue #12's 250 KB. Moving
 * and cancelling a meeting mails calendars, so those are a third (meeting-changes.handler.ts).
 */
import type { RouteTable } from '../../platform/http';
import { consoleFunction } from './console-function';
import type { Handler } from './http';
import { meetingEditRoutes } from './routes/meeting-edit';
import { meetingViewRoutes } from './routes/meeting-view';
import { meetingRoutes } from './routes/meetings';

const routes: RouteTable<'meetingConsole', Handler, 'session'> = {
  ...meetingRoutes,
  ...meetingEditRoutes,
  ...meetingViewRoutes,
};

/** Every route key the handler serves; a test holds it equal to the wiring's routes of meetingConsole. */
export const meetingRouteKeys = Object.keys(routes);

export const handler = consoleFunction(routes);
