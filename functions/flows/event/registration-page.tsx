/**
 * GET /aanmelding/{token}: a registrant's own page behind their signed link: their registration,
 * a form to change the number of people or the needs, and a separate one to cancel.
 */
import { type PublicEvent, type Registration, MAX_PEOPLE, NEEDS } from './event';
import { EventFacts, eventFrame, eventHeading } from './frame';
import { pageWords } from './page-texts';
import { needName } from './texts';
import { describedBy, ErrorSummary, FieldLabel, type FieldErrors, Hidden } from '../../engine/ui/form';
import type { Lang } from '../../platform/time';

export function registrationPage(
  e: PublicEvent,
  r: Registration,
  lang: Lang,
  self: string,
  proof: string,
  open: boolean,
  notice?: string,
  errors?: FieldErrors,
): string {
  const w = pageWords[lang];
  const status =
    r.status === 'confirmed' ? w.statusConfirmed : r.status === 'waiting' ? w.statusWaiting : w.statusCancelled;
  return eventFrame(
    lang,
    `${w.yoursTitle}: ${e.title}`,
    self,
    <>
      <h1>{eventHeading(e, lang)}</h1>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      <h2>{w.yoursTitle}</h2>
      <p>{status}</p>
      <EventFacts e={e} lang={lang} />
      {open ? (
        <>
          <section>
            <h2>{w.changeTitle}</h2>
            <ErrorSummary title={w.fixErrors} errors={errors} />
            <form method="post" action={self}>
              <Hidden name="proof" value={proof} />
              <Hidden name="action" value="change" />
              <FieldLabel id="people" label={w.people} errors={errors} />
              <select id="people" name="people" aria-describedby={describedBy(errors, 'people')}>
                {Array.from({ length: MAX_PEOPLE }, (_, i) => i + 1).map((n) => (
                  <option value={String(n)} selected={r.people === n}>
                    {String(n)}
                  </option>
                ))}
              </select>
              <fieldset>
                <legend>{w.needs}</legend>
                {NEEDS.map((n) => (
                  <div class="check">
                    <input type="checkbox" id={`need-${n}`} name="needs" value={n} checked={r.needs.includes(n)} />
                    <label for={`need-${n}`}>{needName[lang][n]}</label>
                  </div>
                ))}
                <FieldLabel id="language" label={w.language} hint={w.languageHint} errors={errors} />
                <input
                  type="text"
                  id="language"
                  name="language"
                  maxlength={60}
                  value={r.language ?? ''}
                  aria-describedby={describedBy(errors, 'language', true)}
                />
              </fieldset>
              <p>
                <button type="submit">{w.save}</button>
              </p>
            </form>
          </section>
          <section>
            <h2>{w.cancelTitle}</h2>
            <p>{w.cancelText}</p>
            <form method="post" action={self}>
              <Hidden name="proof" value={proof} />
              <Hidden name="action" value="cancel" />
              <button type="submit">{w.cancelButton}</button>
            </form>
          </section>
        </>
      ) : r.status !== 'cancelled' ? (
        <p class="notice">{w.tooLate}</p>
      ) : null}
    </>,
    true,
  );
}
