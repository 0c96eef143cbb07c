/**
 * What the local mailbox page shows, read from the SES stand-in's store in this process: the list
 * (newest first, searched by recipient and subject, a page at a time) and one message with its parts.
 * A message the product assembled itself (a calendar invitation) is read from its raw MIME with
 * mailparser, the parser the tests already trust; the stand-in's own parts serve the others.
 */
import { simpleParser } from 'mailparser';
import store from 'aws-ses-v2-local/dist/store.js';

export const PAGE_SIZE = 25;

/** The stand-in's stored email with what ses-fidelity.ts and mailbox.ts add to it. */
type Stored = ReturnType<typeof store.getStoreReadonly>['emails'][number] & { raw?: string; sentAt?: string };

export interface MailSummary {
  id: string;
  to: string[];
  subject: string;
  /** On the local clock when the stand-in took it; older mailboxes have the real time only. */
  sentAt: string;
  attachments: number;
}

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface MailMessage extends MailSummary {
  from: string;
  cc: string[];
  text?: string;
  html?: string;
  links: string[];
  attachments: number;
  files: MailAttachment[];
}

export interface MailSearch {
  to?: string;
  subject?: string;
  page?: number;
}

const sentAt = (e: Stored) => e.sentAt ?? new Date(e.at * 1000).toISOString();

function summary(e: Stored): MailSummary {
  return {
    id: e.messageId,
    to: e.destination.to,
    subject: e.subject,
    sentAt: sentAt(e),
    attachments: e.attachments?.length ?? 0,
  };
}

const contains = (value: string, part: string | undefined) =>
  !part || value.toLocaleLowerCase('nl').includes(part.trim().toLocaleLowerCase('nl'));

/** One page of the mailbox, newest first (the store keeps the order they came in). */
export function listMail(search: MailSearch = {}): {
  items: MailSummary[];
  total: number;
  page: number;
  pages: number;
} {
  const emails = store.getStoreReadonly().emails as readonly Stored[];
  const found = [...emails]
    .reverse()
    .filter((e) => contains([...e.destination.to, ...e.destination.cc].join(' '), search.to))
    .filter((e) => contains(e.subject ?? '', search.subject));
  const pages = Math.max(1, Math.ceil(found.length / PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.trunc(search.page ?? 1) || 1), pages);
  const items = found.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map(summary);
  return { items, total: found.length, page, pages };
}

/** Every http(s) link in the text part and in the HTML's href attributes, each once, in order. */
export function linksIn(text = '', html = ''): string[] {
  const fromText = text.match(/https?:\/\/[^\s<>"')\]]+/g) ?? [];
  const fromHtml = [...html.matchAll(/href\s*=\s*["']([^"']+)["']/gi)].map((m) => m[1].replace(/&amp;/g, '&'));
  return [...new Set([...fromText, ...fromHtml])].filter((l) => /^https?:\/\//i.test(l));
}

/** A file name for a download: never a path, never a header's quote or line break. */
export function safeFileName(name: string | undefined, index: number): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base
    .replace(/[^\p{L}\p{N} ._()-]/gu, '_')
    .replace(/^\.+/, '')
    .slice(0, 100);
  return clean || `bijlage-${index + 1}`;
}

export async function readMail(id: string): Promise<MailMessage | undefined> {
  const e = (store.getStoreReadonly().emails as readonly Stored[]).find((m) => m.messageId === id);
  if (!e) return undefined;
  let { text, html } = e.body;
  let files: MailAttachment[] = (e.attachments ?? []).map((a, i) => ({
    filename: safeFileName(a.filename, i),
    contentType: a.contentType,
    content: Buffer.from(a.content, 'base64'),
  }));
  if (e.raw) {
    const parsed = await simpleParser(Buffer.from(e.raw, 'base64'));
    text = parsed.text ?? text;
    html = typeof parsed.html === 'string' ? parsed.html : html;
    files = parsed.attachments.map((a, i) => ({
      filename: safeFileName(a.filename ?? (a.contentType === 'text/calendar' ? 'uitnodiging.ics' : undefined), i),
      contentType: a.contentType,
      content: a.content,
    }));
  }
  return {
    ...summary(e),
    from: e.from,
    cc: e.destination.cc,
    text,
    html,
    links: linksIn(text, html),
    attachments: files.length,
    files,
  };
}
