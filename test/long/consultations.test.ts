/**
 * A resident consultation end to end on the local runtime over HTTP and the moved clock: the office
 * asks Nieuw-West (postcodes 1060–1069) a question; bad answers come back with the reason and are
 * not stored, a robot's (the honeypot) is not stored either; 20 residents answer, some with contact
 * details and consent; after the deadline an answer is refused, the office publishes the summary,
 * which goes to exactly those who asked for it, and months later what was done with it. The public
 * pages hold no name, email or answer of anyone. A person's export finds their answer by email and
 * the erasure takes it out; a year after the deadline the schedule removes every contact detail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness } from '../support/local';

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(() => h.stop());

const QUESTION = {
  title: 'Een nieuw plein bij het Sloterplas',
  question: 'Wat wilt u op het nieuwe plein: bankjes, bomen, een speeltuin of iets anders?',
  explanation: 'De gemeente maakt het plein in 2027. Wij vragen eerst wat bewoners willen.',
  documents: [{ title: 'Tekening van het plein', url: 'https://example.org/plein.pdf' }],
  deadline: '2026-11-20T17:00:00+01:00',
  areas: ['1060-1069'],
};

/** 20 residents: 8 with an email who want the summary, 4 with an email who do not, 8 without contact details. */
const residents = Array.from({ length: 20 }, (_, i) => {
  const n = i + 1;
  const withEmail = n <= 12;
  return {
    text: `Reactie ${n}: ik wil graag ${['bomen', 'bankjes', 'een speeltuin', 'een markt'][n % 4]} (bewoner-${n}-geheim).`,
    name: n <= 10 ? `Bewoner${n} Achternaam${n}` : '',
    email: withEmail ? `bewoner${n}@voorbeeld.nl` : '',
    postcode: `10${60 + (n % 10)} A${String.fromCharCode(65 + n)}`,
    consent: n <= 8 ? 'yes' : '',
  };
});
let id = '';
let page = '';

