import { describe, expect, it } from 'vitest';
import {
  advance,
  cancelRound,
  createRound,
  DecisionRejected,
  extendRound,
  nextWake,
  recordDecision,
  reminderSlots,
  type Round,
} from '../../../functions/flows/approval-round/round';
import { invitationEmail, outcomeEmail } from '../../../functions/flows/approval-round/emails';
import type { Rule } from '../../../functions/flows/approval-round/rules';
import { OFFICE } from '../../../functions/engine/flow-email';

const T0 = new Date('2026-09-01T10:00:00+02:00');
const at = (iso: string) => new Date(iso);

function round(rule: Rule = { type: 'majority' }, approvers = ['a', 'b', 'c', 'd', 'e']): Round {
  return createRound(
    {
      id: 'r1',
      title: 'SPUK',
      summary: 's',
      documents: [],
      approverIds: approvers,
      rule,
      deadline: '2026-09-24T17:00:00+02:00',
      reminders: ['P3D', 'P1D'],
      createdBy: 'office',
    },
    T0,
  );
}

describe('recording decisions', () => {
  it('records a decision, bumps the version and keeps the round open while undecided', () => {
    const r = recordDecision(round(), { approverId: 'a', choice: 'approve' }, T0);
    expect(r.votes.a.choice).toBe('approve');
    expect(r.version).toBe(2);
    expect(r.status).toBe('open');
  });
  it('lets a member change their mind, counting the change, until the round closes', () => {
    let r = recordDecision(round(), { approverId: 'a', choice: 'approve' }, T0);
    r = recordDecision(r, { approverId: 'a', choice: 'reject', comment: 'toch niet' }, T0);
    expect(r.votes.a).toMatchObject({ choice: 'reject', changes: 1, comment: 'toch niet' });
  });
  it('closes early with the outcome when it can no longer change', () => {
    let r = round();
    for (const id of ['a', 'b', 'c']) r = recordDecision(r, { approverId: id, choice: 'approve' }, T0);
    expect(r).toMatchObject({ status: 'closed', outcome: 'approved' });
    expect(r.stages).toHaveLength(1);
    expect(() => recordDecision(r, { approverId: 'd', choice: 'reject' }, T0)).toThrow(DecisionRejected);
  });
  it('refuses people who are not approvers, choices not offered, and objections without reason', () => {
    expect(() => recordDecision(round(), { approverId: 'x', choice: 'approve' }, T0)).toThrow('not-an-approver');
    expect(() => recordDecision(round(), { approverId: 'a', choice: 'object', reason: 'x' }, T0)).toThrow(
      'choice-not-offered',
    );
    expect(() =>
      recordDecision(round({ type: 'consent' }), { approverId: 'a', choice: 'object', reason: '  ' }, T0),
    ).toThrow('reason-required');
  });
});

