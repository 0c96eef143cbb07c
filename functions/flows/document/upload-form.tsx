/**
 * The upload form, for the console and for a partner's page: it posts the file straight to S3. Its
 * fields are the presigned POST's and nothing else (S3 refuses a field its policy does not name, so
 * no form secret: the signed ticket in the way back does that work). Without the script
 * (/console/assets/documents.js) the person picks the kind of file; with it kind and name fill in.
 */
import { Hidden } from '../../engine/ui/form';
import type { Lang } from '../../platform/time';
import { ALLOWED_TYPES, MAX_BYTES } from './document';
import type { UploadForm } from './files';

const ACCEPT = Object.values(ALLOWED_TYPES)
  .map((t) => `.${t.ext}`)
  .join(',');

const words = {
  nl: {
    fileType: 'Soort bestand',
    file: 'Bestand',
    fileHint:
      'PDF, Word, Excel, PowerPoint of een afbeelding; tot 25 MB. De naam van het bestand ziet iedereen die het krijgt.',
    send: 'Bestand toevoegen',
    tooBig: 'Dit bestand is groter dan 25 MB.',
  },
  en: {
    fileType: 'Kind of file',
    file: 'File',
    fileHint: 'PDF, Word, Excel, PowerPoint or an image; up to 25 MB. Everyone who gets the file sees its name.',
    send: 'Add file',
    tooBig: 'This file is larger than 25 MB.',
  },
};

/** One upload form; `id` keeps its fields' ids apart when a page has several (a meeting's agenda lines). */
export function UploadFormView(p: { lang: Lang; form: UploadForm; id: string; legend: string; hint?: string }) {
  const w = words[p.lang];
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
            <option value={type}>{`${t[p.lang]} (.${t.ext})`}</option>
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

/** The upload forms' own script, after the forms it enhances (served by the console, 'self' everywhere). */
export const UploadScript = () => <script src="/console/assets/documents.js" defer />;

/** A page with upload forms may post to the bucket's origin, and to no other (CSP form-action). */
export const formActionFor = (url: string) => `form-action 'self' ${new URL(url).origin}`;
