/** The answer page of a partner input round (uitvraag), behind a contact's personal link. */
import { linkPage } from '../../engine/page-layout';
import { Choice, describedBy, FieldError, type FieldErrors, FieldLabel, Hidden } from '../../engine/ui/form';
import { formatDateTime, type Lang } from '../../platform/time';
import type { InputAnswerKind, InputRound } from './input-round';
import { inputWords } from './texts';

/** The page frame styles text areas only; the link and date fields get the same full width. */
const WIDE = 'width:100%;font-size:1rem';

/** A short message on the input round's own page (thanks, closed), titled as the request it is about. */
export function inputMessagePage(round: InputRound, lang: Lang, text: string): string {
  return linkPage(
    lang,
    inputWords[lang].title,
    <>
      <h1>{round.title}</h1>
      <p class="notice">{text}</p>
    </>,
  );
}

/** The three answers, each followed by the fields it needs: text or link, or the promised date. */
function AnswerFields(p: { lang: Lang; errors: FieldErrors }) {
  const m = inputWords[p.lang];
  const { errors } = p;
  return (
    <fieldset>
      <legend>{m.choose}</legend>
      <FieldError errors={errors} id="kind" />
      <Choice type="radio" name="kind" value="delivered" label={m.delivered} required />
      <FieldLabel id="text" label={m.text} errors={errors} />
      <textarea id="text" name="text" rows={3} maxlength={2000} aria-describedby={describedBy(errors, 'text')} />
      <FieldLabel id="url" label={m.url} errors={errors} />
      <input
        type="url"
        id="url"
        name="url"
        maxlength={500}
        style={WIDE}
        aria-describedby={describedBy(errors, 'url')}
      />
      <Choice type="radio" name="kind" value="will-deliver" label={m.later} />
      <FieldLabel id="date" label={m.date} errors={errors} />
      <input type="date" id="date" name="date" style={WIDE} aria-describedby={describedBy(errors, 'date')} />
      <Choice type="radio" name="kind" value="not-applicable" label={m.na} />
    </fieldset>
  );
}

/** A file goes to its own page (the documents flow), through the same link. */
const FILE_LINK: Record<Lang, string> = {
  nl: 'Een bestand aanleveren (PDF, Word, Excel, tot 25 MB)',
  en: 'Deliver a file (PDF, Word, Excel, up to 25 MB)',
};

export function inputAnswerPage(
  round: InputRound,
  lang: Lang,
  action: string,
  proof: string,
  current?: InputAnswerKind,
  errors?: Record<string, string>,
): string {
  const m = inputWords[lang];
  const messages: FieldErrors = errors
    ? Object.fromEntries(Object.entries(errors).map(([field, code]) => [field, m.errors[code] ?? code]))
    : undefined;
  return linkPage(
    lang,
    m.title,
    <>
      <h1>{round.title}</h1>
      <p>{round.request}</p>
      <p>
        <strong>{m.due}:</strong> {formatDateTime(round.deadline, lang)}
      </p>
      {current ? <p class="notice">{m.current(m.kinds[current])}</p> : null}
      <p>
        <a href={`${action}/documents`}>{FILE_LINK[lang]}</a>
      </p>
      <form method="post" action={action}>
        <Hidden name="proof" value={proof} />
        <FieldError errors={messages} id="proof" />
        <AnswerFields lang={lang} errors={messages} />
        <button type="submit">{m.send}</button>
      </form>
    </>,
  );
}
