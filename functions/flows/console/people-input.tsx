/**
 * An input round of people on the console: each person asked by name (never their email: the page
 * is the office's, but lists get read over shoulders), how they answered, their words, who has not
 * answered yet, and the form on which the office records what someone gave on paper or in person.
 */
import type { Person } from '../../engine/directory';
import { Choice, ErrorSummary, FieldError, type FieldErrors } from '../../engine/ui/form';
import { Table } from '../../engine/ui/table';
import { formatDateTime, type Lang, ZONE } from '../../platform/time';
import { type InputRound, pendingPartners, respondentsOf, WRITTEN_VIA } from '../input-round';
import { InputField, SelectField, TextAreaField } from './fields';
import { peopleWords as words } from './people-words';
import { type ConsoleContext, PostForm } from './ui';

export interface WrittenValues {
  personId?: string;
  via?: string;
  /** As the date field holds it: 2026-12-01. */
  receivedAt?: string;
  text?: string;
}

/** A calendar day in Amsterdam: "1 december 2026". */
export const dayOf = (iso: string, lang: Lang) =>
  new Intl.DateTimeFormat(lang === 'nl' ? 'nl' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: ZONE,
  }).format(new Date(iso));

export const nameIn = (people: Person[]) => (id: unknown) => people.find((p) => p.id === id)?.name;

/** Whether the office may still write in the round: it takes answers until its deadline. */
export const takesInput = (round: InputRound, now: Date) =>
  round.status === 'open' && now.getTime() < Date.parse(round.deadline);

function HowCell(p: { lang: Lang; answer?: InputRound['answers'][string] }) {
  const w = words[p.lang];
  const a = p.answer;
  if (!a) return <>{w.none}</>;
  if (!a.recordedBy) return <>{w.ownLink}</>;
  return (
    <>
      {w.recorded(w.via[a.via!] ?? '')}
      {a.receivedAt ? (
        <>
          <br />
          {w.received(dayOf(a.receivedAt, p.lang))}
        </>
      ) : null}
    </>
  );
}

/** Every person asked, in the order asked, with how and what they answered; then who is still silent. */
export function PeopleAnswers(p: { ctx: ConsoleContext; round: InputRound; people: Person[] }) {
  const { lang } = p.ctx;
  const w = words[lang];
  const name = nameIn(p.people);
  const rows = respondentsOf(p.round).map((id) => {
    const a = p.round.answers[id];
    return [
      name(id) ?? id,
      <HowCell lang={lang} answer={a} />,
      a ? a.erasedAt ? <span class="hint">{w.erased}</span> : (a.text ?? '') : '—',
      a ? formatDateTime(a.at, lang) : '',
    ];
  });
  const silent = pendingPartners(p.round);
  return (
    <>
      <Table caption={w.caption} head={[w.person, w.how, w.answer, w.when]} rows={rows} class="stack" />
      <h2>{silent.length ? w.notYet(silent.length) : w.allAnswered}</h2>
      {silent.length ? (
        <ul>
          {silent.map((id) => (
            <li>{name(id) ?? id}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

/** The office's form: only for people without an answer of their own, while the round takes input. */
export function WrittenInputForm(p: {
  ctx: ConsoleContext;
  round: InputRound;
  people: Person[];
  now: Date;
  v: WrittenValues;
  errors?: FieldErrors;
}) {
  const { ctx, round, v, errors } = p;
  const w = words[ctx.lang];
  const summary = <ErrorSummary title={ctx.t.errorsTitle} errors={errors} />;
  if (!takesInput(round, p.now))
    return (
      <>
        {summary}
        <p class="hint">{w.closedForm}</p>
      </>
    );
  const name = nameIn(p.people);
  const open = respondentsOf(round).filter((id) => !round.answers[id] || round.answers[id].recordedBy);
  const options = open
    .map((id) => ({ value: id, label: name(id) ?? id }))
    .sort((a, b) => a.label.localeCompare(b.label, 'nl'));
  return (
    <>
      <h2>{w.formTitle}</h2>
      <p class="hint">{w.formHint}</p>
      {summary}
      <PostForm ctx={ctx} action={`/console/input-rounds/${round.id}/written-input`} class="card" novalidate>
        <SelectField
          id="personId"
          label={w.who}
          errors={errors}
          options={[{ value: '', label: w.choose }, ...options]}
          selected={v.personId ?? ''}
        />
        <fieldset>
          <legend>{w.viaLabel}</legend>
          <FieldError errors={errors} id="via" />
          {WRITTEN_VIA.map((via, i) => (
            <Choice
              type="radio"
              id={i === 0 ? 'via' : undefined}
              name="via"
              value={via}
              checked={v.via === via}
              label={w.via[via]}
            />
          ))}
        </fieldset>
        <InputField
          type="date"
          id="receivedAt"
          label={w.receivedAt}
          hint={w.receivedHint}
          errors={errors}
          value={v.receivedAt ?? ''}
        />
        <TextAreaField
          id="text"
          label={w.text}
          hint={w.textHint}
          errors={errors}
          value={v.text}
          required
          maxlength={2000}
        />
        <p>
          <button type="submit">{w.save}</button>
        </p>
      </PostForm>
    </>
  );
}