describe('time acting on a round', () => {
  it('computes reminder moments before the deadline and sends each once', () => {
    const r = round();
    expect(reminderSlots(r).map((s) => s.at)).toEqual(['2026-09-21T15:00:00.000Z', '2026-09-23T15:00:00.000Z']);
    expect(nextWake(r)).toBe('2026-09-21T15:00:00.000Z');
    const first = advance(r, at('2026-09-21T17:00:00+02:00'));
    expect(first.dueReminders.map((s) => s.key)).toEqual(['majority:0@2026-09-24T15:00:00.000Z']);
    expect(first.round.lastReminder).toBe('majority:0@2026-09-24T15:00:00.000Z');
    expect(advance(first.round, at('2026-09-21T18:00:00+02:00')).dueReminders).toEqual([]);
    expect(nextWake(first.round)).toBe('2026-09-23T15:00:00.000Z');
  });
  it('closes at the deadline', () => {
    const r = recordDecision(round(), { approverId: 'a', choice: 'approve' }, T0);
    const closed = advance(r, at('2026-09-24T17:00:00+02:00')).round;
    expect(closed).toMatchObject({ status: 'closed', outcome: 'no-quorum' });
    expect(nextWake(closed)).toBeNull();
  });
  it('starts a majority stage when an objection remains at the consent deadline, showing the objection', () => {
    let r = round({ type: 'consensus-then-majority', consentDeadline: '2026-09-10T17:00:00+02:00' });
    r = recordDecision(r, { approverId: 'a', choice: 'object', reason: 'Bewoners zijn niet gehoord' }, T0);
    expect(nextWake(r)).toBe('2026-09-07T15:00:00.000Z');
    const next = advance(r, at('2026-09-10T17:00:00+02:00')).round;
    // The objection is carried into the majority stage as a vote against (until a changes it).
    expect(next).toMatchObject({
      status: 'open',
      stage: 'majority',
      votes: { a: { choice: 'reject', carried: true } },
    });
    expect(next.stages[0]).toMatchObject({
      stage: 'consent',
      result: 'objection',
      objections: [{ approverId: 'a', reason: 'Bewoners zijn niet gehoord' }],
    });
  });
  it('carries every consent-stage answer into the majority stage and counts it at the deadline', () => {
    const seven = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    let r = round({ type: 'consensus-then-majority', consentDeadline: '2026-09-10T17:00:00+02:00' }, seven);
    for (const id of ['a', 'b', 'c']) {
      r = recordDecision(r, { approverId: id, choice: 'approve', comment: 'prima' }, T0);
    }
    r = recordDecision(r, { approverId: 'd', choice: 'object', reason: 'Te duur' }, T0);
    r = recordDecision(r, { approverId: 'e', choice: 'abstain' }, T0);
    const majority = advance(r, at('2026-09-10T17:00:00+02:00'));
    expect(majority.stageChanged).toBe(true);
    expect(majority.round.votes).toMatchObject({
      a: { choice: 'approve', carried: true, comment: 'prima' },
      d: { choice: 'reject', carried: true },
      e: { choice: 'abstain', carried: true },
    });
    expect(majority.round.status).toBe('open');
    // Nobody answers again: the carried answers count (5 of 7 answered, 3 approve, 1 reject).
    const closed = advance(majority.round, at('2026-09-24T17:00:00+02:00')).round;
    expect(closed).toMatchObject({ status: 'closed', outcome: 'approved' });
    expect(closed.stages[1].tally).toMatchObject({ approve: 3, reject: 1, abstain: 1, pending: 2 });
  });
  it('lets a member change a carried answer in the majority stage, as their first answer there', () => {
    let r = round({ type: 'consensus-then-majority', consentDeadline: '2026-09-10T17:00:00+02:00' });
    r = recordDecision(r, { approverId: 'a', choice: 'object', reason: 'Te duur' }, T0);
    r = advance(r, at('2026-09-10T17:00:00+02:00')).round;
    r = recordDecision(r, { approverId: 'a', choice: 'approve' }, at('2026-09-11T10:00:00+02:00'));
    expect(r.votes.a).toMatchObject({ choice: 'approve', changes: 0 });
    expect(r.votes.a.carried).toBeUndefined();
  });
  it('starts the majority stage without an objection when too few answered in the consent stage', () => {
    const seven = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    let r = round({ type: 'consensus-then-majority', consentDeadline: '2026-09-10T17:00:00+02:00' }, seven);
    const next = advance(r, at('2026-09-10T17:00:00+02:00')).round;
    expect(next).toMatchObject({ status: 'open', stage: 'majority', votes: {} });
    expect(next.stages[0]).toMatchObject({ stage: 'consent', result: 'no-consensus', objections: [] });
    r = recordDecision(r, { approverId: 'a', choice: 'approve' }, T0);
    expect(advance(r, at('2026-09-10T17:00:00+02:00')).round.stage).toBe('majority');
  });
  it('extending the deadline schedules the reminders again, skipping moments already past', () => {
    const r = advance(round(), at('2026-09-23T18:00:00+02:00')).round;
    expect(r.remindersSent).toEqual(['majority:0@2026-09-24T15:00:00.000Z', 'majority:1@2026-09-24T15:00:00.000Z']);
    const extended = extendRound(r, '2026-09-25T17:00:00.000+02:00', at('2026-09-23T18:30:00+02:00'));
    expect(extended.remindersSent).toContain('majority:0@2026-09-25T15:00:00.000Z');
    expect(nextWake(extended)).toBe('2026-09-24T15:00:00.000Z');
    const again = advance(extended, at('2026-09-24T17:30:00+02:00'));
    expect(again.dueReminders.map((s) => s.key)).toEqual(['majority:1@2026-09-25T15:00:00.000Z']);
  });

  it('cancels an open round once', () => {
    const c = cancelRound(round(), 'Aanvraag ingetrokken', T0);
    expect(c).toMatchObject({ status: 'closed', outcome: 'cancelled', cancelReason: 'Aanvraag ingetrokken' });
    expect(() => cancelRound(c, 'again', T0)).toThrow(DecisionRejected);
  });
});

