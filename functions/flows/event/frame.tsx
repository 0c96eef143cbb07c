/**
 * The frame of the public event pages: the plain layout and type size of the other public pages,
 * form styles of the link pages, no scripts, the page in the other language one link away.
 */
import { type Child, type Markup, renderDocument, trusted } from '../../platform/jsx';
import type { Lang } from '../../platform/time';
import type { PublicEvent } from './event';
import { pageWords } from './page-texts';
import { kindName } from './texts';
import { formatDateTime } from '../../platform/time';
import { accountabilityLink } from '../public-page';

const STYLE =
  'body{font-family:Arial,sans-serif;font-size:18px;line-height:1.5;max-width:44rem;margin:0 auto;padding:1rem;' +
  'color:#1a1a1a}h1{font-size:1.5rem}li{margin:.5rem 0}section,article{border-top:1px solid #767676;margin-top:1.5rem}' +
  'fieldset{border:1px solid #767676;padding:1rem;margin:1rem 0}label{display:block;margin:.75rem 0 .25rem}' +
  'input[type=text],input[type=email],select{font-size:1rem;padding:.4rem;width:100%;max-width:24rem;box-sizing:border-box}' +
  '.check label{display:inline;margin-left:.4rem}.check{margin:.5rem 0}.hint{display:block;color:#555;font-size:1rem}' +
  'button{font-size:1.1rem;padding:.75rem 1.5rem;background:#00549f;color:#fff;border:0;border-radius:4px;cursor:pointer}' +
  '.notice{background:#f3f3f3;border-left:4px solid #00549f;padding:.75rem}.error{color:#b00020;font-weight:bold;display:block}' +
  'a{color:#00549f}dt{font-weight:bold}dd{margin:0 0 .5rem}';

export function eventFrame(lang: Lang, title: string, self: string, body: Markup, robots = false): string {
  const w = pageWords[lang];
  const other = lang === 'nl' ? 'en' : 'nl';
  return renderDocument(
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        {robots ? <meta name="robots" content="noindex" /> : null}
        <title>{title}</title>
        <style>{trusted(STYLE)}</style>
      </head>
      <body>
        <main>
          {body}
          <p>
            <a href={lang === 'en' ? '/bijeenkomsten?lang=en' : '/bijeenkomsten'}>{w.back}</a>
          </p>
          <p>
            <a href={lang === 'en' ? '/verantwoording?lang=en' : '/verantwoording'}>{accountabilityLink[lang]}</a>
          </p>
          <p>
            <a href={`${self}?lang=${other}`} lang={other}>
              {w.other}
            </a>
          </p>
        </main>
      </body>
    </html>,
  );
}

/** When, where, what: the facts of an event as a definition list. */
export function EventFacts(p: { e: PublicEvent; lang: Lang }): Markup {
  const w = pageWords[p.lang];
  const rows: [string, Child][] = [
    [w.when, formatDateTime(p.e.start, p.lang)],
    [w.where, `${p.e.place}, ${p.e.address}`],
    [w.theme, p.e.theme],
    [w.access, p.e.accessibility],
    [w.languages, p.e.languages.join(', ')],
  ];
  return (
    <dl>
      {rows.map(([k, v]) => (
        <>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </>
      ))}
    </dl>
  );
}

export const eventHeading = (e: PublicEvent, lang: Lang) => `${kindName[lang][e.kind]}: ${e.title}`;
