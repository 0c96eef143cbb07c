/**
 * The one cleaning of text people send (API, console forms, link pages), before anything is
 * checked or stored. It removes what can hide or reorder text on a page or in an email:
 * control characters (newline and tab stay where text may have several lines), bidi overrides
 * and isolates (U+202A–U+202E, U+2066–U+2069: "\u202Egnp.exe" shows as "exe.png") and lone
 * surrogates (not text at all; they break encoders). Ordinary right-to-left text is untouched.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// The invisible marks LRM, RLM and ALM (U+200E, U+200F, U+061C) too: "\u200F1\u200F2" shows as "21".
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
// C0 controls except tab (\t) and newline (\n), DEL, and the C1 controls.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

export function cleanText(value: string, multiline = true): string {
  // Line breaks of any kind become \n first, so that the CR of CRLF is not dropped as a control.
  const text = value
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(LONE_SURROGATE, '')
    .replace(BIDI_CONTROL, '')
    .replace(CONTROL, '');
  return multiline ? text : text.replace(/[\n\t]+/g, ' ');
}
