/**
 * GET /inspraak: the public list of consultations; GET /inspraak/{id}: one, with its answer form
 * while it is open; POST /inspraak/{id}: an answer, without an account. Bad input comes back on the
 * page with what was typed kept (400); after the deadline a clear refusal (409); over the limit
 * "try again later" (429). Nothing a visitor sends gives a 500: an unknown id is the 404 page.
 */
import middy from '@middy/core';
import { consultationDeps } from './deps';
import { consultationListPage, consultationPage, noticePage } from './pages';
import { AnswerForm } from './schemas';
import { answerConsultation, listConsultations, loadConsultation } from './use-cases';
import { invalidLinkPage, problemPage, unavailablePage } from '../../engine/page-layout';
import { NotFoundError } from '../../platform/errors';
import { errorResponse, httpErrors, unavailablePages } from '../../platform/http-errors';
import { formBody, type HttpEvent, type HttpResult, method, page } from '../../platform/http';

const langOf = (event: HttpEvent) => (event.queryStringParameters?.lang === 'en' ? 'en' : 'nl');

/** Public and the same for everyone: a short cache is fine for the list, not for a page with a form's answer. */
function publicPage(status: number, html: string, cache = false): HttpResult {
  const result = page(status, html);
  return {
    ...result,
    headers: {
      ...result.headers,
      'cache-control': cache ? 'public, max-age=60' : 'no-store',
      'referrer-policy': 'strict-origin-when-cross-origin',
    },
  };
}

async function one(event: HttpEvent): Promise<HttpResult> {
  const deps = consultationDeps();
  const lang = langOf(event);
  const c = await loadConsultation(deps, event.pathParameters?.id ?? '');
  const now = deps.now();
  if (method(event) !== 'POST') {
    const count = await deps.consultations.countAnswers(c.id);
    const html = consultationPage(c, count, lang, now);
    return method(event) === 'HEAD' ? { ...publicPage(200, html), body: '' } : publicPage(200, html);
  }
  const form = AnswerForm.parse(formBody(event));
  const ip = event.requestContext.http.sourceIp || 'unknown';
  const result = await answerConsultation(deps, c.id, form, { ip, lang });
  if (result.ok) return publicPage(200, noticePage(c, lang, 'thanks'));
  if ('busy' in result) return publicPage(429, noticePage(c, lang, 'busy'));
  if (result.closed) return publicPage(409, noticePage(c, lang, 'closed'));
  const count = await deps.consultations.countAnswers(c.id);
  const { website: _, ...values } = form;
  return publicPage(400, consultationPage(c, count, lang, now, { values, errors: result.errors }));
}

async function handle(event: HttpEvent): Promise<HttpResult> {
  if (event.routeKey === 'GET /inspraak') {
    const deps = consultationDeps();
    return publicPage(200, consultationListPage(await listConsultations(deps), langOf(event), deps.now()), true);
  }
  return one(event);
}

function pageError(err: unknown): HttpResult {
  if (err instanceof NotFoundError) return page(404, invalidLinkPage());
  return page(errorResponse(err).statusCode, problemPage());
}

export const handler = middy<HttpEvent, HttpResult>()
  .use(httpErrors(pageError))
  .use(unavailablePages(unavailablePage))
  .handler(handle);
