/** The frame of every page behind a personal link, and the two pages that need no flow. */
import { type Markup, renderDocument, trusted } from '../platform/jsx';
import type { Lang } from '../platform/time';

const STYLE = [
  'body{font-family:Arial,sans-serif;font-size:18px;line-height:1.5;color:#1a1a1a;max-width:40rem;margin:0 auto;',
  'padding:1rem}h1{font-size:1.5rem}fieldset{border:1px solid #767676;padding:1rem}label{display:block;',
  'margin:.5rem 0}textarea{width:100%;font-size:1rem}button{font-size:1.1rem;padding:.75rem 1.5rem;',
  'background:#00549f;color:#fff;border:0;border-radius:4px;cursor:pointer}.notice{background:#f3f3f3;',
  'border-left:4px solid #00549f;padding:.75rem}.error{color:#b00020;font-weight:bold}',
].join('');

/** The frame of every page behind a personal link: plain HTML, no scripts, not for search engines. */
export function LinkPage(p: { lang: Lang; title: string; children: Markup | Markup[] }) {
  return (
    <html lang={p.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{p.title}</title>
        <style>{trusted(STYLE)}</style>
      </head>
      <body>
        <main>{p.children}</main>
      </body>
    </html>
  );
}

/** A whole page behind a personal link, as the string a handler returns. */
export function linkPage(lang: Lang, title: string, body: Markup): string {
  return renderDocument(
    <LinkPage lang={lang} title={title}>
      {body}
    </LinkPage>,
  );
}

interface Notice {
  title: string;
  text: string;
}

/** Pages without a flow cannot know the person's language: Dutch first, then English. */
function bilingualPage(nl: Notice, en: Partial<Notice> & { text: string }): string {
  return linkPage(
    'nl',
    nl.title,
    <>
      <h1>{nl.title}</h1>
      <p>{nl.text}</p>
      <hr />
      {en.title ? <h2 lang="en">{en.title}</h2> : null}
      <p lang="en">{en.text}</p>
    </>,
  );
}

export const invalidLinkPage = () =>
  bilingualPage(
    {
      title: 'Deze link klopt niet',
      text:
        'Deze link is niet (meer) geldig. Misschien is hij niet helemaal gekopieerd. ' +
        'Open de link opnieuw vanuit de e-mail, of neem contact op met het programmabureau.',
    },
    {
      title: 'This link is not valid',
      text:
        'This link is not (or no longer) valid. It may not have been copied completely. ' +
        'Open it again from the email, or contact the programme office.',
    },
  );

export const problemPage = () =>
  bilingualPage(
    { title: 'Er ging iets mis', text: 'Er ging iets mis aan onze kant. Probeer het later nog eens.' },
    { text: 'Something went wrong on our side. Please try again later.' },
  );

/** While a store or the mail cannot be reached (503); the error map cannot know the language either. */
export const unavailablePage = () =>
  bilingualPage(
    {
      title: 'Even niet bereikbaar',
      text:
        'Een deel van ons systeem is op dit moment niet bereikbaar. ' +
        'Probeer het over een minuut opnieuw met dezelfde link.',
    },
    {
      title: 'Briefly unavailable',
      text: 'Part of our system cannot be reached right now. Please try again in a minute with the same link.',
    },
  );
