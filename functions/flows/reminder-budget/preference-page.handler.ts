/**
 * GET/HEAD /s/{token}: a person's email settings; POST saves them. The same link is a reminder's
 * List-Unsubscribe: a mail program's one-click POST (RFC 8058) makes reminders weekly.
 */
import middy from '@middy/core';
import { unavailablePages } from '../../platform/http-errors';
import { unavailablePage } from '../../engine/page-layout';
import { preferencePage, weeklyNowPage } from './preference-page';
import { invalidLinkPage } from '../../engine/page-layout';
import { preferenceDeps } from '../../engine/deps';
import { formBody, page, rawBody, type HttpEvent, type HttpResult } from '../../platform/http';
import { linkPage, linkPageErrors } from '../../engine/link-pages';
import { oneClickWeekly, openPreferences, savePreferences, type PreferenceView } from '../../engine/preferences';

function render(view: PreferenceView, token: string): HttpResult {
  if (view.kind === 'invalid') return page(400, invalidLinkPage());
  if (view.kind === 'weekly') return page(200, weeklyNowPage(view.person, `/s/${token}`));
  return page(view.error ? 400 : 200, preferencePage(view.person, `/s/${token}`, view.proof, view.bodies, view));
}

/**
 * `List-Unsubscribe=One-Click` and nothing of the settings form: urlencoded, or as multipart form
 * data, which RFC 8058 prefers (one field, so a pattern reads it; no multipart parser is bundled).
 */
export function isOneClick(event: HttpEvent): boolean {
  const body = rawBody(event);
  const type = (event.headers?.['content-type'] ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) {
    const field = /name="?List-Unsubscribe"?[^\r\n]*\r?\n(?:[^\r\n]+\r?\n)*\r?\nOne-Click\r?\n/;
    return field.test(body) && !/name="?proof"?/.test(body);
  }
  const form = new URLSearchParams(body);
  return form.get('List-Unsubscribe') === 'One-Click' && !form.has('proof');
}

async function handle(event: HttpEvent): Promise<HttpResult> {
  const token = event.pathParameters?.token ?? '';
  return linkPage(
    event,
    async () => render(await openPreferences(preferenceDeps(), token), token),
    async () => {
      if (isOneClick(event)) return render(await oneClickWeekly(preferenceDeps(), token), token);
      const subscriptions = new URLSearchParams(rawBody(event)).getAll('subscribedBodyIds');
      return render(await savePreferences(preferenceDeps(), token, formBody(event), subscriptions), token);
    },
  );
}

export const handler = middy<HttpEvent, HttpResult>()
  .use(linkPageErrors())
  .use(unavailablePages(unavailablePage))
  .handler(handle);
