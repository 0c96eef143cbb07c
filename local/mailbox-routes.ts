/** The mailbox page's routes in local mode (`/local/mailbox…`), answered by local/http-server.ts. */
import type { Server } from 'node:http';
import { listMail, type MailSearch, readMail } from './mailbox-view';
import {
  BODY_CSP,
  MAILBOX_PATH,
  PAGE_CSP,
  framedHtml,
  mailboxListPage,
  mailboxMessagePage,
  mailboxNotFoundPage,
} from './mailbox-page';

export interface LocalReply {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

const HTML = 'text/html; charset=utf-8';
const pageHeaders = {
  'content-type': HTML,
  'content-security-policy': PAGE_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

/** What was searched, at most 200 characters a field: a long query is cut, never an error. */
function searchOf(q: URLSearchParams): MailSearch {
  const field = (name: string) => q.get(name)?.trim().slice(0, 200) || undefined;
  const page = Number(q.get('pagina') ?? '1');
  return { to: field('aan'), subject: field('onderwerp'), page: Number.isFinite(page) ? page : 1 };
}

const notFound = (): LocalReply => ({ status: 404, headers: pageHeaders, body: mailboxNotFoundPage() });

export async function mailboxRoute(method: string, url: URL): Promise<LocalReply | null> {
  if (url.pathname !== MAILBOX_PATH && !url.pathname.startsWith(`${MAILBOX_PATH}/`)) return null;
  if (method !== 'GET' && method !== 'HEAD')
    return { status: 405, headers: { ...pageHeaders, allow: 'GET, HEAD' }, body: 'Alleen lezen: GET.' };
  const search = searchOf(url.searchParams);
  if (url.pathname === MAILBOX_PATH)
    return { status: 200, headers: pageHeaders, body: mailboxListPage(listMail(search), search) };
  const [id, part, n, ...rest] = url.pathname.slice(MAILBOX_PATH.length + 1).split('/');
  let key: string;
  try {
    key = decodeURIComponent(id);
  } catch {
    return notFound();
  }
  const mail = rest.length ? undefined : await readMail(key);
  if (!mail) return notFound();
  if (part === undefined) return { status: 200, headers: pageHeaders, body: mailboxMessagePage(mail, search) };
  if (part === 'html' && n === undefined && mail.html) {
    const headers = { ...pageHeaders, 'content-security-policy': BODY_CSP, 'x-frame-options': 'SAMEORIGIN' };
    return { status: 200, headers, body: framedHtml(mail.html) };
  }
  const file = part === 'bijlage' && /^[1-9]\d{0,3}$/.test(n ?? '') ? mail.files[Number(n) - 1] : undefined;
  if (!file) return notFound();
  return {
    status: 200,
    headers: {
      // A download, never shown here: whatever its type, the browser saves it.
      'content-type': /^[\w.+-]+\/[\w.+-]+$/.test(file.contentType) ? file.contentType : 'application/octet-stream',
      'content-disposition': `attachment; filename="${file.filename.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      'content-security-policy': "default-src 'none'; sandbox",
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    },
    body: file.content,
  };
}

/**
 * The stand-in's own viewer writes each email's HTML into its page as it is (an `onerror` in a
 * message would run there), so its start page now leads to ours. Its API and `/store` stay as they are.
 */
export function replaceViewer(server: Server, target: () => string): void {
  const handlers = server.listeners('request') as ((...args: unknown[]) => void)[];
  server.removeAllListeners('request');
  server.on('request', (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if ((req.method === 'GET' || req.method === 'HEAD') && (path === '/' || path === '/index.html')) {
      res.writeHead(302, { location: target() });
      res.end();
      return;
    }
    for (const h of handlers) h.call(server, req, res);
  });
}
