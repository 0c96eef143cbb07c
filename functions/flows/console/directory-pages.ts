/** Console pages for people and groups (bodies) with their memberships. */
import type { Body, Organisation, Person } from '../../engine/directory';
import { html, raw } from '../../platform/html';
import { csrfField, describedBy, errorSummary, fieldError, layout, type ConsoleContext } from './ui';

export const PERSON_KINDS = ['resident', 'partner-contact', 'municipality', 'programme-office'] as const;
export const ROLES = ['chair', 'secretary', 'member', 'representative', 'substitute'] as const;
export const REMINDER_PREFS = ['daily', 'weekly'] as const;

export function peoplePage(ctx: ConsoleContext, people: Person[], orgs: Organisation[], message?: string): string {
  const t = ctx.t;
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  const rows = [...people]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map(
      (p) =>
        html`<tr><td><a href="/console/people/${p.id}">${p.name}</a>${p.active ? '' : html` <span class="badge">${t.inactive}</span>`}</td><td>${p.email}</td><td>${t.kinds[p.kind]}</td><td>${p.organisationId ? (orgName.get(p.organisationId) ?? '') : ''}</td><td>${t.langs[p.lang]}</td></tr>`,
    );
  return layout(
    ctx,
    'people',
    t.people,
    html`<h1>${t.people}</h1>${message ? html`<p class="notice" role="status">${message}</p>` : ''}
<p><a class="button" href="/console/people/new">${t.addPerson}</a></p>
<div class="table-wrap"><table><caption class="skip">${t.people}</caption><thead><tr><th scope="col">${t.name}</th><th scope="col">${t.email}</th><th scope="col">${t.kind}</th><th scope="col">${t.organisation}</th><th scope="col">${t.language}</th></tr></thead><tbody>${rows}</tbody></table></div>`,
  );
}

export interface PersonValues {
  name?: string;
  email?: string;
  lang?: string;
  kind?: string;
  organisationId?: string;
  active?: boolean;
  reminderPreference?: string;
}

export function personPage(
  ctx: ConsoleContext,
  id: string | null,
  v: PersonValues,
  orgs: Organisation[],
  errors?: Record<string, string>,
): string {
  const t = ctx.t;
  const title = id ? v.name || t.people : t.addPerson;
  const opt = (value: string, label: string, current?: string) =>
    html`<option value="${value}"${raw(current === value ? ' selected' : '')}>${label}</option>`;
  const body = html`<h1>${title}</h1>${errorSummary(ctx, errors)}
<form method="post" action="${id ? `/console/people/${id}` : '/console/people'}" novalidate>${csrfField(ctx)}
<label for="name">${t.name}</label>${fieldError(errors, 'name')}<input type="text" id="name" name="name" value="${v.name ?? ''}" required maxlength="120" autocomplete="off"${describedBy(errors, 'name')}>
<label for="email">${t.email}</label>${fieldError(errors, 'email')}<input type="email" id="email" name="email" value="${v.email ?? ''}" required maxlength="254" autocomplete="off"${describedBy(errors, 'email')}>
<label for="lang">${t.language}</label><select id="lang" name="lang">${['nl', 'en'].map((l) => opt(l, t.langs[l], v.lang ?? 'nl'))}</select>
<label for="kind">${t.kind}</label><select id="kind" name="kind">${PERSON_KINDS.map((k) => opt(k, t.kinds[k], v.kind ?? 'resident'))}</select>
<label for="organisationId">${t.organisation}</label><select id="organisationId" name="organisationId">${opt('', t.none, v.organisationId ?? '')}${orgs.map((o) => opt(o.id, o.name, v.organisationId))}</select>
<label for="reminderPreference">${t.reminderPref}</label><select id="reminderPreference" name="reminderPreference">${REMINDER_PREFS.map((r) => opt(r, t.reminderPrefs[r], v.reminderPreference === 'weekly' ? 'weekly' : 'daily'))}</select>
<label class="choice"><input type="checkbox" name="active" value="yes"${raw(v.active === false ? '' : ' checked')}> ${t.active}</label>
<button type="submit">${t.save}</button></form>`;
  return layout(ctx, 'people', title, body);
}

