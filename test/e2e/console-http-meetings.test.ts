/**
 * Meetings through the console's forms on the local runtime: the series form with its picker (Dutch
 * messages, what was typed kept, nothing made), the preview in words and dates before saving, the
 * save (once for a double send), moving with a reason and cancelling single meetings (each checked
 * against the API and the mailbox), a meeting's page with the members' agenda items, the late one,
 * who cannot come, and its agenda to print.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csrf, h, request, signIn, startSignedIn } from '../support/console-client';

beforeAll(startSignedIn);
afterAll(() => h.stop());

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const linkIn = (text: string) => /https?:\/\/\S+\/m\/[A-Za-z0-9_.-]+/.exec(text)![0];
const memberPost = async (link: string, form: Record<string, string>) => {
  const proof = /name="proof" value="([^"]+)"/.exec((await h.open(link)).html)![1];
  return h.post(link, { proof, ...form });
};

/** The kerngroep's series as the office fills in the form; `over` replaces fields. */
const seriesForm = (over: Record<string, string> = {}) => ({
  _csrf: csrf,
  once: 'meeting-once-key-000000001',
  title: 'Kerngroep De Punt',
  bodyId: 'kerngroep-de-punt',
  frequency: 'monthly',
  interval: '1',
  by: 'weekday',
  ordinal: '2',
  weekday: 'TU',
  monthDay: '1',
  month: '6',
  startsOn: '2026-11-15',
  startTime: '19:00',
  durationMinutes: '120',
  location: 'Buurthuis De Punt',
  onlineUrl: '',
  chairId: 'p-samira-amrani',
  secretaryId: 'p-pieter-van-leeuwen',
  step: 'preview',
  ...over,
});

