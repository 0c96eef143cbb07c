/**
 * The public consultation pages: the list (GET /inspraak) and one consultation (GET /inspraak/{id})
 * with its question, explanation, documents, deadline and the answer form while it is open; after
 * it, the summary and what was done with it. No personal data: never an answer's words or who gave
 * them, only how many came in.
 */
import type { FieldError } from './answer-check';
import { type Consultation, CONTACT_RETENTION_DAYS, isOpen, MAX_ANSWER_LENGTH } from './consultation';
import { publicFrame } from './page-frame';
import type { AnswerForm } from './schemas';
import { consultationWords } from './texts';
import { formatDateTime, type Lang } from '../../platform/time';

const q = (lang: Lang) => (lang === 'en' ? '?lang=en' : '');
const link = (c: Consultation, lang: Lang) => `/inspraak/${encodeURIComponent(c.id)}${q(lang)}`;

function state(c: Consultation, lang: Lang, now: Date): string {
  const w = consultationWords[lang];
  if (c.cancelled) return w.stopped;
  if (isOpen(c, now)) return w.open;
  return c.summary ? w.published : w.closed;
}

/** "1060 tot en met 1069" reads better than ten numbers; single areas stay as they are. */
function areaList(areas: string[], lang: Lang): string {
  const runs: [number, number][] = [];
  for (const n of areas.map(Number)) {
    const last = runs.at(-1);
    if (last && n === last[1] + 1) last[1] = n;
    else runs.push([n, n]);
  }
  const through = lang === 'nl' ? ' tot en met ' : ' to ';
  return runs.map(([a, b]) => (a === b ? String(a) : `${a}${through}${b}`)).join(', ');
}

export function consultationListPage(all: Consultation[], lang: Lang, now: Date): string {
  const w = consultationWords[lang];
  // Open ones first (soonest deadline first), then the closed ones, newest first.
  const open = all.filter((c) => isOpen(c, now)).sort((a, b) => a.deadline.localeCompare(b.deadline));
  const closed = all.filter((c) => !isOpen(c, now)).sort((a, b) => b.deadline.localeCompare(a.deadline));
  const items = [...open, ...closed];
  return publicFrame(
    lang,
    w.listTitle,
    <>
      <h1>{w.listTitle}</h1>
      <p>{w.listIntro}</p>
      {items.length === 0 ? <p>{w.none}</p> : null}
      {items.map((c) => (
        <section>
          <h2>{c.title}</h2>
          <p class="pre">{c.question}</p>
          <p>
            <strong>{state(c, lang, now)}.</strong>{' '}
            {isOpen(c, now) ? w.until(formatDateTime(c.deadline, lang)) : w.closedOn(formatDateTime(c.deadline, lang))}
          </p>
          <p>
            <a href={link(c, lang)}>{w.read(c.title)}</a>
          </p>
        </section>
      ))}
    </>,
    lang === 'nl' ? '/inspraak?lang=en' : '/inspraak',
  );
}

export interface FormState {
  values: Partial<AnswerForm>;
  errors: Partial<Record<keyof AnswerForm, FieldError>>;
}

function Field(p: {
  name: keyof AnswerForm;
  label: string;
  hint?: string;
  type?: string;
  form: FormState;
  lang: Lang;
}) {
  const error = p.form.errors[p.name];
  const ids = [p.hint ? `${p.name}-hint` : '', error ? `${p.name}-error` : ''].filter(Boolean).join(' ');
  return (
    <>
      <label for={p.name}>
        {p.label}
        {p.hint ? (
          <span class="hint" id={`${p.name}-hint`}>
            {p.hint}
          </span>
        ) : null}
      </label>
      {error ? (
        <p class="error" id={`${p.name}-error`}>
          {consultationWords[p.lang].errors[error]}
        </p>
      ) : null}
      <input
        type={p.type ?? 'text'}
        id={p.name}
        name={p.name}
        value={p.form.values[p.name] ?? ''}
        aria-describedby={ids || undefined}
        aria-invalid={error ? 'true' : undefined}
        autocomplete={
          p.name === 'email' ? 'email' : p.name === 'postcode' ? 'postal-code' : p.name === 'name' ? 'name' : undefined
        }
      />
    </>
  );
}

