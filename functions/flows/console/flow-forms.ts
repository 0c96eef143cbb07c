/** Console forms to create action items and input rounds, and to steer an action item. */
import type { Body, Organisation, Person } from '../../engine/directory';
import type { ActionItem } from '../follow-up';
import { html, raw, type RawHtml } from '../../platform/html';
import type { Lang } from '../../platform/time';
import { csrfField, describedBy, errorSummary, fieldError, layout, type ConsoleContext } from './ui';

export const INPUT_REMINDER_OPTIONS = ['P7D', 'P3D', 'P1D'] as const;

const words = {
  nl: {
    newItem: 'Nieuw actiepunt',
    what: 'Wat is afgesproken?',
    origin: 'Waar is het afgesproken?',
    origins: {
      meeting: 'In een vergadering',
      decision: 'In een besluit van het bestuur',
      office: 'Door het programmabureau',
    },
    ref: 'Welke vergadering of welk besluit?',
    refHint: 'Bijvoorbeeld: kerngroep 8 december.',
    owner: 'Wie doet het?',
    ownerPerson: 'Een persoon',
    ownerOrg: 'Een partner (de contactpersoon krijgt de berichten)',
    due: 'Klaar vóór',
    dueHint: 'Datum en tijd, Nederlandse tijd.',
    body: 'Meldt aan',
    create: 'Actiepunt aanmaken',
    choose: '— kies —',
    newInput: 'Nieuwe uitvraag',
    title: 'Titel',
    request: 'Wat vraagt u aan de partners?',
    requestHint: 'Schrijf in gewone taal wat u nodig heeft en waarvoor.',
    partners: 'Aan welke partners?',
    allOfKind: 'Of: alle partners van deze soort',
    anyKind: '— geen —',
    deadline: 'Deadline',
    reminders: 'Herinneringen aan wie nog niet antwoordde',
    reminderOption: (d: string) =>
      ({ P7D: '7 dagen voor de deadline', P3D: '3 dagen voor de deadline', P1D: '1 dag voor de deadline' })[d] ?? d,
    escalate: 'Partners die niet antwoorden krijgen een actiepunt, met de escalatieladder',
    startInput: 'Uitvraag versturen',
    steer: 'Bijsturen',
    doneTitle: 'Afronden',
    result: 'Wat is het resultaat?',
    closeItem: 'Afronden',
    moveTitle: 'Nieuwe datum',
    reason: 'Waarom?',
    move: 'Datum aanpassen',
    steerHint:
      'Het programmabureau mag dit zonder goedkeuring van de projectleider. De eigenaar krijgt herinneringen voor de nieuwe datum.',
    errors: {
      what: 'Schrijf op wat is afgesproken (3 tot 300 tekens).',
      owner: 'Kies een persoon of een partner met een contactpersoon.',
      due: 'Kies een datum en tijd in de toekomst, binnen 300 dagen.',
      bodyId: 'Kies een groep.',
      title: 'Geef een titel (3 tot 200 tekens).',
      request: 'Schrijf wat u vraagt.',
      organisationIds: 'Kies ten minste één partner met een contactpersoon.',
      deadline: 'Kies een deadline in de toekomst, binnen 330 dagen.',
      result: 'Schrijf kort het resultaat.',
      reason: 'Schrijf waarom (ten minste 3 tekens).',
      closed: 'Dit actiepunt is al afgerond.',
      reminders: 'Kies herinneringen die vóór de deadline en na nu vallen, elk één keer.',
    } as Record<string, string>,
  },
  en: {
    newItem: 'New action item',
    what: 'What was agreed?',
    origin: 'Where was it agreed?',
    origins: { meeting: 'In a meeting', decision: 'In a board decision', office: 'By the programme office' },
    ref: 'Which meeting or decision?',
    refHint: 'For example: core group 8 December.',
    owner: 'Who does it?',
    ownerPerson: 'A person',
    ownerOrg: 'A partner (its contact gets the messages)',
    due: 'Due before',
    dueHint: 'Date and time, Amsterdam time.',
    body: 'Reports to',
    create: 'Create action item',
    choose: '— choose —',
    newInput: 'New input round',
    title: 'Title',
    request: 'What do you ask of the partners?',
    requestHint: 'Write in plain words what you need and what for.',
    partners: 'Which partners?',
    allOfKind: 'Or: all partners of this kind',
    anyKind: '— none —',
    deadline: 'Deadline',
    reminders: 'Reminders to those who have not answered',
    reminderOption: (d: string) =>
      ({ P7D: '7 days before the deadline', P3D: '3 days before the deadline', P1D: '1 day before the deadline' })[d] ??
      d,
    escalate: 'Partners who do not answer get an action item, with the escalation ladder',
    startInput: 'Send the input round',
    steer: 'Steer',
    doneTitle: 'Close',
    result: 'What is the result?',
    closeItem: 'Close',
    moveTitle: 'New date',
    reason: 'Why?',
    move: 'Change the date',
    steerHint:
      "The programme office may do this without the project leader's approval. The owner gets reminders for the new date.",
    errors: {
      what: 'Say what was agreed (3 to 300 characters).',
      owner: 'Choose a person, or a partner with a contact.',
      due: 'Choose a date and time in the future, within 300 days.',
      bodyId: 'Choose a group.',
      title: 'Give a title (3 to 200 characters).',
      request: 'Say what you ask.',
      organisationIds: 'Choose at least one partner with a contact.',
      deadline: 'Choose a deadline in the future, within 330 days.',
      result: 'Say briefly what the result is.',
      reason: 'Say why (at least 3 characters).',
      closed: 'This action item is already closed.',
      reminders: 'Choose reminders that fall before the deadline and after now, each once.',
    } as Record<string, string>,
  },
} satisfies Record<Lang, unknown>;

