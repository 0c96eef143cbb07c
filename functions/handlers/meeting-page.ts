/** GET/HEAD /m/{token}: a meeting's page for a member, the secretary or the chair; POST sends their answer. */
import middy from '@middy/core';
import { meetingPage } from '../domain/meeting-pages';
import { invalidLinkPage } from '../domain/round-pages';
import { directoryStore, meetingDeps } from '../lib/deps';
import { formBody, page, type HttpEvent, type HttpResult } from '../lib/http';
import { linkPage, linkPageErrors } from '../lib/link-pages';
import { openMeetingLink, submitMeetingForm, type MeetingLinkView } from '../services/meeting-pages';

async function render(view: MeetingLinkView, token: string): Promise<HttpResult> {
  if (view.kind === 'invalid') return page(400, invalidLinkPage());
  // The secretary's form offers people and partners as owners of action items.
  const [people, orgs] = view.role === 'minutes' ? await Promise.all([directoryStore().listPeople(), directoryStore().listOrganisations()]) : [[], []];
  return page(view.errors ? 400 : 200, meetingPage({ ...view, action: `/m/${token}`, people, orgs }));
}

async function handle(event: HttpEvent): Promise<HttpResult> {
  const token = event.pathParameters?.token ?? '';
  return linkPage(event, async () => render(await openMeetingLink(meetingDeps(), token), token), async () => render(await submitMeetingForm(meetingDeps(), token, formBody(event)), token));
}

export const handler = middy<HttpEvent, HttpResult>().use(linkPageErrors()).handler(handle);
