/**
 * The monthly kerngroep cycle end to end on the moved clock: three meetings of one series, from
 * the call for agenda items to published minutes — with a late item, a cancellation, a moved
 * meeting, minutes with an objection, and the public page over real HTTP. Calendar files are
 * read with a real iCalendar parser. The clock starts on Monday 2 November 2026, 10:00.
 */
import ICAL from 'ical.js';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness, TEST_START, type MailItem } from '../support/local';

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(() => h.stop());

const REPS = {
  veiligheid: 'kees.brouwer@example.org',
  groen: 'aisha.toure@example.org',
  leefbaarheid: 'wim.de.groot@example.org',
  zorg: 'latifa.benali@example.org',
  jeugd: 'johan.peters@example.org',
  parkeer: 'dewi.santoso@example.org',
};
const CHAIR = 'samira.amrani@example.org';
const SECRETARY = 'pieter.van.leeuwen@example.org';
const linkIn = (m: MailItem) => /https?:\/\/\S+\/m\/[A-Za-z0-9_.-]+/.exec(m.text)![0];
const proofOf = (html: string) => /name="proof" value="([^"]+)"/.exec(html)![1];
const post = async (link: string, form: Record<string, string>) =>
  h.post(link, { proof: proofOf((await h.open(link)).html), ...form });
