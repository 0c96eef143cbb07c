/**
 * A page for adding files behind a person's own link: a partner delivering a file in an input round
 * (`/u/{token}/documents`: what was asked, the files their organisation delivered) or the secretary
 * adding the presentations that go with the minutes (`/m/{token}/documents`); while it may, the upload
 * form. A link page as every other (no navigation, not indexed); its CSP adds the bucket to
 * form-action and our own script.
 */
import { linkPage } from '../../engine/page-layout';
import type { HttpResult } from '../../platform/http';
import { formatDateTime, type Lang } from '../../platform/time';
import type { DocumentRecord } from './document';
import type { UploadForm } from './files';
import { formActionFor, UploadFormView, UploadScript } from './upload-form';

const partnerWords = {
  nl: {
    title: (t: string) => `Een bestand aanleveren: ${t}`,
    delivered: 'Wat uw organisatie heeft aangeleverd',
    none: 'Nog niets.',
    add: 'Bestand aanleveren',
    closed: 'Deze uitvraag is gesloten. U kunt geen bestanden meer aanleveren.',
    back: 'Terug naar de uitvraag',
    added: 'Dank u. Het bestand is aangekomen.',
  },
  en: {
    title: (t: string) => `Deliver a file: ${t}`,
    delivered: 'What your organisation has delivered',
    none: 'Nothing yet.',
    add: 'Deliver a file',
    closed: 'This request is closed. You can no longer deliver files.',
    back: 'Back to the request',
    added: 'Thank you. The file has arrived.',
  },
};

const secretaryWords: typeof partnerWords = {
  nl: {
    title: (t: string) => `Presentaties bij het verslag: ${t}`,
    delivered: 'Presentaties bij het verslag',
    none: 'Nog geen.',
    add: 'Presentatie toevoegen',
    closed: 'Deze vergadering is afgesloten. U kunt geen bestanden meer toevoegen.',
    back: 'Terug naar de vergadering',
    added: 'Dank u. Het bestand is toegevoegd. De leden zien het bij het verslag.',
  },
  en: {
    title: (t: string) => `Presentations with the minutes: ${t}`,
    delivered: 'Presentations with the minutes',
    none: 'None yet.',
    add: 'Add a presentation',
    closed: 'This meeting is closed. You can no longer add files.',
    back: 'Back to the meeting',
    added: 'Thank you. The file has been added. Members see it with the minutes.',
  },
};

const WORDS = { partner: partnerWords, secretary: secretaryWords };

export interface LinkUploadPageModel {
  who: 'partner' | 'secretary';
  /** The link's page, `/u/{token}` or `/m/{token}`. */
  base: string;
  lang: Lang;
  roundTitle: string;
  request?: string;
  docs: DocumentRecord[];
  form?: UploadForm;
  added?: boolean;
  refused?: string;
}

export function linkUploadPage(m: LinkUploadPageModel): HttpResult {
  const w = WORDS[m.who][m.lang];
  const body = (
    <>
      <h1>{w.title(m.roundTitle)}</h1>
      {m.request ? <p>{m.request}</p> : null}
      {m.added ? (
        <p class="notice" role="status">
          {w.added}
        </p>
      ) : null}
      {m.refused ? (
        <p class="error" role="alert">
          {m.refused}
        </p>
      ) : null}
      <h2>{w.delivered}</h2>
      {m.docs.length ? (
        <ul>
          {m.docs.map((d) => (
            <li>
              <a href={`${m.base}/documents/${d.id}`} rel="noreferrer">
                {d.fileName}
              </a>{' '}
              ({formatDateTime(d.uploadedAt, m.lang)})
            </li>
          ))}
        </ul>
      ) : (
        <p>{w.none}</p>
      )}
      {m.form ? (
        <>
          <UploadFormView lang={m.lang} form={m.form} id="upload" legend={w.add} />
          <UploadScript />
        </>
      ) : (
        <p class="notice">{w.closed}</p>
      )}
      <p>
        <a href={m.base}>{w.back}</a>
      </p>
    </>
  );
  const csp = [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    "script-src 'self'",
    m.form ? formActionFor(m.form.url) : "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return {
    statusCode: 200,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'content-security-policy': csp,
    },
    body: linkPage(m.lang, w.title(m.roundTitle), body),
  };
}