/** Whatever field the schema or the service names, the person reads what to do. */
export function flowFormErrors(lang: Lang, fields: Record<string, string>): Record<string, string> {
  const e = words[lang].errors;
  const out: Record<string, string> = {};
  for (const f of Object.keys(fields)) {
    const head = f.split('.')[0];
    const key = head.startsWith('owner') ? 'owner' : head === 'origin' ? 'ref' : head;
    out[key] ??= e[key] ?? e[head] ?? fields[f];
  }
  return out;
}

const option = (value: string, label: string, selected: boolean) =>
  html`<option value="${value}"${raw(selected ? ' selected' : '')}>${label}</option>`;
const checked = (on: boolean) => raw(on ? ' checked' : '');

export interface NewItemValues {
  what?: string;
  originKind?: string;
  ref?: string;
  ownerKind?: string;
  ownerPersonId?: string;
  ownerOrganisationId?: string;
  due?: string;
  bodyId?: string;
}

export function newItemPage(
  ctx: ConsoleContext,
  bodies: Body[],
  people: Person[],
  orgs: Organisation[],
  v: NewItemValues,
  errors?: Record<string, string>,
): string {
  const w = words[ctx.lang];
  const ownerKind = v.ownerKind === 'organisation' ? 'organisation' : 'person';
  const body: RawHtml = html`<h1>${w.newItem}</h1>${errorSummary(ctx, errors)}
<form method="post" action="/console/follow-ups" novalidate>${csrfField(ctx)}
<label for="what">${w.what}</label>${fieldError(errors, 'what')}<textarea id="what" name="what" required maxlength="300"${describedBy(errors, 'what')}>${v.what ?? ''}</textarea>
<fieldset><legend>${w.origin}</legend>${(['meeting', 'decision', 'office'] as const).map((k) => html`<label class="choice"><input type="radio" name="originKind" value="${k}"${checked((v.originKind ?? 'meeting') === k)}> ${w.origins[k]}</label>`)}
<label for="ref">${w.ref}<span class="hint" id="ref-hint">${w.refHint}</span></label>${fieldError(errors, 'ref')}<input type="text" id="ref" name="ref" maxlength="200" value="${v.ref ?? ''}"${describedBy(errors, 'ref', true)}></fieldset>
<fieldset><legend id="owner">${w.owner}</legend>${fieldError(errors, 'owner')}
<label class="choice"><input type="radio" name="ownerKind" value="person"${checked(ownerKind === 'person')}> ${w.ownerPerson}</label>
<label for="ownerPersonId" class="skip">${w.ownerPerson}</label><select id="ownerPersonId" name="ownerPersonId"${describedBy(errors, 'owner')}>${option('', w.choose, !v.ownerPersonId)}${people.filter((p) => p.active).map((p) => option(p.id, p.name, v.ownerPersonId === p.id))}</select>
<label class="choice"><input type="radio" name="ownerKind" value="organisation"${checked(ownerKind === 'organisation')}> ${w.ownerOrg}</label>
<label for="ownerOrganisationId" class="skip">${w.ownerOrg}</label><select id="ownerOrganisationId" name="ownerOrganisationId">${option('', w.choose, !v.ownerOrganisationId)}${orgs.filter((o) => o.active !== false).map((o) => option(o.id, o.name, v.ownerOrganisationId === o.id))}</select></fieldset>
<label for="due">${w.due}<span class="hint" id="due-hint">${w.dueHint}</span></label>${fieldError(errors, 'due')}<input type="datetime-local" id="due" name="due" value="${v.due ?? ''}" required${describedBy(errors, 'due', true)}>
<label for="bodyId">${w.body}</label>${fieldError(errors, 'bodyId')}<select id="bodyId" name="bodyId"${describedBy(errors, 'bodyId')}>${bodies.filter((b) => b.active !== false).map((b) => option(b.id, b.name, v.bodyId === b.id))}</select>
<button type="submit">${w.create}</button></form>`;
  return layout(ctx, 'items', w.newItem, body);
}

