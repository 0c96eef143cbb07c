/**
 * The shape every flow's personal email shares: greeting, lines, one link (optional), signature; text and HTML.
 * Mail to the office has no greeting and says it was sent by the system.
 */
import { EmailButton, Lines, renderEmail } from './ui/email';
import type { EmailContent, Recipient } from './email';

export interface EmailWords {
  hello: (name: string) => string;
  sign: string;
  linkLine: string;
  personal: string;
}

/** A person, or the programme office itself (its own copies and notices). */
export type FlowRecipient = Recipient & { office?: boolean };

/** Mail to the office's own address: the office is not greeted and signed as if it wrote to itself. */
export const OFFICE: FlowRecipient = { name: '', lang: 'nl', office: true };

export const systemSign: Record<Recipient['lang'], string> = {
  nl: 'Dit bericht is automatisch verstuurd door Alliantiecyclus.',
  en: 'This message was sent automatically by Alliantiecyclus.',
};

export function linkEmail(
  m: EmailWords,
  to: FlowRecipient,
  subject: string,
  lines: string[],
  link?: string,
): EmailContent {
  const hello = to.office ? [] : [m.hello(to.name), ''];
  const sign = to.office ? systemSign[to.lang] : m.sign;
  const text = [...hello, ...lines, ...(link ? ['', m.linkLine, link, '', m.personal] : []), '', sign].join('\n');
  const html = renderEmail(
    <>
      {to.office ? null : <p>{m.hello(to.name)}</p>}
      {lines.map((l) => (
        <p>{l}</p>
      ))}
      {link ? (
        <>
          <p>{m.linkLine}</p>
          <p>
            <EmailButton href={link} label={m.linkLine.replace(':', '')} />
          </p>
          <p style="font-size:14px;color:#555">{m.personal}</p>
        </>
      ) : null}
      <p>
        <Lines text={sign} />
      </p>
    </>,
  );
  return { subject, text, html };
}
