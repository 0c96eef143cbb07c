/** Console pages for people and partner organisations (groups and their memberships: group-pages.tsx). */
import { ORG_KINDS, type Organisation, type Person } from '../../engine/directory';
import { Choice, type FieldErrors } from '../../engine/ui/form';
import { InputField, named, SelectField, worded } from './fields';
import { type ConsoleContext, consolePage, InactiveBadge, ListPage, type ListPageProps, FormPage } from './ui';

export { BODY_KINDS, bodiesPage, bodyPage, ROLES } from './group-pages';

export const PERSON_KINDS = ['resident', 'partner-contact', 'municipality', 'programme-office'] as const;
export const REMINDER_PREFS = ['daily', 'weekly'] as const;

/** A page of people, in the order of the list (by name); `paging`: its search and page links. */
export function peoplePage(
  ctx: ConsoleContext,
  people: Person[],
  orgs: Organisation[],
  message?: string,
  paging?: ListPageProps['paging'],
): string {
  const t = ctx.t;
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  const rows = people.map((p) => [
    <>
      <a href={`/console/people/${p.id}`}>{p.name}</a>
      <InactiveBadge ctx={ctx} inactive={!p.active} />
    </>,
    p.email,
    t.kinds[p.kind],
    p.organisationId ? (orgName.get(p.organisationId) ?? '') : '',
    t.langs[p.lang],
  ]);
  const body = (
    <ListPage
      title={t.people}
      message={message}
      add={{ href: '/console/people/new', label: t.addPerson }}
      head={[t.name, t.email, t.kind, t.organisation, t.language]}
      rows={rows}
      paging={paging}
    />
  );
  return consolePage(ctx, 'people', t.people, body);
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
  errors?: FieldErrors,
): string {
  const t = ctx.t;
  const title = id ? v.name || t.people : t.addPerson;
  const body = (
    <FormPage ctx={ctx} title={title} errors={errors} action={id ? `/console/people/${id}` : '/console/people'}>
      <InputField
        type="text"
        id="name"
        label={t.name}
        errors={errors}
        value={v.name ?? ''}
        required
        maxlength={120}
        autocomplete="off"
      />
      <InputField
        type="email"
        id="email"
        label={t.email}
        errors={errors}
        value={v.email ?? ''}
        required
        maxlength={254}
        autocomplete="off"
      />
      <SelectField id="lang" label={t.language} options={worded(['nl', 'en'], t.langs)} selected={v.lang ?? 'nl'} />
      <SelectField id="kind" label={t.kind} options={worded(PERSON_KINDS, t.kinds)} selected={v.kind ?? 'resident'} />
      <SelectField
        id="organisationId"
        label={t.organisation}
        options={[{ value: '', label: t.none }, ...named(orgs)]}
        selected={v.organisationId ?? ''}
      />
      <SelectField
        id="reminderPreference"
        label={t.reminderPref}
        options={worded(REMINDER_PREFS, t.reminderPrefs)}
        selected={v.reminderPreference === 'weekly' ? 'weekly' : 'daily'}
      />
      <Choice type="checkbox" name="active" value="yes" checked={v.active !== false} label={t.active} />
      <button type="submit">{t.save}</button>
    </FormPage>
  );
  return consolePage(ctx, 'people', title, body);
}

/** A page of partners, by name; `people`: at least their contacts. */
export function partnersPage(
  ctx: ConsoleContext,
  orgs: Organisation[],
  people: Person[],
  message?: string,
  paging?: ListPageProps['paging'],
): string {
  const t = ctx.t;
  const name = new Map(people.map((p) => [p.id, p.name]));
  const rows = orgs.map((o) => [
    <>
      <a href={`/console/partners/${o.id}`}>{o.name}</a>
      <InactiveBadge ctx={ctx} inactive={o.active === false} />
    </>,
    t.orgKinds[o.kind],
    o.contactIds.map((c) => name.get(c) ?? c).join(', '),
  ]);
  const body = (
    <ListPage
      title={t.partners}
      message={message}
      add={{ href: '/console/partners/new', label: t.addPartner }}
      head={[t.name, t.kind, t.contacts]}
      rows={rows}
      paging={paging}
    />
  );
  return consolePage(ctx, 'partners', t.partners, body);
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
  errors?: FieldErrors,
): string {
  const t = ctx.t;
  const title = id ? v.name || t.partners : t.addPartner;
  const chosen = (p: Person) => v.contactIds?.includes(p.id) ?? false;
  const body = (
    <FormPage ctx={ctx} title={title} errors={errors} action={id ? `/console/partners/${id}` : '/console/partners'}>
      <InputField type="text" id="name" label={t.name} errors={errors} value={v.name ?? ''} required maxlength={160} />
      <SelectField id="kind" label={t.kind} options={worded(ORG_KINDS, t.orgKinds)} selected={v.kind ?? 'foundation'} />
      <fieldset>
        <legend>{t.contacts}</legend>
        {/* A contact who left stays listed while still chosen, so saving does not drop them unseen. */}
        {people
          .filter((p) => p.active || chosen(p))
          .map((p) => (
            <Choice type="checkbox" name="contactIds" value={p.id} checked={chosen(p)} label={p.name} />
          ))}
      </fieldset>
      <Choice type="checkbox" name="active" value="yes" checked={v.active !== false} label={t.active} />
      <button type="submit">{t.save}</button>
    </FormPage>
  );
  return consolePage(ctx, 'partners', title, body);
}
