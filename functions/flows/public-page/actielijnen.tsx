/**
 * The public page of the actielijnen (GET /actielijnen): per actielijn its name, the opgave it
 * belongs to, who pulls it (the trekker, as organisation only), what it must deliver, and the
 * current state with its date: the seeds' "huidige stand van zaken", which "must keep being
 * updated" and made public. No personal data: never the contact person, nor who wrote the update;
 * the other fields of the format (risks, planning, money) stay with the office.
 */
import { publicDate } from './cycle-words';
import { publicListPage } from './public-list-page';
import type { Organisation } from '../../engine/directory';
import { type Actielijn, type PublicActielijn, publicActielijn } from '../actielijn';
import type { Lang } from '../../platform/time';

export const actielijnWords = {
  nl: {
    title: 'Actielijnen: hoe staat het ervoor?',
    intro:
      'Een actielijn is een plan van de alliantie met een doel. Elke actielijn heeft een trekker. ' +
      'De trekker vertelt elk kwartaal hoe het gaat. Dat ziet u hier.',
    none: 'Er zijn nog geen actielijnen.',
    link: 'Actielijnen: bekijk hoe het met elk plan gaat.',
    opgave: 'Onderdeel van',
    trekker: 'Trekker',
    result: 'Wat we willen bereiken',
    state: (d: string) => `Hoe staat het ervoor? (bijgewerkt op ${d})`,
    noState: 'Hoe het ervoor staat, leest u hier zodra de trekker het voor het eerst heeft verteld.',
    ended: 'Deze actielijn is afgerond.',
    cycles: 'Wat doen we wanneer? Bekijk de vaste stappen van het programma.',
  },
  en: {
    title: 'Actielijnen: how do they stand?',
    intro:
      'An actielijn is a plan of the alliance with a goal. Each actielijn has a trekker. Every quarter the trekker tells how it goes. You see that here.',
    none: 'There are no actielijnen yet.',
    link: 'Actielijnen: see how each plan is going.',
    opgave: 'Part of',
    trekker: 'Trekker',
    result: 'What we want to achieve',
    state: (d: string) => `How does it stand? (updated on ${d})`,
    noState: 'How it stands shows here once the trekker has told it for the first time.',
    ended: 'This actielijn has ended.',
    cycles: 'What do we do when? See the fixed steps of the programme.',
  },
};

function ActielijnSection(p: { a: PublicActielijn; lang: Lang }) {
  const { a, lang } = p;
  const w = actielijnWords[lang];
  return (
    <section>
      <h2>{a.name}</h2>
      {a.opgave ? (
        <p>
          {w.opgave}: {a.opgave}
        </p>
      ) : null}
      {a.trekkers.length ? (
        <p>
          {w.trekker}: {a.trekkers.join(', ')}
        </p>
      ) : null}
      {a.status === 'ended' ? <p>{w.ended}</p> : null}
      <h3>{w.result}</h3>
      <p class="state">{a.result}</p>
      {a.currentState ? (
        <>
          <h3>{w.state(publicDate(a.currentState.at, lang))}</h3>
          <p class="state">{a.currentState.text}</p>
        </>
      ) : (
        <p>{w.noState}</p>
      )}
    </section>
  );
}

export function publicActielijnenPage(all: Actielijn[], orgs: Organisation[], lang: Lang): string {
  const w = actielijnWords[lang];
  // Running ones first, then ended; within each by name, as a resident looks one up.
  const views = all
    .map((a) => publicActielijn(a, orgs))
    .sort((a, b) => Number(a.status === 'ended') - Number(b.status === 'ended') || a.name.localeCompare(b.name, 'nl'));
  return publicListPage(
    {
      lang,
      title: w.title,
      intro: w.intro,
      none: w.none,
      other: { path: '/cycli', label: w.cycles },
      style: '.state{white-space:pre-line}',
    },
    views.map((a) => <ActielijnSection a={a} lang={lang} />),
  );
}
