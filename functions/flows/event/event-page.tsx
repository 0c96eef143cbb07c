/**
 * GET /bijeenkomsten/{id}: one event and its registration form (name, address, people, needs, the
 * interpreter's language, the language of the emails, consent for follow-up mail), with the stated
 * purpose and retention; a field people do not see catches robots. The answer page after sending.
 */
import { type PublicEvent, MAX_PEOPLE, NEEDS, freePlaces, isOpen } from './event';
import { EventFacts, eventFrame, eventHeading } from './frame';
import { Outcome } from './list-page';
import { pageWords } from './page-texts';
import { needName } from './texts';
import { describedBy, ErrorSummary, FieldError, FieldLabel, type FieldErrors, Hidden } from '../../engine/ui/form';
import type { Lang } from '../../platform/time';

/** The honeypot's name: a field a robot fills in and a person never sees. */
export const HONEYPOT = 'website';

export type FormValues = Partial<Record<'name' | 'email' | 'people' | 'language' | 'lang', string>> & {
  needs?: string[];
  consent?: boolean;
};

export function eventPage(
  e: PublicEvent,
  lang: Lang,
  now: Date,
  proof: string,
  errors?: FieldErrors,
  values: FormValues = {},
): string {
  const w = pageWords[lang];
  const self = `/bijeenkomsten/${e.id}`;
  const action = lang === 'en' ? `${self}?lang=en` : self;
  const mailLang = values.lang ?? lang;
  return eventFrame(
    lang,
    eventHeading(e, lang),
    self,
    <>
      <h1>{eventHeading(e, lang)}</h1>
      {e.description.split('\n').map((l) => (l.trim() ? <p>{l}</p> : null))}
      <EventFacts e={e} lang={lang} />
      {e.status === 'cancelled' ? <p class="notice">{w.cancelled(e.cancelReason ?? '')}</p> : null}
      {e.heard ? <Outcome title={w.heard} text={e.heard.text} /> : null}
      {e.did ? <Outcome title={w.did} text={e.did.text} links={e.did.links} /> : null}
      {isOpen(e, now) ? (
        <section>
          <h2>{w.formTitle}</h2>
          <p>{w.places(freePlaces(e), e.capacity)}</p>
          <ErrorSummary title={w.fixErrors} errors={errors} />
          <form method="post" action={action}>
            <Hidden name="proof" value={proof} />
            <FieldError errors={errors} id="proof" />
            <FieldLabel id="name" label={w.name} errors={errors} />
            <input
              type="text"
              id="name"
              name="name"
              autocomplete="name"
              required
              maxlength={100}
              value={values.name ?? ''}
              aria-describedby={describedBy(errors, 'name')}
            />
            <FieldLabel id="email" label={w.email} hint={w.emailHint} errors={errors} />
            <input
              type="email"
              id="email"
              name="email"
              autocomplete="email"
              required
              maxlength={254}
              value={values.email ?? ''}
              aria-describedby={describedBy(errors, 'email', true)}
            />
            <FieldLabel id="people" label={w.people} errors={errors} />
            <select id="people" name="people" aria-describedby={describedBy(errors, 'people')}>
              {Array.from({ length: MAX_PEOPLE }, (_, i) => String(i + 1)).map((n) => (
                <option value={n} selected={(values.people ?? '1') === n}>
                  {n}
                </option>
              ))}
            </select>
            <fieldset aria-describedby="needs-hint">
              <legend>{w.needs}</legend>
              <span class="hint" id="needs-hint">
                {w.needsHint}
              </span>
              <FieldError errors={errors} id="needs" />
              {NEEDS.map((n) => (
                <div class="check">
                  <input type="checkbox" id={`need-${n}`} name="needs" value={n} checked={values.needs?.includes(n)} />
                  <label for={`need-${n}`}>{needName[lang][n]}</label>
                </div>
              ))}
              <FieldLabel id="language" label={w.language} hint={w.languageHint} errors={errors} />
              <input
                type="text"
                id="language"
                name="language"
                maxlength={60}
                value={values.language ?? ''}
                aria-describedby={describedBy(errors, 'language', true)}
              />
            </fieldset>
            <fieldset>
              <legend>{w.lang}</legend>
              {(['nl', 'en'] as const).map((l) => (
                <div class="check">
                  <input type="radio" id={`lang-${l}`} name="lang" value={l} checked={mailLang === l} />
                  <label for={`lang-${l}`} lang={l}>
                    {l === 'nl' ? 'Nederlands' : 'English'}
                  </label>
                </div>
              ))}
            </fieldset>
            <h3>{w.purposeTitle}</h3>
            <p>{w.purpose}</p>
            <div class="check">
              <input type="checkbox" id="consent" name="consent" value="yes" checked={values.consent} />
              <label for="consent">{w.consent}</label>
            </div>
            <div style="display:none">
              <label for={HONEYPOT}>{w.honeypot}</label>
              <input type="text" id={HONEYPOT} name={HONEYPOT} tabindex={-1} autocomplete="off" />
            </div>
            <p>
              <button type="submit">{w.send}</button>
            </p>
          </form>
        </section>
      ) : e.status === 'published' ? (
        <p class="notice">{w.closed}</p>
      ) : null}
    </>,
  );
}

/** The same answer for every registration that was taken: new, waiting or known before. */
export function messagePage(e: PublicEvent, lang: Lang, text: string): string {
  return eventFrame(
    lang,
    eventHeading(e, lang),
    `/bijeenkomsten/${e.id}`,
    <>
      <h1>{eventHeading(e, lang)}</h1>
      <p class="notice" role="status">
        {text}
      </p>
    </>,
  );
}
