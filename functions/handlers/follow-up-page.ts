/** GET/HEAD /f/{token}: the owner's (or project leader's) page; POST records the answer. */
import middy from '@middy/core';
import { approvalPage, followUpMessagePage, followUpWords, ownerPage } from '../domain/follow-up-views';
import { invalidLinkPage, problemPage } from '../domain/round-pages';
import { followUpDeps } from '../lib/deps';
import { errorResponse, httpErrors } from '../lib/http-errors';
import { formBody, method, page, type HttpEvent, type HttpResult } from '../lib/http';
import { openFollowUpLink, submitFollowUpForm, type FollowUpFormResult } from '../services/follow-ups';

function render(view: FollowUpFormResult, token: string): HttpResult {
  const action = `/f/${token}`;
  switch (view.kind) {
    case 'invalid': return page(400, invalidLinkPage());
    case 'closed': return page(409, followUpMessagePage(view.person.lang, followUpWords[view.person.lang].closed));
    case 'owner': return page(200, ownerPage(view.item, view.person.lang, action, view.proof));
    case 'approval': return page(200, approvalPage(view.item, view.person.lang, action, view.proof));
    case 'form-error': return page(400, ownerPage(view.view.item, view.view.person.lang, action, view.view.proof, view.errors));
    case 'recorded': return page(200, followUpMessagePage(view.person.lang, followUpWords[view.person.lang].thanks));
  }
}

async function handle(event: HttpEvent): Promise<HttpResult> {
  const token = event.pathParameters?.token ?? '';
  const verb = method(event);
  if (verb === 'GET' || verb === 'HEAD') {
    const result = render(await openFollowUpLink(followUpDeps(), token), token);
    return verb === 'HEAD' ? { ...result, body: '' } : result;
  }
  return render(await submitFollowUpForm(followUpDeps(), token, formBody(event)), token);
}

function pageError(err: unknown): HttpResult {
  const json = errorResponse(err);
  return page(json.statusCode, json.statusCode === 400 ? invalidLinkPage() : problemPage());
}

export const handler = middy<HttpEvent, HttpResult>().use(httpErrors(pageError)).handler(handle);
