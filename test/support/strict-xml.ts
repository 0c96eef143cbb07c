/**
 * A strict XML check: saxes, a conformant non-validating parser, refuses any document that is not
 * well-formed (an unescaped `&` or `<`, a stray tag, a character XML forbids, an unbound prefix). It
 * returns what it read, so a test can assert on the parsed document and not only on the text: the
 * root's name and namespace, and each element's name and text in document order.
 */
import { SaxesParser } from 'saxes';

export interface ParsedXml {
  root: string;
  ns: string | null;
  elements: { name: string; text: string; attrs: Record<string, string> }[];
}

/** Throws (with the parser's message) when `xml` is not well-formed. */
export function parseStrictXml(xml: string): ParsedXml {
  const parser = new SaxesParser({ xmlns: true });
  const elements: ParsedXml['elements'] = [];
  // The open elements: each one's entry, to which its own text (not its children's) is added.
  const open: ParsedXml['elements'] = [];
  let root = '';
  let ns: string | null = null;
  let error: Error | undefined;
  parser.on('error', (e) => {
    error ??= e;
  });
  parser.on('opentag', (tag) => {
    if (!root) {
      root = tag.name;
      ns = tag.uri || null;
    }
    const attrs = Object.fromEntries(Object.values(tag.attributes).map((a) => [a.name, a.value]));
    const entry = { name: tag.name, text: '', attrs };
    elements.push(entry);
    open.push(entry);
  });
  parser.on('text', (t) => {
    const current = open.at(-1);
    if (current) current.text += t;
  });
  parser.on('cdata', (t) => {
    const current = open.at(-1);
    if (current) current.text += t;
  });
  parser.on('closetag', () => {
    open.pop();
  });
  parser.write(xml).close();
  if (error) throw error;
  if (!root) throw new Error('no root element');
  return { root, ns, elements };
}
