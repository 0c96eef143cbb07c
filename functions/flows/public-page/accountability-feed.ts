/**
 * The Atom feed of /verantwoording (RFC 4287): the board's decisions, agreements done, events'
 * "what we did with it" and consultations' outcomes. Entry ids are tag: URIs made of the kind and
 * the thing's own id, so a feed reader sees an entry once however often the feed is read.
 * Every text is escaped here: the feed is XML, not the JSX pages' HTML.
 */
import type { Accountability } from './accountability-data';
import { accountabilityWords } from './accountability-texts';
import { outcomeSentence } from '../approval-round';
import type { Lang } from '../../platform/time';

const xml = (s: string) =>
  s
    // Characters XML 1.0 does not allow at all, not even escaped.
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

interface Entry {
  id: string;
  title: string;
  link: string;
  updated: string;
  summary: string;
}

/** The tag: URI authority: the public host, and a fixed date (RFC 4151) so ids never change. */
const TAG_DATE = '2026';

export function accountabilityFeed(a: Accountability, lang: Lang, baseUrl: string, now: Date): string {
  const w = accountabilityWords[lang];
  const host = new URL(baseUrl).hostname;
  const tag = (kind: string, id: string) => `tag:${host},${TAG_DATE}:${kind}/${encodeURIComponent(id)}`;
  const q = lang === 'en' ? '?lang=en' : '';
  const entries: Entry[] = [
    ...a.decisions.map((d) => ({
      id: tag('decision', d.id),
      title: w.entryDecision(d.title),
      link: `${baseUrl}/verantwoording${q}`,
      updated: d.at,
      summary: `${outcomeSentence[lang][d.outcome]} ${d.summary}`,
    })),
    ...a.actions.recentDone.map((i) => ({
      id: tag('action-done', i.id),
      title: w.entryDone(i.what),
      link: `${baseUrl}/verantwoording${q}`,
      updated: i.at,
      summary: i.result ?? i.what,
    })),
    ...a.pastEvents.flatMap((e) =>
      e.did
        ? [
            {
              id: tag('event-did', e.id),
              title: w.entryDid(e.title),
              link: `${baseUrl}/bijeenkomsten/${encodeURIComponent(e.id)}${q}`,
              updated: e.did.at,
              summary: e.did.text,
            },
          ]
        : [],
    ),
    ...a.consultations.flatMap((c) =>
      c.outcome
        ? [
            {
              id: tag('consultation-outcome', c.id),
              title: w.entryOutcome(c.title),
              link: `${baseUrl}/inspraak/${encodeURIComponent(c.id)}${q}`,
              updated: c.outcome.at,
              summary: c.outcome.text,
            },
          ]
        : [],
    ),
  ].sort((x, y) => y.updated.localeCompare(x.updated));
  // The feed changed when its newest entry did; with none yet, it says now.
  const updated = entries[0]?.updated ?? now.toISOString();
  const self = `${baseUrl}/verantwoording.atom${q}`;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang}">`,
    `<id>${xml(tag('feed', `verantwoording-${lang}`))}</id>`,
    `<title>${xml(w.feedTitle)}</title>`,
    `<updated>${xml(updated)}</updated>`,
    '<author><name>Programmabureau Samen Nieuw-West</name></author>',
    `<link rel="self" type="application/atom+xml" href="${xml(self)}"/>`,
    `<link rel="alternate" type="text/html" href="${xml(`${baseUrl}/verantwoording${q}`)}"/>`,
    ...entries.map((e) =>
      [
        '<entry>',
        `<id>${xml(e.id)}</id>`,
        `<title>${xml(e.title)}</title>`,
        `<link rel="alternate" type="text/html" href="${xml(e.link)}"/>`,
        `<updated>${xml(e.updated)}</updated>`,
        `<summary type="text">${xml(e.summary)}</summary>`,
        '</entry>',
      ].join(''),
    ),
    '</feed>',
    '',
  ].join('\n');
}
