/** The overview's words for bounced addresses, stopped flows and cycle phases back with the office (B1). */
import type { Lang } from '../../platform/time';
import type { PhaseBack, Stopped } from './overview-office';

const nl = {
  bouncedTitle: 'E-mailadres werkt niet',
  bounced: (kind: 'bounce' | 'complaint'): string =>
    kind === 'bounce'
      ? 'de e-mail kwam terug: het adres bestaat niet of weigert mail'
      : 'heeft onze e-mail als spam gemeld',
  fixAddress: 'Adres aanpassen',
  stoppedTitle: 'Loopt niet meer vanzelf',
  flowName: {
    'follow-up': 'Actiepunt',
    'input-round': 'Uitvraag',
    meeting: 'Vergadering',
    cycle: 'Cyclus',
  } satisfies Record<Stopped['flow'], string>,
  stoppedLine: 'twee keer gestopt; er gaan geen herinneringen meer uit',
  look: 'Bekijken',
  phasesTitle: 'Fasen die op het programmabureau wachten',
  why: (why: PhaseBack['why'], outcome: string): string =>
    ({
      rejected: `de ronde had geen akkoord (${outcome}): besluit wat nu`,
      returned: 'de stap is teruggegeven of gestopt: besluit wat nu',
      refused: 'de stap kon niet vanzelf starten: start of markeer hem zelf',
      moveRefused: 'de nieuwe datum werd geweigerd: kies een andere',
      office: 'dit doet het programmabureau zelf: markeer het als klaar',
    })[why],
  toPhase: 'Naar de fase',
};

const en: typeof nl = {
  bouncedTitle: 'Email address not working',
  bounced: (kind) =>
    kind === 'bounce' ? 'our email came back: the address does not exist or refuses mail' : 'marked our email as spam',
  fixAddress: 'Fix the address',
  stoppedTitle: 'No longer runs by itself',
  flowName: { 'follow-up': 'Action item', 'input-round': 'Input round', meeting: 'Meeting', cycle: 'Cycle' },
  stoppedLine: 'stopped twice; no more reminders go out',
  look: 'View',
  phasesTitle: 'Phases waiting for the programme office',
  why: (why, outcome) =>
    ({
      rejected: `the round was not approved (${outcome}): decide what next`,
      returned: 'the step was handed back or stopped: decide what next',
      refused: 'the step could not start by itself: start it or mark it yourself',
      moveRefused: 'the new date was refused: choose another',
      office: 'the office does this itself: mark it done',
    })[why],
  toPhase: 'Go to the phase',
};

export const overviewWords: Record<Lang, typeof nl> = { nl, en };
