/** Times as people read them: Europe/Amsterdam, in their language. */
import { DateTime, Duration } from 'luxon';

export const ZONE = 'Europe/Amsterdam';
export type Lang = 'nl' | 'en';

export function formatDateTime(iso: string, lang: Lang): string {
  const dt = DateTime.fromISO(iso)
    .setZone(ZONE)
    .setLocale(lang === 'nl' ? 'nl' : 'en-GB');
  return lang === 'nl' ? dt.toFormat("cccc d LLLL yyyy 'om' HH:mm 'uur'") : dt.toFormat("cccc d LLLL yyyy 'at' HH:mm");
}

export function isIsoDateTimeWithOffset(value: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
    DateTime.fromISO(value, { setZone: true }).isValid
  );
}

export function isIsoDuration(value: string): boolean {
  const d = Duration.fromISO(value);
  return d.isValid && d.as('milliseconds') > 0;
}

export function addIsoDuration(date: Date, duration: string): Date {
  return DateTime.fromJSDate(date).setZone(ZONE).plus(Duration.fromISO(duration)).toJSDate();
}
