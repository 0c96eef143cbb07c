/**
 * A strict XML check: Python's expat parser, which refuses any document that is not well-formed
 * (an unescaped `&` or `<`, a stray tag, a character XML forbids). It returns what it read, so a
 * test can assert on the parsed document and not only on the text: the root's name and namespace,
 * and each element's name and text in document order.
 */
import { execFileSync } from 'node:child_process';

const READ = `
import sys, json, xml.dom.minidom as m
d = m.parseString(sys.stdin.buffer.read())
out = []
def walk(n):
    for c in n.childNodes:
        if c.nodeType == c.ELEMENT_NODE:
            text = ''.join(t.data for t in c.childNodes if t.nodeType == t.TEXT_NODE)
            out.append({'name': c.tagName, 'text': text, 'attrs': dict(c.attributes.items())})
            walk(c)
walk(d)
print(json.dumps({'root': d.documentElement.tagName, 'ns': d.documentElement.namespaceURI, 'elements': out}))
`;

export interface ParsedXml {
  root: string;
  ns: string | null;
  elements: { name: string; text: string; attrs: Record<string, string> }[];
}

/** Throws (with the parser's message) when `xml` is not well-formed. */
export function parseStrictXml(xml: string): ParsedXml {
  return JSON.parse(execFileSync('python3', ['-c', READ], { input: xml, encoding: 'utf8' }));
}
