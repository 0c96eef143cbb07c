/**
 * What other flows (the console's calendar pages) may use of the calendar: its entries, its grid in
 * Amsterdam time, its words, and the office's feed link. Everything else in this folder is its own.
 */
export { type CalendarEntry, calendarEntries, ENTRY_KINDS, type EntryFilter, type EntryKind } from './entries';
export { byDay, dayOf, isDate, isMonth, type MonthGrid, monthGrid, type WeekGrid, weekGrid } from './grid';
export { CANCELLED, KIND_WORDS } from './words';
export { feedDeps } from './deps';
export { type FeedLink, feedLink, newFeedLink, stopFeed } from './feed';
