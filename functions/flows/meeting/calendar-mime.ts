/**
 * A whole MIME message for an email with a calendar invitation, built by nodemailer's composer:
 * the calendar as an alternative part next to text and HTML, and the same file attached — the
 * structure (RFC 6047) that Outlook, Gmail and Apple Mail show as an invitation they can accept.
 * Only the meeting functions carry this (and its size) in their bundles. Every line ends in CRLF.
 */
import MailComposer from 'nodemailer/lib/mail-composer';
import type { OutgoingEmail } from '../../engine/ports';
import { listHeaders } from '../../engine/ses-mailer';

export function composeWithCalendar(from: string, email: OutgoingEmail): Promise<Buffer> {
  const { method, ics } = email.calendar!;
  return new MailComposer({
    from,
    to: email.to,
    subject: email.subject,
    text: email.text,
    html: email.html,
    // The texts are written with \n; a message must use CRLF throughout (RFC 5322, RFC 2045), or
    // servers rewrite it on the way and its DKIM signature can break. SES sends raw messages as they are.
    newline: 'windows',
    headers: listHeaders(email)?.map((h) => ({ key: h.Name, value: h.Value })),
    icalEvent: { method, filename: method === 'CANCEL' ? 'afgelast.ics' : 'uitnodiging.ics', content: ics },
  })
    .compile()
    .build();
}
