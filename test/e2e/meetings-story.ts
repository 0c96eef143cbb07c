/**
 * What the steps of the meetings' end-to-end story share: one local runtime per test file, the
 * people of the kerngroep De Punt, the links and forms in their mail, and the calendar files.
 * The steps live in meetings-*.steps.ts, in the order test/long/meetings.test.ts runs them: one story on
 * one moved clock, each step starting where the one before ended.
 */
import ICAL from 'ical.js';
import { afterAll, beforeAll, expect } from 'vitest';
import { Harness, type MailItem } from '../support/local';

export let h: Harness;
/** The kerngroep's series, defined by the first step. */
export let seriesId = '';
export const setSeriesId = (id: string) => {
  seriesId = id;
};
export const first = () => `${seriesId}--2026-12-08`;

/** Starts the runtime before the file's first step and stops it after its last. */
export function useHarness() {
  beforeAll(async () => {
    h = await Harness.start();
  });
  afterAll(() => h.stop());
}

export const REPS = {
  veiligheid: 'kees.brouwer@example.org',
  groen: 'aisha.toure@example.org',
  leefbaarheid: 'wim.de.groot@example.org',
  zorg: 'latifa.benali@example.org',
  jeugd: 'johan.peters@example.org',
  parkeer: 'dewi.santoso@example.org',
};
export const CHAIR = 'samira.amrani@example.org';
export const SECRETARY = 'pieter.van.leeuwen@example.org';
export const linkIn = (m: MailItem) => /https?:\/\/\S+\/m\/[A-Za-z0-9_.-]+/.exec(m.text)![0];
export const proofOf = (html: string) => /name="proof" value="([^"]+)"/.exec(html)![1];
export const post = async (link: string, form: Record<string, string>) =>
  h.post(link, { proof: proofOf((await h.open(link)).html), ...form });
export const calendarOf = (m: MailItem) => {
  const part = m.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  expect(part, m.subject).toBeDefined();
  const calendar = new ICAL.Component(ICAL.parse(part!.content));
  ICAL.TimezoneService.register(calendar.getFirstSubcomponent('vtimezone')!);
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  return {
    method: calendar.getFirstPropertyValue('method'),
    event: new ICAL.Event(vevent),
    tzid: vevent.getFirstProperty('dtstart')!.getParameter('tzid'),
  };
};
