/** GET/HEAD /u/{token}: a partner contact's or a person's answer page for an input round; POST records the answer. */
import middy from '@middy/core';
import { inputAnswerPage, inputMessagePage } from './pages';
import { residentAnswerPage, residentMessagePage } from './resident-pages';
import { residentWords } from './resident-texts';
import { inputWords } from './texts';
import { invalidLinkPage, unavailablePage } from '../../engine/page-layout';
import { inputRoundDeps } from './deps';
import { formBody, page, type HttpEvent, type HttpResult } from '../../platform/http';
import { linkPage, linkPageErrors } from '../../engine/link-pages';
import { asksPeople } from './input-round';
import { unavailablePages } from '../../platform/http-errors';
import { openInputLink, submitInput, type InputFormResult } from './use-cases';

/** A round of people has its own plain words and page; a partner round the partners'. */
function render(view: InputFormResult, token: string, sent = false): HttpResult {
  if (view.kind !== 'invalid' && asksPeople(view.kind === 'form-error' ? view.view.round : view.round))
    return renderPersonal(view, token, sent);
  const action = `/u/${token}`;
  switch (view.kind) {
    case 'invalid':
      return page(400, invalidLinkPage());
    case 'closed': {
      const m = inputWords[view.person.lang];
      // Stopped before its date: saying the date has passed would not be true.
      const closed = view.round.cancelled ? m.stopped : m.closed;
      return page(409, inputMessagePage(view.round, view.person.lang, sent ? `${closed} ${m.nothingChanged}` : closed));
    }
    case 'open':
      return page(200, inputAnswerPage(view.round, view.person.lang, action, view.proof, view.current?.kind));
    case 'form-error':
      return page(
        400,
        inputAnswerPage(
          view.view.round,
          view.view.person.lang,
          action,
          view.view.proof,
          view.view.current?.kind,
          view.errors,
        ),
      );
    case 'recorded':
      return page(200, inputMessagePage(view.round, view.person.lang, inputWords[view.person.lang].thanks));
  }
}

/** `sent`: the person pressed the button (POST), so a closed round also says that nothing was changed. */
function renderPersonal(view: Exclude<InputFormResult, { kind: 'invalid' }>, token: string, sent: boolean): HttpResult {
  const action = `/u/${token}`;
  switch (view.kind) {
    case 'closed': {
      const m = residentWords[view.person.lang];
      const closed = view.round.cancelled ? m.stopped : m.closed;
      return page(
        409,
        residentMessagePage(view.round, view.person.lang, sent ? `${closed} ${m.nothingChanged}` : closed),
      );
    }
    case 'open':
      return page(200, residentAnswerPage(view.round, view.person.lang, action, view.proof, view.current));
    case 'form-error': {
      const v = view.view;
      return page(400, residentAnswerPage(v.round, v.person.lang, action, v.proof, v.current, view.errors, view.text));
    }
    case 'recorded':
      return page(200, residentMessagePage(view.round, view.person.lang, residentWords[view.person.lang].thanks));
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
