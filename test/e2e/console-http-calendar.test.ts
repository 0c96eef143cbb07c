/**
 * The console's calendar over HTTP on the local runtime: an entry of each kind on its own day in
 * the month (in Amsterdam time) and the week, the filter by group and by kind, bad input answered
 * with a message (400) and never a 500, and the office's feed: made, read as valid iCalendar (parsed
 * with ical.js, as a calendar client does) with stable UIDs and Amsterdam's VTIMEZONE, replaced (the
 * old address 403), tampered with (404), stopped (403), a change from a stale page refused (409).
 */
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csrf, h, request, startSignedIn } from '../support/console-client';
import { kerngroepSeries } from '../support/meetings';

beforeAll(startSignedIn);
afterAll(() => h.stop());

const main = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));
/** The month table's cell of one day, found by its whole date ("woensdag 18 november 2026"). */
function cell(html: string, longDay: string): string {
  const at = html.indexOf(`<span class="long">${longDay}</span>`);
  expect(at, longDay).toBeGreaterThan(-1);
  return html.slice(html.lastIndexOf('<td', at), html.indexOf('</td>', at));
}
/** The week list's section of one day. */
function section(html: string, longDay: string): string {
  const at = html.indexOf(`<h2>${longDay}`);
  expect(at, longDay).toBeGreaterThan(-1);
  return html.slice(at, html.indexOf('</section>', at));
}
const feedUrl = (html: string) => /id="feed-url" readonly="" value="([^"]+)"/.exec(html)?.[1];
const version = (html: string) => /name="version" value="(\d+)"/.exec(html)![1];
const get = (url: string) => fetch(url.replace(/^https?:\/\/[^/]+/, h.rt.urls.app));

const ids = { series: '', round: '', item: '', input: '', cycle: '', event: '' };

