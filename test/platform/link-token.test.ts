import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFormProof, formProof, signLink, verifyLink, type LinkKeys } from '../../functions/platform/link-token';

const keys: LinkKeys = { currentKid: 'k2', keys: { k1: Buffer.alloc(32, 1), k2: Buffer.alloc(32, 2) } };
const NOW = 1_800_000_000;
const claims = fc.record({
  typ: fc.constant('round'),
  sub: fc.string({ minLength: 1, maxLength: 40 }),
  pid: fc.string({ minLength: 1, maxLength: 40 }),
  exp: fc.integer({ min: NOW + 1, max: NOW + 10 ** 8 }),
});

describe('decision link tokens', () => {
  it('round-trips any claims', () => {
    fc.assert(
      fc.property(claims, (c) => {
        const result = verifyLink(keys, signLink(keys, c), NOW);
        expect(result).toEqual({ ok: true, claims: { v: 1, kid: 'k2', ...c } });
      }),
    );
  });

  it('rejects a token with any single character changed', () => {
    fc.assert(
      fc.property(claims, fc.nat(), fc.constantFrom(...'ABCabc012_-.'), (c, pos, ch) => {
        const token = signLink(keys, c);
        const i = pos % token.length;
        fc.pre(token[i] !== ch);
        const tampered = token.slice(0, i) + ch + token.slice(i + 1);
        expect(verifyLink(keys, tampered, NOW).ok).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('never accepts a link for another round or person', () => {
    fc.assert(
      fc.property(claims, fc.string({ minLength: 1 }), (c, other) => {
        fc.pre(other !== c.sub);
        const [body, sig] = signLink(keys, c).split('.');
        const swapped = Buffer.from(
          JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), sub: other }),
        ).toString('base64url');
        expect(verifyLink(keys, `${swapped}.${sig}`, NOW)).toEqual({ ok: false, reason: 'bad-signature' });
      }),
    );
  });

  it('reports expiry with the (still verified) claims, so the page can explain', () => {
    const token = signLink(keys, { typ: 'round', sub: 'r1', pid: 'p1', exp: NOW });
    expect(verifyLink(keys, token, NOW)).toMatchObject({
      ok: false,
      reason: 'expired',
      claims: { sub: 'r1', pid: 'p1' },
    });
  });

  it('verifies links signed with the previous key after rotation, and refuses unknown keys', () => {
    const old = signLink({ ...keys, currentKid: 'k1' }, { typ: 'round', sub: 'r', pid: 'p', exp: NOW + 60 });
    expect(verifyLink(keys, old, NOW).ok).toBe(true);
    expect(verifyLink({ currentKid: 'k2', keys: { k2: keys.keys.k2 } }, old, NOW)).toEqual({
      ok: false,
      reason: 'unknown-key',
    });
  });

  it('answers arbitrary input with a reason, never an exception', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.base64String().map((s) => `${s}.${s}`),
        ),
        (junk) => {
          const result = verifyLink(keys, junk, NOW);
          expect(result.ok).toBe(false);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('form proofs', () => {
  it('accepts a proof for the same link and stage within its age, and nothing else', () => {
    const proof = formProof(keys, 'token-a|consent', NOW);
    expect(checkFormProof(keys, 'token-a|consent', proof, NOW + 60, 3600)).toBe(NOW);
    expect(checkFormProof(keys, 'token-b|consent', proof, NOW + 60, 3600)).toBeNull();
    expect(checkFormProof(keys, 'token-a|majority', proof, NOW + 60, 3600)).toBeNull();
    expect(checkFormProof(keys, 'token-a|consent', proof, NOW + 7200, 3600)).toBeNull();
    expect(checkFormProof(keys, 'token-a|consent', 'garbage', NOW, 3600)).toBeNull();
    expect(checkFormProof(keys, 'token-a|consent', `${proof}.x`, NOW, 3600)).toBeNull();
  });
});
