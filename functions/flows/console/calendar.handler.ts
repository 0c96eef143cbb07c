/**
 * The console's calendar, a function of its own (`calendarConsole`): it reads every flow's dated
 * things, which would take the console's one bundle past 250 KB. The same request cycle as every
 * console page (router.ts): the session cookie, the form secret, errors as pages.
 */
import { consoleFunction } from './console-function';
import type { RouteTable } from '../../platform/http';
import { CALENDAR_CSS } from './calendar-assets';
import type { Handler, OpenHandler } from './http';
import { calendarRoutes } from './routes/calendar';

const routes: RouteTable<'calendarConsole', Handler, 'session'> = calendarRoutes;
const open: RouteTable<'calendarConsole', OpenHandler, 'public'> = {
  // No personal data in it: served before the sign-in check, as the console's own stylesheet is.
  'GET /console/assets/calendar.css': async () => ({
    status: 200,
    body: CALENDAR_CSS,
    type: 'text/css; charset=utf-8',
  }),
};

/** Every route key the handler serves; a test holds it equal to the wiring's routes of calendarConsole. */
export const calendarRouteKeys = [...Object.keys(open), ...Object.keys(routes)];

export const handler = consoleFunction(routes, open);
