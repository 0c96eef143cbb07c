/**
 * The console's lists (rounds, action items, input rounds, people, groups, partners), a page at a
 * time with search: a function of their own (`listConsole`), as the console's bundle is at issue
 * #12's 250 KB. The same request cycle as every console page (router.ts): the session cookie,
 * errors as pages; signing in stays with the console.
 */
import { consoleFunction } from './console-function';
import { listRoutes } from './routes/lists';

/** Every route key the handler serves; a test holds it equal to the wiring's routes of listConsole. */
export const listRouteKeys = Object.keys(listRoutes);

export const handler = consoleFunction(listRoutes);
