/**
 * The reminder budget's messages: several reminders combined into one email ("3 dingen wachten
 * op u"), and the footer with the link to the person's preference page that every personal
 * email carries. Dutch first, in plain language.
 */
import { render } from '../platform/jsx';
import { Lines, renderEmail } from './ui/email';
import type { EmailContent, Recipient } from './email';
import { formatDateTime, type Lang } from '../platform/time';

/** One thing waiting for the person, as the combined message lists it. */
export interface DigestLine {
  /** What it is about, e.g. the title of the request or the agreement. */
  title: string;
  /** What is asked of the person, in their language. */
  action: string;
  deadline: string;
  /** Where to act; a notice (an escalation told to the owner) may have none. */
  url?: string;
}

const words = {
  nl: {
    subject: (n: number) => `${n} dingen wachten op u`,
    hello: (name: string) => `Beste ${name},`,
    intro: (n: number) =>
      `Er wachten ${n} dingen op u. U krijgt ze samen in één bericht, zodat u niet te veel e-mail krijgt.`,
    before: (d: string) => `Vóór ${d}`,
    open: 'Openen',
    sign: 'Met vriendelijke groet,\nHet programmabureau',
    personal: 'Deze links zijn alleen voor u.',
    footer: 'Wilt u herinneringen één keer per week krijgen, of in het Engels? Kies het hier:',
    footerLink: 'Mijn instellingen voor e-mail',
  },
  en: {
    subject: (n: number) => `${n} things are waiting for you`,
    hello: (name: string) => `Dear ${name},`,
    intro: (n: number) =>
      `${n} things are waiting for you. ` +
      'You get them together in one message, so that you do not get too much email.',
    before: (d: string) => `Before ${d}`,
    open: 'Open',
    sign: 'Kind regards,\nThe programme office',
    personal: 'These links are for you only.',
    footer: 'Would you rather get reminders once a week, or in Dutch? Choose here:',
    footerLink: 'My email settings',
  },
} satisfies Record<Lang, unknown>;

type Words = (typeof words)[Lang];

/** One thing waiting: what it is, what is asked by when, and its own link (a notice may have none). */
function DigestItem(p: { line: DigestLine; m: Words; lang: Lang }) {
  const l = p.line;
  return (
    <li style="margin-bottom:12px">
      <strong>{l.title}</strong>
      <br />
      {l.action}. {p.m.before(formatDateTime(l.deadline, p.lang))}.
      {l.url ? (
        <>
          <br />
          <a href={l.url}>
            {p.m.open}: {l.title}
          </a>
        </>
      ) : null}
    </li>
  );
}

export function digestMail(to: Recipient, lines: DigestLine[]): EmailContent {
  const m = words[to.lang];
  const text = [
    m.hello(to.name),
    '',
    m.intro(lines.length),
    '',
    ...lines.flatMap((l, i) => [
      `${i + 1}. ${l.title}`,
      `   ${l.action}. ${m.before(formatDateTime(l.deadline, to.lang))}.`,
      ...(l.url ? [`   ${l.url}`] : []),
      '',
    ]),
    m.personal,
    '',
    m.sign,
  ].join('\n');
  const html = renderEmail(
    <>
      <p>{m.hello(to.name)}</p>
      <p>{m.intro(lines.length)}</p>
      <ol>
        {lines.map((l) => (
          <DigestItem line={l} m={m} lang={to.lang} />
        ))}
      </ol>
      <p style="font-size:14px;color:#555">{m.personal}</p>
      <p>
        <Lines text={m.sign} />
      </p>
    </>,
  );
  return { subject: m.subject(lines.length), text, html };
}

/** Every personal email ends with the way to the person's preferences (reachable from every email). */
export function withPreferenceFooter(content: EmailContent, lang: Lang, link: string): EmailContent {
  const m = words[lang];
  const footer = render(
    <p style="font-size:13px;color:#555;border-top:1px solid #ddd;padding-top:8px">
      {m.footer} <a href={link}>{m.footerLink}</a>
    </p>,
  );
  const at = content.html.lastIndexOf('</body>');
  return {
    ...content,
    text: `${content.text}\n\n--\n${m.footer}\n${link}`,
    html: at >= 0 ? content.html.slice(0, at) + footer + content.html.slice(at) : content.html + footer,
  };
}
