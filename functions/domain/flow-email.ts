/** The shape every flow's personal email shares: greeting, lines, one link (optional), signature; text and HTML. */
import { html, raw } from './html';
import type { EmailContent, Recipient } from './round-emails';

export interface EmailWords { hello: (name: string) => string; sign: string; linkLine: string; personal: string }

export function linkEmail(m: EmailWords, to: Recipient, subject: string, lines: string[], link?: string): EmailContent {
  const text = [m.hello(to.name), '', ...lines, ...(link ? ['', m.linkLine, link, '', m.personal] : []), '', m.sign].join('\n');
  const body = html`<!doctype html><html><body style="font-family:Arial,sans-serif;font-size:16px;line-height:1.5;max-width:600px"><p>${m.hello(to.name)}</p>${lines.map((l) => html`<p>${l}</p>`)}
${link ? html`<p>${m.linkLine}</p><p><a href="${link}" style="display:inline-block;padding:12px 20px;background:#00549f;color:#fff;text-decoration:none;border-radius:4px">${m.linkLine.replace(':', '')}</a></p><p style="font-size:14px;color:#555">${m.personal}</p>` : ''}<p>${raw(m.sign.replace('\n', '<br>'))}</p></body></html>`;
  return { subject, text, html: body.value };
}
