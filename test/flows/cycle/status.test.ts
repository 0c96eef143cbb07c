import { describe, expect, it } from 'vitest';
import { phaseStatus, planCycle, skipPhase, type Template } from '../../../functions/flows/cycle';
import { SPUK_ANCHORS, spukPlan, spukTemplate } from './fixtures';

const plan = spukPlan();
const phase = (key: string) => plan.phases.find((p) => p.key === key)!;
const at = (iso: string) => new Date(iso);

describe('phase status', () => {
  it('runs a phase on a plain date from that date, and makes it late after its due date', () => {
    const kickOff = phase('kickOff'); // 2 July 09:00 to 9 July 17:00
    expect(phaseStatus(kickOff, {}, at('2026-07-02T06:59:00Z'))).toBe('toCome');
    expect(phaseStatus(kickOff, {}, at('2026-07-02T07:00:00Z'))).toBe('running');
    expect(phaseStatus(kickOff, {}, at('2026-07-09T15:00:00Z'))).toBe('running');
    expect(phaseStatus(kickOff, {}, at('2026-07-09T15:00:01Z'))).toBe('late');
    expect(phaseStatus(kickOff, { doneAt: '2026-07-12T10:00:00Z' }, at('2026-07-13T00:00:00Z'))).toBe('done');
  });

  it('runs a gated phase only when its flow says it started; late whether started or not', () => {
    const draft = phase('draft'); // when the inputs are done, due 27 August 17:00
    expect(phaseStatus(draft, {}, at('2026-08-10T00:00:00Z'))).toBe('toCome');
    expect(phaseStatus(draft, { startedAt: '2026-08-07T09:00:00Z' }, at('2026-08-10T00:00:00Z'))).toBe('running');
    expect(phaseStatus(draft, {}, at('2026-08-28T00:00:00Z'))).toBe('late');
    expect(phaseStatus(draft, { startedAt: '2026-08-07T09:00:00Z' }, at('2026-08-28T00:00:00Z'))).toBe('late');
  });

  it('runs a "whichever comes first" phase from its date, though what it waits for is not done', () => {
    const first = structuredClone(spukTemplate) as Template;
    first.phases[6].start.when = 'first';
    // The approval round: its date 17 September 09:00, the review it waits for due 10 September 17:00.
    const approval = planCycle(first, SPUK_ANCHORS).phases[6];
    expect(approval.start).toMatchObject({
      rule: 'first',
      at: '2026-09-10T15:00:00.000Z',
      date: '2026-09-17T07:00:00.000Z',
    });
    expect(phaseStatus(approval, {}, at('2026-09-12T00:00:00Z'))).toBe('toCome');
    expect(phaseStatus(approval, {}, at('2026-09-17T07:00:00Z'))).toBe('running');
  });

  it('shows a skipped phase as skipped, whatever its flow reported', () => {
    const now = at('2026-07-01T10:00:00Z');
    const { plan: skipped } = skipPhase(
      plan,
      { key: 'boardAgenda', reason: 'Besluit buiten de vergadering' },
      { by: 'p-office', now },
    );
    const agenda = skipped.phases.find((p) => p.key === 'boardAgenda')!;
    expect(phaseStatus(agenda, { startedAt: '2026-09-11T00:00:00Z' }, at('2026-10-01T00:00:00Z'))).toBe('skipped');
  });
});
