/**
 * The frame of the public consultation pages: the same plain layout and type size as the other
 * public pages (/cycli, /actielijnen), with the form's styles, a link to the page in the other language.
 */
import { type Child, renderDocument, trusted } from '../../platform/jsx';
import type { Lang } from '../../platform/time';
import { accountabilityLink } from '../public-page';

const STYLE =
  'body{font-family:Arial,sans-serif;font-size:18px;line-height:1.5;max-width:44rem;margin:0 auto;padding:1rem;' +
  'color:#1a1a1a}li{margin:.5rem 0}h1{font-size:1.5rem}section{border-top:1px solid #767676;margin-top:1.5rem}' +
  'label{display:block;margin:.75rem 0 .25rem;font-weight:bold}.hint{display:block;font-weight:normal;color:#4a4a4a}' +
  'input[type=text],input[type=email],textarea{width:100%;box-sizing:border-box;font-size:1rem;padding:.5rem;' +
  'border:1px solid #555}textarea{min-height:10rem}fieldset{border:1px solid #767676;padding:1rem;margin:1rem 0}' +
  '.check{display:flex;gap:.5rem;align-items:flex-start;font-weight:normal}.check input{width:1.5rem;height:1.5rem}' +
  'button{font-size:1.1rem;padding:.75rem 1.5rem;background:#00549f;color:#fff;border:0;border-radius:4px}' +
  '.error{color:#b00020;font-weight:bold}.errors{border:3px solid #b00020;padding:.75rem}' +
  '.notice{background:#f3f3f3;border-left:4px solid #00549f;padding:.75rem}.pre{white-space:pre-line}' +
  '.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}' +
  'a:focus,input:focus,textarea:focus,button:focus{outline:3px solid #ffbf47;outline-offset:2px}';

export function publicFrame(lang: Lang, title: string, body: Child, otherLangHref: string): string {
  const other = lang === 'nl' ? 'en' : 'nl';
  return renderDocument(
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <title>{title}</title>
        <style>{trusted(STYLE)}</style>
      </head>
      <body>
        <main>
          {body}
          <p>
            <a href={lang === 'en' ? '/verantwoording?lang=en' : '/verantwoording'}>{accountabilityLink[lang]}</a>
          </p>
          <p>
            <a href={otherLangHref} lang={other}>
              {lang === 'nl' ? 'English' : 'Nederlands'}
            </a>
          </p>
        </main>
      </body>
    </html>,
  );
}
