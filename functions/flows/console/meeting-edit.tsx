/** The series' details as a form: name, place, online link, chair and secretary, with the version shown. */
import type { Person } from '../../engine/directory';
import { type FieldErrors, Hidden } from '../../engine/ui/form';
import type { MeetingSeries } from '../meeting';
import { InputField, named, SelectField } from './fields';
import { meetingPageWords } from './meeting-words';
import { type ConsoleContext, consolePage, FormPage } from './ui';

export function editSeriesPage(
  ctx: ConsoleContext,
  s: MeetingSeries,
  people: Person[],
  p: { errors?: FieldErrors; values?: Record<string, string> } = {},
): string {
  const w = meetingPageWords[ctx.lang];
  const v = p.values ?? {
    title: s.title,
    location: s.location ?? '',
    onlineUrl: s.onlineUrl ?? '',
    chairId: s.chairId,
    secretaryId: s.secretaryId,
  };
  const options = [{ value: '', label: '—' }, ...named(people.filter((x) => x.active))];
  const body = (
    <FormPage
      ctx={ctx}
      title={`${w.editSeries}: ${s.title}`}
      errors={p.errors}
      action={`/console/meeting-series/${s.id}`}
    >
      <Hidden name="version" value={String(s.version)} />
      <p class="hint">{w.editHint}</p>
      <p>
        <a href={`/console/meeting-series/${s.id}`}>{w.backSeries}</a>
      </p>
      <InputField type="text" id="title" label={w.title} errors={p.errors} value={v.title} />
      <InputField type="text" id="location" label={w.location} errors={p.errors} value={v.location} />
      <InputField
        type="text"
        id="onlineUrl"
        label={w.onlineUrl}
        hint={w.onlineUrlHint}
        errors={p.errors}
        value={v.onlineUrl}
      />
      <SelectField id="chairId" label={w.chair} errors={p.errors} options={options} selected={v.chairId} />
      <SelectField id="secretaryId" label={w.secretary} errors={p.errors} options={options} selected={v.secretaryId} />
      <button type="submit" id="save">
        {w.saveChanges}
      </button>
    </FormPage>
  );
  return consolePage(ctx, 'meetings', w.editSeries, body);
}