export const BODY_KINDS = ['board', 'core-group', 'theme-group', 'plenary'] as const;
export const ORG_KINDS = [
  'municipality',
  'housing',
  'school',
  'police',
  'foundation',
  'care',
  'business',
  'other',
] as const;

export function bodiesPage(ctx: ConsoleContext, bodies: Body[], errors?: Record<string, string>): string {
  const t = ctx.t;
  return layout(
    ctx,
    'bodies',
    t.bodies,
    html`<h1>${t.bodies}</h1>${errorSummary(ctx, errors)}<div class="cards">${bodies.map((b) => html`<div class="card"><h2><a href="/console/bodies/${b.id}">${b.name}</a></h2><p>${t.bodyKinds[b.kind]} · ${t.memberCount(b.members.length)}${b.active === false ? html` · <span class="badge">${t.inactive}</span>` : ''}</p></div>`)}</div>
<h2>${t.addGroup}</h2><form method="post" action="/console/bodies" novalidate>${csrfField(ctx)}
<label for="name">${t.groupName}</label>${fieldError(errors, 'name')}<input type="text" id="name" name="name" required maxlength="160"${describedBy(errors, 'name')}>
<label for="kind">${t.kind}</label><select id="kind" name="kind">${BODY_KINDS.map((k) => html`<option value="${k}"${raw(k === 'theme-group' ? ' selected' : '')}>${t.bodyKinds[k]}</option>`)}</select>
<button type="submit">${t.addGroup}</button></form>`,
  );
}

export function partnersPage(ctx: ConsoleContext, orgs: Organisation[], people: Person[], message?: string): string {
  const t = ctx.t;
  const name = new Map(people.map((p) => [p.id, p.name]));
  const rows = [...orgs]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map(
      (o) =>
        html`<tr><td><a href="/console/partners/${o.id}">${o.name}</a>${o.active === false ? html` <span class="badge">${t.inactive}</span>` : ''}</td><td>${t.orgKinds[o.kind]}</td><td>${o.contactIds.map((c) => name.get(c) ?? c).join(', ')}</td></tr>`,
    );
  return layout(
    ctx,
    'partners',
    t.partners,
    html`<h1>${t.partners}</h1>${message ? html`<p class="notice" role="status">${message}</p>` : ''}
<p><a class="button" href="/console/partners/new">${t.addPartner}</a></p>
<div class="table-wrap"><table><caption class="skip">${t.partners}</caption><thead><tr><th scope="col">${t.name}</th><th scope="col">${t.kind}</th><th scope="col">${t.contacts}</th></tr></thead><tbody>${rows}</tbody></table></div>`,
  );
}

export interface PartnerValues {
  name?: string;
  kind?: string;
  contactIds?: string[];
  active?: boolean;
}

export function partnerPage(
  ctx: ConsoleContext,
  id: string | null,
  v: PartnerValues,
  people: Person[],
  errors?: Record<string, string>,
): string {
  const t = ctx.t;
  const title = id ? v.name || t.partners : t.addPartner;
  const body = html`<h1>${title}</h1>${errorSummary(ctx, errors)}
<form method="post" action="${id ? `/console/partners/${id}` : '/console/partners'}" novalidate>${csrfField(ctx)}
<label for="name">${t.name}</label>${fieldError(errors, 'name')}<input type="text" id="name" name="name" value="${v.name ?? ''}" required maxlength="160"${describedBy(errors, 'name')}>
<label for="kind">${t.kind}</label><select id="kind" name="kind">${ORG_KINDS.map((k) => html`<option value="${k}"${raw((v.kind ?? 'foundation') === k ? ' selected' : '')}>${t.orgKinds[k]}</option>`)}</select>
<fieldset><legend>${t.contacts}</legend>${people.filter((p) => p.active || v.contactIds?.includes(p.id)).map((p) => html`<label class="choice"><input type="checkbox" name="contactIds" value="${p.id}"${raw(v.contactIds?.includes(p.id) ? ' checked' : '')}> ${p.name}</label>`)}</fieldset>
<label class="choice"><input type="checkbox" name="active" value="yes"${raw(v.active === false ? '' : ' checked')}> ${t.active}</label>
<button type="submit">${t.save}</button></form>`;
  return layout(ctx, 'partners', title, body);
}

