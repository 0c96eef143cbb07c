import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  evaluate,
  majorityOutcome,
  reachableMajorityOutcomes,
  tally,
  type Choice,
  type Outcome,
} from '../../../functions/flows/approval-round/rules';
import { votes } from '../../support/votes';

describe('majority', () => {
  const rule = { type: 'majority' as const };
  it('approves when approvals are more than half of the votes cast and quorum is met', () => {
    expect(evaluate(rule, 'majority', 5, votes('approve', 'approve', 'reject'), true)).toEqual({
      decided: true,
      outcome: 'approved',
    });
  });
  it('rejects on a tie', () => {
    expect(evaluate(rule, 'majority', 4, votes('approve', 'approve', 'reject', 'reject'), true)).toEqual({
      decided: true,
      outcome: 'rejected',
    });
  });
  it('does not count abstentions as cast but does count them for quorum', () => {
    // 3 of 5 responded (quorum met); 1 approve vs 0 reject: approved.
    expect(evaluate(rule, 'majority', 5, votes('approve', 'abstain', 'abstain'), true)).toEqual({
      decided: true,
      outcome: 'approved',
    });
  });
  it('ends without quorum when too few respond by the deadline', () => {
    expect(evaluate(rule, 'majority', 6, votes('approve', 'approve', 'approve'), true)).toEqual({
      decided: true,
      outcome: 'no-quorum',
    });
    expect(evaluate({ type: 'majority', quorum: 0.25 }, 'majority', 6, votes('approve', 'approve'), true)).toEqual({
      decided: true,
      outcome: 'approved',
    });
  });
  it('counts quorum in whole people, whatever the floating point says', () => {
    // "More than 58% of 100" needs 59 responses, although 0.58 * 100 is 57.99999999999999.
    const responses = (n: number) => votes(...Array<Choice>(n).fill('approve'));
    expect(evaluate({ type: 'majority', quorum: 0.58 }, 'majority', 100, responses(58), true)).toEqual({
      decided: true,
      outcome: 'no-quorum',
    });
    expect(evaluate({ type: 'majority', quorum: 0.58 }, 'majority', 100, responses(59), true)).toEqual({
      decided: true,
      outcome: 'approved',
    });
    expect(evaluate(rule, 'majority', 6, responses(3), true)).toEqual({ decided: true, outcome: 'no-quorum' });
    expect(evaluate(rule, 'majority', 6, responses(4), true)).toEqual({ decided: true, outcome: 'approved' });
  });
  it('closes early once the outcome can no longer change', () => {
    expect(evaluate(rule, 'majority', 7, votes('approve', 'approve', 'approve'), false)).toEqual({ decided: false });
    expect(evaluate(rule, 'majority', 7, votes('approve', 'approve', 'approve', 'approve'), false)).toEqual({
      decided: true,
      outcome: 'approved',
    });
    expect(evaluate(rule, 'majority', 7, votes('reject', 'reject', 'reject', 'reject'), false)).toEqual({
      decided: true,
      outcome: 'rejected',
    });
  });
  it('matches a brute-force search over every way the pending members could answer', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.constantFrom<Choice>('approve', 'reject', 'abstain'), { maxLength: 12 }),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        (eligible, cast, quorum) => {
          const given = cast.slice(0, eligible);
          const t = tally(eligible, votes(...given));
          const brute = new Set<Outcome>();
          for (let a = 0; a <= t.pending; a++)
            for (let r = 0; a + r <= t.pending; r++)
              for (let s = 0; a + r + s <= t.pending; s++) {
                brute.add(
                  majorityOutcome(
                    {
                      ...t,
                      approve: t.approve + a,
                      reject: t.reject + r,
                      abstain: t.abstain + s,
                      pending: t.pending - a - r - s,
                    },
                    quorum,
                  ),
                );
              }
          expect(reachableMajorityOutcomes(t, quorum)).toEqual(brute);
        },
      ),
      { numRuns: 500 },
    );
  });
  it('matches a brute-force search when some answers are carried over and may still change', () => {
    const choice = fc.constantFrom<Choice>('approve', 'reject', 'abstain');
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }),
        fc.array(choice, { maxLength: 10 }),
        fc.array(choice, { maxLength: 10 }),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        (eligible, fixed, carriedChoices, quorum) => {
          const given = fixed.slice(0, eligible);
          const carried = carriedChoices.slice(0, eligible - given.length);
          const t = tally(eligible, votes(...given, ...carried));
          const open = tally(carried.length, votes(...carried));
          const base = tally(eligible, votes(...given));
          const brute = new Set<Outcome>();
          // Each carried member approves, rejects or abstains (keeping the answer is one of these);
          // the pending may also stay silent.
          const p = eligible - given.length - carried.length;
          const n = carried.length;
          for (let ca = 0; ca <= n; ca++)
            for (let cr = 0; ca + cr <= n; cr++) {
              for (let a = 0; a <= p; a++)
                for (let r = 0; a + r <= p; r++)
                  for (let s = 0; a + r + s <= p; s++) {
                    brute.add(
                      majorityOutcome(
                        {
                          ...base,
                          approve: base.approve + ca + a,
                          reject: base.reject + cr + r,
                          abstain: base.abstain + (n - ca - cr) + s,
                          pending: p - a - r - s,
                        },
                        quorum,
                      ),
                    );
                  }
            }
          expect(reachableMajorityOutcomes(t, quorum, open)).toEqual(brute);
        },
      ),
      { numRuns: 500 },
    );
  });
});