const calendarOf = (m: MailItem) => {
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

describe('the monthly kerngroep', () => {
  let seriesId = '';
  const first = () => `${seriesId}--2026-12-08`;

  it('defines a series (second Tuesday, 19:00) and refuses a bad rule', async () => {
    const bad = await h.api('POST', '/api/meeting-series', {
      bodyId: 'kerngroep-de-punt',
      title: 'Kerngroep',
      rrule: 'every tuesday',
      startsOn: '2026-11-15',
      startTime: '19:00',
      durationMinutes: 120,
      chairId: 'p-samira-amrani',
      secretaryId: 'p-pieter-van-leeuwen',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toHaveProperty('rrule');
    const res = await h.api('POST', '/api/meeting-series', {
      bodyId: 'kerngroep-de-punt',
      title: 'Kerngroep De Punt',
      rrule: 'FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2',
      startsOn: '2026-11-15',
      startTime: '19:00',
      durationMinutes: 120,
      location: 'Buurthuis De Punt',
      onlineUrl: 'https://meet.example.org/kerngroep-de-punt',
      chairId: 'p-samira-amrani',
      secretaryId: 'p-pieter-van-leeuwen',
    });
    expect(res.status).toBe(201);
    seriesId = res.body.id;
    const series = (await h.api('GET', `/api/meeting-series/${seriesId}`)).body;
    expect(series.meetings.slice(0, 3).map((m: any) => m.start)).toEqual([
      '2026-12-08T19:00:00.000+01:00',
      '2027-01-12T19:00:00.000+01:00',
      '2027-02-09T19:00:00.000+01:00',
    ]);
  });

  it('calls for agenda items 14 days before, one link each, and reminds only theme groups that sent nothing', async () => {
    await h.to('2026-11-24T19:30:00+01:00');
    const calls = (await h.mail()).filter((m) =>
      /^(Agendapunten voor|Agenda items for) Kerngroep De Punt/.test(m.subject),
    );
    // The secretary is not a member of the kerngroep, and gets the call all the same.
    expect(calls.map((m) => m.to).sort()).toEqual([CHAIR, SECRETARY, ...Object.values(REPS)].sort());
    const groen = linkIn(calls.find((m) => m.to === REPS.groen)!);
    for (const method of ['GET', 'HEAD'] as const) expect((await h.open(groen, method)).status).toBe(200);
    const open = (await h.open(groen)).html;
    expect(open).toContain('Stuur agendapunten vóór');
    expect(open).toContain('href="https://meet.example.org/kerngroep-de-punt"');
    expect(
      (
        await post(groen, {
          action: 'item',
          title: 'Geveltuinen in de Lambertus Zijlstraat',
          explanation: 'Bewoners willen geveltuinen.',
          broughtBy: 'Themagroep Groen',
          ask: 'decide',
        })
      ).html,
    ).toContain('Uw agendapunt is ontvangen');
    // A receipt by email, saying what was received; a double click sends no second one.
    const again = {
      title: 'Geveltuinen in de Lambertus Zijlstraat',
      explanation: 'Bewoners willen geveltuinen.',
      ask: 'decide',
    };
    await post(groen, { action: 'item', ...again, broughtBy: 'Themagroep Groen' });
    const receipt = await h.mailTo(REPS.groen, 'Ontvangen: uw agendapunt voor Kerngroep De Punt');
    expect(receipt).toHaveLength(1);
    expect(receipt[0].text).toContain('Geveltuinen in de Lambertus Zijlstraat');
    expect(receipt[0].text).toContain('om te besluiten');
    expect((await post(linkIn(calls.find((m) => m.to === REPS.veiligheid)!), { action: 'nothing' })).html).toContain(
      'deze keer niets',
    );
    // A subject too short: the page says so and keeps what was typed.
    const short = await post(groen, {
      action: 'item',
      title: 'x',
      explanation: 'Uitleg die blijft staan',
      broughtBy: 'Aïsha',
      ask: 'inform',
    });
    expect(short.status).toBe(400);
    expect(short.html).toContain('Geef een onderwerp');
    expect(short.html).toContain('Uitleg die blijft staan</textarea>');
    expect(short.html).toContain('name="title" maxlength="200" required="" value="x"');
    expect(short.html).toContain('value="Aïsha"');
    expect(short.html).toContain('value="inform" checked');
    await h.to('2026-11-28T20:30:00+01:00');
    const reminded = (await h.mail())
      .filter((m) => /^(Herinnering: agendapunten voor|Reminder: agenda items for) Kerngroep De Punt$/.test(m.subject))
      .map((m) => m.to)
      .sort();
    expect(reminded).toEqual([REPS.leefbaarheid, REPS.zorg, REPS.jeugd, REPS.parkeer].sort());
  });

  it('closes the agenda 7 days before and invites with the agenda and a calendar invitation', async () => {
    await h.to('2026-12-01T19:30:00+01:00');
    const invites = (await h.mail()).filter((m) => /^(Uitnodiging|Invitation): Kerngroep De Punt/.test(m.subject));
    expect(invites).toHaveLength(8);
    // The secretary's invitation carries the calendar file too.
    expect(calendarOf(invites.find((m) => m.to === SECRETARY)!).method).toBe('REQUEST');
    const invite = invites.find((m) => m.to === REPS.jeugd)!;
    expect(invite.text).toMatch(
      /1\. Opening[\s\S]*Geveltuinen in de Lambertus Zijlstraat \(om te besluiten; Themagroep Groen\)[\s\S]*Rondvraag/,
    );
    const { method, event, tzid } = calendarOf(invite);
    expect(method).toBe('REQUEST');
    expect(tzid).toBe('Europe/Amsterdam');
    expect(event.uid).toMatch(/--?2026-12-08@localhost$|2026-12-08@/);
    expect(event.sequence).toBe(0);
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-08T18:00:00.000Z');
    expect(event.location).toBe('Buurthuis De Punt');
  });

  it('takes a late item to the chair, who puts it on this agenda', async () => {
    const link = linkIn((await h.mailTo(REPS.leefbaarheid, 'Agendapunten voor'))[0]);
    // After the agenda deadline the page no longer asks for items "before" it, but says what happens now.
    const closed = (await h.open(link)).html;
    expect(closed).not.toContain('Stuur agendapunten vóór');
    expect(closed).toContain('De agenda is al verstuurd');
    await post(link, {
      action: 'item',
      title: 'Parkeren bij de school',
      explanation: 'Gevaarlijke situaties',
      broughtBy: 'Wim',
      ask: 'discuss',
    });
    const lateReceipt = await h.mailTo(REPS.leefbaarheid, 'Ontvangen: uw agendapunt');
    expect(lateReceipt).toHaveLength(1);
    expect(lateReceipt[0].text).toContain('de voorzitter beslist');
    const toChair = await h.mailTo(CHAIR, 'Agendapunt na de deadline');
    expect(toChair).toHaveLength(1);
    const chairLink = linkIn(toChair[0]);
    const page = await h.open(chairLink);
    expect(page.html).toContain('Parkeren bij de school');
    const itemId = /name="itemId" value="([^"]+)"/.exec(page.html)![1];
    expect(
      (await h.post(chairLink, { proof: proofOf(page.html), action: 'late', itemId, decision: 'accept' })).html,
    ).toContain('Uw besluit is verwerkt');
    const meeting = (await h.api('GET', `/api/meetings/${first()}`)).body;
    expect(meeting.items.map((i: any) => [i.title, i.late, i.chair ?? null])).toEqual([
      ['Geveltuinen in de Lambertus Zijlstraat', false, null],
      ['Parkeren bij de school', true, 'accepted'],
    ]);
  });

  it('reminds the day before, except who said they cannot come; "I cannot come" can be undone', async () => {
    const jeugd = linkIn((await h.mailTo(REPS.jeugd, 'Uitnodiging'))[0]);
    expect((await post(jeugd, { action: 'decline' })).html).toContain('dat u niet komt');
    const zorg = linkIn((await h.mailTo(REPS.zorg, 'Uitnodiging'))[0]);
    const declined = await post(zorg, { action: 'decline' });
    expect(declined.html).toContain('name="action" value="attend"');
    expect(declined.html).not.toContain('name="action" value="decline"');
    const undone = await post(zorg, { action: 'attend' });
    expect(undone.html).toContain('dat u toch komt');
    expect(undone.html).toContain('name="action" value="decline"');
    expect((await h.api('GET', `/api/meetings/${first()}`)).body.declined).toEqual(['p-johan-peters']);
    await h.to('2026-12-07T20:30:00+01:00');
    const tomorrow = (await h.mail())
      .filter((m) => /^(Morgen|Tomorrow): Kerngroep De Punt$/.test(m.subject))
      .map((m) => m.to);
    // Chair, five theme group representatives and the secretary.
    expect(tomorrow.sort()).toEqual([CHAIR, SECRETARY, ...Object.values(REPS).filter((r) => r !== REPS.jeugd)].sort());
    // Undone after the reminders were handed out: the reminder goes to them after all, before the meeting.
    expect((await post(jeugd, { action: 'attend' })).html).toContain('dat u toch komt');
    await h.to('2026-12-08T12:00:00+01:00');
    expect(await h.mailTo(REPS.jeugd, 'Vandaag: Kerngroep De Punt')).toHaveLength(1);
  });

  it('cancels the January meeting: everyone is told, and calendars get a cancellation', async () => {
    const res = await h.api('POST', `/api/meeting-series/${seriesId}/meetings/2027-01-12/cancel`, {
      reason: 'Kerstvakantie',
    });
    expect(res.status).toBe(200);
    const cancelled = (await h.mail()).filter((m) => /^(Afgelast|Cancelled): Kerngroep De Punt/.test(m.subject));
    expect(cancelled).toHaveLength(8);
    expect(cancelled.every((m) => m.text.includes('Kerstvakantie'))).toBe(true);
    const { method, event } = calendarOf(cancelled[0]);
    expect(method).toBe('CANCEL');
    expect(event.uid).toContain('2027-01-12');
    // Cancelling again changes nothing and tells no one twice.
    expect(
      (await h.api('POST', `/api/meeting-series/${seriesId}/meetings/2027-01-12/cancel`, { reason: 'nog eens' }))
        .status,
    ).toBe(200);
    expect((await h.mail()).filter((m) => /^(Afgelast|Cancelled): Kerngroep De Punt/.test(m.subject))).toHaveLength(8);
    expect(
      (await h.api('POST', `/api/meeting-series/${seriesId}/meetings/2027-01-13/cancel`, { reason: 'bestaat niet' }))
        .status,
    ).toBe(404);
  });

  it("lets a resident ask for the kerngroep's public minutes on their settings page", async () => {
    // Esther is on the board, not in the kerngroep: her settings link comes with any email, here a board round.
    const round = await h.api('POST', '/api/rounds', {
      title: 'Buurtbudget',
      summary: 'Akkoord?',
      approverIds: ['p-esther-boateng'],
      rule: { type: 'majority' },
      deadline: '2026-12-20T17:00:00+01:00',
      reminders: [],
    });
    expect(round.status).toBe(201);
    await h.rt.whenIdle();
    const invite = (await h.mailTo('esther.boateng@example.org', 'Buurtbudget'))[0];
    const settings = /https?:\/\/\S+\/s\/[A-Za-z0-9_.-]+/.exec(invite.text)![0];
    const page = await h.open(settings);
    expect(page.html).toContain('Kerngroep De Punt');
    const body = new URLSearchParams({ proof: proofOf(page.html), lang: 'en', reminderPreference: 'daily' });
    body.append('subscribedBodyIds', 'kerngroep-de-punt');
    body.append('subscribedBodyIds', 'themagroep-groen');
    const res = await fetch(settings, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    });
    expect(await res.text()).toContain('Your choice has been saved');
    const esther = (await h.api('GET', '/api/people')).body.people.find((p: any) => p.id === 'p-esther-boateng');
    // Theme groups publish no minutes of their own here: only the kerngroep is kept.
    expect(esther.subscribedBodyIds).toEqual(['kerngroep-de-punt']);
  });

  it('asks the secretary for minutes; the members review them; an objection goes to the chair, who adopts', async () => {
    await h.to('2026-12-08T21:30:00+01:00');
    const ask = await h.mailTo(SECRETARY, 'Verslag van Kerngroep De Punt');
    expect(ask).toHaveLength(1);
    const secretary = linkIn(ask[0]);
    const form = (await h.open(secretary)).html;
    const lines = [...form.matchAll(/name="(summary\.[^"]+)"/g)].map((x) => x[1]);
    expect(lines).toHaveLength(6);
    // The form warns that the summary is public.
    expect(form).toContain('komt op de openbare pagina');
    expect(form).toContain('Noem geen bewoners bij naam');
    const incomplete = await h.post(secretary, {
      proof: proofOf(form),
      action: 'minutes',
      [lines[0]]: 'Welkom door de voorzitter',
      decisions: 'Speeltuin: de gemeente komt kijken.',
      'a0.what': 'Speeltuin melden',
      'a0.owner': '',
      'a0.due': '2027-01-31',
      'a1.what': 'Bankjes tellen',
      'a1.owner': 'org:woon',
    });
    expect(incomplete.status).toBe(400);
    // Nothing typed is lost, and the error names the field in words.
    expect(incomplete.html).toContain('Actiepunt 1, wie doet het: Kies wie het doet.');
    expect(incomplete.html).toContain('Actiepunt 2, klaar vóór: Kies een datum in de toekomst.');
    expect(incomplete.html).not.toContain('a0.owner:');
    expect(incomplete.html).toContain('Welkom door de voorzitter</textarea>');
    expect(incomplete.html).toContain('Speeltuin: de gemeente komt kijken.</textarea>');
    expect(incomplete.html).toContain('value="Speeltuin melden"');
    expect(incomplete.html).toContain('value="2027-01-31"');
    expect(incomplete.html).toContain('value="org:woon" selected');
    const minutes = Object.fromEntries(lines.map((l) => [l, `Besproken: ${l}`]));
    const sent = await h.post(secretary, {
      proof: proofOf(form),
      action: 'minutes',
      ...minutes,
      decisions: 'Geveltuinen: akkoord, de gemeente helpt met de aanvraag.',
      'a0.what': 'Extra prullenbakken bij het plein',
      'a0.owner': 'org:woon',
      'a0.due': '2027-01-29',
      // Still ahead when the minutes are adopted (14 December), and one that is not a day ahead by then.
      'a1.what': 'Speeltuin melden',
      'a1.owner': 'org:woon',
      'a1.due': '2026-12-18',
      'a2.what': 'Bewoners bellen',
      'a2.owner': 'org:woon',
      'a2.due': '2026-12-15',
    });
    expect(sent.html).toContain('Het verslag gaat nu naar de leden');
    // The secretary's own page shows the draft, but offers no objection to it.
    expect(sent.html).toContain('Extra prullenbakken bij het plein');
    expect(sent.html).not.toContain('value="object"');
    // Nor does the page behind the invitation the secretary had as a guest of the kerngroep.
    const asGuest = (await h.open(linkIn((await h.mailTo(SECRETARY, 'Uitnodiging: Kerngroep De Punt'))[0]))).html;
    expect(asGuest).toContain('Extra prullenbakken bij het plein');
    expect(asGuest).not.toContain('value="object"');
    await h.rt.whenIdle();
    const review = await h.mailTo(REPS.groen, 'Conceptverslag van Kerngroep De Punt');
    expect(review).toHaveLength(1);
    const objection = await post(linkIn(review[0]), {
      action: 'object',
      reason: 'Het besluit over de geveltuinen klopt niet helemaal.',
    });
    expect(objection.html).toContain('Uw bezwaar is ontvangen');
    await h.advance('P6D');
    const toChair = await h.mailTo(CHAIR, 'Bezwaar tegen het verslag');
    expect(toChair).toHaveLength(1);
    const chair = linkIn(toChair[0]);
    const page = await h.open(chair);
    expect(page.html).toContain('Het besluit over de geveltuinen klopt niet helemaal.');
    expect((await h.post(chair, { proof: proofOf(page.html), action: 'adopt' })).html).toContain(
      'Uw besluit is verwerkt',
    );
    await h.rt.whenIdle();
    expect((await h.api('GET', `/api/meetings/${first()}`)).body).toMatchObject({
      phase: 'adopted',
      adoptedBy: 'chair',
      status: 'closed',
    });
  });

  it('publishes the minutes to the theme groups and on the public page, and follows up the action item', async () => {
    const published = (await h.mail()).filter((m) =>
      /^(Wat er besproken is|What was discussed): Kerngroep De Punt/.test(m.subject),
    );
    // The kerngroep and every theme group member, once each.
    expect(published.map((m) => m.to)).toEqual(
      expect.arrayContaining([
        CHAIR,
        REPS.groen,
        'jeroen.bakker@example.org',
        'kevin.mensah@example.org',
        'fatima.el.idrissi@example.org',
        'esther.boateng@example.org',
      ]),
    );
    expect(new Set(published.map((m) => m.to)).size).toBe(published.length);
    expect(published.find((m) => m.to === CHAIR)!.text).toContain('Extra prullenbakken bij het plein — Woon!');
    const items = (await h.api('GET', '/api/follow-ups')).body.followUps.filter((i: any) => i.origin?.ref === first());
    expect(items.map((i: any) => i.what).sort()).toEqual([
      'Bewoners bellen',
      'Extra prullenbakken bij het plein',
      'Speeltuin melden',
    ]);
    expect(items.every((i: any) => i.owner.organisationId === 'woon' && i.status === 'open')).toBe(true);
    const item = async (n: number) => (await h.api('GET', `/api/follow-ups/f-${first()}-a${n}`)).body;
    // The date in the minutes, where it is still ahead, with nothing on its history.
    expect(await item(1)).toMatchObject({ due: '2026-12-18T16:00:00.000Z', dueHistory: [] });
    // Less than a day ahead at the adoption: a week later, on record with the reason; minutes and item agree.
    const moved = await item(2);
    expect(moved.due).toBe('2026-12-21T16:00:00.000Z');
    expect(moved.dueHistory).toEqual([
      expect.objectContaining({
        from: '2026-12-15T16:00:00.000Z',
        to: '2026-12-21T16:00:00.000Z',
        reason: expect.stringContaining('verslag'),
      }),
    ]);
    expect(published.find((m) => m.to === CHAIR)!.text).toContain(
      'Bewoners bellen — Woon!, klaar vóór maandag 21 december 2026',
    );
    expect(published.find((m) => m.to === CHAIR)!.text).toContain(
      'Speeltuin melden — Woon!, klaar vóór vrijdag 18 december 2026',
    );
    const res = await fetch(`${h.rt.urls.app}/p/kerngroep-de-punt`);
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain('Bewoners bellen — Woon!, klaar vóór maandag 21 december 2026');
    expect(html).not.toContain('15 december 2026 om 17:00');
    expect(html).toContain('Geveltuinen: akkoord, de gemeente helpt met de aanvraag.');
    expect(html).toContain('Geveltuinen in de Lambertus Zijlstraat');
    expect(html).not.toContain('@example.org');
    expect(html).not.toContain('Pieter');
    // A meeting that has been held cannot be cancelled or moved any more.
    expect(
      (await h.api('POST', `/api/meeting-series/${seriesId}/meetings/2026-12-08/cancel`, { reason: 'te laat' })).status,
    ).toBe(409);
    expect(
      (
        await h.api('POST', `/api/meeting-series/${seriesId}/meetings/2026-12-08/move`, {
          start: '2027-03-01T19:00:00+01:00',
        })
      ).status,
    ).toBe(409);
  });

  it('moves the February meeting after the invitation: the same calendar entry is updated', async () => {
    await h.to('2027-02-02T19:30:00+01:00');
    const invite = (await h.mailTo(REPS.groen, 'Uitnodiging: Kerngroep De Punt')).at(-1)!;
    expect(invite.subject).toContain('9 februari 2027');
    const before = calendarOf(invite).event;
    expect(
      (
        await h.api('POST', `/api/meeting-series/${seriesId}/meetings/2027-02-09/move`, {
          start: '2027-02-16T19:30:00+01:00',
          location: 'Bibliotheek Slotermeer',
        })
      ).status,
    ).toBe(200);
    const update = await h.mailTo(REPS.groen, 'Gewijzigd: Kerngroep De Punt');
    expect(update).toHaveLength(1);
    const after = calendarOf(update[0]).event;
    expect(after.uid).toBe(before.uid);
    expect(after.sequence).toBe(1);
    expect(after.startDate.toJSDate().toISOString()).toBe('2027-02-16T18:30:00.000Z');
    expect(after.location).toBe('Bibliotheek Slotermeer');
    // The day-before reminder follows the new date.
    // (Those so far are December's: seven the evening before, one on the day itself.)
    const dayBefore = async () =>
      (await h.mail()).filter((m) => /^(Morgen|Tomorrow|Vandaag|Today): Kerngroep De Punt$/.test(m.subject));
    await h.to('2027-02-08T21:00:00+01:00');
    expect(await dayBefore()).toHaveLength(8);
    // The agenda's close at the new date sends no second invitation: calendars already have the update.
    await h.to('2027-02-09T20:00:00+01:00');
    expect(await h.mailTo(REPS.groen, 'Uitnodiging: Kerngroep De Punt')).toHaveLength(2);
    await h.to('2027-02-15T20:30:00+01:00');
    expect((await dayBefore()).length).toBeGreaterThan(8);
  });

  it('sends objected minutes back to the secretary; the second draft is adopted by consent', async () => {
    await h.to('2027-02-16T22:00:00+01:00');
    const writeMinutes = async (text: string) => {
      const secretary = linkIn((await h.mailTo(SECRETARY, 'Verslag van Kerngroep De Punt')).at(-1)!);
      const form = (await h.open(secretary)).html;
      const lines = [...form.matchAll(/name="(summary\.[^"]+)"/g)].map((x) => x[1]);
      expect(
        (
          await h.post(secretary, {
            proof: proofOf(form),
            action: 'minutes',
            ...Object.fromEntries(lines.map((l) => [l, text])),
            decisions: 'Geen besluiten.',
          })
        ).status,
      ).toBe(200);
      await h.rt.whenIdle();
    };
    await writeMinutes('Kort besproken');
    const review = (await h.mailTo(REPS.parkeer, 'Draft minutes of Kerngroep De Punt')).at(-1)!;
    await post(linkIn(review), { action: 'object', reason: 'Mijn punt over parkeren ontbreekt.' });
    await h.advance('P6D');
    const chair = linkIn((await h.mailTo(CHAIR, 'Bezwaar tegen het verslag')).at(-1)!);
    expect((await post(chair, { action: 'send-back' })).html).toContain('Uw besluit is verwerkt');
    await h.rt.whenIdle();
    expect(await h.mailTo(SECRETARY, 'Verslag van Kerngroep De Punt')).toHaveLength(3);
    await writeMinutes('Besproken, met het punt over parkeren');
    await h.advance('P6D');
    const id = `${seriesId}--2027-02-09`;
    expect((await h.api('GET', `/api/meetings/${id}`)).body).toMatchObject({
      phase: 'adopted',
      adoptedBy: 'consent',
      minutesRound: 1,
    });
    const executions = h.rt.sfn.listExecutions(
      'arn:aws:states:eu-west-1:000000000000:stateMachine:alliance-cycle-meeting',
    );
    expect(executions.find((e) => e.name === id)?.status).toBe('SUCCEEDED');
    expect(executions.find((e) => e.name === first())?.status).toBe('SUCCEEDED');
    const keys = (await h.mail()).map((m) => `${m.to}|${m.subject}|${m.text}`);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });
});

