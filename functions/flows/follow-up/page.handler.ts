/** GET/HEAD /f/{token}: the owner's (or project leader's) page; POST records the answer. */
import middy from '@middy/core';
import { unavailablePages } from '../../platform/http-errors';
import { unavailablePage } from '../../engine/page-layout';
import { approvalPage, followUpMessagePage, ownerPage } from './pages';
import { followUpWords } from './texts';
import { invalidLinkPage } from '../../engine/page-layout';
import { followUpDeps } from './deps';
import { formBody, page, type HttpEvent, type HttpResult } from '../../platform/http';
import { linkPage, linkPageErrors } from '../../engine/link-pages';
import { openFollowUpLink, submitFollowUpForm, type FollowUpFormResult } from './use-cases';

function render(view: FollowUpFormResult, token: string): HttpResult {
  const action = `/f/${token}`;
  // The moved clock in local mode: lateness on the page counts from the same "now" as the flow.
  const now = followUpDeps().now();
  switch (view.kind) {
    case 'invalid':
      return page(400, invalidLinkPage());
    case 'closed':
      return page(409, followUpMessagePage(view.person.lang, followUpWords[view.person.lang].closed));
    case 'owner':
      return page(200, ownerPage(view.item, view.person.lang, action, view.proof, now));
    case 'approval':
      return page(200, approvalPage(view.item, view.person.lang, action, view.proof, now));
    case 'form-error':
      return page(400, ownerPage(view.view.item, view.view.person.lang, action, view.view.proof, now, view.errors));
    case 'recorded':
      return page(200, followUpMessagePage(view.person.lang, followUpWords[view.person.lang].thanks));
  }
}

async function handle(event: HttpEvent): Promise<HttpResult> {
  const token = event.pathParameters?.token ?? '';
  return linkPage(
    event,
    async () => render(await openFollowUpLink(followUpDeps(), token), token),
    async () => render(await submitFollowUpForm(followUpDeps(), token, formBody(event)), token),
  );
}

export const handler = middy<HttpEvent, HttpResult>()
  .use(linkPageErrors())
  .use(unavailablePages(unavailablePage))
  .handler(handle);
