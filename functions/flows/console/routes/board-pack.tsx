/**
 * A meeting's board pack (vergaderstukken): the agenda in order with each line's documents, and the
 * minutes' presentations, on one page made to print (documents.css hides the navigation on paper).
 * Each document's link opens a fresh short-lived S3 link through the console.
 */
import { boardPackLink, type DocumentRecord, documentDeps, listDocuments } from '../../document';
import { formatDateTime, isoDate, zoned } from '../../../platform/time';
import { documentWords, sizeText } from '../document-words';
import { type Handler, htmlReply } from '../http';
import { consolePage } from '../ui';
import { meetingParts, readMeeting } from './documents';

function FileList(p: { docs: DocumentRecord[]; meetingId: string; none: string; size: (n: number) => string }) {
  if (p.docs.length === 0) return <p class="muted">{p.none}</p>;
  return (
    <ul>
      {p.docs.map((d) => (
        <li>
          <a href={`/console/meetings/${p.meetingId}/documents/${d.id}`}>{d.fileName}</a> ({p.size(d.size)})
        </li>
      ))}
    </ul>
  );
}

export const boardPack: Handler = async (req) => {
  const w = documentWords[req.ctx.lang];
  const meeting = await readMeeting(req.params.id);
  const docs = await listDocuments(documentDeps(), { kind: 'meeting', id: meeting.id });
  const { lines, minutes } = meetingParts(meeting, req.ctx.lang);
  const size = (n: number) => sizeText(w, n);
  const of = (part: string) => docs.filter((d) => d.owner.part === part);
  const title = w.boardPackTitle(meeting.title);
  const body = (
    <article class="board-pack">
      <h1>{title}</h1>
      <p>
        <strong>{w.when}:</strong> {formatDateTime(meeting.start, req.ctx.lang)}
      </p>
      {meeting.location ? (
        <p>
          <strong>{w.where}:</strong> {meeting.location}
        </p>
      ) : null}
      <p class="no-print">{w.boardPackIntro}</p>
      <p class="no-print">{w.print}</p>
      {docs.length ? (
        <p class="no-print">
          <a class="button" href={`/console/meetings/${meeting.id}/board-pack.zip`}>
            {w.downloadAll}
          </a>
        </p>
      ) : null}
      <h2>{w.agenda}</h2>
      <ol class="agenda">
        {lines.map((l) => (
          <li>
            <h3>{l.title}</h3>
            <FileList docs={of(l.part)} meetingId={meeting.id} none={w.noFiles} size={size} />
          </li>
        ))}
      </ol>
      {of(minutes.part).length ? (
        <>
          <h2>{minutes.title}</h2>
          <FileList docs={of(minutes.part)} meetingId={meeting.id} none={w.noFiles} size={size} />
        </>
      ) : null}
      <p class="no-print">
        <a href={`/console/meetings/${meeting.id}/documents`}>{w.documents}</a>
      </p>
    </article>
  );
  return htmlReply(200, consolePage(req.ctx, 'none', title, body));
};

/** Every document of the meeting in one ZIP, by agenda line: a redirect to a short-lived link to it. */
export const boardPackZip: Handler = async (req) => {
  const w = documentWords[req.ctx.lang];
  const meeting = await readMeeting(req.params.id);
  const deps = documentDeps();
  const docs = await listDocuments(deps, { kind: 'meeting', id: meeting.id });
  const { lines, minutes } = meetingParts(meeting, req.ctx.lang);
  const date = isoDate(zoned(meeting.start));
  const url = await boardPackLink(deps, { ...meeting, date }, [...lines, minutes], docs, w.packTooBig);
  return { status: 302, body: '', location: url };
};
