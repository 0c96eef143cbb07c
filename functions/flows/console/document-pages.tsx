/**
 * The console's document pages: a table of an owner's files; the upload form itself is the documents
 * flow's (`UploadFormView`, shared with a partner's page).
 */
import { ALLOWED_TYPES, type DocumentRecord } from '../document';
import { Table } from '../../engine/ui/table';
import type { Markup } from '../../platform/jsx';
import { formatDateTime } from '../../platform/time';
import { documentWords, sizeText } from './document-words';
import type { ConsoleContext } from './ui';

export function FileTable(p: {
  ctx: ConsoleContext;
  docs: DocumentRecord[];
  href: (d: DocumentRecord) => string;
  caption: string;
}) {
  const w = documentWords[p.ctx.lang];
  if (p.docs.length === 0) return <p>{w.none}</p>;
  return (
    <Table
      caption={p.caption}
      head={[w.name, w.kind, w.size, w.uploaded]}
      rows={p.docs.map((d) => [
        <a href={p.href(d)}>{d.fileName}</a>,
        ALLOWED_TYPES[d.contentType][p.ctx.lang],
        sizeText(w, d.size),
        formatDateTime(d.uploadedAt, p.ctx.lang),
      ])}
    />
  );
}

/** What the way back from S3 said: added, or why the file was refused (and deleted). */
export function UploadNotice(p: { ctx: ConsoleContext; added?: boolean; refused?: string }) {
  if (p.refused)
    return (
      <p class="error" role="alert">
        {p.refused}
      </p>
    );
  return p.added ? (
    <p class="notice" role="status">
      {documentWords[p.ctx.lang].added}
    </p>
  ) : null;
}

export const section = (title: string, children: Markup | Markup[]) => (
  <section>
    <h2>{title}</h2>
    {children}
  </section>
);
