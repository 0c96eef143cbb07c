/** A majority round from start to outcome: invitations, the page, decisions, reminders, the outcome, the record. */
import { describe, expect, it } from 'vitest';
import { BOARD, Harness } from '../../support/local';
import { consolePage, createRound, h } from './harness';

export function majorityRound() {
  describe('approval round (majority) from start to outcome', () => {
    let id: string;
    const subject = 'Aanvraag SPUK KW 26-28';

    it('creates the round and invites every voting board member once, in their language, with one link', async () => {
      const round = await createRound({ rule: { type: 'majority' } });
      id = round.id;
      expect(round).toMatchObject({ status: 'open', rule: { type: 'majority' } });
      for (const [, address] of BOARD) {
        const mails = await h.mailTo(address, subject);
        expect(mails).toHaveLength(1);
        Harness.link(mails[0]);
      }
      const [english] = await h.mailTo('esther.boateng@example.org', subject);
      expect(english.subject).toMatch(/^Your decision is requested/);
      expect(english.text).toMatch(/Amsterdam time/);
      const [dutch] = await h.mailTo('ria.jansen@example.org', subject);
      expect(dutch.subject).toMatch(/^Uw besluit gevraagd/);
      expect(dutch.html).toContain('<a href="https://example.org/spuk.pdf">Aanvraag</a>');
      // The secretary does not vote and gets no invitation.
      expect(await h.mailTo('pieter.van.leeuwen@example.org', subject)).toHaveLength(0);
    });

    it('never changes anything when links are opened with GET or HEAD (mail scanners)', async () => {
      const before = await h.round(id);
      for (const [, address] of BOARD) {
        const link = Harness.link((await h.mailTo(address, subject))[0]);
        for (let i = 0; i < 3; i++) {
          const page = await h.open(link);
          expect(page.status).toBe(200);
          expect(page.headers.get('cache-control')).toBe('no-store');
          expect(page.headers.get('referrer-policy')).toBe('no-referrer');
          expect(page.html).toContain('method="post"');
          expect(page.html).not.toContain('<script');
          const head = await h.open(link, 'HEAD');
          expect(head.status).toBe(200);
          expect(head.html).toBe('');
        }
      }
      const after = await h.round(id);
      expect(after.tally).toEqual(before.tally);
      expect(after.timeline).toEqual(before.timeline);
    });

    it('records a decision through the page form, with a confirmation page and a receipt email', async () => {
      const link = Harness.link((await h.mailTo('hamid.ouali@example.org', subject))[0]);
      const res = await h.decide(link, 'approve', { comment: 'Goed dat bewoners meedoen' });
      expect(res.status).toBe(200);
      expect(res.html).toContain('Uw besluit is ontvangen');
      const receipts = await h.mailTo('hamid.ouali@example.org', 'Ontvangen');
      expect(receipts).toHaveLength(1);
      expect(receipts[0].text).toContain('Was u dit niet?');
      const round = await h.round(id);
      expect(round.approvers.find((a: any) => a.personId === 'p-hamid-ouali')).toMatchObject({
        state: 'responded',
        choice: 'approve',
        comment: 'Goed dat bewoners meedoen',
      });
      expect(JSON.stringify(round)).not.toMatch(/taskToken|\/d\//);
    });

    it('answers a second post of the same form with "already recorded" and changes nothing', async () => {
      const link = Harness.link((await h.mailTo('ria.jansen@example.org', subject))[0]);
      const page = await h.open(link);
      const proof = /name="proof" value="([^"]+)"/.exec(page.html)![1];
      expect((await h.post(link, { proof, choice: 'reject' })).html).toContain('Uw besluit is ontvangen');
      const again = await h.post(link, { proof, choice: 'approve' });
      expect(again.html).toContain('Dit besluit was al ontvangen');
      const round = await h.round(id);
      expect(round.approvers.find((a: any) => a.personId === 'p-ria-jansen')).toMatchObject({
        choice: 'reject',
        changes: 0,
      });
    });

    it('refuses a form without a valid proof and an objection in a majority round, storing nothing', async () => {
      const link = Harness.link((await h.mailTo('mehmet.yilmaz@example.org', subject))[0]);
      const bad = await h.post(link, { proof: '123.abc', choice: 'approve' });
      expect(bad.status).toBe(400);
      expect(bad.html).toContain('te lang open');
      const notOffered = await h.decide(link, 'object', { reason: 'x' });
      expect(notOffered.status).toBe(400);
      expect((await h.round(id)).approvers.find((a: any) => a.personId === 'p-mehmet-yilmaz').state).toBe('pending');
    });

    it('reminds only those who have not responded, at each reminder moment', async () => {
      // The reminder falls due on Monday a few seconds after 10:00, so it waits for the budget's next
      // whole hour, 11:00, and each member's message goes at their own moment in the quarter after it.
      await h.advance('P7DT1H15M');
      for (const [pid, address] of BOARD) {
        const reminders = await h.mailTo(address, 'Herinnering');
        const english = await h.mailTo(address, 'Reminder');
        const expected = pid === 'p-hamid-ouali' || pid === 'p-ria-jansen' ? 0 : 1;
        expect(reminders.length + english.length, address).toBe(expected);
      }
    });

    it('lets a member change their mind, on record', async () => {
      const link = Harness.link((await h.mailTo('ria.jansen@example.org', subject))[0]);
      const page = await h.open(link);
      expect(page.html).toContain('U koos eerder');
      await h.decide(link, 'approve');
      const round = await h.round(id);
      expect(round.approvers.find((a: any) => a.personId === 'p-ria-jansen')).toMatchObject({
        choice: 'approve',
        changes: 1,
      });
      expect(round.timeline.filter((e: any) => e.actor === 'p-ria-jansen').map((e: any) => e.kind)).toEqual([
        'decided',
        'changed',
      ]);
    });

    it('closes early as soon as the outcome cannot change, and tells everyone once with the tally', async () => {
      for (const address of ['anouk.de.vries@example.org', 'ruben.kok@example.org']) {
        await h.decide(Harness.link((await h.mailTo(address, subject))[0]), 'approve');
      }
      await h.rt.whenIdle();
      const round = await h.round(id);
      expect(round).toMatchObject({ status: 'closed', outcome: 'approved' });
      expect(round.stages[0].tally).toMatchObject({ approve: 4, reject: 0, pending: 3 });
      for (const [, address] of BOARD) {
        const outcome = (await h.mail()).filter((m) => m.to === address && /^(Besluit|Decision):/.test(m.subject));
        expect(outcome, address).toHaveLength(1);
      }
      const office = await h.mailTo('programmabureau@example.org', subject);
      expect(office.map((m) => m.subject)).toEqual(['Besluit: Aanvraag SPUK KW 26-28 is aangenomen']);
      expect(office[0].text).toContain('4 akkoord');
    });

    it('shows a closed page with the outcome for late clicks and refuses late decisions', async () => {
      const link = Harness.link((await h.mailTo('marloes.dijkstra@example.org', subject))[0]);
      const page = await h.open(link);
      expect(page.status).toBe(409);
      expect(page.html).toContain('Deze ronde is gesloten');
      expect(page.html).toContain('aangenomen');
      const late = await h.post(link, { proof: 'x', choice: 'reject' });
      expect(late.status).toBe(409);
      const round = await h.round(id);
      expect(round.approvers.find((a: any) => a.personId === 'p-marloes-dijkstra').state).toBe('pending');
    });

    it('keeps the whole story in the timeline, and sent no email twice', async () => {
      const round = await h.round(id);
      const kinds = round.timeline.map((e: any) => e.kind);
      expect(kinds[0]).toBe('created');
      expect(kinds).toContain('reminded');
      const stateChanges = kinds.filter((k: string) => k !== 'email');
      expect(stateChanges.at(-1)).toBe('closed');
      // Invitations and outcomes are the round's own emails; reminders went through each person's budget.
      expect(round.timeline.filter((e: any) => e.kind === 'email').length).toBeGreaterThanOrEqual(7 * 2);
      const all = await h.mail();
      const keys = all.map((m) => `${m.to}|${m.subject}|${m.text}`);
      expect(new Set(keys).size).toBe(keys.length);
      const executions = h.rt.sfn.listExecutions(
        'arn:aws:states:eu-west-1:000000000000:stateMachine:alliance-cycle-approvalRound',
      );
      expect(executions.find((e) => e.name === id)?.status).toBe('SUCCEEDED');
    });
    it('puts every email actually sent in the dossier, reminders included, each recipient by name', async () => {
      const round = await h.round(id);
      const names = new Map<string, string>(round.approvers.map((a: any) => [a.personId, a.name]));
      // The reminder went through each person's budget: on record when it was sent, with whom it went to.
      const reminded = round.timeline
        .filter((e: any) => e.kind === 'email' && e.details.tag === 'reminder')
        .map((e: any) => e.details.personId);
      const expected = BOARD.map(([pid]) => pid).filter((pid) => pid !== 'p-hamid-ouali' && pid !== 'p-ria-jansen');
      expect(reminded.sort()).toEqual(expected.sort());
      const dossier = await consolePage(`/console/rounds/${id}/dossier`);
      const emails = dossier.slice(dossier.indexOf('Verstuurde e-mails'), dossier.indexOf('<h2>Verloop'));
      for (const pid of expected)
        expect(emails, pid).toMatch(new RegExp(`<td>${names.get(pid)}</td><td>herinnering</td>`));
      for (const [pid] of BOARD)
        expect(emails, pid).toMatch(new RegExp(`<td>${names.get(pid)}</td><td>uitnodiging</td>`));
      expect(emails).not.toMatch(/<td>[^<]*\*\*\*@example\.org<\/td><td>(uitnodiging|herinnering)/);
      // Who never answered, by name.
      const silent = round.approvers.filter((a: any) => a.state === 'pending').map((a: any) => a.name);
      expect(silent.length).toBeGreaterThan(0);
      expect(dossier).toContain(`Wie reageerde niet:</strong> ${silent.join(', ')}`);
    });
  });
}
