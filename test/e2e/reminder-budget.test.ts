/**
 * The reminder budget end to end, across flows: five things due on one day arrive as one
 * message; quiet hours and the one-a-day budget hold reminders back, but a deadline still wins;
 * the settings page behind every email changes the rhythm and the language. The mail program's
 * one-click change of rhythm is in reminder-budget-one-click.test.ts.
 * The clock starts on Monday 2 November 2026, 10:00 in Amsterdam (see test/support/local.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fiveThingsForMarloes,
  links,
  MARLOES,
  proofOf,
  reminderMails as remindersTo,
  RUBEN,
  rubensFriday,
} from './reminder-budget-support';
import { Harness } from '../support/local';

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(() => h.stop());

const reminderMails = (to: string) => remindersTo(h, to);

describe('one person, five things due on one day', () => {
  it('combines reminders of three flows into one message, with a link for each thing', async () => {
    // Three agreements, a board round and an input round, all reminding her on Thursday 5 November, 17:00.
    await fiveThingsForMarloes(h);
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
    const person = (await h.api('GET', '/api/people/p-marloes-dijkstra/export')).body.person;
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
    const person = (await h.api('GET', '/api/people/p-marloes-dijkstra/export')).body.person;
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
    // Three agreements due on Saturday (12:00, 14:00, 22:30) and a board round closing on Friday at 20:00.
    await rubensFriday(h);
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
