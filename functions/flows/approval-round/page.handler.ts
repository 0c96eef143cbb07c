/**
 * GET/HEAD /d/{token}: the decision page (reads only). POST /d/{token}: record the decision.
 * POST /d/{token}/new-link: send a fresh link for an expired one.
 */
import middy from '@middy/core';
import { closedPage, confirmationPage, decisionPage, expiredPage } from './pages';
import { invalidLinkPage, unavailablePage } from '../../engine/page-layout';
import { openDecisionLink, requestFreshLink, submitDecision, type LinkView } from './decisions';
import { roundDeps } from './deps';
import { linkPage, linkPageErrors } from '../../engine/link-pages';
import { documentRecords, listDocuments } from '../document';

import { unavailablePages } from '../../platform/http-errors';
import { formBody, page, type HttpEvent, type HttpResult } from '../../platform/http';

/** The files the office uploaded for the round, each opened through this same link (documents flow). */
async function filesOf(roundId: string, token: string) {
  const docs = await listDocuments(documentRecords(), { kind: 'round', id: roundId });
  return docs.map((d) => ({ name: d.fileName, href: `/d/${token}/documents/${d.id}` }));
}

async function viewPage(view: LinkView, token: string): Promise<HttpResult> {
  switch (view.kind) {
    case 'invalid':
      return page(view.reason === 'unknown-round' ? 404 : 400, invalidLinkPage());
    case 'expired':
      return page(410, expiredPage(view.round, view.person, `/d/${token}/new-link`, false));
    case 'closed':
      return page(409, closedPage(view.round, view.person, view.vote));
    case 'open':
      return page(200, decisionPage({ ...view, action: `/d/${token}`, files: await filesOf(view.round.id, token) }));
  }
}

async function postDecision(event: HttpEvent, token: string): Promise<HttpResult> {
  const form = formBody(event);
  const result = await submitDecision(roundDeps(), token, form);
  switch (result.kind) {
    case 'recorded':
      return page(200, confirmationPage(result.round, result.person, result.vote, false));
    case 'already-recorded':
      return page(200, confirmationPage(result.round, result.person, result.vote, true));
    case 'form-error':
      return page(
        400,
        decisionPage({
          ...result.view,
          action: `/d/${token}`,
          errors: result.errors,
          values: form,
          files: await filesOf(result.view.round.id, token),
        }),
      );
    default:
      return viewPage(result, token);
  }
}

async function handle(event: HttpEvent): Promise<HttpResult> {
  const token = event.pathParameters?.token ?? '';
  if (event.routeKey.endsWith('/new-link')) {
    const view = await requestFreshLink(roundDeps(), token);
    return view.kind === 'expired'
      ? page(202, expiredPage(view.round, view.person, '', true))
      : await viewPage(view, token);
  }
  return linkPage(
    event,
    async () => viewPage(await openDecisionLink(roundDeps(), token), token),
    () => postDecision(event, token),
  );
}

export const handler = middy<HttpEvent, HttpResult>()
  .use(linkPageErrors())
  .use(unavailablePages(unavailablePage))
  .handler(handle);
