/** Console forms to create action items and input rounds, and to steer an action item. */
import type { Body, Organisation, Person } from '../../engine/directory';
import { Choice, describedBy, ErrorSummary, FieldError, type FieldErrors, Hidden, Options } from '../../engine/ui/form';
import type { Lang } from '../../platform/time';
import type { ActionItem } from '../follow-up';
import { InputField, named, SelectField, stillActive, TextAreaField } from './fields';
import { formWords as words } from './flow-form-words';
import { type ConsoleContext, consolePage, PostForm, FormPage } from './ui';

export { INPUT_REMINDER_OPTIONS, type NewInputValues, newInputPage } from './input-form';

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

/** A person or a partner does it; one error for both, linked to the legend. */
function OwnerChoice(p: {
  lang: Lang;
  people: Person[];
  orgs: Organisation[];
  v: NewItemValues;
  errors?: FieldErrors;
}) {
  const w = words[p.lang];
  const { v } = p;
  const ownerKind = v.ownerKind === 'organisation' ? 'organisation' : 'person';
  const choose = { value: '', label: w.choose };
  return (
    <fieldset>
      <legend id="owner">{w.owner}</legend>
      <FieldError errors={p.errors} id="owner" />
      <Choice type="radio" name="ownerKind" value="person" checked={ownerKind === 'person'} label={w.ownerPerson} />
      <label for="ownerPersonId" class="skip">
        {w.ownerPerson}
      </label>
      <select id="ownerPersonId" name="ownerPersonId" aria-describedby={describedBy(p.errors, 'owner')}>
        <Options options={[choose, ...named(p.people.filter((x) => x.active))]} selected={v.ownerPersonId || ''} />
      </select>
      <Choice
        type="radio"
        name="ownerKind"
        value="organisation"
        checked={ownerKind === 'organisation'}
        label={w.ownerOrg}
      />
      <label for="ownerOrganisationId" class="skip">
        {w.ownerOrg}
      </label>
      <select id="ownerOrganisationId" name="ownerOrganisationId">
        <Options options={[choose, ...named(stillActive(p.orgs))]} selected={v.ownerOrganisationId || ''} />
      </select>
    </fieldset>
  );
}

export function newItemPage(
  ctx: ConsoleContext,
  bodies: Body[],
  people: Person[],
  orgs: Organisation[],
  v: NewItemValues,
  errors?: FieldErrors,
): string {
  const w = words[ctx.lang];
  const body = (
    <FormPage ctx={ctx} title={w.newItem} errors={errors} action="/console/follow-ups">
      <TextAreaField id="what" label={w.what} errors={errors} value={v.what} required maxlength={300} />
      <fieldset>
        <legend>{w.origin}</legend>
        {(['meeting', 'decision', 'office'] as const).map((k) => (
          <Choice
            type="radio"
            name="originKind"
            value={k}
            checked={(v.originKind ?? 'meeting') === k}
            label={w.origins[k]}
          />
        ))}
        <InputField
          type="text"
          id="ref"
          label={w.ref}
          hint={w.refHint}
          errors={errors}
          maxlength={200}
          value={v.ref ?? ''}
        />
      </fieldset>
      <OwnerChoice lang={ctx.lang} people={people} orgs={orgs} v={v} errors={errors} />
      <InputField
        type="datetime-local"
        id="due"
        label={w.due}
        hint={w.dueHint}
        errors={errors}
        value={v.due ?? ''}
        required
      />
      <SelectField
        id="bodyId"
        label={w.body}
        errors={errors}
        options={named(stillActive(bodies))}
        selected={v.bodyId}
      />
      <button type="submit">{w.create}</button>
    </FormPage>
  );
  return consolePage(ctx, 'items', w.newItem, body);
}

/** On an open item's page: close it with the result, or set a new date. */
export function steerForms(ctx: ConsoleContext, item: ActionItem, errors?: FieldErrors, dueValue = '') {
  const summary = <ErrorSummary title={ctx.t.errorsTitle} errors={errors} />;
  // Closed (done, handed back, or stopped with its cycle): nothing left to steer.
  if (item.status === 'done' || item.status === 'returned' || item.status === 'cancelled') return summary;
  const w = words[ctx.lang];
  const action = `/console/follow-ups/${item.id}/steer`;
  return (
    <>
      <h2>{w.steer}</h2>
      <p class="hint">{w.steerHint}</p>
      {summary}
      <PostForm ctx={ctx} action={action} novalidate>
        <Hidden name="action" value="done" />
        <fieldset>
          <legend>{w.doneTitle}</legend>
          <TextAreaField id="result" label={w.result} errors={errors} maxlength={1000} />
          <button type="submit">{w.closeItem}</button>
        </fieldset>
      </PostForm>
      <PostForm ctx={ctx} action={action} novalidate>
        <Hidden name="action" value="move" />
        <fieldset>
          <legend>{w.moveTitle}</legend>
          <InputField type="datetime-local" id="due" label={w.due} errors={errors} value={dueValue} />
          <TextAreaField id="reason" label={w.reason} errors={errors} maxlength={500} />
          <button type="submit">{w.move}</button>
        </fieldset>
      </PostForm>
    </>
  );
}
