/**
 * The February meeting moved after its invitation and its minutes sent back once; then two other
 * series: one whose workflow stopped, and a weekly one moved by a day.
 */
import { describe, expect, it } from 'vitest';
import { CHAIR, calendarOf, first, h, linkIn, post, proofOf, REPS, SECRETARY, seriesId } from './meetings-story';

export function februarySteps() {
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
}

export function otherSeries() {
  describe('a meeting whose workflow stopped, and minutes that never come', () => {
    it(
      'is carried on by the daily safety net, ' + 'and closed after a month without minutes, telling the office',
      async () => {
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
        // The agenda closes on 10 March at 19:30 without a workflow; the planner's safety net (daily) sends the
        // invitations.
        await h.to('2027-03-11T02:00:00+01:00');
        expect(
          (await h.mail()).filter((m) => /^(Uitnodiging|Invitation): Alliantiebestuur/.test(m.subject)),
        ).toHaveLength(8);
        // No minutes for a month after the meeting: closed, and the office is told once.
        await h.to('2027-04-20T12:00:00+02:00');
        expect((await h.api('GET', `/api/meetings/${id}`)).body).toMatchObject({
          status: 'closed',
          phase: 'abandoned',
        });
        expect(
          await h.mailTo('programmabureau@example.org', 'Geen vastgesteld verslag: Alliantiebestuur'),
        ).toHaveLength(1);
      },
    );
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
}
