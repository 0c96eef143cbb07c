import { randomBytes } from 'node:crypto';
/** The console's form to ask partners or residents for input: what, from whom, until when, and what if they stay silent. */
import type { Body, Organisation, Person } from '../../engine/directory';
import { Choice, FieldError, type FieldErrors, Hidden, Options } from '../../engine/ui/form';
import type { Lang } from '../../platform/time';
import { InputField, named, SelectField, stillActive, TextAreaField } from './fields';
import { formWords as words } from './flow-form-words';
import { type ConsoleContext, consolePage, FormPage } from './ui';

export const INPUT_REMINDER_OPTIONS = ['P7D', 'P3D', 'P1D'] as const;

export interface NewInputValues {
  title?: string;
  request?: string;
  organisationIds?: string[];
  kind?: string;
  /** A round of people: residents one by one, or every resident member of a group. */
  personIds?: string[];
  residentsOf?: string;
  deadline?: string;
  reminders?: string[];
  escalate?: boolean;
  bodyId?: string;
}

/** Partners one by one (those with a contact), or all of one kind. */
function PartnerChoice(p: { lang: Lang; orgs: Organisation[]; v: NewInputValues; errors?: FieldErrors }) {
  const w = words[p.lang];
  const kinds = [...new Set(p.orgs.map((o) => o.kind))].sort();
  return (
    <fieldset>
      <legend>{w.partners}</legend>
      <FieldError errors={p.errors} id="organisationIds" />
      {p.orgs.map((o, i) => (
        <Choice
          type="checkbox"
          id={i === 0 ? 'organisationIds' : undefined}
          name="organisationIds"
          value={o.id}
          checked={p.v.organisationIds?.includes(o.id) ?? false}
          label={o.name}
        />
      ))}
      <SelectField
        id="kind"
        label={w.allOfKind}
        options={[{ value: '', label: w.anyKind }, ...kinds.map((k) => ({ value: k, label: k }))]}
        selected={p.v.kind || ''}
      />
    </fieldset>
  );
}

/** The residents who still take part in the directory, and the groups with resident members. */
export const residentsIn = (people: Person[]) => people.filter((p) => p.kind === 'resident' && p.active);
export function residentMembers(body: Body, people: Person[]): string[] {
  const residents = new Set(residentsIn(people).map((p) => p.id));
  return body.members.map((m) => m.personId).filter((id) => residents.has(id));
}

/** Residents one by one, or all resident members of a group; each answers for themselves. */
function PeopleChoice(p: { lang: Lang; bodies: Body[]; people: Person[]; v: NewInputValues; errors?: FieldErrors }) {
  const w = words[p.lang];
  const groups = stillActive(p.bodies).filter((b) => residentMembers(b, p.people).length > 0);
  return (
    <fieldset>
      <legend>{w.people}</legend>
      <p class="hint">{w.peopleHint}</p>
      <FieldError errors={p.errors} id="personIds" />
      {residentsIn(p.people).map((x, i) => (
        <Choice
          type="checkbox"
          id={i === 0 ? 'personIds' : undefined}
          name="personIds"
          value={x.id}
          checked={p.v.personIds?.includes(x.id) ?? false}
          label={x.name}
        />
      ))}
      <SelectField
        id="residentsOf"
        label={w.allResidentsOf}
        options={[{ value: '', label: w.anyKind }, ...named(groups)]}
        selected={p.v.residentsOf || ''}
      />
    </fieldset>
  );
}

export function newInputPage(
  ctx: ConsoleContext,
  bodies: Body[],
  orgs: Organisation[],
  people: Person[],
  v: NewInputValues,
  errors?: FieldErrors,
): string {
  const w = words[ctx.lang];
  const reachable = stillActive(orgs).filter((o) => o.contactIds.length > 0);
  const reminded = (d: string) => (v.reminders ? v.reminders.includes(d) : d === 'P3D');
  const body = (
    <FormPage ctx={ctx} title={w.newInput} errors={errors} action="/console/input-rounds">
      {/* One key per form shown: posting the same form twice asks everyone once. */}
      <Hidden name="once" value={randomBytes(18).toString('base64url')} />
      <InputField
        type="text"
        id="title"
        label={w.title}
        errors={errors}
        value={v.title ?? ''}
        required
        maxlength={200}
      />
      <TextAreaField
        id="request"
        label={w.request}
        hint={w.requestHint}
        errors={errors}
        value={v.request}
        required
        maxlength={5000}
      />
      <p class="hint">{w.askWho}</p>
      <PartnerChoice lang={ctx.lang} orgs={reachable} v={v} errors={errors} />
      <PeopleChoice lang={ctx.lang} bodies={bodies} people={people} v={v} errors={errors} />
      <InputField
        type="datetime-local"
        id="deadline"
        label={w.deadline}
        hint={w.dueHint}
        errors={errors}
        value={v.deadline ?? ''}
        required
      />
      <fieldset>
        <legend>{w.reminders}</legend>
        {INPUT_REMINDER_OPTIONS.map((d) => (
          <Choice type="checkbox" name="reminders" value={d} checked={reminded(d)} label={w.reminderOption(d)} />
        ))}
      </fieldset>
      <Choice type="checkbox" name="escalate" value="yes" checked={v.escalate ?? true} label={w.escalate} />
      <label for="bodyId">{w.body}</label>
      <FieldError errors={errors} id="bodyId" />
      <select id="bodyId" name="bodyId">
        <Options options={named(stillActive(bodies))} selected={v.bodyId} />
      </select>
      <button type="submit">{w.startInput}</button>
    </FormPage>
  );
  return consolePage(ctx, 'inputs', w.newInput, body);
}
