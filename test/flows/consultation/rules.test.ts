/** The consultation's own rules, without AWS: deadline, postcode areas, the answer's checks, the rate counters, retention. */
import { describe, expect, it } from 'vitest';
import { checkAnswer } from '../../../functions/flows/consultation/answer-check';
import {
  type Consultation,
  contactRemovalDue,
  deadlineRefusal,
  expandAreas,
  isOpen,
  mayRemoveContacts,
  normalisePostcode,
  refusal,
  withoutContact,
} from '../../../functions/flows/consultation/consultation';
import { counterFor, countersFor, LIMITS } from '../../../functions/flows/consultation/rate-limit';

const base: Consultation = {
  id: 'ip-1',
  version: 1,
  status: 'open',
  title: 'Het Sloterplas-park',
  question: 'Wat wilt u in het park?',
  explanation: 'We vragen het aan bewoners.',
  documents: [],
  deadline: '2026-11-20T16:00:00.000Z',
  createdAt: '2026-11-02T09:00:00.000Z',
  createdBy: 'office',
};
const before = new Date('2026-11-20T15:59:59Z');
const at = new Date('2026-11-20T16:00:00Z');
const form = { text: 'Meer bankjes.', name: '', email: '', postcode: '', consent: '', website: '' };

describe('the deadline', () => {
  it('takes answers until the deadline, not at it, and not once published', () => {
    expect(isOpen(base, before)).toBe(true);
    expect(isOpen(base, at)).toBe(false);
    expect(isOpen({ ...base, status: 'published' }, before)).toBe(false);
    expect(refusal(base, '', at)).toBe('closed');
    expect(checkAnswer(base, form, at)).toEqual({ ok: false, closed: true });
  });

  it('is set in the future, within a year', () => {
    const now = new Date('2026-11-02T09:00:00Z');
    expect(deadlineRefusal('2026-11-02T09:00:00Z', now)).toBe('must be in the future');
    expect(deadlineRefusal('2026-11-02T09:01:00Z', now)).toBeNull();
    expect(deadlineRefusal('2027-11-03T09:00:00Z', now)).toBeNull();
    expect(deadlineRefusal('2027-11-04T09:01:00Z', now)).toBe('must be within a year');
  });
});

describe('postcodes and areas', () => {
  it('reads Dutch postcodes in any spacing and case, and refuses what is none', () => {
    expect(normalisePostcode('1062 ab')).toBe('1062AB');
    expect(normalisePostcode(' 1062AB ')).toBe('1062AB');
    for (const bad of ['0162AB', '1062A', '106AB', '1062 SS', 'ABCD12', '10621AB'])
      expect(normalisePostcode(bad)).toBeNull();
  });

  it('expands ranges into four-digit areas and refuses a bad item', () => {
    expect(expandAreas(['1060-1062', '1069', '1061'])).toEqual(['1060', '1061', '1062', '1069']);
    expect(expandAreas(['1060 – 1069'])).toHaveLength(10);
    expect(() => expandAreas(['1069-1060'])).toThrow(/no postcode area/);
    expect(() => expandAreas(['Nieuw-West'])).toThrow(/no postcode area/);
  });

  it('asks a postcode in the area when the consultation has areas; otherwise only a valid one if given', () => {
    const west = { ...base, areas: expandAreas(['1060-1069']) };
    expect(refusal(west, '', before)).toBe('postcode-needed');
    expect(refusal(west, '1012 AB', before)).toBe('postcode-outside');
    expect(refusal(west, '10x2', before)).toBe('postcode-invalid');
    expect(refusal(west, '1064 kl', before)).toBeNull();
    expect(refusal(base, '', before)).toBeNull();
    expect(refusal(base, '1012AB', before)).toBeNull();
    expect(refusal(base, 'abc', before)).toBe('postcode-invalid');
  });
});

