/**
 * The two emails of a consultation, to those who asked for them with their answer: what we heard
 * (the summary) and, later, what we did with it. Plain words, the text whole in the email (no login
 * needed), and the public page's address. No personal link: the page is the same for everyone.
 */
import type { Answer, Consultation, Publication } from './consultation';
import { consultationWords } from './texts';
import type { EmailContent } from '../../engine/email';
import { Lines, renderEmail } from '../../engine/ui/email';

export type PublicationKind = 'summary' | 'outcome';

export function publicationEmail(
  c: Consultation,
  kind: PublicationKind,
  pub: Publication,
  to: Pick<Answer, 'name' | 'lang'>,
  pageUrl: string,
): EmailContent {
  const m = consultationWords[to.lang].mail;
  const subject = kind === 'summary' ? m.summarySubject(c.title) : m.outcomeSubject(c.title);
  const intro = kind === 'summary' ? m.summaryIntro(c.title) : m.outcomeIntro(c.title);
  const hello = to.name ? (to.lang === 'nl' ? `Beste ${to.name},` : `Dear ${to.name},`) : m.hello;
  const links = kind === 'outcome' ? (c.outcome?.links ?? []) : [];
  const text = [
    hello,
    '',
    intro,
    '',
    pub.text,
    ...links.map((l) => `- ${l.title}: ${l.url}`),
    '',
    m.page,
    pageUrl,
    '',
    m.why,
    '',
    m.sign,
  ].join('\n');
  const html = renderEmail(
    <>
      <p>{hello}</p>
      <p>{intro}</p>
      <p>
        <Lines text={pub.text} />
      </p>
      {links.length ? (
        <ul>
          {links.map((l) => (
            <li>
              <a href={l.url}>{l.title}</a>
            </li>
          ))}
        </ul>
      ) : null}
      <p>
        {m.page} <a href={pageUrl}>{pageUrl}</a>
      </p>
      <p style="font-size:14px;color:#555">{m.why}</p>
      <p>
        <Lines text={m.sign} />
      </p>
    </>,
  );
  return { subject, text, html };
}
