/**
 * The console's lists, a page of 50 at a time, with search and the list's status filter: the same
 * cursors as the API (platform/list-query.ts, the same list names), so a page link is bound to its
 * list and search. A changed link or search is a 400 page in the console's language.
 */
import { pageRounds, roundDeps } from '../../approval-round';
import { pageFollowUps } from '../../follow-up';
import { pageInputRounds } from '../../input-round';
import type { Body, Organisation, Person } from '../../../engine/directory';
import { directoryStore, linkKeys, pageDirectory } from '../../../engine/deps';
import type { DocPage } from '../../../engine/doc-pages';
import { type CursorPosition, sealCursor } from '../../../platform/cursor';
import { ValidationError } from '../../../platform/errors';
import { type ListParams, listParams, MAX_SEARCH_LENGTH } from '../../../platform/list-query';
import type { RouteTable } from '../../../platform/http';
import { partnersPage, peoplePage } from '../directory-pages';
import { itemsPage } from '../flow-pages';
import { flowWords } from '../flow-words';
import { bodiesPage } from '../group-pages';
import { type Handler, htmlReply, type SignedInRequest } from '../http';
import { inputsPage } from '../input-pages';
import { type ListPaging, listPaging, pagingWords } from '../list-paging';
import { roundListPage } from '../round-pages';

export const CONSOLE_PAGE = { default: 50, max: 50 } as const;

interface StatusFilter {
  statuses: readonly string[];
  label: (s: string) => string;
}

/** One page of a list as the request asks (search, status, cursor), and its paging for the page. */
async function readList<T>(
  req: SignedInRequest,
  list: string,
  read: (p: ListParams & { statuses?: string[] }) => Promise<DocPage<T>>,
  filter?: StatusFilter,
): Promise<{ rows: T[]; paging: ListPaging }> {
  const { ctx, query, path } = req;
  const w = pagingWords[ctx.lang];
  const status = query.status || undefined;
  if (status && !filter?.statuses.includes(status)) throw new ValidationError({ status: w.badStatus });
  if ((query.q ?? '').length > MAX_SEARCH_LENGTH) throw new ValidationError({ q: w.tooLong });
  const keys = await linkKeys();
  let params: ListParams;
  try {
    params = listParams(keys, list, { q: query.q, cursor: query.cursor }, { status }, CONSOLE_PAGE);
  } catch (err) {
    if (err instanceof ValidationError) throw new ValidationError({ cursor: w.badLink });
    throw err;
  }
  const page = await read({ ...params, statuses: status ? [status] : undefined });
  const q = (query.q ?? '').trim();
  const href = (cursor?: CursorPosition) => {
    if (!cursor) return undefined;
    const search = new URLSearchParams({ ...(q ? { q } : {}), ...(status ? { status } : {}) });
    search.set('cursor', sealCursor(keys, params.scope, cursor));
    return `${path}?${search}`;
  };
  const options = filter?.statuses.map((s) => ({ value: s, label: filter.label(s) }));
  return {
    rows: page.rows,
    paging: {
      path,
      q,
      status: options && { value: status ?? '', options },
      next: href(page.next),
      prev: href(page.prev),
      partial: Boolean(params.q && page.next && page.rows.length < params.limit),
    },
  };
}

const saved = (req: SignedInRequest) => (req.query.m === 'saved' ? req.ctx.t.saved : undefined);

export const listRoutes: RouteTable<'listConsole', Handler, 'session'> = {
  'GET /console/people': async (req) => {
    const { ctx } = req;
    const [{ rows, paging }, orgs] = await Promise.all([
      readList(req, 'people', (p) => pageDirectory<Person>('person', p)),
      directoryStore().listOrganisations(),
    ]);
    const shown = listPaging(ctx, paging, ctx.t.people.toLowerCase(), 'name');
    return htmlReply(200, peoplePage(ctx, rows, orgs, saved(req), shown));
  },
  'GET /console/bodies': async (req) => {
    const { ctx } = req;
    const { rows, paging } = await readList(req, 'bodies', (p) => pageDirectory<Body>('body', p));
    return htmlReply(
      200,
      bodiesPage(ctx, rows, undefined, listPaging(ctx, paging, ctx.t.bodies.toLowerCase(), 'name')),
    );
  },
  'GET /console/partners': async (req) => {
    const { ctx } = req;
    const { rows, paging } = await readList(req, 'organisations', (p) => pageDirectory<Organisation>('org', p));
    // Only the contacts of the partners on this page, not the whole directory.
    const contacts = await directoryStore().getPeople(rows.flatMap((o) => o.contactIds));
    const shown = listPaging(ctx, paging, ctx.t.partners.toLowerCase(), 'name');
    return htmlReply(200, partnersPage(ctx, rows, contacts, saved(req), shown));
  },
  'GET /console/rounds': async (req) => {
    const { ctx } = req;
    const w = flowWords[ctx.lang];
    const filter = { statuses: ['open', 'closed'], label: (s: string) => (s === 'open' ? w.open : w.closed) };
    const { rows, paging } = await readList(
      req,
      'rounds',
      (p) => pageRounds(p as Parameters<typeof pageRounds>[0]),
      filter,
    );
    return htmlReply(200, roundListPage(ctx, rows, listPaging(ctx, paging, ctx.t.rounds.toLowerCase(), 'title')));
  },
  'GET /console/follow-ups': async (req) => {
    const { ctx } = req;
    const w = flowWords[ctx.lang];
    const filter = { statuses: Object.keys(w.statuses), label: (s: string) => w.statuses[s] };
    const { rows, paging } = await readList(
      req,
      'follow-ups',
      (p) => pageFollowUps(p as Parameters<typeof pageFollowUps>[0]),
      filter,
    );
    const owners = rows.flatMap((i) => ('personId' in i.owner ? [i.owner.personId] : []));
    const [people, orgs] = await Promise.all([
      directoryStore().getPeople(owners),
      directoryStore().listOrganisations(),
    ]);
    const shown = listPaging(ctx, paging, w.items.toLowerCase(), 'title');
    return htmlReply(200, itemsPage(ctx, rows, people, orgs, roundDeps().now(), shown));
  },
  'GET /console/input-rounds': async (req) => {
    const { ctx } = req;
    const w = flowWords[ctx.lang];
    const filter = { statuses: ['open', 'closed'], label: (s: string) => (s === 'open' ? w.open : w.closed) };
    const { rows, paging } = await readList(
      req,
      'input-rounds',
      (p) => pageInputRounds(p as Parameters<typeof pageInputRounds>[0]),
      filter,
    );
    return htmlReply(200, inputsPage(ctx, rows, listPaging(ctx, paging, w.inputs.toLowerCase(), 'title')));
  },
};
