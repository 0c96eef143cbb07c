/**
 * The console's overview (`GET /console`), a function of its own (`overviewConsole`): it reads every
 * flow (rounds, action items, input rounds, meetings, cycles, notices, people), and the cycle flow's
 * code alone would take the console's bundle past issue #12's 250 KB, as it did for the cycle pages.
 * The same request cycle as every console page (router.ts); signing in stays with the console.
 */
import { consoleFunction } from './console-function';
import type { RouteTable } from '../../platform/http';
import type { Handler } from './http';
import { overviewRoutes } from './routes/overview';

const routes: RouteTable<'overviewConsole', Handler, 'session'> = overviewRoutes;

/** Every route key the handler serves; a test holds it equal to the wiring's routes of overviewConsole. */
export const overviewRouteKeys = Object.keys(routes);

export const handler = consoleFunction(routes);
