/**
 * The HTML part of every email: one narrow column with inline styles, because mail programs drop
 * style sheets; the button is a link, because many of them drop forms.
 */
import { type Markup, renderDocument } from '../../platform/jsx';

export function EmailFrame(p: { children: Markup | Markup[] }) {
  return (
    <html>
      <body style="font-family:Arial,sans-serif;font-size:16px;line-height:1.5;max-width:600px">{p.children}</body>
    </html>
  );
}

const BUTTON =
  'display:inline-block;padding:12px 20px;background:#00549f;color:#fff;text-decoration:none;border-radius:4px';

export const EmailButton = (p: { href: string; label: string }) => (
  <a href={p.href} style={BUTTON}>
    {p.label}
  </a>
);

/** A signature may span lines; each becomes its own line in the HTML part. */
export const Lines = (p: { text: string }) => (
  <>
    {p.text.split('\n').map((line, i) => (
      <>
        {i > 0 ? <br /> : null}
        {line}
      </>
    ))}
  </>
);

export const renderEmail = (body: Markup) => renderDocument(<EmailFrame>{body}</EmailFrame>);
