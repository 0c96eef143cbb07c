/** The kerngroep from its first meeting to published minutes, with the January meeting cancelled. */
import { expect, it } from 'vitest';
import { CHAIR, calendarOf, first, h, linkIn, post, proofOf, REPS, SECRETARY, seriesId } from './meetings-story';

export function minutesSteps() {
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
    // The list gives summary rows (paged); the whole person is in their export.
    const esther = (await h.api('GET', '/api/people/p-esther-boateng/export')).body.person;
    // Theme groups publish no minutes of their own here: only the kerngroep is kept.
    expect(esther.subscribedBodyIds).toEqual(['kerngroep-de-punt']);
  });

  it(
    'asks the secretary for minutes; the members review them; ' + 'an objection goes to the chair, who adopts',
    async () => {
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
    },
  );

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
}
