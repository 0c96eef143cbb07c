/** The programme office's actions on rounds: extend, remind, cancel, bad input, the lists. */
import { describe, expect, it } from 'vitest';
import { createRound, h, inDays } from './harness';

export function officeActions() {
  describe('programme office actions', () => {
    it('extends the deadline (the workflow re-plans) and cancels with a reason', async () => {
      const round = await createRound({ title: 'Subsidie speeltuin', rule: { type: 'majority' }, reminders: ['P1D'] });
      const later = inDays(20, h.rt.clock.now());
      const extended = await h.api('POST', `/api/rounds/${round.id}/extend`, { deadline: later });
      expect(extended.status).toBe(200);
      await h.rt.whenIdle();
      await h.advance('P12D');
      expect((await h.round(round.id)).status).toBe('open');
      const reminded = await h.api('POST', `/api/rounds/${round.id}/remind`);
      expect(reminded.body.reminded).toBe(7);
      const cancelled = await h.api('POST', `/api/rounds/${round.id}/cancel`, { reason: 'De aanvraag is ingetrokken' });
      expect(cancelled.body).toMatchObject({ status: 'closed', outcome: 'cancelled' });
      await h.rt.whenIdle();
      const mails = await h.mailTo('ria.jansen@example.org', 'Subsidie speeltuin is gestopt');
      expect(mails).toHaveLength(1);
      expect(mails[0].text).toContain('De aanvraag is ingetrokken');
      expect((await h.api('POST', `/api/rounds/${round.id}/cancel`, { reason: 'nog eens' })).status).toBe(409);
      expect((await h.api('POST', `/api/rounds/${round.id}/extend`, { deadline: later })).status).toBe(409);
    });

    it('sends the reminders again before an extended deadline', async () => {
      const round = await createRound({
        title: 'Verlengde ronde',
        rule: { type: 'majority' },
        deadline: inDays(4, h.rt.clock.now()),
        reminders: ['P3D', 'P1D'],
      });
      // Quiet hours may hold a reminder back, but never past its deadline: just before it, both are there.
      await h.to(new Date(Date.parse(round.deadline) - 60_000));
      expect(await h.mailTo('ria.jansen@example.org', 'Herinnering: uw besluit over Verlengde ronde')).toHaveLength(2);
      const extended = inDays(14, h.rt.clock.now());
      expect((await h.api('POST', `/api/rounds/${round.id}/extend`, { deadline: extended })).status).toBe(200);
      await h.rt.whenIdle();
      await h.to(new Date(Date.parse(extended) - 60_000));
      expect(await h.mailTo('ria.jansen@example.org', 'Herinnering: uw besluit over Verlengde ronde')).toHaveLength(4);
      const timeline = (await h.round(round.id)).timeline;
      expect(timeline.filter((e: any) => e.kind === 'reminded')).toHaveLength(4);
      expect(timeline.filter((e: any) => e.kind === 'extended')).toHaveLength(1);
    });

    it('answers bad input with 400 per field and stores nothing; unknown ids 404; no token 401', async () => {
      const before = (await h.api('GET', '/api/rounds')).body.rounds.length;
      const bad = await h.api('POST', '/api/rounds', {
        title: '',
        rule: { type: 'plurality' },
        deadline: 'tomorrow',
        reminders: ['3 days'],
      });
      expect(bad.status).toBe(400);
      expect(Object.keys(bad.body.fields)).toEqual(
        expect.arrayContaining(['title', 'summary', 'rule.type', 'deadline', 'reminders.0']),
      );
      expect((await h.api('POST', '/api/rounds', '{not json')).status).toBe(400);
      expect(
        (
          await h.api('POST', '/api/rounds', {
            title: 'abc',
            summary: 's',
            bodyId: 'nope',
            rule: { type: 'majority' },
            deadline: inDays(3, h.rt.clock.now()),
          })
        ).body.fields,
      ).toHaveProperty('bodyId');
      expect(
        (
          await h.api('POST', '/api/rounds', {
            title: 'abc',
            summary: 's',
            approverIds: ['p-nobody'],
            rule: { type: 'majority' },
            deadline: inDays(3, h.rt.clock.now()),
          })
        ).status,
      ).toBe(400);
      expect(
        (
          await h.api('POST', '/api/rounds', {
            title: 'abc',
            summary: 's',
            bodyId: 'alliantiebestuur',
            rule: { type: 'majority' },
            deadline: '2020-01-01T10:00:00+01:00',
          })
        ).body.fields,
      ).toHaveProperty('deadline');
      expect((await h.api('GET', '/api/rounds')).body.rounds.length).toBe(before);
      expect((await h.api('GET', '/api/rounds/r-unknown')).status).toBe(404);
      expect((await h.api('POST', '/api/rounds/r-unknown/remind')).status).toBe(404);
      expect((await h.api('GET', '/api/rounds', undefined, 'wrong')).status).toBe(401);
      expect((await h.api('GET', '/api/rounds?status=weird')).status).toBe(400);
    });

    it('lists rounds newest first, filtered by status, and the bodies and people to address', async () => {
      const all = (await h.api('GET', '/api/rounds')).body.rounds;
      expect(all.map((r: any) => r.createdAt)).toEqual([...all.map((r: any) => r.createdAt)].sort().reverse());
      const open = (await h.api('GET', '/api/rounds?status=open')).body.rounds;
      expect(open.every((r: any) => r.status === 'open')).toBe(true);
      const bodies = (await h.api('GET', '/api/bodies')).body.bodies;
      expect(bodies.map((b: any) => b.id)).toEqual(
        expect.arrayContaining(['alliantiebestuur', 'kerngroep-de-punt', 'themagroep-veiligheid']),
      );
      const board = bodies.find((b: any) => b.id === 'alliantiebestuur');
      expect(board.members.find((m: any) => m.role === 'chair')).toMatchObject({
        name: 'Anouk de Vries',
        voting: true,
      });
      expect((await h.api('GET', '/api/people')).body.people.length).toBeGreaterThan(20);
    });
  });
}
