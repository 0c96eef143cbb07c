/** The page behind a meeting link, for a member, the secretary or the chair. Plain HTML, no scripts. */
import type { Organisation, Person } from '../../engine/directory';
import { html, type RawHtml } from '../../platform/html';
import { agendaDeadlineOf, agendaOf, type Meeting } from './meeting';
import { meetingWords } from './views';
import { layout } from '../../engine/page-layout';
import { formatDateTime, type Lang } from '../../platform/time';

const words = {
  nl: {
    agenda: 'Agenda',
    when: 'Wanneer',
    where: 'Waar',
    addItem: 'Agendapunt insturen',
    itemTitle: 'Onderwerp',
    explanation: 'Korte uitleg',
    broughtBy: 'Wie brengt het in?',
    ask: 'Wat vraagt u van de vergadering?',
    send: 'Versturen',
    nothing: 'Mijn themagroep heeft deze keer niets',
    decline: 'Ik kan niet komen',
    deadline: (d: string) =>
      `Stuur agendapunten vóór ${d}. Later mag ook; dan beslist de voorzitter of het op deze agenda komt.`,
    afterDeadline:
      'De agenda is al verstuurd. Heeft u toch nog een punt? Stuur het hieronder in. De voorzitter beslist ' +
      'of het op deze agenda komt of op die van de volgende vergadering.',
    online: 'Online',
    declinedNote: 'U heeft laten weten dat u niet komt.',
    attend: 'Ik kom toch',
    publicNote:
      'Let op: wat u schrijft bij "Wat is er besproken?", de besluiten en de actiepunten komt op de openbare ' +
      'pagina en gaat naar alle leden van de themagroepen. Noem geen bewoners bij naam. Schrijf bijvoorbeeld "een bewoner" ' +
      'of "bewoners van de Lambertus Zijlstraat".',
    draft: 'Conceptverslag',
    decisions: 'Besluiten',
    actions: 'Actiepunten',
    object: 'Ik heb bezwaar tegen het verslag',
    reason: 'Waarom?',
    minutesTitle: 'Verslag maken',
    summary: 'Wat is er besproken?',
    what: 'Wat',
    owner: 'Wie',
    due: 'Klaar vóór',
    choose: '— kies —',
    sendMinutes: 'Verslag versturen',
    actionsHint:
      'Elke regel met "wat" wordt een actiepunt dat wordt gevolgd. Laat regels leeg als u ze niet nodig heeft.',
    late: 'Te laat ingestuurd',
    accept: 'Op deze agenda',
    nextMonth: 'Naar de volgende vergadering',
    objections: 'Bezwaren',
    adopt: 'Verslag vaststellen',
    sendBack: 'Terug naar de secretaris',
    notices: {
      thanks: 'Dank u wel. Uw agendapunt is ontvangen.',
      nothing: 'Dank u wel. Wij noteren dat uw themagroep deze keer niets heeft.',
      declined: 'Dank u wel. Wij noteren dat u niet komt.',
      attending: 'Dank u wel. Wij noteren dat u toch komt.',
      objected: 'Uw bezwaar is ontvangen. De voorzitter beslist erover.',
      'minutes-sent': 'Dank u wel. Het verslag gaat nu naar de leden.',
      decided: 'Uw besluit is verwerkt.',
    } as Record<string, string>,
    errors: {
      'expired-form':
        'Deze pagina was te lang open, of er is intussen iets veranderd. Kijk of alles klopt en probeer het opnieuw.',
      choose: 'Kies een van de mogelijkheden.',
      closed: 'Dit kan nu niet meer.',
      'title-required': 'Geef een onderwerp (ten minste 3 tekens).',
      'not-now': 'De vergadering is al geweest.',
      'minutes-incomplete': 'Schrijf bij elk agendapunt wat er besproken is, of schrijf de besluiten.',
      'reason-required': 'Schrijf waarom (ten minste 3 tekens).',
      'own-minutes': 'U heeft dit verslag zelf gemaakt. Bezwaar maken kan alleen een ander lid.',
      owner: 'Kies wie het doet.',
      due: 'Kies een datum in de toekomst.',
    } as Record<string, string>,
    fields: { owner: 'wie doet het', due: 'klaar vóór' } as Record<string, string>,
    actionItem: (n: number) => `Actiepunt ${n}`,
    closed: 'Deze vergadering is afgerond of afgelast. Er is niets meer te doen.',
  },
  en: {
    agenda: 'Agenda',
    when: 'When',
    where: 'Where',
    addItem: 'Send an agenda item',
    itemTitle: 'Subject',
    explanation: 'Short explanation',
    broughtBy: 'Who brings it?',
    ask: 'What do you ask of the meeting?',
    send: 'Send',
    nothing: 'My theme group has nothing this time',
    decline: 'I cannot come',
    deadline: (d: string) =>
      `Send agenda items before ${d}. Later is possible; then the chair decides whether it goes on this agenda.`,
    afterDeadline:
      'The agenda has already been sent. Do you still have an item? Send it below. The chair decides whether ' +
      'it goes on this agenda or on that of the next meeting.',
    online: 'Online',
    declinedNote: 'You have let us know you cannot come.',
    attend: 'I can come after all',
    publicNote:
      'Please note: what you write under "What was discussed?", the decisions and the action items go on the ' +
      'public page and to all members of the theme groups. Do not name residents. Write, for example, "a resident" or ' +
      '"residents of the street".',
    draft: 'Draft minutes',
    decisions: 'Decisions',
    actions: 'Action items',
    object: 'I object to the minutes',
    reason: 'Why?',
    minutesTitle: 'Write the minutes',
    summary: 'What was discussed?',
    what: 'What',
    owner: 'Who',
    due: 'Due before',
    choose: '— choose —',
    sendMinutes: 'Send the minutes',
    actionsHint:
      'Every line with a "what" becomes an action item that is followed up. Leave lines empty when you do not need them.',
    late: 'Sent in late',
    accept: 'On this agenda',
    nextMonth: 'To the next meeting',
    objections: 'Objections',
    adopt: 'Adopt the minutes',
    sendBack: 'Back to the secretary',
    notices: {
      thanks: 'Thank you. Your agenda item has been received.',
      nothing: 'Thank you. We note your theme group has nothing this time.',
      declined: 'Thank you. We note you cannot come.',
      attending: 'Thank you. We note you can come after all.',
      objected: 'Your objection has been received. The chair decides on it.',
      'minutes-sent': 'Thank you. The minutes now go to the members.',
      decided: 'Your decision has been processed.',
    } as Record<string, string>,
    errors: {
      'expired-form': 'This page was open too long, or something changed meanwhile. Check everything and try again.',
      choose: 'Please choose one of the options.',
      closed: 'This is no longer possible.',
      'title-required': 'Please give a subject (at least 3 characters).',
      'not-now': 'The meeting has already taken place.',
      'minutes-incomplete': 'Write for each agenda item what was discussed, or write the decisions.',
      'reason-required': 'Please say why (at least 3 characters).',
      'own-minutes': 'You wrote these minutes yourself. Only another member can object.',
      owner: 'Choose who does it.',
      due: 'Choose a date in the future.',
    } as Record<string, string>,
    fields: { owner: 'who does it', due: 'due before' } as Record<string, string>,
    actionItem: (n: number) => `Action item ${n}`,
    closed: 'This meeting has been concluded or cancelled. There is nothing left to do.',
  },
} satisfies Record<Lang, unknown>;

