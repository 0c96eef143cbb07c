/**
 * A window of time the calendar reads, and the helpers each flow's by-date read shares. Stored
 * sort keys are ISO instants, some in UTC (`…Z`) and some with Amsterdam's offset (`…+01:00`), so a
 * key range is widened by a day on each side and the exact test is made on the instants.
 */
export interface DateWindow {
  /** Inclusive, an ISO instant. */
  from: string;
  /** Exclusive, an ISO instant. */
  to: string;
}

const DAY_MS = 86_400_000;

/** The instant `days` days before `iso` (after, when negative), as a UTC ISO string. */
export const daysBefore = (iso: string, days: number) => new Date(Date.parse(iso) - days * DAY_MS).toISOString();

/** True when the instant lies in the window. */
export function inWindow(iso: string | undefined, w: DateWindow): boolean {
  if (!iso) return false;
  const t = Date.parse(iso);
  return t >= Date.parse(w.from) && t < Date.parse(w.to);
}

/** The sort-key range to query for the window, widened a day each way (offsets in the stored keys). */
export const keyRange = (w: DateWindow, lookBackDays = 0) =>
  [daysBefore(w.from, lookBackDays + 1), daysBefore(w.to, -1)] as const;