describe('a consultation through the office API and the public form', () => {
  it('is created by the office; bad input gets 400 by field and makes nothing', async () => {
    const bad = await h.api('POST', '/api/consultations', { ...QUESTION, areas: ['Nieuw-West'], title: 'x' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['title']);
    const badArea = await h.api('POST', '/api/consultations', { ...QUESTION, areas: ['Nieuw-West'] });
    expect(badArea.status).toBe(400);
    expect(badArea.body.fields.areas).toMatch(/no postcode area/);
    const past = await h.api('POST', '/api/consultations', { ...QUESTION, deadline: '2026-11-01T17:00:00+01:00' });
    expect(past.status).toBe(400);
    expect((await h.api('GET', '/api/consultations')).body.consultations).toEqual([]);
    const made = await h.api('POST', '/api/consultations', QUESTION);
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ status: 'open', version: 1, deadline: '2026-11-20T16:00:00.000Z' });
    expect(made.body.areas).toHaveLength(10);
    id = made.body.id;
    page = `${h.rt.urls.app}/inspraak/${id}`;
    expect((await fetch(`${h.rt.urls.app}/inspraak/${id}`, { method: 'POST' })).status).toBe(400);
    expect((await h.api('POST', `/api/consultations/${id}/summary`, { version: 1, text: 'Te vroeg.' })).status).toBe(
      409,
    );
  });

  it('shows the question, the purpose and the form on the public page and in the list', async () => {
    const list = await h.open(`${h.rt.urls.app}/inspraak`);
    expect(list.status).toBe(200);
    expect(list.html).toContain(QUESTION.title);
    expect(list.html).toContain(`/inspraak/${id}`);
    const one = await h.open(page);
    expect(one.status).toBe(200);
    expect(one.html).toContain('Alleen bewoners met een postcode die begint met 1060 tot en met 1069');
    expect(one.html).toContain('Waarom vragen we dit?');
    expect(one.html).toContain('name="website"');
    expect((await h.open(`${h.rt.urls.app}/inspraak/onbekend`)).status).toBe(404);
    expect((await h.open(`${page}?lang=en`)).html).toContain('Your answer');
  });

  it('gives bad answers back with the reason and the words kept; a robot is thanked and nothing is stored', async () => {
    const empty = await h.post(page, { text: '', postcode: '1062 AB', email: 'geen-adres' });
    expect(empty.status).toBe(400);
    expect(empty.html).toContain('Schrijf uw reactie.');
    expect(empty.html).toContain('Dit is geen goed e-mailadres');
    expect(empty.html).toContain('value="geen-adres"');
    const outside = await h.post(page, { text: 'Meer groen <script>alert(1)</script>', postcode: '1012 AB' });
    expect(outside.status).toBe(400);
    expect(outside.html).toContain('alleen voor bewoners van een ander gebied');
    expect(outside.html).not.toContain('<script>alert(1)');
    expect(outside.html).toContain('&lt;script&gt;');
    const robot = await h.post(page, { text: 'Koop nu!', postcode: '1062AB', website: 'https://spam.example' });
    expect(robot.status).toBe(200);
    expect(robot.html).toContain('Bedankt voor uw reactie');
    expect((await h.api('GET', `/api/consultations/${id}`)).body.answers).toEqual([]);
  });

  it('takes the answers of 20 residents, with or without contact details', async () => {
    for (const [i, r] of residents.entries()) {
      // Spread over two hours, as a consultation's answers come in.
      if (i === 10) await h.advance('PT1H');
      const res = await h.post(page, r);
      expect(res.status, res.html).toBe(200);
      expect(res.html).toContain('Bedankt voor uw reactie');
    }
    const office = (await h.api('GET', `/api/consultations/${id}`)).body;
    expect(office.answers).toHaveLength(20);
    expect(office.answers.filter((a: any) => a.consent)).toHaveLength(8);
    const first = office.answers.find((a: any) => a.email === 'bewoner1@voorbeeld.nl');
    expect(first).toMatchObject({ text: residents[0].text, name: residents[0].name, consent: true });
    expect(office.answers.map((a: any) => a.postcode)).toContain('1061AB');
    expect((await h.open(page)).html).toContain('20 reacties');
  });

  it('limits one email to 5 answers an hour, saying only "try again later"', async () => {
    await h.advance('PT1H');
    const again = { text: 'Nog een keer', postcode: '1062AB', email: 'Herhaler@voorbeeld.nl' };
    for (let i = 0; i < 5; i++) expect((await h.post(page, again)).status).toBe(200);
    const sixth = await h.post(page, { ...again, email: 'herhaler@voorbeeld.nl' });
    expect(sixth.status).toBe(429);
    expect(sixth.html).toContain('Probeer het over een uur opnieuw');
    expect((await h.api('GET', `/api/consultations/${id}`)).body.answers).toHaveLength(25);
  });

  it('refuses an answer after the deadline with a clear message, storing nothing', async () => {
    await h.to('2026-11-20T16:00:00Z');
    const late = await h.post(page, residents[0]);
    expect(late.status).toBe(409);
    expect(late.html).toContain('Reageren kan niet meer');
    expect((await h.open(page)).html).not.toContain('name="website"');
    expect((await h.api('GET', `/api/consultations/${id}`)).body.answers).toHaveLength(25);
  });

  it('publishes the summary and mails it to exactly those who asked for it', async () => {
    const before = await h.mail();
    const stale = await h.api('POST', `/api/consultations/${id}/summary`, { version: 7, text: 'Samenvatting' });
    expect(stale.status).toBe(409);
    const summary = 'Veel bewoners willen bomen en bankjes. Een speeltuin vinden ouders belangrijk.';
    const res = await h.api('POST', `/api/consultations/${id}/summary`, { version: 1, text: summary });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'published', version: 2, mailed: 8 });
    // The same request again (a retry) sends nothing twice; another text is refused.
    expect((await h.api('POST', `/api/consultations/${id}/summary`, { version: 1, text: summary })).body.mailed).toBe(
      0,
    );
    expect((await h.api('POST', `/api/consultations/${id}/summary`, { version: 2, text: 'Anders' })).status).toBe(409);
    const sent = (await h.mail()).slice(before.length).filter((m) => m.subject.includes(QUESTION.title));
    expect(sent.map((m) => m.to).sort()).toEqual(
      residents
        .slice(0, 8)
        .map((r) => r.email)
        .sort(),
    );
    expect(sent[0].subject).toBe(`Wat we hebben gehoord: ${QUESTION.title}`);
    expect(sent[0].text).toContain(summary);
    expect(sent[0].text).toContain(`/inspraak/${id}`);
    const shown = await h.open(page);
    expect(shown.html).toContain('Wat we hebben gehoord');
    expect(shown.html).toContain(summary);
  });

  it('months later publishes what was done with it, linked to the decision, and mails it', async () => {
    await h.to('2027-03-15T10:00:00Z');
    const before = await h.mail();
    const res = await h.api('POST', `/api/consultations/${id}/outcome`, {
      version: 2,
      text: 'Het plein krijgt twaalf bomen en tien bankjes. De speeltuin komt in 2028.',
      links: [{ title: 'Besluit van het alliantiebestuur', url: 'https://example.org/p/alliantiebestuur' }],
    });
    expect(res.status).toBe(200);
    expect(res.body.mailed).toBe(8);
    const sent = (await h.mail()).slice(before.length);
    expect(sent.map((m) => m.to).sort()).toEqual(
      residents
        .slice(0, 8)
        .map((r) => r.email)
        .sort(),
    );
    expect(sent[0].subject).toContain('Wat we ermee hebben gedaan');
    expect(sent[0].text).toContain('https://example.org/p/alliantiebestuur');
  });

  it('keeps every name, email and answer off the public pages', async () => {
    const pages = [
      await h.open(page),
      await h.open(`${page}?lang=en`),
      await h.open(`${h.rt.urls.app}/inspraak`),
      await h.open(`${h.rt.urls.app}/inspraak?lang=en`),
    ];
    expect(pages[0].html).toContain('Het plein krijgt twaalf bomen');
    const secrets = [
      ...residents.flatMap((r) => [r.name, r.email, r.text, r.postcode.replace(' ', '')]),
      'herhaler@voorbeeld.nl',
      'Herhaler',
    ].filter(Boolean);
    for (const p of pages) for (const s of secrets) expect(p.html.toLowerCase()).not.toContain(s.toLowerCase());
  });
});

