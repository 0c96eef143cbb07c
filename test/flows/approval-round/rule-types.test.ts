import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../functions/flows/approval-round/rules';
import { CreateRound } from '../../../functions/flows/approval-round/schemas';
import { adopted, toVote, votes } from '../../support/votes';

describe('unanimous', () => {
  const rule = { type: 'unanimous' as const };
  it('approves only when every eligible approver approves', () => {
    expect(evaluate(rule, 'decision', 3, votes('approve', 'approve'), false)).toEqual({ decided: false });
    expect(evaluate(rule, 'decision', 3, votes('approve', 'approve', 'approve'), false)).toEqual({
      decided: true,
      outcome: 'approved',
    });
  });
  it('is decided at once by one rejection', () => {
    expect(evaluate(rule, 'decision', 9, votes('reject'), false)).toEqual({ decided: true, outcome: 'rejected' });
  });
  it('is rejected at the deadline when someone did not approve', () => {
    expect(evaluate(rule, 'decision', 3, votes('approve', 'approve'), true)).toEqual({
      decided: true,
      outcome: 'rejected',
    });
  });
});

describe('consent', () => {
  const rule = { type: 'consent' as const };
  it('adopts at the deadline unless someone objected (silence is consent)', () => {
    expect(evaluate(rule, 'consent', 5, votes('approve'), true)).toEqual({ decided: true, outcome: 'approved' });
  });
  it('adopts early when everyone consented', () => {
    expect(evaluate(rule, 'consent', 2, votes('approve', 'abstain'), false)).toEqual({
      decided: true,
      outcome: 'approved',
    });
  });
  it('is not adopted when someone objects', () => {
    expect(evaluate(rule, 'consent', 5, votes('approve', 'object'), false)).toEqual({
      decided: true,
      outcome: 'rejected',
    });
  });
  it('with a quorum, needs that many answers at the deadline (abstaining counts as an answer)', () => {
    const withQuorum = { type: 'consent' as const, quorum: 0.5 };
    expect(evaluate(withQuorum, 'consent', 5, votes('approve'), true)).toEqual({ decided: true, outcome: 'no-quorum' });
    expect(evaluate(withQuorum, 'consent', 5, votes('approve', 'abstain', 'abstain'), true)).toEqual(adopted);
    expect(evaluate(withQuorum, 'consent', 5, votes('approve', 'abstain'), false)).toEqual({ decided: false });
    expect(evaluate(withQuorum, 'consent', 5, votes('object'), false)).toEqual({ decided: true, outcome: 'rejected' });
  });
});

describe('consensus-then-majority', () => {
  const rule = { type: 'consensus-then-majority' as const, consentDeadline: '2026-09-17T17:00:00+02:00' };
  it('adopts in the consent stage when nobody objects and the quorum answered', () => {
    expect(evaluate(rule, 'consent', 3, votes('approve', 'approve', 'approve'), false)).toEqual({
      decided: true,
      outcome: 'approved',
    });
    expect(evaluate(rule, 'consent', 3, votes('approve', 'approve'), true)).toEqual(adopted);
  });
  it('never adopts on silence: too few answers at the consent deadline start the majority stage', () => {
    expect(evaluate(rule, 'consent', 7, [], true)).toEqual({ decided: false, nextStage: 'majority' });
    expect(evaluate(rule, 'consent', 3, votes('approve'), true)).toEqual({ decided: false, nextStage: 'majority' });
    // 3 of 7 is not more than half; abstaining counts as an answer (standing aside).
    expect(evaluate(rule, 'consent', 7, votes('approve', 'abstain', 'abstain'), true)).toEqual(toVote);
    expect(evaluate(rule, 'consent', 7, votes('approve', 'approve', 'abstain', 'abstain'), true)).toEqual(adopted);
    expect(evaluate({ ...rule, quorum: 0.25 }, 'consent', 7, votes('approve', 'approve'), true)).toEqual(adopted);
  });
  it('needs at least one approval: when everyone stands aside, the majority stage follows', () => {
    expect(evaluate(rule, 'consent', 3, votes('abstain', 'abstain', 'abstain'), false)).toEqual({ decided: false });
    expect(evaluate(rule, 'consent', 3, votes('abstain', 'abstain', 'abstain'), true)).toEqual(toVote);
  });
  it('keeps an objection open for withdrawal until the consent deadline', () => {
    expect(evaluate(rule, 'consent', 3, votes('approve', 'approve', 'object'), false)).toEqual({ decided: false });
  });
  it('moves to a majority stage when an objection remains at the consent deadline', () => {
    expect(evaluate(rule, 'consent', 3, votes('object'), true)).toEqual({ decided: false, nextStage: 'majority' });
  });
  it('counts the majority stage like a majority rule', () => {
    expect(evaluate(rule, 'majority', 3, votes('approve', 'approve'), false)).toEqual({
      decided: true,
      outcome: 'approved',
    });
  });
  it('counts answers carried from the consent stage, but does not close early on them: they may still change', () => {
    // Four carried approvals of seven would decide at once if they were final; carried, they may still change.
    const carried = votes('approve', 'approve', 'approve', 'approve', 'reject').map((v) => ({ ...v, carried: true }));
    expect(evaluate(rule, 'majority', 7, carried, false)).toEqual({ decided: false });
    expect(evaluate(rule, 'majority', 7, carried, true)).toEqual({ decided: true, outcome: 'approved' });
    // Confirmed in the majority stage, four approvals of seven decide at once.
    const confirmed = [...votes('approve', 'approve', 'approve', 'approve'), ...carried.slice(4)];
    expect(evaluate(rule, 'majority', 7, confirmed, false)).toEqual({ decided: true, outcome: 'approved' });
  });
});

describe('first-response', () => {
  const rule = { type: 'first-response' as const };
  it('lets the first approve or reject decide', () => {
    expect(
      evaluate(
        rule,
        'decision',
        5,
        [
          { choice: 'reject', at: 5 },
          { choice: 'approve', at: 9 },
        ],
        false,
      ),
    ).toEqual({ decided: true, outcome: 'rejected' });
  });
  it('ends without a decision when nobody answered by the deadline', () => {
    expect(evaluate(rule, 'decision', 5, [], true)).toEqual({ decided: true, outcome: 'no-response' });
  });
});

describe('the rule of a round request', () => {
  const request = (rule: unknown) => ({
    title: 'Jaarverslag',
    summary: 'Akkoord?',
    bodyId: 'kerngroep',
    rule,
    deadline: '2026-09-24T17:00:00+02:00',
  });
  it('takes an optional quorum for consent, between 0 and 1', () => {
    const parsed = CreateRound.safeParse(request({ type: 'consent', quorum: 0.5 }));
    expect(parsed.success && parsed.data.rule).toEqual({ type: 'consent', quorum: 0.5 });
    expect(CreateRound.safeParse(request({ type: 'consent' })).success).toBe(true);
    for (const quorum of [0, 1, 1.5, '0.5', null]) {
      const bad = CreateRound.safeParse(request({ type: 'consent', quorum }));
      expect(bad.success, String(quorum)).toBe(false);
      expect(bad.error?.issues[0].path).toEqual(['rule', 'quorum']);
    }
  });
});
