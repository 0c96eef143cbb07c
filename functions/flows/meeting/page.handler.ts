/** GET/HEAD /m/{token}: a meeting's page for a member, the secretary or the chair; POST sends their answer. */
import middy from '@middy/core';
import { unavailablePages } from '../../platform/http-errors';
import { unavailablePage } from '../../engine/page-layout';
import { meetingPage } from './pages';
import { invalidLinkPage } from '../../engine/page-layout';
import { meetingDeps } from './deps';
import { documentRecords, listDocuments } from '../document';
import { formBody, page, type HttpEvent, type HttpResult } from '../../platform/http';
import { linkPage, linkPageErrors } from '../../engine/link-pages';
import { openMeetingLink, possibleOwners, submitMeetingForm, type MeetingLinkView } from './page-use-cases';

async function render(view: MeetingLinkView, token: string): Promise<HttpResult> {
  if (view.kind === 'invalid') return page(400, invalidLinkPage());
  // The secretary's form offers the body's people and the partners as owners of action items.
  const owners = view.role === 'minutes' ? await possibleOwners(meetingDeps(), view.meeting) : { people: [], orgs: [] };
  const docs = await listDocuments(documentRecords(), { kind: 'meeting', id: view.meeting.id });
  const files = docs.map((d) => ({ part: d.owner.part, name: d.fileName, href: `/m/${token}/documents/${d.id}` }));
  return page(view.errors ? 400 : 200, meetingPage({ ...view, action: `/m/${token}`, ...owners, files }));
}

async function handle(event: HttpEvent): Promise<HttpResult> {
  const token = event.pathParameters?.token ?? '';
  return linkPage(
    event,
    async () => render(await openMeetingLink(meetingDeps(), token), token),
    async () => render(await submitMeetingForm(meetingDeps(), token, formBody(event)), token),
  );
}

export const handler = middy<HttpEvent, HttpResult>()
  .use(linkPageErrors())
  .use(unavailablePages(unavailablePage))
  .handler(handle);
