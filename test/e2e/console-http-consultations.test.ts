/**
 * Consultations through the console's pages on the local runtime: the list with its count, one
 * consultation with its answers (contact details for the office, escaped), no summary form before
 * the deadline, then the summary and what was done with it published through the forms, with the
 * session's form secret; a bad text or link comes back with the Dutch message and the words kept;
 * a post without the form secret changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csrf, h, request, signIn, startSignedIn } from '../support/console-client';

beforeAll(startSignedIn);
afterAll(() => h.stop());

let id = '';
const path = () => `/console/consultations/${id}`;

describe('consultations in the console', () => {
  it('opens a consultation through the form; bad fields come back in Dutch with the words kept; posted twice it is one', async () => {
    const form = {
      _csrf: csrf,
      once: 'test-once-key-consultation-1',
      title: 'Een bankje bij de bibliotheek',
      question: 'Waar wilt u een bankje?',
      explanation: 'We plaatsen er drie.',
      deadline: '2026-11-09T17:00',
      areas: '1060 - 1062, 1069',
      documents: 'Kaart | https://example.org/kaart.pdf',
    };
    const bad = await request('POST', '/console/consultations', {
      ...form,
      title: 'x',
      deadline: '2026-10-01T17:00',
      areas: 'Nieuw-West',
      documents: 'Kaart zonder adres',
    });
    expect(bad.status).toBe(400);
    for (const message of [
      'Vul dit veld goed in (minstens 3 tekens).',
      'Kies een datum en tijd in de toekomst, binnen een jaar.',
      'Schrijf postcodegebieden als 1062, of als 1060-1069.',
      'Schrijf elke link als: titel | https://…',
    ])
      expect(bad.html).toContain(message);
    expect(bad.html).toContain('Waar wilt u een bankje?');
    expect((await h.api('GET', '/api/consultations')).body.consultations).toEqual([]);
    const made = await request('POST', '/console/consultations', form);
    expect(made.status).toBe(303);
    expect((await request('POST', '/console/consultations', form)).location).toBe(made.location);
    const all = (await h.api('GET', '/api/consultations')).body.consultations;
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({
      title: 'Een bankje bij de bibliotheek',
      deadline: '2026-11-09T16:00:00.000Z',
      areas: ['1060', '1061', '1062', '1069'],
      documents: [{ title: 'Kaart', url: 'https://example.org/kaart.pdf' }],
    });
    expect((await request('GET', made.location!)).html).toContain('De inspraak staat online.');
  });

  it('lists a consultation and shows its answers to the office, escaped', async () => {
    const made = await h.api('POST', '/api/consultations', {
      title: 'Speeltuin aan de Sloterplas',
      question: 'Waar moet de speeltuin komen?',
      explanation: 'We willen het eerst aan bewoners vragen.',
      deadline: '2026-11-10T17:00:00+01:00',
    });
    id = made.body.id;
    const url = `${h.rt.urls.app}/inspraak/${id}`;
    await h.post(url, {
      text: 'Bij de <b>vijver</b>',
      name: 'Yara Haddad',
      email: 'yara@voorbeeld.nl',
      consent: 'yes',
    });
    await h.post(url, { text: 'Dicht bij school' });
    const list = await request('GET', '/console/consultations');
    expect(list.status).toBe(200);
    expect(list.html).toContain('Speeltuin aan de Sloterplas');
    expect(list.html).toMatch(/<td>2<\/td>/);
    expect(list.html).toContain('Een bankje bij de bibliotheek');
    const page = await request('GET', path());
    expect(page.html).toContain('Yara Haddad');
    expect(page.html).toContain('yara@voorbeeld.nl');
    expect(page.html).toContain('Bij de &lt;b&gt;vijver&lt;/b&gt;');
    expect(page.html).toContain('U kunt de samenvatting schrijven als de sluitingsdatum voorbij is.');
    expect(page.html).not.toContain(`${id}/summary`);
  });

  it('publishes the summary through the form after the deadline; a bad text is refused and kept', async () => {
    await h.to('2026-11-10T16:30:00Z');
    // The session lasts 8 hours: the moved clock ended it.
    await signIn();
    const short = await request('POST', `${path()}/summary`, { _csrf: csrf, version: '1', text: 'ok' });
    expect(short.status).toBe(400);
    expect(short.html).toContain('Schrijf een tekst van minstens 3 tekens.');
    const forged = await request('POST', `${path()}/summary`, { version: '1', text: 'Zonder geheim' });
    expect(forged.status).not.toBe(303);
    expect((await h.api('GET', `/api/consultations/${id}`)).body.summary).toBeUndefined();
    const done = await request('POST', `${path()}/summary`, { _csrf: csrf, version: '1', text: 'Bij de vijver.' });
    expect(done.status).toBe(303);
    const shown = await request('GET', done.location!);
    expect(shown.html).toContain('Gepubliceerd. 1 e-mail verstuurd.');
    expect((await h.mailTo('yara@voorbeeld.nl')).map((m) => m.subject)).toEqual([
      'Wat we hebben gehoord: Speeltuin aan de Sloterplas',
    ]);
  });

  it('publishes what was done with it, with links; a bad link line is refused with the words kept', async () => {
    const bad = await request('POST', `${path()}/outcome`, {
      _csrf: csrf,
      version: '2',
      text: 'De speeltuin komt bij de vijver.',
      links: 'Besluit zonder adres',
    });
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('Schrijf elke link als: titel | https://…');
    expect(bad.html).toContain('De speeltuin komt bij de vijver.');
    const ok = await request('POST', `${path()}/outcome`, {
      _csrf: csrf,
      version: '2',
      text: 'De speeltuin komt bij de vijver.',
      links: 'Besluit van het bestuur | https://example.org/p/alliantiebestuur',
    });
    expect(ok.status).toBe(303);
    const c = (await h.api('GET', `/api/consultations/${id}`)).body;
    expect(c.outcome).toMatchObject({
      text: 'De speeltuin komt bij de vijver.',
      links: [{ title: 'Besluit van het bestuur', url: 'https://example.org/p/alliantiebestuur' }],
    });
    expect(await h.mailTo('yara@voorbeeld.nl')).toHaveLength(2);
    const again = await request('POST', `${path()}/outcome`, { _csrf: csrf, version: '2', text: 'Iets anders.' });
    expect(again.status).toBe(409);
  });
});
