/**
 * Forms replayed or outlived by a stage change, a workflow that died before the deadline, and an
 * invitation that bounced.
 */
import { describe, expect, it } from 'vitest';
import { Harness } from '../support/local';
import { h, inDays, proofOf, start, useHarness } from './robustness-support';

useHarness();

const MACHINE = 'arn:aws:states:eu-west-1:000000000000:stateMachine:alliance-cycle-approvalRound';

describe('forms', () => {
  it('does not let an old form be posted again after a later one (no replay)', async () => {
    const round = (await start('Replay')).body;
    const link = Harness.link((await h.mailTo('ria.jansen@example.org', 'Replay'))[0]);
    const p1 = await proofOf(link);
    await h.rt.clock.advanceTo(new Date(h.rt.clock.now().getTime() + 2000), h.rt.whenIdle);
    const p2 = await proofOf(link);
    expect(p2).not.toBe(p1);
    await h.post(link, { proof: p1, choice: 'approve' });
    await h.post(link, { proof: p2, choice: 'reject' });
    const replay = await h.post(link, { proof: p1, choice: 'approve' });
    expect(replay.html).toContain('Dit besluit was al ontvangen');
    expect((await h.round(round.id)).approvers.find((a: any) => a.personId === 'p-ria-jansen')).toMatchObject({
      choice: 'reject',
      changes: 1,
    });
  });

  it('voids a consent-stage form once the majority stage has started', async () => {
    await start('Stadia', { rule: { type: 'consensus-then-majority', consentDeadline: inDays(2) } });
    const objector = Harness.link((await h.mailTo('mehmet.yilmaz@example.org', 'Stadia'))[0]);
    await h.decide(objector, 'object', { reason: 'Eerst de bewoners horen' });
    const ria = Harness.link((await h.mailTo('ria.jansen@example.org', 'Stadia'))[0]);
    const consentForm = await proofOf(ria);
    await h.advance('P2DT1M');
    const late = await h.post(ria, { proof: consentForm, choice: 'approve' });
    expect(late.status).toBe(400);
    expect(late.html).toContain('te lang open');
    expect(late.html).toContain('Eerst de bewoners horen');
  });
});

describe('a workflow that stopped', () => {
  it('refuses answers after the deadline, and the watchdog settles and announces the round', async () => {
    const round = (await start('Gestopt', { deadline: inDays(3) })).body;
    const link = Harness.link((await h.mailTo('ria.jansen@example.org', 'Gestopt'))[0]);
    const form = await proofOf(link);
    h.rt.sfn.stopExecution(`${MACHINE.replace('stateMachine', 'execution')}:${round.id}`);
    await h.advance('P3DT1M');
    const late = await h.post(link, { proof: form, choice: 'approve' });
    expect(late.status).toBe(409);
    expect(late.html).toContain('De termijn is voorbij');
    expect((await h.round(round.id)).status).toBe('open');
    await h.advance('P2D');
    const settled = await h.round(round.id);
    expect(settled).toMatchObject({ status: 'closed', outcome: 'no-quorum' });
    expect(await h.mailTo('ria.jansen@example.org', 'Geen besluit over Gestopt')).toHaveLength(1);
    expect(await h.mailTo('programmabureau@example.org', 'Gestopt')).toHaveLength(1);
  });
});

describe('delivery problems', () => {
  it('tells the programme office at once when an invitation bounces (SES mailbox simulator)', async () => {
    const { DynamoDirectory } = await import('../../functions/engine/directory-store');
    await new DynamoDirectory('alliance-cycle').put('person', {
      id: 'p-bounce',
      name: 'Onbereikbaar',
      email: 'bounce@simulator.amazonses.com',
      lang: 'nl',
      kind: 'resident',
      active: true,
    });
    await start('Onbezorgbaar', { bodyId: undefined, approverIds: ['p-bounce', 'p-ria-jansen'] });
    const notices = await h.mailTo('programmabureau@example.org', 'niet bezorgd');
    expect(notices).toHaveLength(1);
    expect(notices[0].subject).toContain('bounce@simulator.amazonses.com');
    expect(notices[0].text).toContain('Onbezorgbaar');
    const { DynamoNoticeStore } = await import('../../functions/engine/notice-store');
    expect((await new DynamoNoticeStore('alliance-cycle').latest())[0]).toMatchObject({ kind: 'bounce' });
  });
});
