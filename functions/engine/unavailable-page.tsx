/**
 * The page a person sees while a store or the mail cannot be reached (503). The error map cannot
 * know the person's language, so it is Dutch first, then English, like the other pages without a
 * flow. (A shared page: it belongs in page-layout.tsx next to problemPage once that file is free.)
 */
import { linkPage } from './page-layout';

const words = {
  nl: {
    title: 'Even niet bereikbaar',
    text:
      'Een deel van ons systeem is op dit moment niet bereikbaar. ' +
      'Probeer het over een minuut opnieuw met dezelfde link.',
  },
  en: {
    title: 'Briefly unavailable',
    text: 'Part of our system cannot be reached right now. Please try again in a minute with the same link.',
  },
};

export function unavailablePage(): string {
  return linkPage(
    'nl',
    words.nl.title,
    <>
      <h1>{words.nl.title}</h1>
      <p>{words.nl.text}</p>
      <hr />
      <h2 lang="en">{words.en.title}</h2>
      <p lang="en">{words.en.text}</p>
    </>,
  );
}