describe('an answer', () => {
  it('is text, at most 2000 characters; an email must look like one; consent needs an email', () => {
    expect(checkAnswer(base, { ...form, text: '  ' }, before)).toEqual({ ok: false, errors: { text: 'text-empty' } });
    expect(checkAnswer(base, { ...form, text: 'x'.repeat(2001) }, before)).toMatchObject({
      errors: { text: 'text-long' },
    });
    expect(checkAnswer(base, { ...form, text: 'x'.repeat(2000) }, before).ok).toBe(true);
    expect(checkAnswer(base, { ...form, email: 'niet-een-adres' }, before)).toMatchObject({
      errors: { email: 'email-invalid' },
    });
    expect(checkAnswer(base, { ...form, consent: 'yes' }, before)).toMatchObject({
      errors: { consent: 'consent-needs-email' },
    });
  });

  it('keeps only what was given, the email in lower case and the postcode normalised', () => {
    const ok = checkAnswer(
      { ...base, areas: ['1062'] },
      { ...form, name: ' Fatima ', email: 'Fatima@Example.org', postcode: '1062 ab', consent: 'yes' },
      before,
    );
    expect(ok).toEqual({
      ok: true,
      answer: { text: 'Meer bankjes.', name: 'Fatima', email: 'fatima@example.org', postcode: '1062AB', consent: true },
    });
    expect(checkAnswer(base, form, before)).toEqual({ ok: true, answer: { text: 'Meer bankjes.', consent: false } });
  });
});

describe('the rate counters', () => {
  const now = new Date('2026-11-10T10:20:00Z');
  it('count per hour window, hashed, and expire a window later', () => {
    const ip = counterFor(LIMITS[0], '192.0.2.7', now);
    expect(ip.window).toBe(String(Date.parse('2026-11-10T10:00:00Z') / 1000));
    expect(ip.expiresAt).toBe(Date.parse('2026-11-10T12:00:00Z') / 1000);
    expect(ip.key).not.toContain('192.0.2.7');
    expect(counterFor(LIMITS[0], '192.0.2.7', new Date('2026-11-10T10:59:59Z')).window).toBe(ip.window);
    expect(counterFor(LIMITS[0], '192.0.2.7', new Date('2026-11-10T11:00:00Z')).window).not.toBe(ip.window);
    expect(counterFor(LIMITS[0], '192.0.2.8', now).key).not.toBe(ip.key);
  });

  it('count an email whatever its case, and only when one is given', () => {
    expect(countersFor('192.0.2.7', undefined, now).map((c) => c.key.split('#')[0])).toEqual(['ip']);
    const [, a] = countersFor('192.0.2.7', 'A@Example.org', now);
    const [, b] = countersFor('192.0.2.9', 'a@example.org', now);
    expect(a.key).toBe(b.key);
    expect(a.max).toBe(5);
  });
});

describe('retention', () => {
  it('removes contact details a year after the deadline, once', () => {
    expect(contactRemovalDue(base).toISOString()).toBe('2027-11-20T16:00:00.000Z');
    expect(mayRemoveContacts(base, new Date('2027-11-20T15:59:00Z'))).toBe(false);
    expect(mayRemoveContacts(base, new Date('2027-11-20T16:00:00Z'))).toBe(true);
    expect(mayRemoveContacts({ ...base, contactRemovedAt: '2027-11-21T03:00:00Z' }, new Date('2028-01-01'))).toBe(
      false,
    );
    const a = {
      id: 'a',
      consultationId: 'ip-1',
      text: 'Meer groen',
      at: '',
      name: 'F',
      email: 'f@x.nl',
      postcode: '1062AB',
      consent: true,
      lang: 'nl' as const,
    };
    expect(withoutContact(a, 'T')).toEqual({
      id: 'a',
      consultationId: 'ip-1',
      text: 'Meer groen',
      at: '',
      consent: false,
      lang: 'nl',
      contactRemovedAt: 'T',
    });
  });
});
