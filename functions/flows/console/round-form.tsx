/** The form that puts a request to a group or to chosen people: who decides, by which rule, until when. */
import { randomBytes } from 'node:crypto';
import { isValid } from 'date-fns/isValid';
import type { Body, Person } from '../../engine/directory';
import { Choice, FieldError, type FieldErrors, Hidden } from '../../engine/ui/form';
import { isoWithOffset, localDateTime, wallClock, zoned } from '../../platform/time';
import { ruleExplanation } from '../approval-round';
import { InputField, named, SelectField, stillActive, TextAreaField } from './fields';
import { type ConsoleContext, consolePage, FormPage } from './ui';

const RULES = ['majority', 'consensus-then-majority', 'consent', 'unanimous', 'first-response'] as const;
export const REMINDER_OPTIONS = ['P7D', 'P3D', 'P1D', 'PT4H'] as const;

export interface NewRoundValues {
  title?: string;
  summary?: string;
  documents?: string;
  who?: string;
  bodyId?: string;
  approverIds?: string[];
  rule?: string;
  quorum?: string;
  consentQuorum?: boolean;
  consentDeadline?: string;
  deadline?: string;
  reminders?: string[];
}

/** datetime-local value (Amsterdam wall time) for an instant. */
export function toLocalInput(iso: string): string {
  return localDateTime(zoned(iso));
}

/** An instant from a datetime-local value read as Amsterdam time; null when it is not one. */
export function fromLocalInput(value: string | undefined): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const [hour, minute] = value.slice(11).split(':').map(Number);
  const dt = wallClock(value.slice(0, 10), hour, minute);
  // A wall time that does not exist (the hour skipped when summer time starts, or 25:00) is refused, not moved.
  return isValid(dt) && localDateTime(dt) === value ? isoWithOffset(dt) : null;
}

interface FormPart {
  ctx: ConsoleContext;
  v: NewRoundValues;
  errors?: FieldErrors;
}

/** A whole group, or people chosen one by one; the first checkbox carries the id the error links to. */
function WhoDecides(p: FormPart & { bodies: Body[]; people: Person[] }) {
  const { t } = p.ctx;
  const who = p.v.who ?? 'body';
  return (
    <fieldset>
      <legend>{t.who}</legend>
      <FieldError errors={p.errors} id="who" />
      <Choice type="radio" id="who" name="who" value="body" checked={who === 'body'} label={t.wholeBody} />
      <SelectField
        id="bodyId"
        label={t.body}
        errors={p.errors}
        options={named(stillActive(p.bodies))}
        selected={p.v.bodyId}
      />
      <Choice type="radio" name="who" value="people" checked={who === 'people'} label={t.chosenPeople} />
      <details open={who === 'people'}>
        <summary>{t.chosenPeople}</summary>
        <FieldError errors={p.errors} id="approverIds" />
        {p.people
          .filter((person) => person.active)
          .map((person, i) => (
            <Choice
              type="checkbox"
              id={i === 0 ? 'approverIds' : undefined}
              name="approverIds"
              value={person.id}
              checked={p.v.approverIds?.includes(person.id) ?? false}
              label={person.name}
            />
          ))}
      </details>
    </fieldset>
  );
}

/** The decision rule with its explanation, the quorum, and the end of a consent stage. */
function HowDecided(p: FormPart) {
  const { t, lang } = p.ctx;
  const rule = (r: (typeof RULES)[number]) => (
    <span>
      {t.ruleNames[r]}
      <span class="hint">{ruleExplanation[lang][r]}</span>
    </span>
  );
  return (
    <fieldset>
      <legend>{t.rule}</legend>
      <FieldError errors={p.errors} id="rule" />
      {RULES.map((r, i) => (
        <Choice
          type="radio"
          id={i === 0 ? 'rule' : undefined}
          name="rule"
          value={r}
          checked={(p.v.rule ?? 'majority') === r}
          label={rule(r)}
        />
      ))}
      <InputField
        type="number"
        id="quorum"
        label={t.quorum}
        hint={t.quorumHint}
        errors={p.errors}
        min={1}
        max={99}
        value={p.v.quorum ?? '50'}
      />
      <Choice
        type="checkbox"
        name="consentQuorum"
        value="on"
        checked={p.v.consentQuorum ?? false}
        label={t.consentQuorum}
      />
      <InputField
        type="datetime-local"
        id="consentDeadline"
        label={t.consentDeadline}
        hint={t.consentDeadlineHint}
        errors={p.errors}
        value={p.v.consentDeadline ?? ''}
      />
    </fieldset>
  );
}

export function newRoundPage(
  ctx: ConsoleContext,
  bodies: Body[],
  people: Person[],
  v: NewRoundValues,
  errors?: FieldErrors,
): string {
  const t = ctx.t;
  // Without a choice, the reminders most rounds use: three days and one day before the deadline.
  const reminded = (d: string) => (v.reminders ? v.reminders.includes(d) : d === 'P3D' || d === 'P1D');
  const body = (
    <FormPage ctx={ctx} title={t.newRound} errors={errors} action="/console/rounds">
      {/* One key per form shown: posting the same form twice starts one round. */}
      <Hidden name="once" value={randomBytes(18).toString('base64url')} />
      <InputField
        type="text"
        id="title"
        label={t.title}
        errors={errors}
        value={v.title ?? ''}
        required
        maxlength={200}
      />
      <TextAreaField
        id="summary"
        label={t.summary}
        hint={t.summaryHint}
        errors={errors}
        value={v.summary}
        required
        maxlength={5000}
      />
      <TextAreaField id="documents" label={t.documents} hint={t.documentsHint} errors={errors} value={v.documents} />
      <WhoDecides ctx={ctx} v={v} errors={errors} bodies={bodies} people={people} />
      <HowDecided ctx={ctx} v={v} errors={errors} />
      <InputField
        type="datetime-local"
        id="deadline"
        label={t.deadline}
        hint={t.deadlineHint}
        errors={errors}
        value={v.deadline ?? ''}
        required
      />
      <fieldset>
        <legend>{t.reminders}</legend>
        {REMINDER_OPTIONS.map((d) => (
          <Choice type="checkbox" name="reminders" value={d} checked={reminded(d)} label={t.reminderOption(d)} />
        ))}
      </fieldset>
      <button type="submit">{t.startRound}</button>
    </FormPage>
  );
  return consolePage(ctx, 'new', t.newRound, body);
}
