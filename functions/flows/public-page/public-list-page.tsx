/**
 * The frame of the public list pages (/cycli, /actielijnen): the same plain layout and type size as
 * a body's page, a title and a sentence on what the page is, the list or a line saying it is empty,
 * a link to the other list, and the page in the other language.
 */
import { type Child, renderDocument, trusted } from '../../platform/jsx';
import type { Lang } from '../../platform/time';

/** The link every public page has to /verantwoording, "what happened with it". */
export const accountabilityLink: Record<Lang, string> = {
  nl: 'Wat is er met uw inbreng gebeurd? Bekijk besluiten en resultaten.',
  en: 'What happened with your input? See decisions and results.',
};

const STYLE =
  'body{font-family:Arial,sans-serif;font-size:18px;line-height:1.5;max-width:44rem;margin:0 auto;padding:1rem;' +
  'color:#1a1a1a}li{margin:.75rem 0}h1{font-size:1.5rem}section{border-top:1px solid #767676;margin-top:1.5rem}';

export interface PublicListPage {
  lang: Lang;
  title: string;
  intro: string;
  /** Shown instead of the list when it is empty. */
  none: string;
  /** The other list: its path and the words of its link. */
  other: { path: string; label: string };
  /** The page's own rules on top of the shared ones. */
  style?: string;
}

export function publicListPage(p: PublicListPage, items: Child[]): string {
  const otherLang = p.lang === 'nl' ? 'en' : 'nl';
  return renderDocument(
    <html lang={p.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <title>{p.title}</title>
        <style>{trusted(STYLE + (p.style ?? ''))}</style>
      </head>
      <body>
        <main>
          <h1>{p.title}</h1>
          <p>{p.intro}</p>
          {items.length === 0 ? <p>{p.none}</p> : items}
          <p>
            <a href={p.lang === 'en' ? `${p.other.path}?lang=en` : p.other.path}>{p.other.label}</a>
          </p>
          {p.other.path === 'verantwoording.atom' ? null : (
            <p>
              <a href={`verantwoording${p.lang === 'en' ? '?lang=en' : ''}`}>{accountabilityLink[p.lang]}</a>
            </p>
          )}
          <p>
            <a href={`?lang=${otherLang}`} lang={otherLang}>
              {p.lang === 'nl' ? 'English' : 'Nederlands'}
            </a>
          </p>
        </main>
      </body>
    </html>,
  );
}
