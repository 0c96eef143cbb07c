/**
 * Documents from the console: a round's files and its upload form, a meeting's files per agenda line
 * (and the minutes' presentations), the way back from S3 that checks and keeps an upload, and a file
 * opened through a fresh short-lived S3 link. The upload's ticket is signed and bound to its owner,
 * so the way back (a GET, as S3 redirects) can only accept the upload that form was made for.
 */
import { loadRound, roundDeps } from '../../approval-round';
import {
  confirmUpload,
  type DocumentRecord,
  formActionFor,
  documentDeps,
  listDocuments,
  openDocument,
  type Owner,
  ownerOf,
  prepareUpload,
  refusalMessage,
  type UploadRefusal,
  UploadFormView,
  UploadScript,
} from '../../document';
import { agendaOf, DynamoMeetingStore, type Meeting, meetingWords } from '../../meeting';
import { config } from '../../../platform/config';
import { NotFoundError } from '../../../platform/errors';
import type { Markup } from '../../../platform/jsx';
import { documentWords } from '../document-words';
import { FileTable, section, UploadNotice } from '../document-pages';
import { type Handler, htmlReply, type Reply, redirect, type SignedInRequest } from '../http';
import { consolePage } from '../ui';

/** The S3 form's origin may be posted to from these pages, and no other (CSP form-action). */
export function withFormOrigin(reply: Reply, url: string): Reply {
  const csp =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
    `${formActionFor(url)}; base-uri 'none'; frame-ancestors 'none'`;
  return { ...reply, extraHeaders: { ...reply.extraHeaders, 'content-security-policy': csp } };
}

const REFUSALS: readonly string[] = ['missing', 'type', 'too-big', 'empty', 'bytes'];

function notice(req: SignedInRequest) {
  const refused = REFUSALS.includes(req.query.refused ?? '') ? (req.query.refused as UploadRefusal) : undefined;
  return (
    <UploadNotice
      ctx={req.ctx}
      added={req.query.added === '1'}
      refused={refused && refusalMessage(refused, req.ctx.lang)}
    />
  );
}

/** Where S3 sends the browser once the file is in: the ticket comes back in the address. */
const backFromS3 = (ticket: string) =>
  `${config().publicBaseUrl}/console/documents/done?ticket=${encodeURIComponent(ticket)}`;

export async function readMeeting(id: string): Promise<Meeting> {
  const meeting = await new DynamoMeetingStore(config().tableName).get(id);
  if (!meeting) throw new NotFoundError('meeting', id);
  return meeting;
}

/** Where the office sees the owner's files again (a partner's delivery: its input round). */
const ownerPage = (o: Owner) =>
  o.kind === 'round'
    ? `/console/rounds/${o.id}/documents`
    : o.kind === 'meeting'
      ? `/console/meetings/${o.id}/documents`
      : `/console/input-rounds/${o.id}`;

const roundDocuments: Handler = async (req) => {
  const w = documentWords[req.ctx.lang];
  const round = await loadRound(roundDeps(), req.params.id);
  const owner = ownerOf('round', round.id);
  const deps = documentDeps();
  const [docs, upload] = await Promise.all([
    listDocuments(deps, owner),
    prepareUpload(deps, owner, req.session.sub, backFromS3),
  ]);
  const title = w.roundFiles(round.title);
  const body = (
    <>
      <h1>{title}</h1>
      {notice(req)}
      <p>{w.forMembers}</p>
      <FileTable
        ctx={req.ctx}
        docs={docs}
        caption={title}
        href={(d) => `/console/rounds/${round.id}/documents/${d.id}`}
      />
      <UploadFormView lang={req.ctx.lang} form={upload.form} id="upload" legend={w.add} />
      <UploadScript />
      <p>
        <a href={`/console/rounds/${round.id}`}>{w.back}</a>
      </p>
    </>
  );
  return withFormOrigin(htmlReply(200, consolePage(req.ctx, 'rounds', title, body)), upload.form.url);
};

/** Each agenda line by its name, as the meeting's pages name it, and the minutes. */
export function meetingParts(m: Meeting, lang: SignedInRequest['ctx']['lang']) {
  const standing = meetingWords[lang].standing;
  const lines = agendaOf(m).map((l) => ({
    part: `item-${l.id}`,
    title: l.item ? l.item.title : (standing[l.standing ?? ''] ?? l.id),
  }));
  return { lines, minutes: { part: 'minutes', title: documentWords[lang].minutes } };
}

const byPart = (docs: DocumentRecord[], part: string) => docs.filter((d) => d.owner.part === part);

const meetingDocuments: Handler = async (req) => {
  const w = documentWords[req.ctx.lang];
  const meeting = await readMeeting(req.params.id);
  const deps = documentDeps();
  const docs = await listDocuments(deps, { kind: 'meeting', id: meeting.id });
  const { lines, minutes } = meetingParts(meeting, req.ctx.lang);
  const parts = [...lines, minutes];
  const forms = await Promise.all(
    parts.map((p) => prepareUpload(deps, ownerOf('meeting', meeting.id, p.part), req.session.sub, backFromS3)),
  );
  const href = (d: DocumentRecord) => `/console/meetings/${meeting.id}/documents/${d.id}`;
  const title = w.meetingFiles(meeting.title);
  const blocks: Markup[] = parts.map((p, i) =>
    section(p.title, [
      <FileTable ctx={req.ctx} docs={byPart(docs, p.part)} caption={p.title} href={href} />,
      <UploadFormView
        lang={req.ctx.lang}
        form={forms[i].form}
        id={p.part}
        legend={`${w.add}: ${p.title}`}
        hint={p.part === 'minutes' ? w.minutesHint : undefined}
      />,
    ]),
  );
  const body = (
    <>
      <h1>{title}</h1>
      {notice(req)}
      <p>
        <a href={`/console/meetings/${meeting.id}/board-pack`}>{w.boardPack}</a>
      </p>
      {blocks}
      <UploadScript />
    </>
  );
  return withFormOrigin(htmlReply(200, consolePage(req.ctx, 'none', title, body)), forms[0].form.url);
};

const done: Handler = async (req) => {
  const result = await confirmUpload(documentDeps(), req.query.ticket ?? '');
  if (result.kind === 'refused') return redirect(`${ownerPage(result.owner)}?refused=${result.reason}`);
  return redirect(`${ownerPage(result.document.owner)}?added=1`);
};

const open =
  (kind: 'round' | 'meeting'): Handler =>
  async (req) => {
    const url = await openDocument(documentDeps(), ownerOf(kind, req.params.id), req.params.docId);
    return { status: 302, body: '', location: url };
  };

export const documentRoutes = {
  'GET /console/rounds/{id}/documents': roundDocuments,
  'GET /console/rounds/{id}/documents/{docId}': open('round'),
  'GET /console/meetings/{id}/documents': meetingDocuments,
  'GET /console/meetings/{id}/documents/{docId}': open('meeting'),
  'GET /console/documents/done': done,
} as const satisfies Record<string, Handler>;
