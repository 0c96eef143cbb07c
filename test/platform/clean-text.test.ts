/** What people send is cleaned and checked before anything is stored (domain/clean-text, domain/horizons). */
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../functions/platform/clean-text';
import { remindersTooEarly } from '../../functions/platform/horizons';

describe('cleanText', () => {
  it('removes the invisible direction marks that can show "1000" as "0001" (LRM, RLM, ALM)', () => {
    expect(cleanText('Subsidie \u200F1\u200F0\u200F0\u200F0 euro')).toBe('Subsidie 1000 euro');
    expect(cleanText('a\u200Eb\u061Cc')).toBe('abc');
  });

  it('keeps ordinary right-to-left text and joiners', () => {
    expect(cleanText('مرحبا بالجميع')).toBe('مرحبا بالجميع');
    expect(cleanText('👩\u200D👧')).toBe('👩\u200D👧');
  });
});

describe('remindersTooEarly', () => {
  const now = new Date('2026-11-02T09:00:00Z');
  it('counts a reminder too long to compute as too early, not as fine', () => {
    expect(remindersTooEarly(['P99999999999999999999D', 'P1D'], '2026-11-20T17:00:00+01:00', now)).toEqual([
      'P99999999999999999999D',
    ]);
  });
});
