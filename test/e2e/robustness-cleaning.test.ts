/**
 * Text people send is cleaned on the way in (control characters, bidi overrides, lone surrogates),
 * in fields, web addresses and link-page forms alike.
 */
import { describe, expect, it } from 'vitest';
import { Harness } from '../support/local';
import { h, inDays, start, useHarness } from './robustness-support';

useHarness();

describe('retried and edge-case requests', () => {
  it(
    'cleans user text on the way in: ' + 'no control characters, bidi overrides or lone surrogates reach a page',
    async () => {
      const spoof = 'Bankje \u202Egnirts\u202C plaatsen\u2066 bij\u2069 de\u0007 school\uD800';
      const item = await h.api('POST', '/api/follow-ups', {
        what: spoof,
        due: inDays(20),
        bodyId: 'kerngroep-de-punt',
        ownerPersonId: 'p-ria-jansen',
      });
      expect(item.status).toBe(201);
      expect(item.body.what).toBe('Bankje gnirts plaatsen bij de school');
      const page = await (await fetch(`${h.rt.urls.app}/p/kerngroep-de-punt`)).text();
      expect(page).toContain('Bankje gnirts plaatsen bij de school');
      expect(page).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u0000-\u0008]/);
      // A title is one line; a summary keeps its lines and tabs.
      const round = (await start('Titel\nmet\u202E twee regels', { summary: 'Regel een\r\n\tRegel twee\u0000' })).body;
      expect(round).toMatchObject({ title: 'Titel met twee regels', summary: 'Regel een\n\tRegel twee' });
      // Free text on a link page: the decision's comment.
      const link = Harness.link((await h.mailTo('ria.jansen@example.org', 'Titel met twee regels'))[0]);
      await h.decide(link, 'approve', { comment: 'Akkoord\u202E, graag\u0008 snel\nDank' });
      const ria = (await h.round(round.id)).approvers.find((a: any) => a.personId === 'p-ria-jansen');
      expect(ria.comment).toBe('Akkoord, graag snel\nDank');
      // Nothing is left once cleaned: the field is refused like an empty one.
      expect((await start('\u202E\u202C\u0007')).body.fields).toHaveProperty('title');
    },
  );

  it("cleans web addresses too, and checks reminders against the consent stage's own deadline", async () => {
    const doc = await start('Begroting', {
      documents: [{ title: 'Begroting', url: 'https://example.org/\u202Efdp.exe' }],
    });
    expect(doc.status).toBe(201);
    expect(doc.body.documents).toEqual([{ title: 'Begroting', url: 'https://example.org/fdp.exe' }]);
    const series = await h.api('POST', '/api/meeting-series', {
      bodyId: 'kerngroep-de-punt',
      title: 'Online overleg',
      rrule: 'FREQ=MONTHLY;BYDAY=TH;BYSETPOS=1',
      startsOn: '2026-12-01',
      startTime: '19:00',
      durationMinutes: 90,
      chairId: 'p-samira-amrani',
      secretaryId: 'p-pieter-van-leeuwen',
      onlineUrl: 'https://meet.example.org/\u202Egro.ecnailla',
    });
    expect(series.status).toBe(201);
    expect(series.body.onlineUrl).toBe('https://meet.example.org/gro.ecnailla');
    const before = (await h.api('GET', '/api/rounds')).body.rounds.length;
    const consensus = await start('Korte consentronde', {
      reminders: ['P3D'],
      rule: { type: 'consensus-then-majority', consentDeadline: inDays(1) },
    });
    expect(consensus.status).toBe(400);
    expect(consensus.body.fields.reminders).toMatch(/consent stage/);
    expect((await h.api('GET', '/api/rounds')).body.rounds.length).toBe(before);
  });
});
