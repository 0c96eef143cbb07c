/**
 * Adding files through a person's own link: a partner's delivery in an input round (their
 * organisation's part, `org-<id>`), the secretary's presentations with the minutes (the meeting's
 * `minutes` part). The page shows that part's files and, while it may, an upload form whose way back
 * (`…/documents/done`) accepts only a ticket for that same part; so one link can never add to, or
 * open, another's files.
 */
import { inputRoundDeps, partnerOfLink } from '../input-round';
import { meetingDeps, meetingOfLink } from '../meeting';
import { config } from '../../platform/config';
import type { HttpEvent, HttpResult } from '../../platform/http';
import { documentDeps } from './deps';
import type { Owner, UploadRefusal } from './document';
import { linkUploadPage } from './link-upload-page';
import { refusalMessage } from './texts';
import { confirmUpload, listDocuments, ownerOf, prepareUpload } from './use-cases';

export interface LinkPart {
  who: 'partner' | 'secretary';
  /** `/u/{token}` or `/m/{token}`. */
  base: string;
  owner: Owner;
  personId: string;
  lang: 'nl' | 'en';
  title: string;
  request?: string;
  /** Whether files may still be added. */
  open: boolean;
}

/** The partner behind an input-round link, and the part of the round that is theirs. */
export async function partnerPart(token: string): Promise<LinkPart | null> {
  const p = await partnerOfLink(inputRoundDeps(), token);
  if (!p) return null;
  const owner = ownerOf('input-round', p.round.id, `org-${p.organisationId}`);
  const { round, person } = p;
  return {
    who: 'partner',
    base: `/u/${token}`,
    owner,
    personId: person.id,
    lang: person.lang,
    ...words(round, p.open),
  };
}
const words = (round: { title: string; request: string }, open: boolean) => ({
  title: round.title,
  request: round.request,
  open,
});

/** The secretary behind a meeting link (their minutes link): the minutes' part, until the meeting is closed. */
export async function secretaryPart(token: string): Promise<LinkPart | null> {
  const link = await meetingOfLink(meetingDeps(), token);
  if (!link || link.role !== 'minutes') return null;
  const { meeting, person } = link;
  return {
    who: 'secretary',
    base: `/m/${token}`,
    owner: ownerOf('meeting', meeting.id, 'minutes'),
    personId: person.id,
    lang: person.lang,
    title: meeting.title,
    open: meeting.status === 'open',
  };
}

const REFUSALS: readonly string[] = ['missing', 'type', 'too-big', 'empty', 'bytes'];

export async function uploadPage(part: LinkPart, event: HttpEvent): Promise<HttpResult> {
  const deps = documentDeps();
  const back = (ticket: string) =>
    `${config().publicBaseUrl}${part.base}/documents/done?ticket=${encodeURIComponent(ticket)}`;
  const [docs, upload] = await Promise.all([
    listDocuments(deps, part.owner, part.owner.part),
    part.open ? prepareUpload(deps, part.owner, part.personId, back) : undefined,
  ]);
  const q = event.queryStringParameters ?? {};
  const refused = REFUSALS.includes(q.refused ?? '') ? (q.refused as UploadRefusal) : undefined;
  return linkUploadPage({
    who: part.who,
    base: part.base,
    lang: part.lang,
    roundTitle: part.title,
    request: part.request,
    docs,
    form: upload?.form,
    added: q.added === '1',
    refused: refused && refusalMessage(refused, part.lang),
  });
}

export async function uploadDone(part: LinkPart, event: HttpEvent): Promise<HttpResult> {
  const result = await confirmUpload(documentDeps(), event.queryStringParameters?.ticket ?? '', part.owner);
  const query = result.kind === 'refused' ? `refused=${result.reason}` : 'added=1';
  return {
    statusCode: 303,
    headers: { location: `${part.base}/documents?${query}`, 'cache-control': 'no-store' },
    body: '',
  };
}
