import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CURSOR_INVALID, CURSOR_OTHER_LIST, openCursor, sealCursor } from '../../functions/platform/cursor';
import { listParams, readLimit } from '../../functions/platform/list-query';
import type { LinkKeys } from '../../functions/platform/link-token';
import { searchable } from '../../functions/platform/paging';

const keys: LinkKeys = { currentKid: 'k2', keys: { k1: Buffer.alloc(32, 1), k2: Buffer.alloc(32, 2) } };
const at = { p: 1, k: { pk: 'PERSON#p-1', sk: 'PERSON', gsi1pk: 'PEOPLE', gsi1sk: 'Fatima el Amrani#p-1' } };
const refused = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    return (err as { fields?: Record<string, string> }).fields;
  }
  return undefined;
};

describe('list cursors', () => {
  it('give back the position they were sealed with, and hide the name in it', () => {
    const cursor = sealCursor(keys, 'people', at);
    expect(openCursor(keys, 'people', cursor)).toEqual(at);
    expect(openCursor(keys, 'people', sealCursor(keys, 'people', { ...at, b: true }))).toEqual({ ...at, b: true });
    expect(Buffer.from(cursor.split('.')[2], 'base64url').toString('latin1')).not.toContain('Amrani');
  });

  it('are refused by another list or another search, and say so', () => {
    const cursor = sealCursor(keys, 'people', at);
    expect(refused(() => openCursor(keys, 'organisations', cursor))).toEqual({ cursor: CURSOR_OTHER_LIST });
    const search = listParams(keys, 'people', { q: 'jan' });
    const next = sealCursor(keys, search.scope, at);
    expect(refused(() => listParams(keys, 'people', { q: 'piet', cursor: next }))).toEqual({
      cursor: CURSOR_OTHER_LIST,
    });
    expect(listParams(keys, 'people', { q: ' JAN ', cursor: next }).cursor).toEqual(at);
  });

  it('are refused when any character is changed', () => {
    const cursor = sealCursor(keys, 'people', at);
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom(...'ABCabc012_-.'), (pos, ch) => {
        const i = pos % cursor.length;
        fc.pre(cursor[i] !== ch);
        const tampered = cursor.slice(0, i) + ch + cursor.slice(i + 1);
        expect(refused(() => openCursor(keys, 'people', tampered))).toEqual({ cursor: CURSOR_INVALID });
      }),
    );
    for (const bad of ['', 'x', 'c1..', 'c1.k9.AAAA', `${cursor}x`.repeat(40)])
      expect(refused(() => openCursor(keys, 'people', bad))).toEqual({ cursor: CURSOR_INVALID });
  });

  it('made with an older key still open after a rotation, and not after the key is gone', () => {
    const old = sealCursor({ ...keys, currentKid: 'k1' }, 'people', at);
    expect(openCursor(keys, 'people', old)).toEqual(at);
    expect(refused(() => openCursor({ currentKid: 'k2', keys: { k2: keys.keys.k2 } }, 'people', old))).toEqual({
      cursor: CURSOR_INVALID,
    });
  });
});

describe('the limit of a page', () => {
  it('is 100 unless given, from 1 to 500', () => {
    expect(readLimit(undefined)).toBe(100);
    expect(readLimit('1')).toBe(1);
    expect(readLimit('500')).toBe(500);
    for (const bad of ['0', '501', '-1', '1.5', 'abc', '1e2', ' 5'])
      expect(refused(() => readLimit(bad))?.limit).toBe('must be a whole number from 1 to 500 (default 100)');
  });
});

describe('search words', () => {
  it('match without case, accents or extra spaces', () => {
    expect(searchable('  Élif   Öztürk ')).toBe('elif ozturk');
    expect(searchable('Fatima el Amrani').includes(searchable('AMRANI'))).toBe(true);
  });
});
