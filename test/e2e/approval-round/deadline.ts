/** Rounds that end at their deadline: no quorum, a consent stage followed by a vote, a deadline far away. */
import { describe, expect, it } from 'vitest';
import { BOARD, Harness } from '../../support/local';
import { consolePage, createRound, h, inDays } from './harness';

export function deadlineRounds() {
  describe('rounds that end at the deadline', () => {
    it('ends without quorum and tells the programme office', async () => {
      const round = await createRound({ title: 'Begroting 2027', rule: { type: 'majority' }, reminders: [] });
      await h.decide(Harness.link((await h.mailTo('hamid.ouali@example.org', 'Begroting 2027'))[0]), 'approve');
      await h.advance('P11D');
      const closed = await h.round(round.id);
      expect(closed).toMatchObject({ status: 'closed', outcome: 'no-quorum' });
      const office = await h.mailTo('programmabureau@example.org', 'Begroting 2027');
      expect(office).toHaveLength(1);
      expect(office[0].subject).toMatch(/^Let op:/);
    });

    it('runs a consent stage, then a majority stage with the objection shown to all', async () => {
      const now = h.rt.clock.now();
      const round = await createRound({
        title: 'Convenant nieuwe partners',
        rule: { type: 'consensus-then-majority', consentDeadline: inDays(4, now) },
        reminders: ['P1D'],
      });
      const objector = Harness.link((await h.mailTo('mehmet.yilmaz@example.org', 'Convenant'))[0]);
      const noReason = await h.decide(objector, 'object');
      expect(noReason.status).toBe(400);
      await h.decide(objector, 'object', { reason: 'De bewoners van De Punt zijn niet gehoord' });
      // A minute past the consent deadline: as in AWS, a wait's timeout counts from when the wait
      // began, a moment after the plan was made, so the wake-up lands just after the deadline.
      await h.advance('P4DT1M');
      const majority = await h.round(round.id);
      expect(majority).toMatchObject({ status: 'open', stage: 'majority' });
      expect(majority.stages[0]).toMatchObject({ stage: 'consent', result: 'objection' });
      expect(majority.timeline.find((e: any) => e.kind === 'stage').label).toBe('Stemming gestart na bezwaar');
      const second = await h.mailTo('ria.jansen@example.org', 'Er is bezwaar');
      expect(second).toHaveLength(1);
      expect(second[0].text).toContain('De bewoners van De Punt zijn niet gehoord');
      const page = await h.open(Harness.link(second[0]));
      expect(page.html).toContain('De bewoners van De Punt zijn niet gehoord');
      for (const [, address] of BOARD.slice(0, 4))
        await h.decide(
          Harness.link((await h.mailTo(address, 'Er is bezwaar'))[0] ?? (await h.mailTo(address, 'objection'))[0]),
          'reject',
        );
      const closed = await h.round(round.id);
      expect(closed).toMatchObject({ status: 'closed', outcome: 'rejected' });
      expect(closed.stages.map((s: any) => s.stage)).toEqual(['consent', 'majority']);
    });

    it('never adopts a consensus round on silence: nobody answered, so a vote follows', async () => {
      const rule = { type: 'consensus-then-majority', consentDeadline: inDays(4, h.rt.clock.now()) };
      const round = await createRound({ title: 'Stille ronde', rule, reminders: [] });
      await h.advance('P4D');
      const majority = await h.round(round.id);
      expect(majority).toMatchObject({ status: 'open', stage: 'majority' });
      expect(majority.stages[0]).toMatchObject({ stage: 'consent', result: 'no-consensus' });
      const vote = await h.mailTo('ria.jansen@example.org', 'Geen overeenstemming: stem nu over Stille ronde');
      expect(vote).toHaveLength(1);
      expect(vote[0].text).toContain('U heeft in de eerste ronde niet gereageerd.');
      await h.advance('P7D');
      const closed = await h.round(round.id);
      expect(closed).toMatchObject({ status: 'closed', outcome: 'no-quorum' });
      expect(await h.mailTo('ria.jansen@example.org', 'Stille ronde is aangenomen')).toHaveLength(0);
      // Nobody objected: every place that tells the story says the vote followed for lack of consensus.
      expect(closed.timeline.find((e: any) => e.kind === 'stage').label).toBe('Stemming gestart: geen overeenstemming');
      const page = await consolePage(`/console/rounds/${round.id}`);
      const dossier = await consolePage(`/console/rounds/${round.id}/dossier`);
      const csv = await consolePage(`/console/rounds/${round.id}/audit.csv`);
      for (const [what, body] of [
        ['page', page],
        ['dossier', dossier],
        ['csv', csv],
      ]) {
        expect(body, what).toContain('Stemming gestart: geen overeenstemming');
        expect(body, what).not.toContain('na bezwaar');
        expect(body, what).not.toContain('no-consensus');
      }
      expect(dossier).toContain('Uitkomst: er was geen overeenstemming, daarom volgde een stemming.');
      // The office's own outcome email, by name like everyone else's.
      const emails = dossier.slice(dossier.indexOf('Verstuurde e-mails'), dossier.indexOf('<h2>Verloop'));
      expect(emails).toMatch(/<td>Programmabureau<\/td><td>uitkomst<\/td>/);
      expect(emails).not.toContain('***@');
    });

    it('carries the consent-stage answers into the vote: 3 approvals and 1 objection end approved', async () => {
      const rule = { type: 'consensus-then-majority', consentDeadline: inDays(4, h.rt.clock.now()) };
      const round = await createRound({ title: 'Buurtbudget', rule, reminders: [] });
      for (const address of ['anouk.de.vries@example.org', 'hamid.ouali@example.org', 'ria.jansen@example.org']) {
        await h.decide(Harness.link((await h.mailTo(address, 'Buurtbudget'))[0]), 'approve');
      }
      const objectorLink = Harness.link((await h.mailTo('mehmet.yilmaz@example.org', 'Buurtbudget'))[0]);
      await h.decide(objectorLink, 'object', { reason: 'Te weinig geld voor jongeren' });
      await h.advance('P4D');
      const majority = await h.round(round.id);
      expect(majority).toMatchObject({
        status: 'open',
        stage: 'majority',
        tally: { approve: 3, reject: 1, pending: 3 },
      });
      const [approver] = await h.mailTo('ria.jansen@example.org', 'Er is bezwaar: stem nu over Buurtbudget');
      expect(approver.text).toContain('Uw antwoord uit de eerste ronde telt nu als uw stem: "Akkoord".');
      expect(approver.text).toContain('Wilt u iets anders stemmen?');
      // A counted vote is not asked for a decision again: the stage's date is in one sentence, once.
      const date = /vóór (\w+ \d+ \w+ \d{4})/.exec(approver.text)![1];
      expect(approver.text.split(date)).toHaveLength(2);
      expect(approver.text).not.toContain('Geef uw besluit');
      expect(approver.text).toContain('Doet u niets, dan telt deze stem.');
      const [objector] = await h.mailTo('mehmet.yilmaz@example.org', 'Er is bezwaar: stem nu over Buurtbudget');
      expect(objector.text).toContain('telt nu als uw stem: "Niet akkoord"');
      expect((await h.open(Harness.link(approver))).html).toContain('telt nu als uw stem');
      // Nobody answers again: the carried answers are the votes at the deadline.
      await h.advance('P7D');
      const closed = await h.round(round.id);
      expect(closed).toMatchObject({ status: 'closed', outcome: 'approved' });
      expect(closed.stages[1].tally).toMatchObject({ approve: 3, reject: 1, abstain: 0, pending: 3 });
    });

    it('waits correctly for a deadline 60 days away (beyond the interpreter timer limit)', async () => {
      const now = h.rt.clock.now();
      const round = await createRound({
        title: 'Jaarplan',
        rule: { type: 'unanimous' },
        deadline: inDays(60, now),
        reminders: ['P30D'],
      });
      await h.advance('P29D');
      expect((await h.round(round.id)).status).toBe('open');
      expect(await h.mailTo('ria.jansen@example.org', 'Herinnering: uw besluit over Jaarplan')).toHaveLength(0);
      await h.advance('P2D');
      expect(await h.mailTo('ria.jansen@example.org', 'Herinnering: uw besluit over Jaarplan')).toHaveLength(1);
      await h.advance('P28D');
      expect((await h.round(round.id)).status).toBe('open');
      await h.advance('P1DT1H');
      expect(await h.round(round.id)).toMatchObject({ status: 'closed', outcome: 'rejected' });
    });
  });
}
