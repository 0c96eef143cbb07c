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

const words = {
  nl: {
    invalidTitle: 'Deze link klopt niet',
    invalid:
      'Deze link is niet (meer) geldig. Misschien is hij niet helemaal gekopieerd. ' +
      'Open de link opnieuw vanuit de e-mail, of neem contact op met het programmabureau.',
    problem: 'Er ging iets mis aan onze kant. Probeer het later nog eens.',
  },
  en: {
    invalidTitle: 'This link is not valid',
    invalid:
      'This link is not (or no longer) valid. It may not have been copied completely. ' +
      'Open it again from the email, or contact the programme office.',
    problem: 'Something went wrong on our side. Please try again later.',
  },
};

/** For links we cannot read we do not know the person's language: Dutch first, then English. */
export function invalidLinkPage(): string {
  return linkPage(
    'nl',
    words.nl.invalidTitle,
    <>
      <h1>{words.nl.invalidTitle}</h1>
      <p>{words.nl.invalid}</p>
      <hr />
      <h2 lang="en">{words.en.invalidTitle}</h2>
      <p lang="en">{words.en.invalid}</p>
    </>,
  );
}

export function problemPage(): string {
  return linkPage(
    'nl',
    'Er ging iets mis',
    <>
      <h1>Er ging iets mis</h1>
      <p>{words.nl.problem}</p>
      <hr />
      <p lang="en">{words.en.problem}</p>
    </>,
  );
}
