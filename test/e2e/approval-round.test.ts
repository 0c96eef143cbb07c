/**
 * The approval round end to end, on the local runtime: API -> workflow -> email -> page ->
 * decision -> reminders and deadline on the moved clock -> outcome, emails and audit trail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOARD, Harness } from '../support/local';

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(() => h.stop());

const inDays = (days: number, from: Date) => new Date(from.getTime() + days * 86400_000).toISOString();

async function createRound(body: Record<string, unknown>) {
  const now = h.rt.clock.now();
  const res = await h.api('POST', '/api/rounds', {
    title: 'Aanvraag SPUK KW 26-28',
    summary: 'Gaat u akkoord met de aanvraag?',
    bodyId: 'alliantiebestuur',
    deadline: inDays(10, now),
    reminders: ['P3D', 'P1D'],
    documents: [{ title: 'Aanvraag', url: 'https://example.org/spuk.pdf' }],
    ...body,
  });
  expect(res.status).toBe(201);
  await h.rt.whenIdle();
  return res.body;
}

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
    // The reminder falls due on Monday at 10:00; the hourly reminder tick sends it by 11:00.
    await h.advance('P7DT1H');
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

/** A console page as the signed-in programme office sees it. */
async function consolePage(path: string): Promise<string> {
  const app = h.rt.urls.app;
  const first = await fetch(`${app}/console/sign-in`);
  const pre = first.headers.getSetCookie()[0].split(';')[0];
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await first.text())![1];
  const signedIn = await fetch(`${app}/console/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: pre, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ code: h.rt.officeToken, _csrf: csrf }).toString(),
  });
  const cookie = signedIn.headers.getSetCookie()[0].split(';')[0];
  return (await fetch(`${app}${path}`, { headers: { cookie } })).text();
}

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
    await h.advance('P4D');
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
    expect(majority).toMatchObject({ status: 'open', stage: 'majority', tally: { approve: 3, reject: 1, pending: 3 } });
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
    expect(board.members.find((m: any) => m.role === 'chair')).toMatchObject({ name: 'Anouk de Vries', voting: true });
    expect((await h.api('GET', '/api/people')).body.people.length).toBeGreaterThan(20);
  });
});

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
  it('exports what is held about a person, and erases it while the decisions stay on record under a pseudonym', async () => {
    const exported = await h.api('GET', '/api/people/p-hamid-ouali/export');
    expect(exported.status).toBe(200);
    expect(exported.body.person).toMatchObject({ name: 'Hamid Ouali', email: 'hamid.ouali@example.org' });
    const spuk = exported.body.rounds.find((r: any) => r.title === 'Aanvraag SPUK KW 26-28');
    expect(spuk.answer).toMatchObject({ choice: 'approve', comment: 'Goed dat bewoners meedoen' });
    expect(exported.body.actions.map((a: any) => a.kind)).toContain('decided');

    const erased = await h.api('POST', '/api/people/p-hamid-ouali/erase');
    expect(erased.body.person).toMatchObject({ email: '', active: false });
    expect(erased.body.person.name).toMatch(/^Lid [0-9a-f]{8}$/);
    const round = await h.round(spuk.roundId);
    expect(round.approvers.find((a: any) => a.personId === 'p-hamid-ouali')).toMatchObject({
      choice: 'approve',
      name: erased.body.person.name,
    });
    expect(JSON.stringify((await h.api('GET', '/api/people')).body)).not.toContain('Hamid');
    const again = await h.api('POST', '/api/rounds', {
      title: 'Na verwijdering',
      summary: 's',
      approverIds: ['p-hamid-ouali'],
      rule: { type: 'majority' },
      deadline: inDays(3, h.rt.clock.now()),
    });
    expect(again.status).toBe(400);
    expect((await h.api('GET', '/api/people/p-nobody/export')).status).toBe(404);
  });
});

describe('links that do not work', () => {
  it('offers a fresh link, sent to the address on record, when an old link has expired while the round is open', async () => {
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
  });

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
