/**
 * GET /bijeenkomsten: the coming events, with the iCalendar feed to subscribe to, and the past ones
 * with "what we heard" and "what we did with it". Counts and words only: no one's name or address.
 */
import { type PublicEvent, freePlaces } from './event';
import { EventFacts, eventFrame, eventHeading } from './frame';
import { pageWords } from './page-texts';
import { formatDateTime, type Lang } from '../../platform/time';

const link = (e: PublicEvent, lang: Lang) => `/bijeenkomsten/${e.id}${lang === 'en' ? '?lang=en' : ''}`;

/** Past events shown: the latest twenty with something to say. */
const PAST = 20;

export function eventsListPage(events: PublicEvent[], lang: Lang, now: Date): string {
  const w = pageWords[lang];
  const coming = events.filter((e) => Date.parse(e.end) > now.getTime()).sort((a, b) => a.start.localeCompare(b.start));
  const past = events
    .filter((e) => Date.parse(e.end) <= now.getTime() && e.status === 'published')
    .sort((a, b) => b.start.localeCompare(a.start))
    .slice(0, PAST);
  return eventFrame(
    lang,
    w.listTitle,
    '/bijeenkomsten',
    <>
      <h1>{w.listTitle}</h1>
      <p>{w.listIntro}</p>
      <p>
        <a href="/bijeenkomsten/agenda.ics">{w.feed}</a>
      </p>
      {coming.length === 0 ? <p>{w.none}</p> : null}
      {coming.map((e) => (
        <article>
          <h2>
            <a href={link(e, lang)}>{eventHeading(e, lang)}</a>
          </h2>
          {e.status === 'cancelled' ? (
            <p class="notice">{w.cancelled(e.cancelReason ?? '')}</p>
          ) : (
            <p>{w.places(freePlaces(e), e.capacity)}</p>
          )}
          <EventFacts e={e} lang={lang} />
        </article>
      ))}
      {past.length ? (
        <section>
          <h2>{w.pastTitle}</h2>
          {past.map((e) => (
            <article>
              <h3>
                {eventHeading(e, lang)} ({formatDateTime(e.start, lang)})
              </h3>
              {e.heard ? <Outcome title={w.heard} text={e.heard.text} /> : <p>{w.notYet}</p>}
              {e.did ? <Outcome title={w.did} text={e.did.text} links={e.did.links} /> : null}
            </article>
          ))}
        </section>
      ) : null}
    </>,
  );
}

export function Outcome(p: { title: string; text: string; links?: { title: string; url: string }[] }) {
  return (
    <>
      <h4>{p.title}</h4>
      {p.text.split('\n').map((l) => (l.trim() ? <p>{l}</p> : null))}
      {p.links?.length ? (
        <ul>
          {p.links.map((l) => (
            <li>
              <a href={l.url}>{l.title}</a>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
