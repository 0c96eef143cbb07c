/**
 * What the calendar shows: one entry per dated thing of each flow (a meeting, a round's deadline,
 * an action item's due date, an input round's deadline, a cycle phase's due date), read through each
 * flow's own by-date read, so nothing here knows another flow's keys; residents' public events too
 * (open huis, bewonersbijeenkomst, wijkparlement).
 */
import { roundsDueIn } from '../approval-round';
import { cyclePhasesIn } from '../cycle';
import { eventsIn } from '../event';
import { itemsDueIn } from '../follow-up';
import { inputRoundsDueIn } from '../input-round';
import { meetingsIn } from '../meeting';
import type { DateWindow } from '../../engine/date-window';
import type { Lang } from '../../platform/time';

export const ENTRY_KINDS = ['meeting', 'round', 'item', 'input', 'phase', 'event'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export interface CalendarEntry {
  /** Stable across reads and changes: `<kind>-<id>` (the feed's UID). */
  uid: string;
  kind: EntryKind;
  /** An ISO instant; a deadline or due date is a moment, a meeting has an end. */
  start: string;
  end?: string;
  title: string;
  /** The group it belongs to; a cycle's phase belongs to none. */
  bodyId?: string;
  /** Its page in the console. */
  href: string;
  location?: string;
  /** Cancelled (a meeting, a stopped round or item): shown struck out, in the feed as CANCELLED. */
  cancelled: boolean;
  /** Raised when the thing changes, so a calendar client replaces what it has (SEQUENCE). */
  sequence: number;
}

export type EntrySource = (w: DateWindow, lang: Lang) => Promise<CalendarEntry[]>;

const meetings: EntrySource = async (w) =>
  (await meetingsIn(w)).map((m) => ({
    uid: `meeting-${m.id}`,
    kind: 'meeting',
    start: m.start,
    end: m.end,
    title: m.title,
    bodyId: m.bodyId,
    href: `/console/meetings/${m.id}`,
    location: m.location,
    cancelled: m.cancelled,
    sequence: m.sequence,
  }));

const rounds: EntrySource = async (w) =>
  (await roundsDueIn(w)).map((r) => ({
    uid: `round-${r.id}`,
    kind: 'round',
    start: r.deadline,
    title: r.title,
    bodyId: r.bodyId,
    href: `/console/rounds/${r.id}`,
    cancelled: r.outcome === 'cancelled',
    sequence: r.version,
  }));

const items: EntrySource = async (w) =>
  (await itemsDueIn(w)).map((i) => ({
    uid: `item-${i.id}`,
    kind: 'item',
    start: i.due,
    title: i.what,
    bodyId: i.bodyId,
    href: `/console/follow-ups/${i.id}`,
    cancelled: i.status === 'cancelled',
    sequence: i.version,
  }));

const inputs: EntrySource = async (w) =>
  (await inputRoundsDueIn(w)).map((r) => ({
    uid: `input-${r.id}`,
    kind: 'input',
    start: r.deadline,
    title: r.title,
    bodyId: r.bodyId,
    href: `/console/input-rounds/${r.id}`,
    cancelled: Boolean(r.cancelled),
    sequence: r.version,
  }));

const phases: EntrySource = async (w, lang) =>
  (await cyclePhasesIn(w)).map(({ cycle, phase }) => ({
    uid: `phase-${cycle.id}-${phase.key}`,
    kind: 'phase',
    start: phase.due,
    title: `${phase.title[lang]} (${cycle.name[lang]})`,
    href: `/console/cycles/${cycle.id}`,
    cancelled: cycle.status === 'cancelled',
    sequence: 0,
  }));

const events: EntrySource = async (w) =>
  (await eventsIn(w)).map((e) => ({
    uid: `event-${e.id}`,
    kind: 'event',
    start: e.start,
    end: e.end,
    title: e.title,
    href: `/console/events/${e.id}`,
    location: e.place,
    cancelled: e.status === 'cancelled',
    sequence: e.version,
  }));

/** Every source, one per kind; a new kind adds its kind and its source here. */
export const SOURCES: Record<EntryKind, EntrySource> = {
  meeting: meetings,
  round: rounds,
  item: items,
  input: inputs,
  phase: phases,
  event: events,
};

export interface EntryFilter {
  bodyId?: string;
  kind?: EntryKind;
}

/** The entries of the window, in time order; with a filter only those kinds and that group's. */
export async function calendarEntries(w: DateWindow, lang: Lang, filter: EntryFilter = {}): Promise<CalendarEntry[]> {
  const kinds = filter.kind ? [filter.kind] : ENTRY_KINDS;
  const all = (await Promise.all(kinds.map((k) => SOURCES[k](w, lang)))).flat();
  return all
    .filter((e) => !filter.bodyId || e.bodyId === filter.bodyId)
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || a.uid.localeCompare(b.uid));
}
