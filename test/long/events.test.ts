/**
 * Public events end to end on the local runtime, over HTTP and the moved clock: an open huis with 30
 * places and 35 registrations through the public form (5 on the waiting list), 2 cancellations through
 * the personal link move 2 up (each person's emails checked), the reminder the day before to those
 * with a place only, "what we heard" after the event and "what we did with it" months later to those
 * who agreed, and the contact details removed after the retention period. The public pages name no one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness, type MailItem } from '../support/local';

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(() => h.stop());

const FIRST = ['Fatima', 'Mohamed', 'Anouk', 'Yusuf', 'Priya', 'Kees', 'Aisha'];
const LAST = ['El Amrani', 'Bakker', 'Yildiz', 'Mensah', 'de Boer'];
const RESIDENTS = Array.from({ length: 35 }, (_, i) => {
  const name = `${FIRST[i % 7]} ${LAST[Math.floor(i / 7)]}`;
  return { name, email: `${name.toLowerCase().replace(/ /g, '.')}@example.org`, consent: i % 3 === 0 };
});

const OPEN_HUIS = {
  kind: 'open-huis',
  title: 'Open huis Wonen in Geuzenveld',
  theme: 'Wonen en leefbaarheid',
  description: 'Kom langs en vertel wat u belangrijk vindt in uw buurt.\nEr is koffie en thee.',
  place: 'Buurthuis De Punt',
  address: 'Pieter Calandlaan 1, Amsterdam',
  start: '2026-11-12T19:00:00+01:00',
  end: '2026-11-12T21:00:00+01:00',
  accessibility: 'Drempelvrij, met een invalidentoilet. Een ringleiding is er.',
  languages: ['Nederlands', 'Arabisch', 'Turks'],
  capacity: 30,
};

let eventId = '';
const page = (path: string) => h.open(`${h.rt.urls.app}${path}`);
const proofOf = (html: string) => /name="proof" value="([^"]+)"/.exec(html)?.[1] ?? '';

async function registerVia(form: Record<string, string>, needs: string[] = [], id = eventId) {
  const shown = await page(`/bijeenkomsten/${id}`);
  const body = new URLSearchParams({ proof: proofOf(shown.html), people: '1', lang: 'nl', ...form });
  for (const n of needs) body.append('needs', n);
  const res = await fetch(`${h.rt.urls.app}/bijeenkomsten/${id}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: body.toString(),
  });
  return { status: res.status, html: await res.text() };
}

const linkOf = (m: MailItem) => /https?:\/\/\S+\/aanmelding\/[A-Za-z0-9_.-]+/.exec(m.text)![0];
const registrations = async () => (await h.api('GET', `/api/events/${eventId}`)).body.registrations as any[];
const subjects = async (email: string) => (await h.mailTo(email)).map((m) => m.subject.split(':')[0]);

describe('an open huis with 30 places', () => {
  it('is made by the office; bad input is refused by field and makes nothing', async () => {
    const bad = await h.api('POST', '/api/events', { ...OPEN_HUIS, capacity: 0, kind: 'feest' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['capacity', 'kind']);
    const past = await h.api('POST', '/api/events', { ...OPEN_HUIS, start: '2026-10-01T19:00:00+02:00' });
    expect(past.status).toBe(400);
    const made = await h.api('POST', '/api/events', OPEN_HUIS);
    expect(made.status).toBe(201);
    expect(made.body.events).toHaveLength(1);
    eventId = made.body.events[0].id;
    expect(made.body.events[0]).toMatchObject({ capacity: 30, status: 'published', start: '2026-11-12T18:00:00.000Z' });
    const series = await h.api('POST', '/api/events', {
      ...OPEN_HUIS,
      title: 'Open huis Jeugd',
      start: undefined,
      end: undefined,
      dates: [
        { start: '2026-12-03T19:00:00+01:00', end: '2026-12-03T21:00:00+01:00' },
        { start: '2027-01-14T19:00:00+01:00', end: '2027-01-14T21:00:00+01:00' },
      ],
    });
    expect(series.status).toBe(201);
    expect(new Set(series.body.events.map((e: any) => e.seriesId)).size).toBe(1);
    expect((await h.api('GET', '/api/events')).body.events.map((e: any) => e.title)).toEqual([
      OPEN_HUIS.title,
      'Open huis Jeugd',
      'Open huis Jeugd',
    ]);
  });

  it('takes 35 registrations: 30 get a place with a calendar file, 5 are on the waiting list', async () => {
    for (const [i, r] of RESIDENTS.entries()) {
      const res = await registerVia(
        {
          name: r.name,
          email: r.email,
          ...(r.consent ? { consent: 'yes' } : {}),
          ...(i === 3 ? { language: 'Tamazight' } : {}),
        },
        i === 3 ? ['tolk'] : i === 4 ? ['rolstoel', 'kinderopvang'] : [],
      );
      expect(res.status, r.name).toBe(200);
      expect(res.html).toContain('Kijk in uw e-mail');
    }
    const regs = await registrations();
    expect(regs.filter((r) => r.status === 'confirmed')).toHaveLength(30);
    expect(regs.filter((r) => r.status === 'waiting').map((r) => r.email)).toEqual(
      RESIDENTS.slice(30).map((r) => r.email),
    );
    expect(regs[3]).toMatchObject({ needs: ['tolk'], language: 'Tamazight' });
    for (const r of RESIDENTS.slice(0, 30)) {
      const [mail, ...more] = await h.mailTo(r.email);
      expect(more).toEqual([]);
      expect(mail.subject).toBe(`U bent aangemeld: ${OPEN_HUIS.title}`);
      expect(mail.raw?.toString()).toContain('text/calendar; charset=utf-8; method=REQUEST');
      expect(mail.text).toContain('donderdag 12 november 2026 om 19:00 uur');
    }
    for (const r of RESIDENTS.slice(30)) expect(await subjects(r.email)).toEqual(['U staat op de wachtlijst']);
  });

  it('answers a second registration, a robot and bad input without changing anything or telling who is known', async () => {
    const before = await registrations();
    const again = await registerVia({ name: 'Iemand anders', email: RESIDENTS[0].email.toUpperCase() });
    expect(again.status).toBe(200);
    expect(again.html).toContain('Kijk in uw e-mail');
    expect(await subjects(RESIDENTS[0].email)).toEqual(['U bent aangemeld', 'Uw aanmelding']);
    const robot = await registerVia({ name: 'Bot', email: 'bot@example.org', website: 'http://spam.example' });
    expect(robot.status).toBe(200);
    expect(robot.html).toContain('Kijk in uw e-mail');
    expect(await h.mailTo('bot@example.org')).toEqual([]);
    const bad = await registerVia({ name: '', email: 'geen-adres', people: '9' });
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('Vul een e-mailadres in');
    expect(bad.html).toContain('Kies met hoeveel personen u komt');
    expect(bad.html).toContain('value="geen-adres"');
    const stale = await registerVia({ name: 'Zonder bewijs', email: 'x@example.org', proof: '1.abc' });
    expect(stale.status).toBe(400);
    expect(await registrations()).toEqual(before);
  });

  it('moves 2 up from the waiting list when 2 cancel through their personal link', async () => {
    for (const r of [RESIDENTS[5], RESIDENTS[6]]) {
      const link = linkOf((await h.mailTo(r.email))[0]);
      const own = await h.open(link);
      expect(own.status).toBe(200);
      expect(own.html).toContain('Er is een plaats voor u');
      const res = await h.post(link, { proof: proofOf(own.html), action: 'cancel' });
      expect(res.status).toBe(200);
      expect(res.html).toContain('U bent afgemeld');
      expect(await subjects(r.email)).toEqual(['U bent aangemeld', 'U bent afgemeld']);
      const cancelled = (await h.mailTo(r.email))[1];
      expect(cancelled.raw?.toString()).toContain('method=CANCEL');
    }
    for (const r of RESIDENTS.slice(30, 32)) {
      expect(await subjects(r.email)).toEqual(['U staat op de wachtlijst', 'Er is een plaats voor u']);
      expect((await h.mailTo(r.email))[1].raw?.toString()).toContain('method=REQUEST');
    }
    for (const r of RESIDENTS.slice(32)) expect(await subjects(r.email)).toEqual(['U staat op de wachtlijst']);
    const regs = await registrations();
    expect(regs.filter((r) => r.status === 'confirmed')).toHaveLength(30);
    expect(regs.filter((r) => r.status === 'waiting')).toHaveLength(3);
    // The link of a cancelled registration shows it, with nothing left to change.
    const own = await h.open(linkOf((await h.mailTo(RESIDENTS[5].email))[0]));
    expect(own.html).toContain('U bent afgemeld.');
    expect(own.html).not.toContain('name="action"');
  });

  it('refuses more tries for one address than the limit in an hour', async () => {
    const other = (await h.api('GET', '/api/events')).body.events[1].id;
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await registerVia({ name: 'Veel Proberen', email: 'veel@example.org' }, [], other)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });

  it('puts a registration with a directory person’s address in their export, and erases it with them', async () => {
    const other = (await h.api('GET', '/api/events')).body.events[2].id;
    expect((await registerVia({ name: 'Anouk', email: 'Anouk.de.Vries@example.org' }, ['tolk'], other)).status).toBe(
      200,
    );
    const exported = await h.api('GET', '/api/people/p-anouk-de-vries/export');
    expect(exported.body.eventRegistrations).toMatchObject([
      {
        eventId: other,
        title: 'Open huis Jeugd',
        registration: { name: 'Anouk', email: 'anouk.de.vries@example.org' },
      },
    ]);
    expect((await h.api('POST', '/api/people/p-anouk-de-vries/erase')).status).toBe(200);
    const regs = (await h.api('GET', `/api/events/${other}`)).body.registrations;
    expect(regs).toMatchObject([{ name: '', email: '', needs: ['tolk'], status: 'confirmed' }]);
    expect(regs[0].erasedAt).toBeDefined();
  });

  it('answers an unknown event, a bad link and a form from another event with a page, changing nothing', async () => {
    const before = await registrations();
    expect((await page('/bijeenkomsten/ev-bestaat-niet')).status).toBe(404);
    expect((await page('/bijeenkomsten/..%2F..')).status).toBe(404);
    expect((await page('/aanmelding/geen.link')).status).toBe(400);
    const other = (await h.api('GET', '/api/events')).body.events[1].id;
    const foreign = proofOf((await page(`/bijeenkomsten/${other}`)).html);
    const res = await registerVia({ name: 'Verkeerd Formulier', email: 'verkeerd@example.org', proof: foreign });
    expect(res.status).toBe(400);
    expect(res.html).toContain('Deze pagina is te oud');
    expect(await registrations()).toEqual(before);
  });

  it('shows the public list, the event page and the feed without anyone’s name or address', async () => {
    const pages = [
      await page('/bijeenkomsten'),
      await page(`/bijeenkomsten/${eventId}`),
      await page('/bijeenkomsten?lang=en'),
    ];
    const feed = await page('/bijeenkomsten/agenda.ics');
    expect(pages.map((p) => p.status)).toEqual([200, 200, 200]);
    expect(pages[0].html).toContain(OPEN_HUIS.title);
    expect(pages[1].html).toContain('Alle plaatsen zijn bezet');
    expect(feed.status).toBe(200);
    expect(feed.html).toContain('BEGIN:VCALENDAR');
    expect(feed.html.match(/BEGIN:VEVENT/g)).toHaveLength(3);
    for (const text of [...pages.map((p) => p.html), feed.html])
      for (const r of [...RESIDENTS, { name: 'Veel Proberen', email: 'veel@example.org' }]) {
        expect(text).not.toContain(r.name);
        expect(text.toLowerCase()).not.toContain(r.email);
      }
  });
});

describe('the last place', () => {
  it('goes to exactly one of five people registering at the same moment; the others wait', async () => {
    const made = await h.api('POST', '/api/events', {
      ...OPEN_HUIS,
      title: 'Wijkparlement',
      kind: 'wijkparlement',
      capacity: 1,
    });
    const id = made.body.events[0].id;
    const five = Array.from({ length: 5 }, (_, i) => ({ name: `Tegelijk ${i}`, email: `tegelijk${i}@example.org` }));
    const answers = await Promise.all(five.map((p) => registerVia(p, [], id)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    const regs = (await h.api('GET', `/api/events/${id}`)).body.registrations as any[];
    expect(regs).toHaveLength(5);
    expect(regs.filter((r) => r.status === 'confirmed')).toHaveLength(1);
    expect(regs.filter((r) => r.status === 'waiting')).toHaveLength(4);
    const firstSubjects = await Promise.all(five.map(async (p) => (await subjects(p.email))[0]));
    expect(firstSubjects.sort()).toEqual(['U bent aangemeld', ...Array(4).fill('U staat op de wachtlijst')]);
  });
});

// Months of hourly ticks on a machine shared with other runs: more than the default minute.
describe('on the moved clock', { timeout: 240_000 }, () => {
  it('reminds those with a place at 10:00 the day before, once, and no one else', async () => {
    await h.to('2026-11-11T08:30:00Z');
    expect((await h.mail()).filter((m) => m.subject === `Herinnering: ${OPEN_HUIS.title}`)).toEqual([]);
    await h.to('2026-11-11T10:30:00Z');
    const reminders = (await h.mail()).filter((m) => m.subject === `Herinnering: ${OPEN_HUIS.title}`);
    const confirmed = (await registrations()).filter((r) => r.status === 'confirmed').map((r) => r.email);
    expect(reminders.map((m) => m.to).sort()).toEqual([...confirmed].sort());
    expect(reminders).toHaveLength(30);
    expect(reminders.map((m) => m.to)).not.toContain(RESIDENTS[5].email);
    expect(reminders.map((m) => m.to)).not.toContain(RESIDENTS[34].email);
    expect(reminders.map((m) => m.to)).toContain(RESIDENTS[30].email);
  });

  it('sends "what we heard" after the event and "what we did with it" months later to those who agreed', async () => {
    expect((await h.api('POST', `/api/events/${eventId}/heard`, { text: 'Te vroeg' })).status).toBe(409);
    await h.to('2026-11-13T09:00:00Z');
    const heard = await h.api('POST', `/api/events/${eventId}/heard`, {
      text: 'Bewoners willen meer groen en veilige speelplekken.',
    });
    expect(heard.status).toBe(200);
    const agreed = RESIDENTS.filter((r, i) => r.consent && i !== 6 && i !== 5);
    expect(heard.body.mailed).toBe(agreed.length);
    for (const r of RESIDENTS) {
      const got = (await h.mailTo(r.email, 'Wat wij hoorden')).length;
      expect(got, r.name).toBe(agreed.includes(r) ? 1 : 0);
    }
    await h.to('2027-02-01T09:00:00Z');
    const did = await h.api('POST', `/api/events/${eventId}/did`, {
      text: 'Het stadsdeel legt in het voorjaar twee speelplekken aan.',
      links: [{ title: 'Besluit alliantiebestuur', url: 'https://example.org/p/alliantiebestuur' }],
    });
    expect(did.status).toBe(200);
    for (const r of RESIDENTS) {
      const mails = await h.mailTo(r.email, 'Wat wij ermee deden');
      expect(mails.length, r.name).toBe(agreed.includes(r) ? 1 : 0);
      if (mails[0]) expect(mails[0].text).toContain('Besluit alliantiebestuur: https://example.org/p/alliantiebestuur');
    }
    const list = await page('/bijeenkomsten');
    expect(list.html).toContain('twee speelplekken');
    expect(list.html).toContain('Besluit alliantiebestuur');
  });

  it('removes every name and address once their retention period is over', async () => {
    await h.to('2027-02-02T12:00:00Z');
    // "What we did" went a day ago: those who asked for it are removed now, and the 2 who cancelled
    // were removed when the event was over; the others keep theirs 3 months after the event.
    let regs = await registrations();
    const erased = new Set(regs.filter((r) => r.erasedAt).map((r) => r.id));
    const byEmail = new Map(RESIDENTS.map((r, i) => [r.email, i]));
    const expected = RESIDENTS.filter((r, i) => (r.consent && i !== 6) || i === 5 || i === 6).length;
    expect(erased.size).toBe(expected);
    expect(regs.filter((r) => !r.erasedAt).every((r) => !RESIDENTS[byEmail.get(r.email)!].consent)).toBe(true);
    await h.to('2027-02-13T12:00:00Z');
    regs = await registrations();
    expect(regs.every((r) => r.erasedAt && r.name === '' && r.email === '')).toBe(true);
    expect(regs.filter((r) => r.status === 'confirmed').reduce((n, r) => n + r.people, 0)).toBe(30);
    const own = await h.open(linkOf((await h.mailTo(RESIDENTS[0].email))[0]));
    expect(own.status).toBe(400);
  });
});
