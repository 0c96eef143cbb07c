/** GET/HEAD /u/{token}: a partner contact's answer page for an input round; POST records the answer. */
import middy from '@middy/core';
import { inputAnswerPage, inputWords } from '../domain/input-round-views';
import { followUpMessagePage } from '../domain/follow-up-views';
import { invalidLinkPage, problemPage } from '../domain/round-pages';
import { inputRoundDeps } from '../lib/deps';
import { errorResponse, httpErrors } from '../lib/http-errors';
import { formBody, method, page, type HttpEvent, type HttpResult } from '../lib/http';
import { openInputLink, submitInput, type InputFormResult } from '../services/input-rounds';

function render(view: InputFormResult, token: string): HttpResult {
  const action = `/u/${token}`;
  switch (view.kind) {
    case 'invalid': return page(400, invalidLinkPage());
    case 'closed': return page(409, followUpMessagePage(view.person.lang, inputWords[view.person.lang].closed));
    case 'open': return page(200, inputAnswerPage(view.round, view.person.lang, action, view.proof, view.current));
    case 'form-error': return page(400, inputAnswerPage(view.view.round, view.view.person.lang, action, view.view.proof, view.view.current, view.errors));
    case 'recorded': return page(200, followUpMessagePage(view.person.lang, inputWords[view.person.lang].thanks));
  }
}

async function handle(event: HttpEvent): Promise<HttpResult> {
  const token = event.pathParameters?.token ?? '';
  const verb = method(event);
  if (verb === 'GET' || verb === 'HEAD') {
    const result = render(await openInputLink(inputRoundDeps(), token), token);
    return verb === 'HEAD' ? { ...result, body: '' } : result;
  }
  return render(await submitInput(inputRoundDeps(), token, formBody(event)), token);
}

function pageError(err: unknown): HttpResult {
  const json = errorResponse(err);
  return page(json.statusCode, json.statusCode === 400 ? invalidLinkPage() : problemPage());
}

export const handler = middy<HttpEvent, HttpResult>().use(httpErrors(pageError)).handler(handle);