describe('personal data of consultation answers', () => {
  it('are in the export of a directory person whose email answered, and go with their erasure', async () => {
    const second = await h.api('POST', '/api/consultations', {
      ...QUESTION,
      title: 'Een buurtfeest in de zomer',
      deadline: '2027-04-15T17:00:00+02:00',
      areas: undefined,
    });
    const people = (await h.api('GET', '/api/people')).body.people as any[];
    const kees = people.find((p) => p.id === 'p-kees-brouwer');
    const url = `${h.rt.urls.app}/inspraak/${second.body.id}`;
    expect((await h.post(url, { text: 'Graag met muziek van Kees', email: kees.email.toUpperCase() })).status).toBe(
      200,
    );
    const exported = (await h.api('GET', '/api/people/p-kees-brouwer/export')).body;
    expect(exported.consultations).toEqual([
      expect.objectContaining({
        title: 'Een buurtfeest in de zomer',
        answer: expect.objectContaining({ text: 'Graag met muziek van Kees' }),
      }),
    ]);
    expect((await h.api('POST', '/api/people/p-kees-brouwer/erase')).status).toBe(200);
    const answers = (await h.api('GET', `/api/consultations/${second.body.id}`)).body.answers;
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({ text: '', consent: false });
    expect(answers[0].email).toBeUndefined();
  });

  it('lose their contact details a year after the deadline, by the daily schedule', async () => {
    await h.to('2027-11-21T04:00:00Z');
    const office = (await h.api('GET', `/api/consultations/${id}`)).body;
    expect(office.contactRemovedAt).toBeDefined();
    expect(office.answers).toHaveLength(25);
    for (const a of office.answers) {
      expect(a.email).toBeUndefined();
      expect(a.name).toBeUndefined();
      expect(a.postcode).toBeUndefined();
    }
    // The words stay, without anyone's name.
    expect(office.answers.map((a: any) => a.text)).toContain(residents[0].text);
  });
});
