/**
 * The layout of a cycle's timeline picture: bars in plan order on one date axis, a mark for a phase
 * of a moment, the today line where today is (also before the plan), labels that stay inside the
 * picture, and month ticks on Amsterdam's calendar, fewer for a long plan.
 */
import { describe, expect, it } from 'vitest';
import { LAYOUT, monthTicks, type TimelineRow, timelineLayout } from '../../../functions/flows/console/cycle-timeline';

const row = (key: string, start: string, end: string, status: TimelineRow['status'] = 'toCome'): TimelineRow => ({
  key,
  start,
  end,
  status,
});

const rows = [
  row('a', '2027-01-01T00:00:00Z', '2027-02-01T00:00:00Z', 'done'),
  row('b', '2027-02-01T00:00:00Z', '2027-04-01T00:00:00Z', 'running'),
  row('c', '2027-06-01T00:00:00Z', '2027-06-01T00:00:00Z'),
];

describe('timelineLayout', () => {
  it('puts each phase on its own row, from its start to its end on one scale', () => {
    const l = timelineLayout(rows, new Date('2027-03-01T00:00:00Z'));
    expect(l.bars.map((b) => b.key)).toEqual(['a', 'b', 'c']);
    expect(l.bars.map((b) => b.y)).toEqual([0, 1, 2].map((i) => l.top + i * LAYOUT.rowHeight + 22));
    expect(l.height).toBe(l.top + 3 * LAYOUT.rowHeight + LAYOUT.bottom);
    const [a, b] = l.bars;
    // b starts where a ends; b is twice as long as a (59 days against 31, within rounding).
    expect(b.x).toBeCloseTo(a.x + a.width, 0);
    expect(b.width / a.width).toBeCloseTo(59 / 31, 1);
    expect(l.bars.map((x) => x.status)).toEqual(['done', 'running', 'toCome']);
  });

  it('pads the axis by 2% each side, so the first bar starts inside the margin and the last ends before the edge', () => {
    const l = timelineLayout(rows, new Date('2027-03-01T00:00:00Z'));
    const span = Date.parse('2027-06-01T00:00:00Z') - Date.parse('2027-01-01T00:00:00Z');
    expect(Date.parse(l.from)).toBe(Date.parse('2027-01-01T00:00:00Z') - span * 0.02);
    expect(Date.parse(l.to)).toBe(Date.parse('2027-06-01T00:00:00Z') + span * 0.02);
    const inner = LAYOUT.width - 2 * LAYOUT.margin;
    expect(l.bars[0].x).toBeCloseTo(LAYOUT.margin + inner * (0.02 / 1.04), 0);
    const last = l.bars[2];
    expect(last.x + last.width).toBeLessThanOrEqual(LAYOUT.width - LAYOUT.margin);
  });

  it('gives a phase of a moment a visible mark, and anchors labels in the right half at their end', () => {
    const l = timelineLayout(rows, new Date('2027-03-01T00:00:00Z'));
    const [a, , c] = l.bars;
    expect(c.width).toBe(LAYOUT.minBar);
    expect([a.anchor, a.labelX]).toEqual(['start', a.x]);
    expect([c.anchor, c.labelX]).toEqual(['end', c.x + c.width]);
    expect(a.labelY).toBe(a.y - 6);
  });

  it('draws today where it is, and stretches the axis to a today before the plan', () => {
    const mid = timelineLayout(rows, new Date('2027-03-17T12:00:00Z'));
    const [from, to] = [Date.parse(mid.from), Date.parse(mid.to)];
    const share = (Date.parse('2027-03-17T12:00:00Z') - from) / (to - from);
    expect(mid.today).toBeCloseTo(LAYOUT.margin + share * (LAYOUT.width - 2 * LAYOUT.margin), 0);
    const before = timelineLayout(rows, new Date('2026-12-01T00:00:00Z'));
    expect(before.today).toBeLessThan(before.bars[0].x);
    expect(Date.parse(before.from)).toBeLessThan(Date.parse('2026-12-01T00:00:00Z'));
    expect(before.bars[0].x).toBeGreaterThan(mid.bars[0].x);
  });

  it('does not divide by zero for a single moment', () => {
    const l = timelineLayout(
      [row('x', '2027-01-01T00:00:00Z', '2027-01-01T00:00:00Z')],
      new Date('2027-01-01T00:00:00Z'),
    );
    expect(Number.isFinite(l.today) && Number.isFinite(l.bars[0].x)).toBe(true);
    expect(l.bars[0].width).toBe(LAYOUT.minBar);
  });

  it('puts month ticks on the first of each Amsterdam month, in order, inside the picture', () => {
    const l = timelineLayout(rows, new Date('2027-03-01T00:00:00Z'));
    // The axis starts late in December (2% padding), so 1 January, Amsterdam time, is on it.
    expect(l.ticks.map((t) => t.at)).toEqual([
      '2026-12-31T23:00:00.000Z',
      '2027-01-31T23:00:00.000Z',
      '2027-02-28T23:00:00.000Z',
      '2027-03-31T22:00:00.000Z',
      '2027-04-30T22:00:00.000Z',
      '2027-05-31T22:00:00.000Z',
    ]);
    const xs = l.ticks.map((t) => t.x);
    expect([...xs].sort((p, q) => p - q)).toEqual(xs);
    expect(xs.every((x) => x > 0 && x < LAYOUT.width)).toBe(true);
  });
});

describe('monthTicks', () => {
  it('thins the months of a long plan to at most 12 labels, a whole number of months apart', () => {
    const from = Date.parse('2026-01-15T00:00:00Z');
    const to = Date.parse('2029-01-15T00:00:00Z');
    const ticks = monthTicks(from, to);
    expect(ticks.length).toBeLessThanOrEqual(12);
    expect(ticks[0]).toBe('2026-01-31T23:00:00.000Z');
    // 36 months: every third month, the 1st of February, May, August, November.
    expect(ticks[1]).toBe('2026-04-30T22:00:00.000Z');
  });
});
