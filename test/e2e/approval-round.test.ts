/**
 * The approval round end to end, on the local runtime: API -> workflow -> email -> page ->
 * decision -> reminders and deadline on the moved clock -> outcome, emails and audit trail.
 * One story on one runtime, told in parts (./approval-round/): the later parts read the earlier rounds.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { dynamo } from '../../functions/platform/clients';
import { config } from '../../functions/platform/config';
import { Harness } from '../support/local';
import { deadlineRounds } from './approval-round/deadline';
import { createRound, h, inDays, useHarness } from './approval-round/harness';
import { majorityRound } from './approval-round/majority';
import { officeActions } from './approval-round/office';

useHarness();
majorityRound();
deadlineRounds();
officeActions();

describe('the public page of a body', () => {
  it('shows its closed rounds in plain words, with the rule and the tally, and no names', async () => {
    // A round to chosen people belongs to no body: it is never shown.
    const loose = await createRound({
      title: 'Losse vraag',
      bodyId: undefined,
      approverIds: ['p-ria-jansen'],
      rule: { type: 'first-response' },
    });
    await h.decide(Harness.link((await h.mailTo('ria.jansen@example.org', 'Losse vraag'))[0]), 'approve');
    const open = await createRound({ title: 'Nog open vraag', rule: { type: 'majority' }, reminders: [] });
    await h.rt.whenIdle();
    const res = await fetch(`${h.rt.urls.app}/p/alliantiebestuur`);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('Besluiten');
    const spuk = page.slice(page.indexOf('Aanvraag SPUK KW 26-28'));
    expect(spuk).toContain('Gaat u akkoord met de aanvraag?');
    expect(spuk).toMatch(/Het voorstel is aangenomen\.<\/strong>\s*Afgerond op /);
    expect(spuk).toContain('4 akkoord, 0 niet akkoord');
    expect(spuk).toContain('Zo werd besloten: bij meerderheid van stemmen; meer dan 50% van de leden moest reageren.');
    expect(page).toContain('Convenant nieuwe partners');
    expect(page).toContain('Begroting 2027');
    expect(page).toContain('Er is geen besluit, want te weinig mensen hebben gereageerd.');
    // Stopped rounds are shown as stopped, without the office's reason.
    expect(page).toContain('Subsidie speeltuin');
    expect(page).not.toContain('De aanvraag is ingetrokken');
    const names = ['Hamid', 'Ouali', 'Ria Jansen', '@example.org'];
    const comments = ['Goed dat bewoners meedoen', 'De bewoners van De Punt zijn niet gehoord'];
    for (const absent of ['Losse vraag', 'Nog open vraag', ...names, ...comments]) {
      expect(page, absent).not.toContain(absent);
    }
    const english = await (await fetch(`${h.rt.urls.app}/p/alliantiebestuur?lang=en`)).text();
    expect(english).toContain('Decisions');
    expect(english).toContain('The proposal was approved.');
    expect([loose.id, open.id]).toHaveLength(2);
  });
});

describe('personal data (AVG)', () => {
  it(
    'exports what is held about a person, ' + 'and erases it while the decisions stay on record under a pseudonym',
    async () => {
      const exported = await h.api('GET', '/api/people/p-hamid-ouali/export');
      expect(exported.status).toBe(200);
      expect(exported.body.person).toMatchObject({ name: 'Hamid Ouali', email: 'hamid.ouali@example.org' });
      const spuk = exported.body.rounds.find((r: any) => r.title === 'Aanvraag SPUK KW 26-28');
      expect(spuk.answer).toMatchObject({ choice: 'approve', comment: 'Goed dat bewoners meedoen' });
      expect(exported.body.actions.map((a: any) => a.kind)).toContain('decided');
      // The emails to them: to their address, what and how far, not the body.
      const invitation = exported.body.mail.find(
        (m: any) => m.tag === 'invite' && m.subject.includes('Aanvraag SPUK KW 26-28'),
      );
      expect(invitation).toMatchObject({ to: 'hamid.ouali@example.org', state: 'sent' });
      expect(invitation.createdAt).toBeDefined();
      expect(JSON.stringify(exported.body.mail)).not.toContain('<p>');

      const erased = await h.api('POST', '/api/people/p-hamid-ouali/erase');
      expect(erased.body.person).toMatchObject({ email: '', active: false });
      expect(erased.body.person.name).toMatch(/^Lid [0-9a-f]{8}$/);
      const round = await h.round(spuk.roundId);
      expect(round.approvers.find((a: any) => a.personId === 'p-hamid-ouali')).toMatchObject({
        choice: 'approve',
        name: erased.body.person.name,
      });
      expect(JSON.stringify((await h.api('GET', '/api/people')).body)).not.toContain('Hamid');
      // No email in the outbox holds the address any more, and their export lists none.
      expect((await h.api('GET', '/api/people/p-hamid-ouali/export')).body.mail).toEqual([]);
      const mailItems = (await dynamo.send(new ScanCommand({ TableName: config().tableName }))).Items!.filter(
        (i) => String(i.sk).startsWith('MAIL#') || String(i.pk).startsWith('MAILTO#'),
      );
      expect(mailItems.length).toBeGreaterThan(0);
      expect(JSON.stringify(mailItems)).not.toContain('hamid.ouali@example.org');
      const again = await h.api('POST', '/api/rounds', {
        title: 'Na verwijdering',
        summary: 's',
        approverIds: ['p-hamid-ouali'],
        rule: { type: 'majority' },
        deadline: inDays(3, h.rt.clock.now()),
      });
      expect(again.status).toBe(400);
      expect((await h.api('GET', '/api/people/p-nobody/export')).status).toBe(404);
    },
  );
});

describe('links that do not work', () => {
  it(
    'offers a fresh link, sent to the address on record, ' + 'when an old link has expired while the round is open',
    async () => {
      const round = await createRound({
        title: 'Lange ronde',
        rule: { type: 'majority' },
        deadline: inDays(2, h.rt.clock.now()),
        reminders: [],
      });
      const old = Harness.link((await h.mailTo('ria.jansen@example.org', 'Lange ronde'))[0]);
      expect(
        (await h.api('POST', `/api/rounds/${round.id}/extend`, { deadline: inDays(60, h.rt.clock.now()) })).status,
      ).toBe(200);
      await h.advance('P33D');
      const expired = await h.open(old);
      expect(expired.status).toBe(410);
      expect(expired.html).toContain('Deze link is verlopen');
      expect((await h.post(old, { choice: 'approve', proof: 'x' })).status).toBe(410);
      const asked = await h.post(`${old}/new-link`, {});
      expect(asked.status).toBe(202);
      const fresh = (await h.mailTo('ria.jansen@example.org', 'Lange ronde'))
        .map((m) => Harness.link(m))
        .filter((l) => l !== old);
      expect(fresh).toHaveLength(1);
      expect((await h.decide(fresh[0], 'approve')).status).toBe(200);
      expect((await h.round(round.id)).approvers.find((a: any) => a.personId === 'p-ria-jansen')).toMatchObject({
        choice: 'approve',
        name: 'Ria Jansen',
      });
    },
  );

  it('answers tampered, unknown and garbage links with a clear page, never a 500', async () => {
    const link = Harness.link((await h.mailTo('ria.jansen@example.org', 'Aanvraag SPUK'))[0]);
    const tampered = link.slice(0, -3) + (link.endsWith('AAA') ? 'BBB' : 'AAA');
    for (const bad of [
      tampered,
      `${h.rt.urls.app}/d/nonsense`,
      `${h.rt.urls.app}/d/${'x'.repeat(5000)}`,
      `${h.rt.urls.app}/d/a.b`,
    ]) {
      for (const method of ['GET', 'POST'] as const) {
        const res = method === 'GET' ? await h.open(bad) : await h.post(bad, { choice: 'approve', proof: 'x' });
        expect(res.status, bad).toBeGreaterThanOrEqual(400);
        expect(res.status, bad).toBeLessThan(500);
        expect(res.html).toContain('Deze link klopt niet');
      }
    }
  });
});
