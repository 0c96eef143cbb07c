/**
 * The new series form with its recurrence picker: how often, on which day, from when, at what time.
 * "Bekijk de data" shows the choice back in words and as the next five dates (Amsterdam time); only
 * that preview carries the button that saves, so nobody saves a rhythm they have not seen.
 */
import { randomBytes } from 'node:crypto';
import type { Body, Person } from '../../engine/directory';
import { Choice, FieldError, type FieldErrors, Hidden } from '../../engine/ui/form';
import { formatDateTime } from '../../platform/time';
import { recurrence } from '../meeting';
import { InputField, named, SelectField, stillActive } from './fields';
import type { Values } from './meeting-request';
import { meetingPageWords } from './meeting-words';
import { type ConsoleContext, consolePage, FormPage } from './ui';

export interface Preview {
  words: string;
  rrule: string;
  starts: string[];
}

interface Part {
  ctx: ConsoleContext;
  v: Values;
  errors?: FieldErrors;
}

function Picker(p: Part) {
  const w = meetingPageWords[p.ctx.lang];
  const { v, errors } = p;
  const options = (list: readonly (string | number)[], words: Record<string, string>) =>
    list.map((x) => ({ value: String(x), label: words[String(x)] }));
  return (
    <>
      <fieldset>
        <legend>{w.pattern}</legend>
        <FieldError errors={errors} id="frequency" />
        {recurrence.FREQUENCIES.map((f, i) => (
          <Choice
            type="radio"
            id={i === 0 ? 'frequency' : undefined}
            name="frequency"
            value={f}
            checked={v.frequency === f}
            label={w.frequencies[f]}
          />
        ))}
        <InputField
          type="number"
          id="interval"
          label={w.interval}
          hint={w.intervalHint}
          errors={errors}
          value={v.interval}
          min={1}
          max={12}
        />
      </fieldset>
      <fieldset>
        <legend>{w.by}</legend>
        <FieldError errors={errors} id="by" />
        <Choice type="radio" id="by" name="by" value="weekday" checked={v.by !== 'date'} label={w.byWeekday} />
        <>
          <SelectField
            id="ordinal"
            errors={errors}
            label={w.ordinal}
            options={options(recurrence.ORDINALS, w.ordinals)}
            selected={v.ordinal}
          />
          <SelectField
            id="weekday"
            errors={errors}
            label={w.weekday}
            options={options(recurrence.WEEKDAYS, w.weekdays)}
            selected={v.weekday}
          />
        </>
        <Choice type="radio" name="by" value="date" checked={v.by === 'date'} label={w.byDate} />
        <InputField
          type="number"
          id="monthDay"
          label={w.monthDay}
          hint={w.monthDayHint}
          errors={errors}
          value={v.monthDay}
          min={1}
          max={28}
        />
        <SelectField
          id="month"
          errors={errors}
          label={w.month}
          options={w.months.map((m, i) => ({ value: String(i + 1), label: m }))}
          selected={v.month}
        />
      </fieldset>
    </>
  );
}

function PreviewBlock(p: { ctx: ConsoleContext; preview: Preview }) {
  const w = meetingPageWords[p.ctx.lang];
  return (
    <section class="preview" aria-labelledby="preview-title">
      <h2 id="preview-title">{w.previewTitle}</h2>
      <p class="rule-words">
        <strong>{p.preview.words}</strong>
      </p>
      <h3>{w.nextFive}</h3>
      <ol class="next-dates">
        {p.preview.starts.map((s) => (
          <li>
            <time datetime={s}>{formatDateTime(s, p.ctx.lang)}</time>
          </li>
        ))}
      </ol>
      <p class="hint">{w.previewHint}</p>
    </section>
  );
}

export function newSeriesPage(
  ctx: ConsoleContext,
  lists: { bodies: Body[]; people: Person[] },
  v: Values,
  p: { errors?: FieldErrors; preview?: Preview; once?: string } = {},
): string {
  const w = meetingPageWords[ctx.lang];
  const people = named(lists.people.filter((x) => x.active));
  const choose = [{ value: '', label: '—' }];
  const body = (
    <FormPage ctx={ctx} title={w.newSeries} errors={p.errors} action="/console/meetings">
      <Hidden name="once" value={p.once ?? randomBytes(18).toString('base64url')} />
      <InputField type="text" id="title" label={w.title} hint={w.titleHint} errors={p.errors} value={v.title} />
      <SelectField
        id="bodyId"
        label={w.body}
        errors={p.errors}
        options={[...choose, ...named(stillActive(lists.bodies))]}
        selected={v.bodyId}
      />
      <Picker ctx={ctx} v={v} errors={p.errors} />
      <InputField
        type="date"
        id="startsOn"
        label={w.startsOn}
        hint={w.startsOnHint}
        errors={p.errors}
        value={v.startsOn}
      />
      <InputField type="time" id="startTime" label={w.startTime} errors={p.errors} value={v.startTime} />
      <InputField
        type="number"
        id="durationMinutes"
        label={w.duration}
        errors={p.errors}
        value={v.durationMinutes}
        min={15}
        max={600}
      />
      <InputField type="text" id="location" label={w.location} errors={p.errors} value={v.location} />
      <InputField
        type="text"
        id="onlineUrl"
        label={w.onlineUrl}
        hint={w.onlineUrlHint}
        errors={p.errors}
        value={v.onlineUrl}
      />
      <SelectField
        id="chairId"
        label={w.chair}
        errors={p.errors}
        options={[...choose, ...people]}
        selected={v.chairId}
      />
      <SelectField
        id="secretaryId"
        label={w.secretary}
        errors={p.errors}
        options={[...choose, ...people]}
        selected={v.secretaryId}
      />
      <>{p.preview ? <PreviewBlock ctx={ctx} preview={p.preview} /> : null}</>
      <p class="buttons">
        <button type="submit" name="step" value="preview" class={p.preview ? 'secondary' : undefined}>
          {w.preview}
        </button>{' '}
        {p.preview ? (
          <button type="submit" name="step" value="save" id="save">
            {w.save}
          </button>
        ) : null}
      </p>
    </FormPage>
  );
  return consolePage(ctx, 'meetings', w.newSeries, body);
}