describe('a meeting whose workflow stopped, and minutes that never come', () => {
  it('is carried on by the daily safety net, and closed after a month without minutes, telling the office', async () => {
    await h.to('2027-03-02T10:00:00+01:00');
    const res = await h.api('POST', '/api/meeting-series', {
      bodyId: 'alliantiebestuur',
      title: 'Alliantiebestuur',
      rrule: 'FREQ=MONTHLY;BYDAY=WE;BYSETPOS=3',
      startsOn: '2027-03-10',
      startTime: '19:30',
      durationMinutes: 120,
      chairId: 'p-anouk-de-vries',
      secretaryId: 'p-pieter-van-leeuwen',
    });
    expect(res.status).toBe(201);
    const id = `${res.body.id}--2027-03-17`;
    const machine = 'arn:aws:states:eu-west-1:000000000000:stateMachine:alliance-cycle-meeting';
    await h.rt.whenIdle();
    // The meeting is planned at once (its call is due) and then its workflow is stopped.
    expect(h.rt.sfn.listExecutions(machine).find((e) => e.name === id)?.status).toBe('RUNNING');
    h.rt.sfn.stopExecution(`${machine.replace('stateMachine', 'execution')}:${id}`);
    // The agenda closes on 10 March at 19:30 without a workflow; the planner's safety net (daily) sends the invitations.
    await h.to('2027-03-11T02:00:00+01:00');
    expect((await h.mail()).filter((m) => /^(Uitnodiging|Invitation): Alliantiebestuur/.test(m.subject))).toHaveLength(
      8,
    );
    // No minutes for a month after the meeting: closed, and the office is told once.
    await h.to('2027-04-20T12:00:00+02:00');
    expect((await h.api('GET', `/api/meetings/${id}`)).body).toMatchObject({ status: 'closed', phase: 'abandoned' });
    expect(await h.mailTo('programmabureau@example.org', 'Geen vastgesteld verslag: Alliantiebestuur')).toHaveLength(1);
  });
});

