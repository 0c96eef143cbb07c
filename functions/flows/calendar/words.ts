/** The calendar's words for each kind of entry, in both languages (the console pages and the feed). */
import type { Lang } from '../../platform/time';
import type { EntryKind } from './entries';

export const KIND_WORDS: Record<Lang, Record<EntryKind, { one: string; many: string }>> = {
  nl: {
    meeting: { one: 'Vergadering', many: 'Vergaderingen' },
    round: { one: 'Besluitronde sluit', many: 'Besluitrondes' },
    item: { one: 'Actiepunt klaar', many: 'Actiepunten' },
    input: { one: 'Uitvraag sluit', many: 'Uitvragen' },
    phase: { one: 'Fase van een cyclus', many: 'Fasen van cycli' },
    event: { one: 'Bijeenkomst voor bewoners', many: 'Bijeenkomsten voor bewoners' },
  },
  en: {
    meeting: { one: 'Meeting', many: 'Meetings' },
    round: { one: 'Round closes', many: 'Approval rounds' },
    item: { one: 'Action item due', many: 'Action items' },
    input: { one: 'Input round closes', many: 'Input rounds' },
    phase: { one: 'Cycle phase', many: 'Cycle phases' },
    event: { one: 'Event for residents', many: 'Events for residents' },
  },
};

export const FEED_NAME: Record<Lang, string> = {
  nl: 'Alliantiecyclus – programmabureau',
  en: 'Alliance cycle – programme office',
};

export const CANCELLED: Record<Lang, string> = { nl: 'afgelast', en: 'cancelled' };
