/**
 * The local mailbox page (/local/mailbox), for a person trying the product: every email the product
 * sent, newest first, searched by recipient and subject, one message at a time with its links and
 * attachments. An email's HTML is never part of this page: it is served on its own (`/html`) under a
 * CSP sandbox and shown in a sandboxed iframe, so whatever it holds cannot run script here.
 */
import { renderDocument, trusted, type Markup } from '../functions/platform/jsx';
import { formatDateTime } from '../functions/platform/time';
import type { MailMessage, MailSearch, MailSummary } from './mailbox-view';

export const MAILBOX_PATH = '/local/mailbox';

const STYLE = [
  'body{font-family:Arial,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;line-height:1.5;color:#1a1a1a}',
  'a{color:#0b4f8a}a:focus,button:focus,input:focus{outline:3px solid #f9a800;outline-offset:2px}',
  'form.search{display:flex;flex-wrap:wrap;gap:.75rem;align-items:flex-end;margin:1rem 0}',
  'form.search label{display:flex;flex-direction:column;font-weight:bold}',
  'input,button{font-size:1rem;padding:.4rem .6rem}',
  'ol.mail{list-style:none;padding:0;margin:0}ol.mail li{border-top:1px solid #ccc;padding:.6rem 0}',
  '.meta{color:#4a4a4a;font-size:.95rem}.subject{font-weight:bold;overflow-wrap:anywhere}',
  'nav.pages{display:flex;gap:1rem;margin:1rem 0;align-items:center}',
  'dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dd{margin:0;overflow-wrap:anywhere}',
  'ul.links li{overflow-wrap:anywhere;margin:.2rem 0}',
  'iframe{width:100%;height:32rem;border:1px solid #999;background:#fff}',
  'pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f3f3f3;padding:.75rem}',
].join('');

/** Our pages run no script at all and take frames only from here (the email's HTML). */
export const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/**
 * An email's HTML on its own: sandboxed (no script, an opaque origin), nothing fetched but inline
 * styles and images in the message itself; links open in a new tab, outside the sandbox.
 */
export const BODY_CSP =
  "sandbox allow-popups allow-popups-to-escape-sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'";

function page(title: string, body: Markup): string {
  return renderDocument(
    <html lang="nl">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <title>{title} — Alliantiecyclus (lokaal)</title>
        <style>{trusted(STYLE)}</style>
      </head>
      <body>
        <main>{body}</main>
      </body>
    </html>,
  );
}

/** The list's address with its search kept, at page `n`. */
export function listHref(search: MailSearch, n = 1): string {
  const q = new URLSearchParams();
  if (search.to) q.set('aan', search.to);
  if (search.subject) q.set('onderwerp', search.subject);
  if (n > 1) q.set('pagina', String(n));
  const s = q.toString();
  return s ? `${MAILBOX_PATH}?${s}` : MAILBOX_PATH;
}

const messageHref = (id: string, search: MailSearch) => {
  const back = listHref(search).slice(MAILBOX_PATH.length);
  return `${MAILBOX_PATH}/${encodeURIComponent(id)}${back}`;
};

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function Line(p: { mail: MailSummary; search: MailSearch }) {
  const m = p.mail;
  return (
    <li>
      <a class="subject" href={messageHref(m.id, p.search)}>
        {m.subject || '(geen onderwerp)'}
      </a>
      <div class="meta">
        Aan {m.to.join(', ')} · {formatDateTime(m.sentAt, 'nl')}
        {m.attachments ? ` · ${count(m.attachments, 'bijlage', 'bijlagen')}` : ''}
      </div>
    </li>
  );
}