export interface NewInputValues {
  title?: string;
  request?: string;
  organisationIds?: string[];
  kind?: string;
  deadline?: string;
  reminders?: string[];
  escalate?: boolean;
  bodyId?: string;
}

export function newInputPage(
  ctx: ConsoleContext,
  bodies: Body[],
  orgs: Organisation[],
  v: NewInputValues,
  errors?: Record<string, string>,
): string {
  const w = words[ctx.lang];
  const active = orgs.filter((o) => o.active !== false && o.contactIds.length > 0);
  const kinds = [...new Set(active.map((o) => o.kind))].sort();
  const body: RawHtml = html`<h1>${w.newInput}</h1>${errorSummary(ctx, errors)}
<form method="post" action="/console/input-rounds" novalidate>${csrfField(ctx)}
<label for="title">${w.title}</label>${fieldError(errors, 'title')}<input type="text" id="title" name="title" value="${v.title ?? ''}" required maxlength="200"${describedBy(errors, 'title')}>
<label for="request">${w.request}<span class="hint" id="request-hint">${w.requestHint}</span></label>${fieldError(errors, 'request')}<textarea id="request" name="request" required maxlength="5000"${describedBy(errors, 'request', true)}>${v.request ?? ''}</textarea>
<fieldset><legend>${w.partners}</legend>${fieldError(errors, 'organisationIds')}
${active.map((o, i) => html`<label class="choice"><input type="checkbox"${raw(i === 0 ? ' id="organisationIds"' : '')} name="organisationIds" value="${o.id}"${checked(v.organisationIds?.includes(o.id) ?? false)}> ${o.name}</label>`)}
<label for="kind">${w.allOfKind}</label><select id="kind" name="kind">${option('', w.anyKind, !v.kind)}${kinds.map((k) => option(k, k, v.kind === k))}</select></fieldset>
<label for="deadline">${w.deadline}<span class="hint" id="deadline-hint">${words[ctx.lang].dueHint}</span></label>${fieldError(errors, 'deadline')}<input type="datetime-local" id="deadline" name="deadline" value="${v.deadline ?? ''}" required${describedBy(errors, 'deadline', true)}>
<fieldset><legend>${w.reminders}</legend>${INPUT_REMINDER_OPTIONS.map((d) => html`<label class="choice"><input type="checkbox" name="reminders" value="${d}"${checked(v.reminders ? v.reminders.includes(d) : d === 'P3D')}> ${w.reminderOption(d)}</label>`)}</fieldset>
<label class="choice"><input type="checkbox" name="escalate" value="yes"${checked(v.escalate ?? true)}> ${w.escalate}</label>
<label for="bodyId">${words[ctx.lang].body}</label>${fieldError(errors, 'bodyId')}<select id="bodyId" name="bodyId">${bodies.filter((b) => b.active !== false).map((b) => option(b.id, b.name, v.bodyId === b.id))}</select>
<button type="submit">${w.startInput}</button></form>`;
  return layout(ctx, 'inputs', w.newInput, body);
}

/** On an open item's page: close it with the result, or set a new date. */
export function steerForms(
  ctx: ConsoleContext,
  item: ActionItem,
  errors?: Record<string, string>,
  dueValue = '',
): RawHtml | string {
  if (item.status === 'done' || item.status === 'returned') return errorSummary(ctx, errors);
  const w = words[ctx.lang];
  const action = `/console/follow-ups/${item.id}/steer`;
  return html`<h2>${w.steer}</h2><p class="hint">${w.steerHint}</p>${errorSummary(ctx, errors)}
<form method="post" action="${action}" novalidate>${csrfField(ctx)}<input type="hidden" name="action" value="done"><fieldset><legend>${w.doneTitle}</legend>
<label for="result">${w.result}</label>${fieldError(errors, 'result')}<textarea id="result" name="result" maxlength="1000"${describedBy(errors, 'result')}></textarea>
<button type="submit">${w.closeItem}</button></fieldset></form>
<form method="post" action="${action}" novalidate>${csrfField(ctx)}<input type="hidden" name="action" value="move"><fieldset><legend>${w.moveTitle}</legend>
<label for="due">${w.due}</label>${fieldError(errors, 'due')}<input type="datetime-local" id="due" name="due" value="${dueValue}"${describedBy(errors, 'due')}>
<label for="reason">${w.reason}</label>${fieldError(errors, 'reason')}<textarea id="reason" name="reason" maxlength="500"${describedBy(errors, 'reason')}></textarea>
<button type="submit">${w.move}</button></fieldset></form>`;
}
