/**
 * The console's pages for programme cycles, a function of their own (`cycleConsole`): the cycle
 * flow's use cases and its four templates would take the console's one bundle past issue #12's
 * 250 KB. The same request cycle as every console page (router.ts): the session cookie, the form
 * secret, errors as pages; signing in stays with the console.
 */
import { consoleFunction } from './console-function';
import type { RouteTable } from '../../platform/http';
import type { Handler } from './http';
import { cycleChangeRoutes } from './routes/cycle-changes';
import { cycleRoutes } from './routes/cycles';

const routes: RouteTable<'cycleConsole', Handler, 'session'> = { ...cycleRoutes, ...cycleChangeRoutes };

/** Every route key the handler serves; a test holds it equal to the wiring's routes of cycleConsole. */
export const cycleRouteKeys = Object.keys(routes);

export const handler = consoleFunction(routes);
