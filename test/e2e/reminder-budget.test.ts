/**
 * The reminder budget end to end, across flows: five things due on one day arrive as one
 * message; quiet hours and the one-a-day budget hold reminders back, but a deadline still wins;
 * the settings page behind every email changes the rhythm and the language.
 * The clock starts on Monday 2 November 2026, 10:00 in Amsterdam (see test/support/local.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness } from '../support/local';

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(() => h.stop());

const MARLOES = 'marloes.dijkstra@example.org';
const RUBEN = 'ruben.kok@example.org';
const links = (text: string, kind: string) => [
  ...new Set(text.match(new RegExp(`https?://\\S+/${kind}/[A-Za-z0-9_.-]+`, 'g')) ?? []),
];
const proofOf = (html: string) => /name="proof" value="([^"]+)"/.exec(html)![1];
/** Emails that are reminders: the flows' own reminder subjects, or a combined message. */
const reminderMails = async (to: string) =>
  (await h.mailTo(to)).filter((m) =>
    /^(Herinnering|Reminder|Is het gelukt|Afspraak niet|\d+ (dingen|things))/.test(m.subject),
  );

async function created(path: string, body: Record<string, unknown>) {
  const res = await h.api('POST', path, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  await h.rt.whenIdle();
  return res.body.id as string;
}

describe('one person, five things due on one day', () => {
  it('combines reminders of three flows into one message, with a link for each thing', async () => {
    // Thursday 12 November, 17:00: three agreements for Marloes; their first reminders fall on Thursday 5 November, 17:00.
    for (const what of ['Buurtbudget verdelen', 'Speelplek Dijkgraafsplein', 'Verlichting Lambertus Zijlplein']) {
      await created('/api/follow-ups', {
        what,
        due: '2026-11-12T17:00:00+01:00',
        bodyId: 'kerngroep-de-punt',
        ownerPersonId: 'p-marloes-dijkstra',
      });
    }
    // A board round and an input round to her municipality, both reminding at that same moment.
    await created('/api/rounds', {
      title: 'Convenant 2027',
      summary: 'Gaat u akkoord?',
      bodyId: 'alliantiebestuur',
      rule: { type: 'majority' },
      deadline: '2026-11-08T17:00:00+01:00',
      reminders: ['P3D'],
    });
    await created('/api/input-rounds', {
      title: 'Cijfers jaarverslag',
      request: 'Aantal deelnemers in 2026',
      organisationIds: ['gemeente'],
      deadline: '2026-11-08T17:00:00+01:00',
      reminders: ['P3D'],
      bodyId: 'alliantiebestuur',
    });
    expect(await reminderMails(MARLOES)).toHaveLength(0);

    await h.to('2026-11-05T18:30:00+01:00');
    const mails = await reminderMails(MARLOES);
    expect(mails.map((m) => m.subject)).toEqual(['5 dingen wachten op u']);
    const [digest] = mails;
    expect(links(digest.text, 'f')).toHaveLength(3);
    expect(links(digest.text, 'd')).toHaveLength(1);
    expect(links(digest.text, 'u')).toHaveLength(1);
    expect(digest.text).toContain('Convenant 2027');
    expect(digest.html).toContain('<ol>');
    // Someone with only one thing due gets that flow's own reminder.
    expect((await reminderMails('anouk.de.vries@example.org')).map((m) => m.subject)).toEqual([
      'Herinnering: uw besluit over Convenant 2027',
    ]);
  });

  it('links to a settings page from every email, which GET and HEAD never change', async () => {
    for (const m of await h.mailTo(MARLOES)) expect(links(m.text, 's'), m.subject).toHaveLength(1);
    const [digest] = await reminderMails(MARLOES);
    const settings = links(digest.text, 's')[0];
    for (const method of ['GET', 'HEAD'] as const) expect((await h.open(settings, method)).status).toBe(200);
    const page = await h.open(settings);
    expect(page.html).toContain('Mijn instellingen voor e-mail');
    expect(page.html).toMatch(/value="daily" checked/);
    expect(
      (await h.post(settings, { proof: proofOf(page.html), reminderPreference: 'hourly', lang: 'nl' })).status,
    ).toBe(400);
    expect((await h.post(settings, { proof: 'forged', reminderPreference: 'weekly', lang: 'en' })).status).toBe(400);
    expect((await h.open(`${settings.slice(0, -3)}abc`)).status).toBe(400);
    const person = (await h.api('GET', '/api/people')).body.people.find((p: any) => p.id === 'p-marloes-dijkstra');
    expect(person).toMatchObject({ lang: 'nl' });
    expect(person.reminderPreference ?? 'daily').toBe('daily');
  });

  it('switches to a weekly message in English, and drops a queued reminder answered meanwhile', async () => {
    const [digest] = await reminderMails(MARLOES);
    const settings = links(digest.text, 's')[0];
    const saved = await h.post(settings, {
      proof: proofOf((await h.open(settings)).html),
      reminderPreference: 'weekly',
      lang: 'en',
    });
    expect(saved.status).toBe(200);
    expect(saved.html).toContain('Your choice has been saved');
    const person = (await h.api('GET', '/api/people')).body.people.find((p: any) => p.id === 'p-marloes-dijkstra');
    expect(person).toMatchObject({ lang: 'en', reminderPreference: 'weekly' });
    // The one-day reminders of the three agreements fall due on Wednesday 11 November, 17:00.
    // Weekly, her next message can go a week after the last one: Thursday 12 November, 8:00,
    // still in time for the due date at 17:00.
    await h.to('2026-11-11T18:30:00+01:00');
    expect(await reminderMails(MARLOES)).toHaveLength(1);
    // Meanwhile she reports one agreement done, through the link in the first message: its queued reminder is dropped.
    const done = links(digest.text, 'f')[0];
    expect(
      (
        await h.post(done, {
          proof: proofOf((await h.open(done)).html),
          answer: 'done',
          result: 'Verdeeld in de bewonersavond',
        })
      ).status,
    ).toBe(200);
    await h.rt.whenIdle();
    await h.to('2026-11-12T07:59:00+01:00');
    expect(await reminderMails(MARLOES)).toHaveLength(1);
    await h.to('2026-11-12T08:30:00+01:00');
    const after = await reminderMails(MARLOES);
    expect(after).toHaveLength(2);
    expect(after[1].subject).toBe('2 things are waiting for you');
    expect(links(after[1].text, 'f')).toHaveLength(2);
    expect(after[1].text).toContain('Before Thursday 12 November');
  });
});

describe('quiet hours and the daily budget', () => {
  it('holds reminders for the budget and quiet hours, unless a deadline would pass first', async () => {
    await h.to('2026-11-16T10:00:00+01:00');
    const before = (await reminderMails(RUBEN)).length;
    // Due Saturday 21 November at 22:30: its one-day reminder falls on Friday at 22:30, in quiet hours.
    await created('/api/follow-ups', {
      what: 'Afvalbakken legen',
      due: '2026-11-21T22:30:00+01:00',
      bodyId: 'kerngroep-de-punt',
      ownerPersonId: 'p-ruben-kok',
    });
    // Due Saturday at 12:00 and 14:00: reminders on Friday at 12:00 and 14:00.
    await created('/api/follow-ups', {
      what: 'Bankjes schilderen',
      due: '2026-11-21T12:00:00+01:00',
      bodyId: 'kerngroep-de-punt',
      ownerPersonId: 'p-ruben-kok',
    });
    await created('/api/follow-ups', {
      what: 'Bewonersavond voorbereiden',
      due: '2026-11-21T14:00:00+01:00',
      bodyId: 'kerngroep-de-punt',
      ownerPersonId: 'p-ruben-kok',
    });
    // A board round closing on Friday at 20:00, reminding at 15:00.
    await created('/api/rounds', {
      title: 'Inzet jongerenwerk',
      summary: 'Akkoord?',
      bodyId: 'alliantiebestuur',
      rule: { type: 'majority' },
      deadline: '2026-11-20T20:00:00+01:00',
      reminders: ['PT5H'],
    });

    await h.to('2026-11-20T13:30:00+01:00');
    const friday = (await reminderMails(RUBEN)).slice(before);
    expect(friday.map((m) => m.subject)).toEqual(['Herinnering: Bankjes schilderen']);
    // The round's reminder (15:00) would wait for tomorrow, after its deadline: it goes at 19:00
    // instead, and takes along what else was due by then (14:00), so tomorrow brings less.
    await h.to('2026-11-20T18:30:00+01:00');
    expect((await reminderMails(RUBEN)).slice(before)).toHaveLength(1);
    await h.to('2026-11-20T19:30:00+01:00');
    const evening = (await reminderMails(RUBEN)).slice(before);
    expect(evening.map((m) => m.subject)).toEqual(['Herinnering: Bankjes schilderen', '2 dingen wachten op u']);
    expect(evening[1].text).toContain('Inzet jongerenwerk');
    expect(evening[1].text).toContain('Bewonersavond voorbereiden');
    expect(evening[1].text).not.toContain('Afvalbakken');
    // 22:30 is in quiet hours: that reminder waits for Saturday 8:00.
    await h.to('2026-11-21T07:59:00+01:00');
    expect((await reminderMails(RUBEN)).slice(before)).toHaveLength(2);
    await h.to('2026-11-21T08:30:00+01:00');
    expect((await reminderMails(RUBEN)).slice(before).map((m) => m.subject)).toEqual([
      'Herinnering: Bankjes schilderen',
      '2 dingen wachten op u',
      'Herinnering: Afvalbakken legen',
    ]);
  });
});

describe('one click in the mail program (List-Unsubscribe, RFC 8058)', () => {
  const settingsOf = (text: string) => links(text, 's')[0];
  const person = async (id: string) => (await h.api('GET', '/api/people')).body.people.find((p: any) => p.id === id);
  const oneClick = (url: string, body: string, type = 'application/x-www-form-urlencoded') =>
    fetch(url, { method: 'POST', headers: { 'content-type': type }, body }).then(async (r) => ({
      status: r.status,
      html: await r.text(),
    }));

  it('puts the settings link in every reminder and combined message as a one-click header, only there', async () => {
    const reminders = [...(await reminderMails(RUBEN)), ...(await reminderMails(MARLOES))];
    expect(reminders.length).toBeGreaterThanOrEqual(5);
    for (const m of reminders) {
      expect(m.headers['list-unsubscribe'], m.subject).toBe(`<${settingsOf(m.text)}>`);
      expect(m.headers['list-unsubscribe-post'], m.subject).toBe('List-Unsubscribe=One-Click');
    }
    // Invitations and receipts are not reminders: turning reminders down does not concern them.
    const isReminder = new Set(reminders.map((m) => `${m.to} ${m.at} ${m.subject}`));
    const others = (await h.mailTo(RUBEN, 'Inzet jongerenwerk')).filter(
      (m) => !isReminder.has(`${m.to} ${m.at} ${m.subject}`),
    );
    expect(others.length).toBeGreaterThanOrEqual(1);
    for (const m of others) expect(m.headers['list-unsubscribe'], m.subject).toBeUndefined();
  });

  it('makes reminders weekly on a one-click POST, with a page that says so; a GET changes nothing', async () => {
    const [latest] = (await reminderMails(RUBEN)).slice(-1);
    const url = /^<(.+)>$/.exec(latest.headers['list-unsubscribe'])![1];
    // Link scanners open links: reading the page must never change anything.
    for (const method of ['GET', 'HEAD'] as const) expect((await h.open(url, method)).status).toBe(200);
    expect((await person('p-ruben-kok')).reminderPreference ?? 'daily').toBe('daily');
    // Anything else without the form's proof is still refused.
    expect((await oneClick(url, 'List-Unsubscribe=Something')).status).toBe(400);
    expect((await person('p-ruben-kok')).reminderPreference ?? 'daily').toBe('daily');

    const done = await oneClick(url, 'List-Unsubscribe=One-Click');
    expect(done.status).toBe(200);
    expect(done.html).toContain('hoogstens één keer per week');
    expect(await person('p-ruben-kok')).toMatchObject({ reminderPreference: 'weekly', lang: 'nl' });
    // The same click again (mail programs retry) is harmless; a tampered link is refused.
    expect((await oneClick(url, 'List-Unsubscribe=One-Click')).status).toBe(200);
    expect((await oneClick(`${url.slice(0, -3)}abc`, 'List-Unsubscribe=One-Click')).status).toBe(400);
  });

  it('takes the click as multipart form data too, as RFC 8058 prefers', async () => {
    const [latest] = (await reminderMails(RUBEN)).slice(-1);
    const url = /^<(.+)>$/.exec(latest.headers['list-unsubscribe'])![1];
    const page = await h.open(url);
    const back = await h.post(url, { proof: proofOf(page.html), reminderPreference: 'daily', lang: 'nl' });
    expect(back.status).toBe(200);
    expect((await person('p-ruben-kok')).reminderPreference).toBe('daily');
    const boundary = '----click';
    const body =
      `--${boundary}\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\n` +
      `One-Click\r\n--${boundary}--\r\n`;
    const done = await oneClick(url, body, `multipart/form-data; boundary=${boundary}`);
    expect(done.status).toBe(200);
    expect((await person('p-ruben-kok')).reminderPreference).toBe('weekly');
  });
});
