/**
 * The console's consultation pages, a function of their own (`consultationConsole`), as the cycle
 * pages are: the console's one bundle is at its 250 KB limit. The same request cycle as every
 * console page (router.ts): the session cookie, the form secret, errors as pages.
 */
import { consoleFunction } from './console-function';
import { consultationRoutes } from './routes/consultations';

/** Every route key the handler serves; a test holds it equal to the wiring's routes of consultationConsole. */
export const consultationRouteKeys = Object.keys(consultationRoutes);

export const handler = consoleFunction(consultationRoutes);
