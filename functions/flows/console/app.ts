/**
 * The console's router: API Gateway (or the local server) has matched the route against the
 * wiring, so the route key picks the handler from a table typed against that same wiring. The
 * request cycle (session, form secret, errors as pages) is router.ts, shared with the cycle pages.
 */
import { roundDeps } from '../approval-round';
import type { HttpEvent } from '../../platform/http';
import type { Reply, SignedInRoutes } from './http';
import { bodyRoutes } from './routes/bodies';
import { directoryRoutes } from './routes/directory';
import { followUpRoutes } from './routes/follow-ups';
import { inputRoundRoutes } from './routes/input-rounds';
import { roundRoutes } from './routes/rounds';
import { nowSeconds, openRoutes, sessionRoutes } from './routes/session';
import { handleWith, notFound } from './router';

const signedInRoutes: SignedInRoutes = {
  ...roundRoutes,
  ...followUpRoutes,
  ...inputRoundRoutes,
  ...directoryRoutes,
  ...bodyRoutes,
  ...sessionRoutes,
  'GET /console/{proxy+}': notFound,
  'POST /console/{proxy+}': notFound,
};

/** Every route key the handler serves; a test holds it equal to the wiring's console routes. */
export const consoleRouteKeys = [...Object.keys(openRoutes), ...Object.keys(signedInRoutes)];

export const handleConsole = (event: HttpEvent): Promise<Reply> =>
  handleWith({ open: openRoutes, signedIn: signedInRoutes, linkKeys: () => roundDeps().linkKeys(), nowSeconds }, event);
