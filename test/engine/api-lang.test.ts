import { describe, expect, it } from 'vitest';
import { apiLang } from '../../functions/engine/timeline-labels';

// RFC 9110 §12.5.4: the order of preference is by quality value, not by place in the header.
describe('apiLang', () => {
  it('is Dutch without a header, or when Dutch comes first', () => {
    expect(apiLang(undefined)).toBe('nl');
    expect(apiLang('')).toBe('nl');
    expect(apiLang('nl-NL,nl;q=0.9,en;q=0.8')).toBe('nl');
  });

  it('is English when English is preferred, in any region', () => {
    expect(apiLang('en')).toBe('en');
    expect(apiLang('en-GB,en;q=0.9')).toBe('en');
    expect(apiLang('fr, en;q=0.5')).toBe('en');
  });

  it('reads the quality values, not only the first name', () => {
    expect(apiLang('en;q=0.1, nl')).toBe('nl');
    expect(apiLang('nl;q=0.4, en;q=0.6')).toBe('en');
    expect(apiLang('en;q=0')).toBe('nl');
    expect(apiLang('*, nl;q=0')).toBe('en');
    expect(apiLang('*')).toBe('nl');
  });

  it('is Dutch for a language the product has not got, or a header it cannot read', () => {
    expect(apiLang('tr')).toBe('nl');
    expect(apiLang(';;;q=x')).toBe('nl');
  });
});