export interface MeetingPageModel {
  role: 'meeting' | 'minutes' | 'chair';
  meeting: Meeting;
  person: Person;
  proof: string;
  groupId?: string;
  notice?: string;
  errors?: Record<string, string>;
  /** What was typed into a refused form, to fill it in again. */
  values?: Record<string, string>;
  action: string;
  /** For the secretary's action item rows: who can own one. */
  people?: Person[];
  orgs?: Organisation[];
}

export function meetingPage(v: MeetingPageModel): string {
  const lang = v.person.lang;
  const w = words[lang];
  const mw = meetingWords[lang];
  const m = v.meeting;
  const hidden = (action: string) =>
    html`<input type="hidden" name="proof" value="${v.proof}"><input type="hidden" name="action" value="${action}">`;
  // An action item row's field in words ("Actiepunt 1, wie doet het"), never its form name.
  const fieldLabel = (f: string) => {
    const row = /^a(\d+)\.(\w+)$/.exec(f);
    return row && w.fields[row[2]] ? `${w.actionItem(Number(row[1]) + 1)}, ${w.fields[row[2]]}: ` : '';
  };
  const errors = v.errors
    ? html`<div class="error" role="alert">${Object.entries(v.errors).map(([f, e]) => html`<p>${fieldLabel(f)}${w.errors[e] ?? e}</p>`)}</div>`
    : '';
  const typed = (name: string) => v.values?.[name] ?? '';
  const valueOf = (name: string, fallback = '') => html` value="${v.values?.[name] ?? fallback}"`;
  const chosen = (name: string, value: string, byDefault = false) =>
    (v.values?.[name] ?? (byDefault ? value : undefined)) === value ? html` checked` : '';
  const selected = (name: string, value: string) => (typed(name) === value ? html` selected` : '');
  const notice = v.notice ? html`<p class="notice" role="status">${w.notices[v.notice]}</p>` : '';
  const agenda = html`<h2>${w.agenda}</h2><ol>${agendaOf(m).map((l) => html`<li>${l.item ? html`${l.item.title} <em>(${mw.asks[l.item.ask]}; ${l.item.broughtBy})</em>` : mw.standing[l.standing!]}</li>`)}</ol>`;
  const online = m.onlineUrl
    ? html` · <strong>${w.online}:</strong> <a href="${m.onlineUrl}" rel="noreferrer">${m.onlineUrl}</a>`
    : '';
  const head = html`<h1>${m.title}</h1><p><strong>${w.when}:</strong> ${formatDateTime(m.start, lang)}${m.location ? html` · <strong>${w.where}:</strong> ${m.location}` : ''}${online}</p>${notice}${errors}`;
  if (m.status === 'closed' && m.phase !== 'adopted')
    return layout(lang, m.title, html`${head}<p class="notice">${w.closed}</p>`);
  const parts: (RawHtml | string)[] = [head];
  const before = m.phase === 'agenda' || m.phase === 'invited';
  if (before) {
    parts.push(agenda);
    parts.push(html`<form method="post" action="${v.action}">${hidden('item')}<fieldset><legend>${w.addItem}</legend>
<p>${m.phase === 'agenda' ? w.deadline(formatDateTime(agendaDeadlineOf(m), lang)) : w.afterDeadline}</p>
<label for="title">${w.itemTitle}</label><input type="text" id="title" name="title" maxlength="200" required${valueOf('title')}>
<label for="explanation">${w.explanation}</label><textarea id="explanation" name="explanation" rows="3" maxlength="2000">${typed('explanation')}</textarea>
<label for="broughtBy">${w.broughtBy}</label><input type="text" id="broughtBy" name="broughtBy" maxlength="120"${valueOf('broughtBy', v.person.name)}>
<fieldset><legend>${w.ask}</legend>${(['inform', 'discuss', 'decide'] as const).map((a) => html`<label><input type="radio" name="ask" value="${a}"${chosen('ask', a, !v.values?.ask && a === 'discuss')}> ${mw.asks[a]}</label>`)}</fieldset>
<button type="submit">${w.send}</button></fieldset></form>`);
    if (v.groupId && m.phase === 'agenda' && v.role === 'meeting')
      parts.push(
        html`<form method="post" action="${v.action}">${hidden('nothing')}<button type="submit">${w.nothing}</button></form>`,
      );
    if (m.declined.includes(v.person.id)) {
      parts.push(html`<form method="post" action="${v.action}">${hidden('attend')}<p>${w.declinedNote}</p>
<button type="submit">${w.attend}</button></form>`);
    } else if (m.phase === 'invited') {
      parts.push(
        html`<form method="post" action="${v.action}">${hidden('decline')}<button type="submit">${w.decline}</button></form>`,
      );
    }
  }
  if (v.role === 'chair') {
    const undecided = m.items.filter((i) => i.late && !i.chair);
    if (undecided.length)
      parts.push(
        html`<h2>${w.late}</h2>${undecided.map((i) => html`<form method="post" action="${v.action}">${hidden('late')}<input type="hidden" name="itemId" value="${i.id}"><p><strong>${i.title}</strong> (${i.broughtBy})<br>${i.explanation}</p><button type="submit" name="decision" value="accept">${w.accept}</button><button type="submit" name="decision" value="next-meeting">${w.nextMonth}</button></form>`)}`,
      );
  }
  if (m.minutes && (m.phase === 'review' || m.phase === 'chair-review' || m.phase === 'adopted')) {
    parts.push(html`<h2>${w.draft}</h2><ol>${agendaOf(m).map((l) => html`<li><strong>${l.item ? l.item.title : mw.standing[l.standing!]}</strong>: ${m.minutes!.summaries[l.id] ?? ''}</li>`)}</ol>
<p><strong>${w.decisions}:</strong> ${m.minutes.decisions}</p>${m.minutes.actionItems.length ? html`<h3>${w.actions}</h3><ul>${m.minutes.actionItems.map((a) => html`<li>${a.what} — ${formatDateTime(a.due, lang)}</li>`)}</ul>` : ''}`);
    // Not to the one who wrote the draft: they change it through the chair, not by objecting.
    const mayObject = m.phase === 'review' && v.role !== 'minutes' && m.minutes.by !== v.person.id;
    if (mayObject)
      parts.push(
        html`<form method="post" action="${v.action}">${hidden('object')}<fieldset><legend>${w.object}</legend><label for="reason">${w.reason}</label><textarea id="reason" name="reason" rows="3" maxlength="1000" required>${typed('reason')}</textarea><button type="submit">${w.send}</button></fieldset></form>`,
      );
    if (m.phase === 'chair-review' && v.role === 'chair') {
      parts.push(
        html`<h2>${w.objections}</h2><ul>${m.objections.map((o) => html`<li>${o.reason}</li>`)}</ul><form method="post" action="${v.action}">${hidden('adopt')}<button type="submit">${w.adopt}</button></form><form method="post" action="${v.action}">${hidden('send-back')}<button type="submit">${w.sendBack}</button></form>`,
      );
    }
  }
  if (v.role === 'minutes' && m.phase === 'minutes') {
    const owners = [
      ...(v.orgs ?? []).filter((o) => o.active !== false).map((o) => ({ value: `org:${o.id}`, label: o.name })),
      ...(v.people ?? []).filter((p) => p.active).map((p) => ({ value: `person:${p.id}`, label: p.name })),
    ];
    parts.push(html`<form method="post" action="${v.action}">${hidden('minutes')}<h2>${w.minutesTitle}</h2>
<p class="notice">${w.publicNote}</p>
${agendaOf(m).map((l) => html`<label for="summary.${l.id}">${l.item ? l.item.title : mw.standing[l.standing!]} — ${w.summary}</label><textarea id="summary.${l.id}" name="summary.${l.id}" rows="2" maxlength="3000">${typed(`summary.${l.id}`)}</textarea>`)}
<label for="decisions">${w.decisions}</label><textarea id="decisions" name="decisions" rows="3" maxlength="5000">${typed('decisions')}</textarea>
<fieldset><legend>${w.actions}</legend><p>${w.actionsHint}</p>${[0, 1, 2, 3, 4].map(
      (
        i,
      ) => html`<div><label for="a${i}.what">${w.what} ${i + 1}</label><input type="text" id="a${i}.what" name="a${i}.what" maxlength="300"${valueOf(`a${i}.what`)}>
<label for="a${i}.owner">${w.owner}</label><select id="a${i}.owner" name="a${i}.owner"><option value="">${w.choose}</option>${owners.map((o) => html`<option value="${o.value}"${selected(`a${i}.owner`, o.value)}>${o.label}</option>`)}</select>
<label for="a${i}.due">${w.due}</label><input type="date" id="a${i}.due" name="a${i}.due"${valueOf(`a${i}.due`)}></div>`,
    )}</fieldset>
<button type="submit">${w.sendMinutes}</button></form>`);
  }
  return layout(lang, m.title, html`${parts}`);
}