describe('a weekly meeting moved by a day after its invitation', () => {
  it('sends everyone invited the update, once, and no new invitation', async () => {
    const res = await h.api('POST', '/api/meeting-series', {
      bodyId: 'alliantiebestuur',
      title: 'Weekoverleg bestuur',
      rrule: 'FREQ=WEEKLY;BYDAY=TU',
      startsOn: '2027-04-27',
      startTime: '19:30',
      durationMinutes: 60,
      location: 'Stadsdeelkantoor',
      chairId: 'p-anouk-de-vries',
      secretaryId: 'p-pieter-van-leeuwen',
    });
    expect(res.status).toBe(201);
    // The agenda of 4 May closed on 27 April at 19:30: the invitations have gone.
    await h.to('2027-04-28T21:00:00+02:00');
    const invited = (await h.mail())
      .filter((m) => /^(Uitnodiging|Invitation): Weekoverleg bestuur, \S+ 4 (mei|May) 2027/.test(m.subject))
      .map((m) => m.to)
      .sort();
    expect(invited.length).toBeGreaterThan(2);
    // One day later: the agenda deadline of the new date (28 April, 19:30) has passed too.
    const moved = await h.api('POST', `/api/meeting-series/${res.body.id}/meetings/2027-05-04/move`, {
      start: '2027-05-05T19:30:00+02:00',
    });
    expect(moved.status).toBe(200);
    await h.rt.whenIdle();
    const about = (await h.mail()).filter((m) =>
      /Weekoverleg bestuur, (nu |now )?\S+ 5 (mei|May) 2027/.test(m.subject),
    );
    expect(about.filter((m) => /^(Uitnodiging|Invitation)/.test(m.subject)).map((m) => m.subject)).toEqual([]);
    const updates = about.filter((m) => /^(Gewijzigd|Changed): Weekoverleg bestuur, (nu|now) /.test(m.subject));
    expect(updates.map((m) => m.to).sort()).toEqual(invited);
    for (const m of updates) expect(calendarOf(m).event.sequence).toBe(1);
  });
});

