/**
 * The public "what happened with it" page of a body: agreements made, who does what by when, and
 * what came of them, in plain Dutch (English available). Personal data stays off it: owners are
 * shown as their organisation, or by the kind of person (a resident, the programme office).
 */
import type { Body, Organisation, Person } from './directory';
import type { ActionItem } from './follow-up';
import { html } from './html';
import { formatDateTime, type Lang } from './time';

const words = {
  nl: {
    title: (b: string) => `Wat is er gebeurd met onze afspraken? — ${b}`, intro: 'Hier ziet u welke afspraken er zijn gemaakt, wie wat doet en wat eruit is gekomen.',
    running: 'Loopt nog', finished: 'Afgerond', handedBack: 'Teruggegeven aan het programmabureau', stuck: 'Loopt vast', none: 'Er zijn nog geen afspraken.',
    due: 'Klaar vóór', who: 'Wie', result: 'Resultaat', needs: 'Wat is er nodig', late: 'te laat',
    kinds: { resident: 'een bewoner', 'partner-contact': 'een partner', municipality: 'de gemeente', 'programme-office': 'het programmabureau' } as Record<string, string>,
  },
  en: {
    title: (b: string) => `What happened with our agreements? — ${b}`, intro: 'This page shows the agreements made, who does what, and what came of them.',
    running: 'In progress', finished: 'Done', handedBack: 'Handed back to the programme office', stuck: 'Stuck', none: 'There are no agreements yet.',
    due: 'Due before', who: 'Who', result: 'Result', needs: 'What is needed', late: 'late',
    kinds: { resident: 'a resident', 'partner-contact': 'a partner', municipality: 'the municipality', 'programme-office': 'the programme office' },
  },
};

export function publicBodyPage(body: Body, items: ActionItem[], people: Person[], orgs: Organisation[], lang: Lang, now: Date): string {
  const w = words[lang];
  const owner = (i: ActionItem) => ('organisationId' in i.owner ? orgs.find((o) => o.id === (i.owner as { organisationId: string }).organisationId)?.name : w.kinds[people.find((p) => p.id === (i.owner as { personId: string }).personId)?.kind ?? 'resident']) ?? '';
  const row = (i: ActionItem) => html`<li><strong>${i.what}</strong><br>${w.who}: ${owner(i)} · ${w.due}: ${formatDateTime(i.due, lang)}${i.status === 'open' && Date.parse(i.due) < now.getTime() ? html` <em>(${w.late})</em>` : ''}
${i.result && i.status === 'done' ? html`<br>${w.result}: ${i.result}` : ''}${i.blockedBy && i.status === 'blocked' ? html`<br>${w.needs}: ${i.blockedBy}` : ''}</li>`;
  const group = (label: string, list: ActionItem[]) => (list.length ? html`<h2>${label}</h2><ul>${list.map(row)}</ul>` : '');
  const mine = items.filter((i) => i.bodyId === body.id).sort((a, b) => a.due.localeCompare(b.due));
  const title = w.title(body.name);
  return html`<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title>
<style>body{font-family:Arial,sans-serif;font-size:18px;line-height:1.5;max-width:44rem;margin:0 auto;padding:1rem;color:#1a1a1a}li{margin:.75rem 0}h1{font-size:1.5rem}</style></head>
<body><main><h1>${title}</h1><p>${w.intro}</p>${mine.length === 0 ? html`<p>${w.none}</p>` : ''}
${group(w.running, mine.filter((i) => i.status === 'open' || i.status === 'awaiting-approval'))}${group(w.stuck, mine.filter((i) => i.status === 'blocked'))}
${group(w.finished, mine.filter((i) => i.status === 'done'))}${group(w.handedBack, mine.filter((i) => i.status === 'returned'))}
<p><a href="?lang=${lang === 'nl' ? 'en' : 'nl'}" lang="${lang === 'nl' ? 'en' : 'nl'}">${lang === 'nl' ? 'English' : 'Nederlands'}</a></p></main></body></html>`.value;
}
