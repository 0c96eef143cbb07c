/** GET/HEAD /u/{token}: a partner contact's answer page for an input round; POST records the answer. */
import middy from '@middy/core';
import { inputAnswerPage, inputMessagePage } from './pages';
import { inputWords } from './texts';
import { invalidLinkPage, unavailablePage } from '../../engine/page-layout';
import { inputRoundDeps } from './deps';
import { formBody, page, type HttpEvent, type HttpResult } from '../../platform/http';
import { linkPage, linkPageErrors } from '../../engine/link-pages';

import { unavailablePages } from '../../platform/http-errors';
import { openInputLink, submitInput, type InputFormResult } from './use-cases';

/** `sent`: the partner pressed the button (POST), so a closed round also says that nothing was changed. */
function render(view: InputFormResult, token: string, sent = false): HttpResult {
  const action = `/u/${token}`;
  switch (view.kind) {
    case 'invalid':
      return page(400, invalidLinkPage());
    case 'closed': {
      const m = inputWords[view.person.lang];
      return page(
        409,
        inputMessagePage(view.round, view.person.lang, sent ? `${m.closed} ${m.nothingChanged}` : m.closed),
      );
    }
    case 'open':
      return page(200, inputAnswerPage(view.round, view.person.lang, action, view.proof, view.current));
    case 'form-error':
      return page(
        400,
        inputAnswerPage(
          view.view.round,
          view.view.person.lang,
          action,
          view.view.proof,
          view.view.current,
          view.errors,
        ),
      );
    case 'recorded':
      return page(200, inputMessagePage(view.round, view.person.lang, inputWords[view.person.lang].thanks));
  }
}

async function handle(event: HttpEvent): Promise<HttpResult> {
  const token = event.pathParameters?.token ?? '';
  return linkPage(
    event,
    async () => render(await openInputLink(inputRoundDeps(), token), token),
    async () => render(await submitInput(inputRoundDeps(), token, formBody(event)), token, true),
  );
}

export const handler = middy<HttpEvent, HttpResult>()
  .use(linkPageErrors())
  .use(unavailablePages(unavailablePage))
  .handler(handle);