describe('the calendar in the console', () => {
  beforeAll(async () => {
    const series = await h.api('POST', '/api/meeting-series', kerngroepSeries('Kerngroep De Punt'));
    expect(series.status).toBe(201);
    ids.series = series.body.id;
    const round = await h.api('POST', '/api/rounds', {
      title: 'Aanvraag <SPUK> & begroting',
      summary: 'Akkoord?',
      bodyId: 'alliantiebestuur',
      rule: { type: 'majority' },
      // 23:30 in Amsterdam is 22:30 UTC: the round closes on the 20th, not the 21st.
      deadline: '2026-11-20T23:30:00+01:00',
    });
    expect(round.status).toBe(201);
    ids.round = round.body.id;
    const item = await h.api('POST', '/api/follow-ups', {
      what: 'Hekwerk speeltuin vervangen',
      due: '2026-11-25T17:00:00+01:00',
      bodyId: 'kerngroep-de-punt',
      ownerPersonId: 'p-ruben-kok',
      origin: { kind: 'office' },
    });
    expect(item.status).toBe(201);
    ids.item = item.body.id;
    const input = await h.api('POST', '/api/input-rounds', {
      title: 'Cijfers buurtpreventie',
      request: 'Aantal meldingen',
      organisationIds: ['woon'],
      // 00:30 in Amsterdam on the 19th is still the 18th in UTC.
      deadline: '2026-11-19T00:30:00+01:00',
      bodyId: 'alliantiebestuur',
      escalate: false,
    });
    expect(input.status).toBe(201);
    ids.input = input.body.id;
    const cycle = await h.api('POST', '/api/cycles', {
      templateId: 'yearly-budget',
      anchors: { budgetMeeting: '2027-01-12T19:00:00+01:00', reallocationMeeting: '2027-09-21T19:00:00+02:00' },
      assignments: {
        opgaveteams: { organisationIds: ['woon'] },
        programmeTeam: { personIds: ['p-samira-amrani'] },
        board: { personIds: ['p-anouk-de-vries'] },
      },
    });
    expect(cycle.status).toBe(201);
    ids.cycle = cycle.body.id;
    const event = await h.api('POST', '/api/events', {
      kind: 'open-huis',
      title: 'Open huis Wonen',
      theme: 'Wonen en leefbaarheid',
      description: 'Kom langs en vertel wat u belangrijk vindt.',
      place: 'Buurthuis De Punt',
      address: 'Pieter Calandlaan 1, Amsterdam',
      start: '2026-11-26T19:30:00+01:00',
      end: '2026-11-26T21:00:00+01:00',
      accessibility: 'Drempelvrij.',
      languages: ['Nederlands'],
      capacity: 30,
    });
    expect(event.status).toBe(201);
    ids.event = event.body.events[0].id;
    await h.rt.whenIdle();
  });

  it('shows each kind on its own day of the month, in Amsterdam time, with a link to its page', async () => {
    const res = await request('GET', '/console/calendar?view=month&date=2026-11');
    expect(res.status).toBe(200);
    const html = main(res.html);
    expect(html).toContain('Kalender: november 2026');
    const round = cell(html, 'vrijdag 20 november 2026');
    expect(round).toContain(`href="/console/rounds/${ids.round}"`);
    // Escaped, as every page escapes what people typed.
    expect(round).toContain('Aanvraag &lt;SPUK&gt; &amp; begroting');
    expect(round).toContain('23:30');
    expect(cell(html, 'zaterdag 21 november 2026')).not.toContain(ids.round);
    expect(cell(html, 'donderdag 19 november 2026')).toContain(`href="/console/input-rounds/${ids.input}"`);
    expect(cell(html, 'woensdag 18 november 2026')).not.toContain(ids.input);
    expect(cell(html, 'woensdag 25 november 2026')).toContain(`href="/console/follow-ups/${ids.item}"`);
    // A public event for residents, with its place and no one's registration.
    const event = cell(html, 'donderdag 26 november 2026');
    expect(event).toContain(`href="/console/events/${ids.event}"`);
    expect(event).toContain('Open huis Wonen');
    expect(event).toContain('19:30');
    // Today (the harness's clock: 2 November 2026) is marked.
    expect(cell(html, 'maandag 2 november 2026')).toContain('aria-current="date"');
    expect(html.match(/aria-current="date"/g)).toHaveLength(1);
  });

  it('shows the meeting from its series, and a cycle phase on its due date', async () => {
    const dec = main((await request('GET', '/console/calendar?view=month&date=2026-12')).html);
    const tuesday = cell(dec, 'dinsdag 8 december 2026');
    expect(tuesday).toContain(`href="/console/meetings/${ids.series}--2026-12-08"`);
    expect(tuesday).toContain('19:00–21:00');
    const phases = (await h.api('GET', `/api/cycles/${ids.cycle}`)).body.phases as { due: string; title: any }[];
    const due = new Date(phases[0].due);
    const date = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(due);
    const long = new Intl.DateTimeFormat('nl', {
      timeZone: 'Europe/Amsterdam',
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }).format(due);
    const month = main((await request('GET', `/console/calendar?view=month&date=${date.slice(0, 7)}`)).html);
    const day = cell(month, long);
    expect(day).toContain(`href="/console/cycles/${ids.cycle}"`);
    expect(day).toContain(`${phases[0].title.nl} (Jaarlijkse begroting)`);
  });

  it('lists a week day by day, Monday first', async () => {
    const res = await request('GET', '/console/calendar?view=week&date=2026-12-09');
    expect(res.status).toBe(200);
    const html = main(res.html);
    expect(html).toContain('Kalender: week 50 (7 december – 13 december 2026)');
    expect(html.indexOf('maandag 7 december 2026')).toBeLessThan(html.indexOf('zondag 13 december 2026'));
    expect(section(html, 'dinsdag 8 december 2026')).toContain(`/console/meetings/${ids.series}--2026-12-08`);
    expect(section(html, 'woensdag 9 december 2026')).toContain('Niets gepland.');
  });

  it('filters by group and by kind', async () => {
    const board = main((await request('GET', '/console/calendar?view=month&date=2026-11&body=alliantiebestuur')).html);
    expect(board).toContain(`/console/rounds/${ids.round}`);
    expect(board).toContain(`/console/input-rounds/${ids.input}`);
    expect(board).not.toContain(`/console/follow-ups/${ids.item}`);
    const kern = main((await request('GET', '/console/calendar?view=month&date=2026-11&body=kerngroep-de-punt')).html);
    expect(kern).toContain(`/console/follow-ups/${ids.item}`);
    expect(kern).not.toContain(`/console/rounds/${ids.round}`);
    const rounds = main((await request('GET', '/console/calendar?view=month&date=2026-11&kind=round')).html);
    expect(rounds).toContain(`/console/rounds/${ids.round}`);
    expect(rounds).not.toContain(`/console/input-rounds/${ids.input}`);
    // The links to the next month keep the filter.
    expect(rounds).toContain('href="/console/calendar?view=month&amp;date=2026-12&amp;kind=round"');
  });

  it('answers input that names nothing with a message, and shows today instead', async () => {
    for (const [query, message] of [
      ['view=month&date=2026-02-30', 'Die datum bestaat niet.'],
      ['view=week&date=%3Cscript%3E', 'Die datum bestaat niet.'],
      ['body=nope', 'Die groep bestaat niet.'],
      ['kind=everything', 'Die soort bestaat niet.'],
    ]) {
      const res = await request('GET', `/console/calendar?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.html, query).toContain(message);
      expect(res.html).not.toContain('<script>');
    }
  });
});

describe("the office's calendar feed", () => {
  let first = '';

  it('has no address until the office makes one', async () => {
    const page = (await request('GET', '/console/calendar')).html;
    expect(feedUrl(page)).toBeUndefined();
    expect(page).toContain('Er is nog geen adres');
    const made = await request('POST', '/console/calendar/feed', { _csrf: csrf, version: version(page) });
    expect(made.status).toBe(303);
    first = feedUrl((await request('GET', '/console/calendar')).html)!;
    expect(first).toMatch(/\/k\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  });

  it('serves valid iCalendar without a session: every kind, stable UIDs, Amsterdam time', async () => {
    const res = await get(first);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const text = await res.text();
    const cal = new ICAL.Component(ICAL.parse(text));
    expect(cal.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Amsterdam');
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const uids = events.map((e) => e.uid);
    expect(new Set(uids).size).toBe(uids.length);
    const meeting = events.find((e) => e.uid.startsWith(`meeting-${ids.series}--2026-12-08@`))!;
    expect(meeting.component.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/Amsterdam');
    expect(meeting.startDate.toJSDate().toISOString()).toBe('2026-12-08T18:00:00.000Z');
    expect(meeting.endDate.toJSDate().toISOString()).toBe('2026-12-08T20:00:00.000Z');
    expect(meeting.summary).toBe('Kerngroep De Punt');
    const stamp = meeting.component.getFirstPropertyValue('dtstamp') as ICAL.Time;
    expect(stamp.zone?.tzid).toBe('UTC');
    const round = events.find((e) => e.uid.startsWith(`round-${ids.round}@`))!;
    expect(round.summary).toBe('Besluitronde sluit: Aanvraag <SPUK> & begroting');
    expect(round.startDate.toJSDate().toISOString()).toBe('2026-11-20T22:30:00.000Z');
    for (const kind of ['item', 'input', 'phase'])
      expect(
        uids.some((u) => u.startsWith(`${kind}-`)),
        kind,
      ).toBe(true);
    // A calendar client may ask with HEAD first: the same answer without the body.
    const head = await fetch(first.replace(/^https?:\/\/[^/]+/, h.rt.urls.app), { method: 'HEAD' });
    expect([head.status, head.headers.get('content-type')]).toEqual([200, 'text/calendar; charset=utf-8']);
    // Read again: the same UIDs, so a calendar client updates what it has instead of doubling it.
    const again = new ICAL.Component(ICAL.parse(await (await get(first)).text()));
    expect(again.getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('uid'))).toEqual(uids);
  });

  it('refuses a tampered or unknown address with 404', async () => {
    const [body, sig] = first.split('/k/')[1].split('.');
    const flipped = `${sig.slice(0, -2)}${sig.at(-2) === 'A' ? 'B' : 'A'}${sig.at(-1)}`;
    expect((await get(`${h.rt.urls.app}/k/${body}.${flipped}`)).status).toBe(404);
    expect((await get(`${h.rt.urls.app}/k/nothing`)).status).toBe(404);
    // A member's own decision link is signed with the same keys, but for a round: it opens no feed.
    const invitation = (await h.mail()).find((m) => /\/d\/[A-Za-z0-9_.-]+/.test(m.text))!;
    const decision = /\/d\/([A-Za-z0-9_.-]+)/.exec(invitation.text)![1];
    expect((await get(`${h.rt.urls.app}/d/${decision}`)).status).toBe(200);
    expect((await get(`${h.rt.urls.app}/k/${decision}`)).status).toBe(404);
  });

  it('replaces the address: the old one answers 403, the new one the feed; a stale page changes nothing', async () => {
    const page = (await request('GET', '/console/calendar')).html;
    const seen = version(page);
    const made = await request('POST', '/console/calendar/feed', { _csrf: csrf, version: seen });
    expect(made.status).toBe(303);
    const second = feedUrl((await request('GET', '/console/calendar')).html)!;
    expect(second).not.toBe(first);
    expect((await get(first)).status).toBe(403);
    expect((await get(second)).status).toBe(200);
    const stale = await request('POST', '/console/calendar/feed/stop', { _csrf: csrf, version: seen });
    expect(stale.status).toBe(409);
    expect(stale.html).toContain('Iemand anders heeft het adres net veranderd.');
    expect((await get(second)).status).toBe(200);
    const noSecret = await request('POST', '/console/calendar/feed/stop', { version: version(stale.html) });
    expect(noSecret.status).toBe(403);
    const stopped = await request('POST', '/console/calendar/feed/stop', { _csrf: csrf, version: version(stale.html) });
    expect(stopped.status).toBe(303);
    expect((await get(second)).status).toBe(403);
    expect(feedUrl((await request('GET', '/console/calendar')).html)).toBeUndefined();
  });
});
