/**
 * The console's document pages and board packs, a function of their own (`documentConsole`): the
 * S3 client and the documents flow stay out of the console's bundle (at its 250 KB limit). The same
 * request cycle as every console page (router.ts): the session cookie, the form secret, errors as pages.
 */
import { consoleFunction } from './console-function';
import type { RouteTable } from '../../platform/http';
import { DOCUMENTS_JS } from './document-assets';
import type { Handler, OpenHandler } from './http';
import { boardPack, boardPackZip } from './routes/board-pack';
import { documentRoutes } from './routes/documents';

const routes: RouteTable<'documentConsole', Handler, 'session'> = {
  ...documentRoutes,
  'GET /console/meetings/{id}/board-pack': boardPack,
  'GET /console/meetings/{id}/board-pack.zip': boardPackZip,
};
const open: RouteTable<'documentConsole', OpenHandler, 'public'> = {
  'GET /console/assets/documents.js': async () => ({
    status: 200,
    body: DOCUMENTS_JS,
    type: 'text/javascript; charset=utf-8',
  }),
};

/** Every route key the handler serves; a test holds it equal to the wiring's routes of documentConsole. */
export const documentRouteKeys = [...Object.keys(routes), ...Object.keys(open)];

export const handler = consoleFunction(routes, open);
