/**
 * A whole MIME message for an email with a calendar invitation: the calendar as an alternative
 * part next to text and HTML, and the same file attached — the structure (RFC 6047) that Outlook,
 * Gmail and Apple Mail show as an invitation they can accept. Written here rather than with
 * nodemailer's composer, which brought 135 KB (mostly its MIME type table) into each meeting
 * function for one fixed message shape; mimetext and emailjs-mime-builder are larger still (see
 * docs/dependencies.md). Every line ends in CRLF (RFC 5322, RFC 2045): servers rewrite bare LFs on
 * the way and a DKIM signature can break; SES sends raw messages as they are.
 */
import { randomBytes } from 'node:crypto';
import type { OutgoingEmail } from '../../engine/ports';
import { listHeaders } from '../../engine/ses-mailer';

const CRLF = '\r\n';
const crlf = (text: string) => text.replace(/\r?\n/g, CRLF);
// Printable ASCII only; anything else in a header becomes an encoded word (RFC 2047).
const plain = (s: string) => /^[\x20-\x7e]*$/.test(s);

/** Base64 in lines of 76 characters (RFC 2045 §6.8). */
function base64Lines(content: string): string {
  return (
    Buffer.from(content, 'utf8')
      .toString('base64')
      .match(/.{1,76}/g) ?? []
  ).join(CRLF);
}

/** RFC 2047 encoded words of at most 39 bytes each (64 characters a word), each on its own folded line. */
function encodedWords(s: string): string {
  const words: string[] = [];
  let chunk = '';
  for (const ch of s) {
    if (Buffer.byteLength(chunk + ch) > 39) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w).toString('base64')}?=`).join(`${CRLF} `);
}

/** "Name <address>" with the name encoded when it is not plain ASCII; a bare address as it is. */
function address(value: string): string {
  const m = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(value);
  if (!m || !m[1]) return m ? `<${m[2]}>` : value.trim();
  const name = plain(m[1]) ? `"${m[1].replace(/["\\]/g, '\\$&')}"` : encodedWords(m[1]);
  // Folding white space before the address keeps a long encoded name within 78 columns.
  return `${name}${name.length + m[2].length > 64 ? `${CRLF} ` : ' '}<${m[2]}>`;
}

/** An unstructured header (Subject), folded at spaces below 78 columns where it is plain text. */
function unstructured(name: string, value: string): string {
  if (!plain(value)) return `${name}: ${encodedWords(value)}`;
  const lines: string[] = [];
  let line = `${name}:`;
  for (const word of value.split(' ')) {
    if (line.length + 1 + word.length > 78 && line.length > name.length + 1) {
      lines.push(line);
      line = '';
    }
    line += ` ${word}`;
  }
  lines.push(line);
  return lines.join(CRLF);
}

const boundary = () => `----=_Part_${randomBytes(12).toString('hex')}`;

function part(headers: string[], content: string): string {
  return [...headers, 'Content-Transfer-Encoding: base64', '', base64Lines(crlf(content))].join(CRLF);
}

function multipart(type: string, b: string, parts: string[]): string {
  return [
    `Content-Type: ${type};${CRLF} boundary="${b}"`,
    '',
    ...parts.map((p) => `--${b}${CRLF}${p}`),
    `--${b}--`,
    '',
  ].join(CRLF);
}

export function composeWithCalendar(from: string, email: OutgoingEmail): Promise<Buffer> {
  const { method, ics } = email.calendar!;
  const filename = method === 'CANCEL' ? 'afgelast.ics' : 'uitnodiging.ics';
  const domain = /@([^>\s]+)/.exec(from)?.[1] ?? 'localhost';
  const alternative = multipart('multipart/alternative', boundary(), [
    part(['Content-Type: text/plain; charset=utf-8'], email.text),
    part(['Content-Type: text/html; charset=utf-8'], email.html),
    part([`Content-Type: text/calendar; charset=utf-8; method=${method}`], ics),
  ]);
  const attachment = part(
    [`Content-Type: application/ics; name="${filename}"`, `Content-Disposition: attachment; filename="${filename}"`],
    ics,
  );
  const headers = [
    `From: ${address(from)}`,
    `To: ${address(email.to)}`,
    unstructured('Subject', email.subject),
    `Message-ID: <${randomBytes(16).toString('hex')}@${domain}>`,
    `Date: ${new Date().toUTCString().replace('GMT', '+0000')}`,
    'MIME-Version: 1.0',
    ...(listHeaders(email) ?? []).map((h) => `${h.Name}: ${h.Value}`),
  ];
  const message = [...headers, multipart('multipart/mixed', boundary(), [alternative, attachment])].join(CRLF);
  return Promise.resolve(Buffer.from(message, 'utf8'));
}