describe('the round emails', () => {
  const nl = { name: 'Ria', lang: 'nl' as const };
  const en = { name: 'Esther', lang: 'en' as const };
  const closedAs = (outcome: 'approved' | 'rejected' | 'no-quorum' | 'no-response' | 'cancelled'): Round => ({
    ...round(),
    status: 'closed',
    outcome,
    closedAt: '2026-09-24T15:00:00.000Z',
    cancelReason: outcome === 'cancelled' ? 'Ingetrokken' : undefined,
  });
  it('say the outcome in the subject as a natural sentence, in Dutch and English', () => {
    const subjects = (['approved', 'rejected', 'no-quorum', 'no-response', 'cancelled'] as const).map((o) => [
      outcomeEmail(closedAs(o), nl).subject,
      outcomeEmail(closedAs(o), en).subject,
    ]);
    expect(subjects).toEqual([
      ['Besluit: SPUK is aangenomen', 'Decision: SPUK was approved'],
      ['Besluit: SPUK is niet aangenomen', 'Decision: SPUK was not approved'],
      ['Geen besluit over SPUK: te weinig mensen hebben gereageerd', 'No decision on SPUK: too few people responded'],
      ['Geen besluit over SPUK: niemand heeft gereageerd', 'No decision on SPUK: nobody responded'],
      ['De ronde over SPUK is gestopt', 'The round on SPUK was cancelled'],
    ]);
    expect(outcomeEmail(closedAs('no-quorum'), nl).text).toContain(
      'Er is geen besluit, want te weinig mensen hebben gereageerd.',
    );
    expect(outcomeEmail(closedAs('approved'), en).text).toContain('The proposal was approved.');
  });
  it('do not greet and sign the office as itself in its own copy of the outcome', () => {
    const copy = outcomeEmail(closedAs('approved'), OFFICE);
    expect(copy.text).not.toMatch(/Beste|Met vriendelijke groet/);
    expect(copy.text).toContain('Dit bericht is automatisch verstuurd door Alliantiecyclus.');
    expect(copy.html).not.toContain('Beste');
    expect(outcomeEmail(closedAs('approved'), nl).text).toMatch(/^Beste Ria,/);
  });
  it('leave the choice of language to the settings link, instead of asking people to tell the programme office', () => {
    const mail = invitationEmail(round(), nl, 'https://x.example/d/t', 'invite', T0);
    expect(mail.text).not.toContain('programmabureau het weten');
    expect(mail.html).not.toContain('programmabureau het weten');
  });
  it('state the rule in the invitation, and in the majority stage tell each member what is counted for them', () => {
    let r = round({ type: 'consensus-then-majority', consentDeadline: '2026-09-10T17:00:00+02:00' });
    const link = 'https://x.example/d/t';
    expect(invitationEmail(r, nl, link, 'invite', T0).text).toContain('Niet reageren telt niet als akkoord.');
    r = recordDecision(r, { approverId: 'a', choice: 'object', reason: 'Te duur' }, T0);
    r = recordDecision(r, { approverId: 'b', choice: 'approve' }, T0);
    r = advance(r, at('2026-09-10T17:00:00+02:00')).round;
    const later = at('2026-09-10T17:00:00+02:00');
    const objector = invitationEmail(r, nl, link, 'invite', later, r.votes.a);
    expect(objector.subject).toBe('Er is bezwaar: stem nu over SPUK');
    expect(objector.text).toContain('Uw antwoord uit de eerste ronde telt nu als uw stem: "Niet akkoord".');
    expect(objector.text).toContain('Wilt u iets anders stemmen? Open de link en kies opnieuw vóór');
    const approver = invitationEmail(r, en, link, 'invite', later, r.votes.b);
    expect(approver.text).toContain('Your answer from the first stage now counts as your vote: "Approve".');
    const silent = invitationEmail(r, nl, link, 'invite', later);
    expect(silent.text).toContain('U heeft in de eerste ronde niet gereageerd.');
  });
  it('give a member whose vote already counts one clear sentence about changing it, with the date once', () => {
    let r = round({ type: 'consensus-then-majority', consentDeadline: '2026-09-10T17:00:00+02:00' });
    r = recordDecision(r, { approverId: 'a', choice: 'object', reason: 'Te duur' }, T0);
    r = recordDecision(r, { approverId: 'b', choice: 'approve' }, T0);
    const later = at('2026-09-10T17:00:00+02:00');
    r = advance(r, later).round;
    const link = 'https://x.example/d/t';
    for (const [to, date, ask] of [
      [nl, '24 september', 'Geef uw besluit'],
      [en, '24 September', 'Please decide'],
    ] as const) {
      const mail = invitationEmail(r, to, link, 'invite', later, r.votes.b);
      for (const body of [mail.text, mail.html]) {
        expect(body.split(date).length - 1, `${to.lang}: ${body}`).toBe(1);
        // "Your vote already counts" and then "give your decision" would contradict each other.
        expect(body).not.toContain(ask);
      }
      expect(mail.text).toMatch(
        to.lang === 'nl' ? /Doet u niets, dan telt deze stem/ : /If you do nothing, this vote counts/,
      );
    }
    // Members without a carried vote are still asked to decide by the date.
    const silent = invitationEmail(r, nl, link, 'invite', later);
    expect(silent.text).toContain('Geef uw besluit vóór donderdag 24 september');
  });
  it('start the majority stage without an objection with a subject that says why', () => {
    let r = round({ type: 'consensus-then-majority', consentDeadline: '2026-09-10T17:00:00+02:00' });
    r = advance(r, at('2026-09-10T17:00:00+02:00')).round;
    const mail = invitationEmail(r, nl, 'https://x.example/d/t', 'invite', at('2026-09-10T17:00:00+02:00'));
    expect(mail.subject).toBe('Geen overeenstemming: stem nu over SPUK');
    expect(mail.text).toContain('te weinig mensen hebben ingestemd');
  });
});
