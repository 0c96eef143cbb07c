/**
 * The console's document pages: a table of an owner's files and the upload form. The form posts the
 * file straight to S3 (its fields are the presigned POST's, nothing else: S3 refuses a field the
 * policy does not name, so no form secret here; the signed ticket in the way back does that work).
 * Without the script the office picks the kind of file; with it the kind and the name are filled in.
 */
import { ALLOWED_TYPES, type DocumentRecord, MAX_BYTES, type UploadForm } from '../document';
import { Hidden } from '../../engine/ui/form';
import { Table } from '../../engine/ui/table';
import type { Markup } from '../../platform/jsx';
import { formatDateTime } from '../../platform/time';
import { type DocumentWords, documentWords, sizeText } from './document-words';
import type { ConsoleContext } from './ui';

const ACCEPT = Object.values(ALLOWED_TYPES)
  .map((t) => `.${t.ext}`)
  .join(',');

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

/** One upload form; `id` keeps its fields' ids apart when a page has several (a meeting's agenda lines). */
export function UploadFormView(p: {
  ctx: ConsoleContext;
  form: UploadForm;
  id: string;
  legend: string;
  hint?: string;
}) {
  const w: DocumentWords = documentWords[p.ctx.lang];
  const lang = p.ctx.lang;
  return (
    <form method="post" action={p.form.url} enctype="multipart/form-data" class="upload" data-max={String(MAX_BYTES)}>
      <fieldset>
        <legend>{p.legend}</legend>
        {p.hint ? <p>{p.hint}</p> : null}
        {Object.entries(p.form.fields).map(([name, value]) => (
          <Hidden name={name} value={value} />
        ))}
        <input type="hidden" name="x-amz-meta-filename" value="" data-name="" />
        <label for={`${p.id}-type`}>{w.fileType}</label>
        <select id={`${p.id}-type`} name="Content-Type" data-type="">
          {Object.entries(ALLOWED_TYPES).map(([type, t]) => (
            <option value={type}>{`${t[lang]} (.${t.ext})`}</option>
          ))}
        </select>
        <label for={`${p.id}-file`}>{w.file}</label>
        <p class="hint" id={`${p.id}-hint`}>
          {w.fileHint}
        </p>
        <p class="error" id={`${p.id}-error`} data-too-big={w.tooBig} hidden />
        <input
          type="file"
          id={`${p.id}-file`}
          name="file"
          accept={ACCEPT}
          required
          aria-describedby={`${p.id}-hint ${p.id}-error`}
        />
        <p>
          <button type="submit">{w.send}</button>
        </p>
      </fieldset>
    </form>
  );
}

/** The upload forms' own script (document-assets.ts), after the forms it enhances. */
export const UploadScript = () => <script src="/console/assets/documents.js" defer />;

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