function AnswerFormView(p: { c: Consultation; lang: Lang; form: FormState }) {
  const { c, lang, form } = p;
  const w = consultationWords[lang];
  const errors = Object.entries(form.errors) as [keyof AnswerForm, FieldError][];
  const textError = form.errors.text;
  return (
    <form method="post" action={link(c, lang)} novalidate>
      <h2>{w.formTitle}</h2>
      {errors.length ? (
        <div class="errors" role="alert">
          <p>{w.errorsTitle}</p>
          <ul>
            {errors.map(([field, e]) => (
              <li>
                <a href={`#${field}`}>{w.errors[e]}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p class="notice">{w.purpose(CONTACT_RETENTION_DAYS)}</p>
      <label for="text">
        {w.text}
        <span class="hint" id="text-hint">
          {w.textHint(MAX_ANSWER_LENGTH)}
        </span>
      </label>
      {textError ? (
        <p class="error" id="text-error">
          {w.errors[textError]}
        </p>
      ) : null}
      <textarea
        id="text"
        name="text"
        maxlength={MAX_ANSWER_LENGTH}
        aria-describedby={textError ? 'text-hint text-error' : 'text-hint'}
        aria-invalid={textError ? 'true' : undefined}
      >
        {form.values.text ?? ''}
      </textarea>
      {c.areas?.length ? (
        <Field name="postcode" label={w.postcodeNeeded} hint={w.postcodeHint} form={form} lang={lang} />
      ) : null}
      <fieldset>
        <legend>{w.contactTitle}</legend>
        <Field name="name" label={w.name} form={form} lang={lang} />
        <Field name="email" label={w.email} type="email" form={form} lang={lang} />
        {c.areas?.length ? null : (
          <Field name="postcode" label={w.postcode} hint={w.postcodeHint} form={form} lang={lang} />
        )}
        {form.errors.consent ? (
          <p class="error" id="consent-error">
            {w.errors[form.errors.consent]}
          </p>
        ) : null}
        <label class="check" for="consent">
          <input type="checkbox" id="consent" name="consent" value="yes" checked={form.values.consent === 'yes'} />
          <span>{w.consent}</span>
        </label>
      </fieldset>
      <div class="hp" aria-hidden="true">
        <label for="website">{w.honeypot}</label>
        <input type="text" id="website" name="website" tabindex={-1} autocomplete="off" value="" />
      </div>
      <button type="submit">{w.send}</button>
    </form>
  );
}

export function consultationPage(
  c: Consultation,
  answerCount: number,
  lang: Lang,
  now: Date,
  form: FormState = { values: {}, errors: {} },
): string {
  const w = consultationWords[lang];
  const open = isOpen(c, now);
  return publicFrame(
    lang,
    c.title,
    <>
      <p>
        <a href={`/inspraak${q(lang)}`}>{w.all}</a>
      </p>
      <h1>{c.title}</h1>
      <p>
        <strong>{state(c, lang, now)}.</strong>{' '}
        {open ? w.until(formatDateTime(c.deadline, lang)) : w.closedOn(formatDateTime(c.deadline, lang))}{' '}
        {w.answers(answerCount)}.
      </p>
      <h2>{w.question}</h2>
      <p class="pre">{c.question}</p>
      <h2>{w.explanation}</h2>
      <p class="pre">{c.explanation}</p>
      {c.documents.length ? (
        <>
          <h2>{w.documents}</h2>
          <ul>
            {c.documents.map((d) => (
              <li>
                <a href={d.url}>{d.title}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {c.areas?.length ? <p>{w.areas(areaList(c.areas, lang))}</p> : null}
      {c.summary ? (
        <section>
          <h2>{w.summary(formatDateTime(c.summary.at, lang))}</h2>
          <p class="pre">{c.summary.text}</p>
        </section>
      ) : null}
      {c.outcome ? (
        <section>
          <h2>{w.outcome(formatDateTime(c.outcome.at, lang))}</h2>
          <p class="pre">{c.outcome.text}</p>
          {c.outcome.links.length ? (
            <>
              <h3>{w.followed}</h3>
              <ul>
                {c.outcome.links.map((d) => (
                  <li>
                    <a href={d.url}>{d.title}</a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
      {open ? <AnswerFormView c={c} lang={lang} form={form} /> : null}
    </>,
    `/inspraak/${encodeURIComponent(c.id)}${lang === 'nl' ? '?lang=en' : ''}`,
  );
}

/** After a POST: thanks, closed, or too many at once; a short page with the way back. */
export function noticePage(c: Consultation, lang: Lang, kind: 'thanks' | 'closed' | 'busy'): string {
  const w = consultationWords[lang];
  const [title, text] =
    kind === 'thanks'
      ? [w.thanksTitle, w.thanks]
      : kind === 'closed'
        ? [w.closedTitle, w.closedText]
        : [w.busyTitle, w.busyText];
  return publicFrame(
    lang,
    title,
    <>
      <h1>{title}</h1>
      <p>{text}</p>
      <p>
        <a href={link(c, lang)}>{w.back}</a>
      </p>
    </>,
    `/inspraak/${encodeURIComponent(c.id)}${lang === 'nl' ? '?lang=en' : ''}`,
  );
}