describe('the invitations, read by independent mail and calendar parsers', () => {
  const calendarMails = async () =>
    (await h.mail()).filter((m) => m.attachments.some((a) => a.contentType.startsWith('text/calendar')));
  const bareLf = (b: Buffer) => (b.toString('latin1').match(/(?<!\r)\n/g) ?? []).length;

  it('sends every invitation, update and cancellation with CRLF line ends throughout, parts included', async () => {
    const mails = await calendarMails();
    // The first meeting's invitations, the January cancellation and the February update at least.
    expect(mails.length).toBeGreaterThanOrEqual(15);
    for (const m of mails) {
      expect(m.raw, m.subject).toBeDefined();
      expect(bareLf(m.raw!), `${m.subject}: bare LF in the message`).toBe(0);
      const parsed = await simpleParser(m.raw!);
      expect(parsed.subject).toBe(m.subject);
      expect(parsed.text, m.subject).toContain(m.text.split('\n')[0]);
      // Base64 hides line ends from the check above: every decoded text part must use CRLF too (RFC 2045).
      const parts = parsed.attachments.filter((a) => /^(text\/|application\/ics)/.test(a.contentType));
      expect(parts.map((a) => a.contentType).sort(), m.subject).toEqual(['application/ics', 'text/calendar']);
      for (const a of parts) expect(bareLf(a.content), `${m.subject}: bare LF in ${a.contentType}`).toBe(0);
    }
  });

  it('stamps each calendar file in UTC and asks for no reply by calendar, pointing to the meeting page', async () => {
    const mails = await calendarMails();
    for (const m of mails) {
      const ics = m.attachments.find((a) => a.contentType.startsWith('text/calendar'))!.content;
      expect(ics, m.subject).toMatch(/\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/);
      const vevent = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!;
      const stamp = vevent.getFirstPropertyValue('dtstamp') as ICAL.Time;
      expect(stamp.zone?.tzid, m.subject).toBe('UTC');
      // Stamped when it was made, on the moved clock.
      expect(stamp.toJSDate().getTime(), m.subject).toBeGreaterThanOrEqual(Date.parse(TEST_START));
      expect(stamp.toJSDate().getTime(), m.subject).toBeLessThanOrEqual(h.rt.clock.now().getTime());
      for (const attendee of vevent.getAllProperties('attendee')) {
        expect(attendee.getParameter('rsvp'), m.subject).not.toBe('TRUE');
      }
      if (/^(Uitnodiging|Invitation|Gewijzigd|Changed)/.test(m.subject)) {
        const description = String(vevent.getFirstPropertyValue('description'));
        expect(description).toContain(linkIn(m));
        expect(description).toMatch(/^(Uitnodiging|Gewijzigd)/.test(m.subject) ? /niet komen/ : /cannot come/i);
      }
    }
  });
});
