/** GET/HEAD /s/{token}: a person's email settings; POST saves them. */
import middy from '@middy/core';
import { preferencePage } from '../domain/preference-page';
import { invalidLinkPage } from '../domain/round-pages';
import { preferenceDeps } from '../lib/deps';
import { formBody, page, rawBody, type HttpEvent, type HttpResult } from '../lib/http';
import { linkPage, linkPageErrors } from '../lib/link-pages';
import { openPreferences, savePreferences, type PreferenceView } from '../services/preferences';

function render(view: PreferenceView, token: string): HttpResult {
  if (view.kind === 'invalid') return page(400, invalidLinkPage());
  return page(view.error ? 400 : 200, preferencePage(view.person, `/s/${token}`, view.proof, view.bodies, view));
}

async function handle(event: HttpEvent): Promise<HttpResult> {
  const token = event.pathParameters?.token ?? '';
  return linkPage(event, async () => render(await openPreferences(preferenceDeps(), token), token), async () => render(await savePreferences(preferenceDeps(), token, formBody(event), new URLSearchParams(rawBody(event)).getAll('subscribedBodyIds')), token));
}

export const handler = middy<HttpEvent, HttpResult>().use(linkPageErrors()).handler(handle);