export function mailboxListPage(
  list: { items: MailSummary[]; total: number; page: number; pages: number },
  search: MailSearch,
): string {
  const searching = Boolean(search.to || search.subject);
  const found = searching
    ? count(list.total, 'bericht gevonden', 'berichten gevonden')
    : count(list.total, 'bericht', 'berichten');
  return page(
    'Mailbox',
    <>
      <p>
        <a href="/">Terug naar de startpagina</a>
      </p>
      <h1>Mailbox</h1>
      <p>Alle e-mail die de Alliantiecyclus lokaal verstuurde, de nieuwste eerst. Er gaat niets echt de deur uit.</p>
      <form class="search" method="get" action={MAILBOX_PATH} role="search">
        <label>
          Ontvanger
          <input type="search" name="aan" value={search.to ?? ''} autocomplete="off" />
        </label>
        <label>
          Onderwerp
          <input type="search" name="onderwerp" value={search.subject ?? ''} autocomplete="off" />
        </label>
        <button type="submit">Zoeken</button>
        {searching ? <a href={MAILBOX_PATH}>Alles tonen</a> : null}
      </form>
      <p role="status">{found}</p>
      {list.items.length ? (
        <ol class="mail">
          {list.items.map((m) => (
            <Line mail={m} search={search} />
          ))}
        </ol>
      ) : (
        <p>{searching ? 'Geen berichten die hierbij passen.' : 'Er is nog geen e-mail verstuurd.'}</p>
      )}
      {list.pages > 1 ? (
        <nav class="pages" aria-label="Pagina's">
          {list.page > 1 ? <a href={listHref(search, list.page - 1)}>Vorige pagina</a> : null}
          <span>
            Pagina {list.page} van {list.pages}
          </span>
          {list.page < list.pages ? <a href={listHref(search, list.page + 1)}>Volgende pagina</a> : null}
        </nav>
      ) : null}
    </>,
  );
}

export function mailboxMessagePage(m: MailMessage, search: MailSearch): string {
  const base = `${MAILBOX_PATH}/${encodeURIComponent(m.id)}`;
  return page(
    m.subject || 'Bericht',
    <>
      <p>
        <a href={listHref(search)}>Terug naar de mailbox</a>
      </p>
      <h1>{m.subject || '(geen onderwerp)'}</h1>
      <dl>
        <dt>Van</dt>
        <dd>{m.from}</dd>
        <dt>Aan</dt>
        <dd>{m.to.join(', ')}</dd>
        {m.cc.length ? (
          <>
            <dt>Cc</dt>
            <dd>{m.cc.join(', ')}</dd>
          </>
        ) : null}
        <dt>Verstuurd</dt>
        <dd>{formatDateTime(m.sentAt, 'nl')}</dd>
      </dl>
      <h2>Links in dit bericht</h2>
      {m.links.length ? (
        <ul class="links">
          {m.links.map((l) => (
            <li>
              <a href={l}>{l}</a>
            </li>
          ))}
        </ul>
      ) : (
        <p>Dit bericht heeft geen links.</p>
      )}
      {m.files.length ? (
        <>
          <h2>Bijlagen</h2>
          <ul>
            {m.files.map((f, i) => (
              <li>
                <a href={`${base}/bijlage/${i + 1}`} download={f.filename}>
                  {f.filename}
                </a>{' '}
                ({f.contentType}, {Math.max(1, Math.round(f.content.length / 1024))} kB)
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {m.html ? (
        <>
          <h2>Het bericht zoals de ontvanger het ziet</h2>
          <iframe
            src={`${base}/html`}
            title={`Opgemaakt bericht: ${m.subject}`}
            sandbox="allow-popups allow-popups-to-escape-sandbox"
          />
        </>
      ) : null}
      <h2>Tekstversie</h2>
      {m.text ? <pre>{m.text}</pre> : <p>Dit bericht heeft geen tekstversie.</p>}
    </>,
  );
}

export function mailboxNotFoundPage(): string {
  return page(
    'Niet gevonden',
    <>
      <h1>Dit bericht bestaat niet (meer)</h1>
      <p>
        <a href={MAILBOX_PATH}>Naar de mailbox</a>
      </p>
    </>,
  );
}

/** The email's HTML for the sandboxed frame: links open outside the frame. */
export function framedHtml(html: string): string {
  const base = '<base target="_blank">';
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (h) => h + base) : base + html;
}