export function bodyPage(
  ctx: ConsoleContext,
  body: Body,
  people: Person[],
  bodies: Body[],
  message?: string,
  errors?: Record<string, string>,
): string {
  const t = ctx.t;
  const name = new Map(people.map((p) => [p.id, p.name]));
  const opt = (value: string, label: string, current?: string) =>
    html`<option value="${value}"${raw(current === value ? ' selected' : '')}>${label}</option>`;
  const rows = body.members.map(
    (
      m,
      i,
    ) => html`<tr><th scope="row">${name.get(m.personId) ?? m.personId}<input type="hidden" name="m${i}.personId" value="${m.personId}"></th>
<td><label class="skip" for="m${i}.role">${t.role}</label><select id="m${i}.role" name="m${i}.role">${ROLES.map((r) => opt(r, t.roles[r], m.role))}</select></td>
<td><label class="choice"><input type="checkbox" name="m${i}.voting" value="yes"${raw(m.voting ? ' checked' : '')}> <span class="skip">${t.voting}</span></label></td>
<td><label class="skip" for="m${i}.represents">${t.represents}</label><select id="m${i}.represents" name="m${i}.represents">${opt('', t.none, m.representsBodyId ?? '')}${bodies.filter((b) => b.id !== body.id).map((b) => opt(b.id, b.name, m.representsBodyId))}</select></td>
<td><label class="skip" for="m${i}.substituteFor">${t.substituteFor}</label><select id="m${i}.substituteFor" name="m${i}.substituteFor">${opt('', t.none, m.substituteFor ?? '')}${body.members.filter((o) => o.personId !== m.personId).map((o) => opt(o.personId, name.get(o.personId) ?? o.personId, m.substituteFor))}</select></td>
<td><label class="choice"><input type="checkbox" name="m${i}.remove" value="yes"> <span class="skip">${t.remove}</span></label></td></tr>`,
  );
  const members = new Set(body.members.map((m) => m.personId));
  const page = html`<h1>${body.name}</h1>${message ? html`<p class="notice" role="status">${message}</p>` : ''}${errorSummary(ctx, errors)}
<details${raw(errors?.name ? ' open' : '')}><summary>${t.edit}: ${t.groupName.toLowerCase()}, ${t.kind.toLowerCase()}, ${t.active.toLowerCase()}</summary>
<form method="post" action="/console/bodies/${body.id}/settings" novalidate>${csrfField(ctx)}<input type="hidden" name="version" value="${body.version ?? 0}">
<label for="name">${t.groupName}</label>${fieldError(errors, 'name')}<input type="text" id="name" name="name" value="${body.name}" required maxlength="160"${describedBy(errors, 'name')}>
<label for="kind">${t.kind}</label><select id="kind" name="kind">${BODY_KINDS.map((k) => opt(k, t.bodyKinds[k], body.kind))}</select>
<label class="choice"><input type="checkbox" name="active" value="yes"${raw(body.active === false ? '' : ' checked')}> ${t.active}</label>
<button type="submit">${t.save}</button></form></details>
<form method="post" action="/console/bodies/${body.id}">${csrfField(ctx)}<input type="hidden" name="count" value="${body.members.length}"><input type="hidden" name="version" value="${body.version ?? 0}">
<h2>${t.members}</h2><div class="table-wrap"><table class="stack"><thead><tr><th scope="col">${t.name}</th><th scope="col">${t.role}</th><th scope="col">${t.voting}</th><th scope="col">${t.represents}</th><th scope="col">${t.substituteFor}</th><th scope="col">${t.remove}</th></tr></thead><tbody>${rows}</tbody></table></div>
<h2>${t.addMember}</h2>
<label for="add.personId">${t.person}</label>${fieldError(errors, 'add.personId')}<select id="add.personId" name="add.personId">${opt('', t.none)}${people.filter((p) => p.active && !members.has(p.id)).map((p) => opt(p.id, p.name))}</select>
<label for="add.role">${t.role}</label><select id="add.role" name="add.role">${ROLES.map((r) => opt(r, t.roles[r], 'member'))}</select>
<label class="choice"><input type="checkbox" name="add.voting" value="yes" checked> ${t.voting}</label>
<button type="submit">${t.save}</button></form>`;
  return layout(ctx, 'bodies', body.name, page);
}
