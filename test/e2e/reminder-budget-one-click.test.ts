/**
 * The reminder budget end to end: a reminder's settings link as the mail program's one-click
 * List-Unsubscribe (RFC 8058), which makes reminders weekly. It looks at the reminders of the two
 * scenarios of reminder-budget.test.ts, sent here again on the same clock.
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
  // Reminders and combined messages to Marloes and Ruben, and invitations that are not reminders.
  await fiveThingsForMarloes(h);
  await h.to('2026-11-16T10:00:00+01:00');
  await rubensFriday(h);
  await h.to('2026-11-21T08:30:00+01:00');
});
afterAll(() => h.stop());

const reminderMails = (to: string) => remindersTo(h, to);

describe('one click in the mail program (List-Unsubscribe, RFC 8058)', () => {
  const settingsOf = (text: string) => links(text, 's')[0];
  const person = async (id: string) => (await h.api('GET', `/api/people/${id}/export`)).body.person;
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
