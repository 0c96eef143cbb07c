/**
 * The console's pages for public events, a function of their own (`eventConsole`), as the cycle
 * pages are: the console's one bundle is at its limit. The same request cycle as every console page
 * (router.ts): the session cookie, the form secret, errors as pages; signing in stays with the console.
 */
import { consoleFunction } from './console-function';
import type { RouteTable } from '../../platform/http';
import type { Handler } from './http';
import { eventRoutes } from './routes/events';

const routes: RouteTable<'eventConsole', Handler, 'session'> = eventRoutes;

/** Every route key the handler serves; a test holds it equal to the wiring's routes of eventConsole. */
export const eventRouteKeys = Object.keys(routes);

export const handler = consoleFunction(routes);
