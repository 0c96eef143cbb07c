/**
 * The answer page of a person asked for their own input (a resident, a resident member of a body):
 * what is asked, by when, one text to write, and their answer so far to change while the round is open.
 */
import { linkPage } from '../../engine/page-layout';
import { describedBy, FieldError, type FieldErrors, Hidden } from '../../engine/ui/form';
import { formatDateTime, type Lang } from '../../platform/time';
import type { InputAnswer, InputRound } from './input-round';
import { residentWords } from './resident-texts';

const HINT = 'margin:0 0 .5rem;color:#555';

/** A short message on the person's page (thanks, closed), titled as the question it is about. */
export function residentMessagePage(round: InputRound, lang: Lang, text: string): string {
  return linkPage(
    lang,
    residentWords[lang].title,
    <>
      <h1>{round.title}</h1>
      <p class="notice">{text}</p>
    </>,
  );
}

export function residentAnswerPage(
  round: InputRound,
  lang: Lang,
  action: string,
  proof: string,
  current?: InputAnswer,
  errors?: Record<string, string>,
  sent?: string,
): string {
  const m = residentWords[lang];
  const messages: FieldErrors = errors
    ? Object.fromEntries(Object.entries(errors).map(([field, code]) => [field, m.errors[code] ?? code]))
    : undefined;
  // What they sent stays in the field after an error; else their answer so far, to change.
  const value = sent ?? current?.text ?? '';
  return linkPage(
    lang,
    m.title,
    <>
      <h1>{round.title}</h1>
      {round.request.split('\n').map((line) => (line.trim() ? <p>{line}</p> : null))}
      <p>
        <strong>{m.due}:</strong> {formatDateTime(round.deadline, lang)}
      </p>
      {current ? <p class="notice">{current.via ? m.recorded(m.via[current.via]) : m.current}</p> : null}
      <form method="post" action={action}>
        <Hidden name="proof" value={proof} />
        <FieldError errors={messages} id="proof" />
        {/* The hint on a line of its own: link pages do not style the console's inline hint. */}
        <label for="text">{m.answer}</label>
        <p id="text-hint" style={HINT}>
          {m.hint}
        </p>
        <FieldError errors={messages} id="text" />
        <textarea
          id="text"
          name="text"
          rows={8}
          maxlength={2000}
          style="font-family:inherit"
          required
          aria-describedby={describedBy(messages, 'text', true)}
        >
          {value}
        </textarea>
        <button type="submit">{m.send}</button>
      </form>
    </>,
  );
}
