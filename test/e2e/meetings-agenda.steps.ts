/** The kerngroep's series, and its first meeting up to the day itself: agenda items, the invitation, who comes. */
import { expect, it } from 'vitest';
import {
  CHAIR,
  calendarOf,
  first,
  h,
  linkIn,
  post,
  proofOf,
  REPS,
  SECRETARY,
  seriesId,
  setSeriesId,
} from './meetings-story';

export function agendaSteps() {
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
    setSeriesId(res.body.id);
    const series = (await h.api('GET', `/api/meeting-series/${seriesId}`)).body;
    expect(series.meetings.slice(0, 3).map((m: any) => m.start)).toEqual([
      '2026-12-08T19:00:00.000+01:00',
      '2027-01-12T19:00:00.000+01:00',
      '2027-02-09T19:00:00.000+01:00',
    ]);
  });

  it(
    'calls for agenda items 14 days before, one link each, ' + 'and reminds only theme groups that sent nothing',
    async () => {
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
        .filter((m) =>
          /^(Herinnering: agendapunten voor|Reminder: agenda items for) Kerngroep De Punt$/.test(m.subject),
        )
        .map((m) => m.to)
        .sort();
      expect(reminded).toEqual([REPS.leefbaarheid, REPS.zorg, REPS.jeugd, REPS.parkeer].sort());
    },
  );

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
}
