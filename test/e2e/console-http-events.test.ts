/**
 * The console's event pages over HTTP on the local runtime: behind the sign-in, the list with places
 * taken and needs to arrange, an event's registrations by name, and "what we heard" recorded from
 * the form after the event (refused before it, and when too short), mailed to whoever agreed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csrf, h, request, signIn, startSignedIn } from '../support/console-client';

let id = '';
beforeAll(async () => {
  await startSignedIn();
  const made = await h.api('POST', '/api/events', {
    kind: 'open-huis',
    title: 'Open huis Zorg',
    theme: 'Zorg en welzijn',
    description: 'Praat mee over zorg in de buurt.',
    place: 'Huis van de Wijk',
    address: 'Burgemeester Fockstraat 3, Amsterdam',
    start: '2026-11-05T19:00:00+01:00',
    end: '2026-11-05T21:00:00+01:00',
    accessibility: 'Drempelvrij.',
    languages: ['Nederlands'],
    capacity: 2,
  });
  id = made.body.events[0].id;
  for (const [name, email, needs] of [
    ['Latifa Bennani', 'latifa@example.org', 'rolstoel'],
    ['Henk Visser', 'henk@example.org', ''],
  ]) {
    const page = await h.open(`${h.rt.urls.app}/bijeenkomsten/${id}`);
    const proof = /name="proof" value="([^"]+)"/.exec(page.html)![1];
    const form: Record<string, string> = { proof, name, email, people: '1', lang: 'nl', consent: 'yes' };
    if (needs) form.needs = needs;
    expect((await h.post(`${h.rt.urls.app}/bijeenkomsten/${id}`, form)).status).toBe(200);
  }
});
afterAll(() => h.stop());

describe('the console’s event pages', () => {
  it('are behind the sign-in', async () => {
    const res = await fetch(`${h.rt.urls.app}/console/events`, { redirect: 'manual' });
    expect(res.status).toBe(303);
  });

  it('list the events with places taken and needs, and show an event’s registrations by name', async () => {
    const list = await request('GET', '/console/events');
    expect(list.status).toBe(200);
    expect(list.html).toContain('Open huis Zorg');
    expect(list.html).toContain('2 van 2');
    expect(list.html).toContain('rolstoel 1');
    expect(list.html).toContain('aria-current="page"');
    const one = await request('GET', `/console/events/${id}`);
    expect(one.html).toContain('Latifa Bennani');
    expect(one.html).toContain('henk@example.org');
    expect(one.html).toContain('Dit kan pas na de bijeenkomst.');
  });

  it('records what was heard after the event, and mails it to those who agreed', async () => {
    const early = await request('POST', `/console/events/${id}/heard`, { _csrf: csrf, 'heard-text': 'Te vroeg' });
    expect(early.status).toBe(409);
    await h.to('2026-11-06T09:00:00Z');
    // The session ended while the clock moved on: sign in again, as the office would.
    await signIn();
    const short = await request('POST', `/console/events/${id}/heard`, { _csrf: csrf, 'heard-text': 'x' });
    expect(short.status).toBe(400);
    expect(short.html).toContain('Schrijf minstens 3 tekens.');
    const saved = await request('POST', `/console/events/${id}/heard`, {
      _csrf: csrf,
      'heard-text': 'Bewoners willen een loket voor zorgvragen in de buurt.',
    });
    expect(saved.status).toBe(303);
    const page = await request('GET', saved.location!);
    expect(page.html).toContain('Opgeslagen en verstuurd aan 2 personen.');
    expect((await h.mailTo('latifa@example.org', 'Wat wij hoorden')).length).toBe(1);
    expect((await h.mailTo('henk@example.org', 'Wat wij hoorden')).length).toBe(1);
  });
});
