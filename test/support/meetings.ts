/**
 * The kerngroep De Punt's monthly series the local tests use: every second Tuesday, 19:00–21:00,
 * from 15 November 2026 (so its first meeting is on 8 December, its call for agenda items on 24 November).
 */
export function kerngroepSeries(title: string) {
  return {
    bodyId: 'kerngroep-de-punt',
    title,
    rrule: 'FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2',
    startsOn: '2026-11-15',
    startTime: '19:00',
    durationMinutes: 120,
    chairId: 'p-samira-amrani',
    secretaryId: 'p-pieter-van-leeuwen',
  };
}