describe('meetings in the console', () => {
  let seriesPath = '';
  let seriesId = '';
  const api = async () => (await h.api('GET', `/api/meeting-series/${seriesId}`)).body;
  const seriesCount = async () => (await h.api('GET', '/api/meeting-series')).body.series.length;

  it('lists no series yet, with the entry in the navigation, and offers the picker', async () => {
    const page = await request('GET', '/console/meetings');
    expect(page.status).toBe(200);
    expect(page.html).toContain('<a href="/console/meetings" aria-current="page">Vergaderingen</a>');
    expect(text(page.html)).toContain('Er zijn nog geen vergaderreeksen.');
    const form = await request('GET', '/console/meetings/new');
    expect(form.status).toBe(200);
    expect(form.html).toMatch(/name="frequency" value="monthly" checked/);
    expect(form.html).toContain('<option value="-1">laatste</option>');
    expect(form.html).toContain('value="2026-11-02"');
    // Only a preview carries the button that saves.
    expect(form.html).not.toContain('value="save"');
  });

  it('refuses a form with mistakes in Dutch by the fields, keeping what was typed, making nothing', async () => {
    const bad = await request(
      'POST',
      '/console/meetings',
      seriesForm({ title: 'K', interval: '0', chairId: '', onlineUrl: 'http://x', step: 'save' }),
    );
    expect(bad.status).toBe(400);
    const words = text(bad.html);
    for (const message of [
      'Geef de vergadering een naam van 3 tot 200 tekens.',
      'Vul een getal van 1 tot en met 12 in.',
      'Kies een voorzitter.',
      'Vul een adres in dat begint met https://, of laat het leeg.',
    ])
      expect(words).toContain(message);
    expect(bad.html).toContain('value="Buurthuis De Punt"');
    expect(bad.html).toMatch(/<option value="TU" selected/);
    const past = await request('POST', '/console/meetings', seriesForm({ startsOn: '2026-02-30' }));
    expect(past.status).toBe(400);
    expect(text(past.html)).toContain('Vul een datum in die bestaat');
    expect(await seriesCount()).toBe(0);
  });

  it('shows the rhythm in words and the next five dates before saving, and saves once', async () => {
    const preview = await request('POST', '/console/meetings', seriesForm());
    expect(preview.status).toBe(200);
    const words = text(preview.html);
    expect(words).toContain('elke tweede dinsdag van de maand, 19:00–21:00');
    expect(words).toContain(
      'dinsdag 8 december 2026 om 19:00 uur dinsdag 12 januari 2027 om 19:00 uur dinsdag 9 februari 2027 om 19:00 uur ' +
        'dinsdag 9 maart 2027 om 19:00 uur dinsdag 13 april 2027 om 19:00 uur',
    );
    expect(preview.html).toContain('value="save"');
    expect(await seriesCount()).toBe(0);
    // The last Thursday, every two months: the words follow the choice.
    const other = await request(
      'POST',
      '/console/meetings',
      seriesForm({ ordinal: '-1', weekday: 'TH', interval: '2' }),
    );
    expect(text(other.html)).toContain('elke 2 maanden op de laatste donderdag van de maand, 19:00–21:00');
    const saved = await request('POST', '/console/meetings', seriesForm({ step: 'save' }));
    expect(saved.status).toBe(303);
    expect(saved.location).toMatch(/^\/console\/meeting-series\/ms-[\w-]+\?m=created$/);
    // The same form sent twice (a double click): the same series.
    const again = await request('POST', '/console/meetings', seriesForm({ step: 'save' }));
    expect(again.location).toBe(saved.location);
    expect(await seriesCount()).toBe(1);
    seriesPath = saved.location!.split('?')[0];
    seriesId = seriesPath.split('/').pop()!;
    const s = await api();
    expect(s.rrule).toBe('FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2');
    expect(s.location).toBe('Buurthuis De Punt');
    const page = text((await request('GET', saved.location!)).html);
    expect(page).toContain('De vergaderreeks is opgeslagen.');
    expect(page).toContain('elke tweede dinsdag van de maand, 19:00–21:00');
    expect(page).toContain('Verplaatsen of afgelasten: dinsdag 12 januari 2027 om 19:00 uur');
    const list = text((await request('GET', '/console/meetings')).html);
    expect(list).toContain('Kerngroep De Punt');
    expect(list).toContain('dinsdag 8 december 2026 om 19:00 uur');
    // The coming meetings of every series together, in time order.
    expect(list).toMatch(/Komende vergaderingen .*8 december 2026 .*12 januari 2027 .*9 februari 2027/);
  });

  it('moves the January meeting a week with its reason, refusing no reason and a past date', async () => {
    const path = `${seriesPath}/meetings/2027-01-12`;
    expect(text((await request('GET', path)).html)).toContain('nog niet gepland');
    const form = { _csrf: csrf, start: '2027-01-19T19:30', location: 'Huis van de Wijk', 'move-reason': '' };
    const noReason = await request('POST', `${path}/move`, form);
    expect(noReason.status).toBe(400);
    expect(text(noReason.html)).toContain('Schrijf in een paar woorden waarom');
    expect(noReason.html).toContain('value="2027-01-19T19:30"');
    const past = await request('POST', `${path}/move`, {
      ...form,
      start: '2026-10-01T19:00',
      'move-reason': 'Zaal bezet',
    });
    expect(past.status).toBe(400);
    expect(text(past.html)).toContain('Vul een datum en tijd in die nog komen');
    expect((await api()).moved).toEqual({});
    const moved = await request('POST', `${path}/move`, { ...form, 'move-reason': 'De zaal is bezet' });
    expect(moved.status).toBe(303);
    expect(moved.location).toBe(`${seriesPath}?m=moved`);
    const m = (await api()).meetings.find((x: any) => x.key === '2027-01-12');
    expect(m).toMatchObject({ status: 'moved', start: '2027-01-19T19:30:00.000+01:00', location: 'Huis van de Wijk' });
    const page = text((await request('GET', moved.location!)).html);
    expect(page).toContain('De vergadering is verplaatst.');
    expect(page).toContain(
      'Vergadering verplaatst 2027-01-12 (dinsdag 19 januari 2027 om 19:30 uur): De zaal is bezet',
    );
  });

  it('cancels the February meeting with its reason; it can then not be moved', async () => {
    const path = `${seriesPath}/meetings/2027-02-09`;
    const noReason = await request('POST', `${path}/cancel`, { _csrf: csrf, reason: ' ' });
    expect(noReason.status).toBe(400);
    expect((await api()).cancelled).toEqual({});
    const cancelled = await request('POST', `${path}/cancel`, { _csrf: csrf, reason: 'Voorjaarsvakantie' });
    expect(cancelled.status).toBe(303);
    expect((await api()).cancelled['2027-02-09'].reason).toBe('Voorjaarsvakantie');
    expect((await h.mail()).some((x) => x.subject.startsWith('Afgelast: Kerngroep De Punt'))).toBe(true);
    expect(text((await request('GET', path)).html)).toContain('kan niet meer worden verplaatst of afgelast');
    const move = await request('POST', `${path}/move`, {
      _csrf: csrf,
      start: '2027-02-16T19:00',
      'move-reason': 'Toch',
    });
    expect(move.status).toBe(404);
    // Without the form secret nothing happens.
    const forged = await request('POST', `${seriesPath}/meetings/2027-03-09/cancel`, { reason: 'Zomaar' });
    expect(forged.status).toBe(403);
    expect(Object.keys((await api()).cancelled)).toEqual(['2027-02-09']);
  });

  it("changes the series' details for meetings still to be planned, refusing a stale form", async () => {
    const edit = await request('GET', `${seriesPath}/edit`);
    expect(edit.status).toBe(200);
    expect(edit.html).toContain('value="Buurthuis De Punt"');
    const version = String((await api()).version);
    const form = {
      _csrf: csrf,
      version,
      title: 'Kerngroep De Punt',
      location: 'Huis van de Wijk De Punt',
      onlineUrl: '',
      chairId: 'p-samira-amrani',
      secretaryId: 'p-kees-brouwer',
    };
    const bad = await request('POST', seriesPath, { ...form, title: 'K', chairId: '' });
    expect(bad.status).toBe(400);
    expect(text(bad.html)).toContain('Geef de vergadering een naam van 3 tot 200 tekens.');
    expect(text(bad.html)).toContain('Kies een voorzitter.');
    expect(bad.html).toContain('value="Huis van de Wijk De Punt"');
    const stale = await request('POST', seriesPath, { ...form, version: String(Number(version) - 1) });
    expect(stale.status).toBe(409);
    expect(text(stale.html)).toContain('Iemand anders heeft de reeks net gewijzigd.');
    expect((await api()).location).toBe('Buurthuis De Punt');
    const saved = await request('POST', seriesPath, form);
    expect(saved.location).toBe(`${seriesPath}?m=changed`);
    const s = await api();
    expect(s).toMatchObject({ location: 'Huis van de Wijk De Punt', secretaryId: 'p-kees-brouwer' });
    expect(s.version).toBe(Number(version) + 1);
    const page = text((await request('GET', saved.location!)).html);
    expect(page).toContain('De gegevens van de reeks zijn gewijzigd.');
    expect(page).toContain('Gegevens van de reeks gewijzigd');
    // Back to the secretary the member story below expects.
    await request('POST', seriesPath, { ...form, version: String(s.version), secretaryId: 'p-pieter-van-leeuwen' });
    expect((await api()).secretaryId).toBe('p-pieter-van-leeuwen');
  });

  it("shows a meeting's agenda, the late item, who cannot come, and the agenda to print", async () => {
    await h.to('2026-11-24T19:30:00+01:00');
    const call = (await h.mailTo('aisha.toure@example.org', 'Agendapunten voor Kerngroep De Punt'))[0];
    const link = linkIn(call.text);
    await memberPost(link, {
      action: 'item',
      title: 'Geveltuinen in de Lambertus Zijlstraat',
      explanation: 'Bewoners willen geveltuinen.',
      broughtBy: 'Themagroep Groen',
      ask: 'decide',
    });
    await memberPost(link, { action: 'decline' });
    await h.to('2026-12-01T19:30:00+01:00');
    await memberPost(link, {
      action: 'item',
      title: 'Speeltuin Slotermeer',
      explanation: '',
      broughtBy: 'Themagroep Groen',
      ask: 'inform',
    });
    await signIn();
    const id = `${seriesId}--2026-12-08`;
    const page = await request('GET', `/console/meetings/${id}`);
    expect(page.status).toBe(200);
    const words = text(page.html);
    expect(words).toContain('Stand: agenda verstuurd');
    expect(words).toMatch(/Opening .*Geveltuinen in de Lambertus Zijlstraat \(om te besluiten\).*Rondvraag/);
    expect(words).toContain('Speeltuin Slotermeer (Aïsha Touré): de voorzitter beslist nog');
    expect(words).toMatch(/Kan niet komen Aïsha Touré/);
    expect(words).toContain('Er is nog geen verslag.');
    const agenda = await request('GET', `/console/meetings/${id}/agenda`);
    expect(agenda.status).toBe(200);
    const printed = text(agenda.html);
    expect(printed).toContain('Agenda Kerngroep De Punt, dinsdag 8 december 2026 om 19:00 uur');
    expect(printed).toMatch(/Opening .*Verslag van de vorige vergadering .*Geveltuinen .*Rondvraag/);
    // The late item is not on the agenda until the chair accepts it.
    expect(printed).not.toContain('Speeltuin Slotermeer');
    expect((await request('GET', '/console/meetings/ms-none--2026-12-08')).status).toBe(404);
    expect((await request('GET', `${seriesPath}/meetings/2026-12-09`)).status).toBe(404);
  });
});
