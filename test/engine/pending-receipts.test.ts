/** Owed receipts: sent once mail is back, never twice, and the close is their last chance. */
import { describe, expect, it } from 'vitest';
import { RECEIPT_GRACE_MS, sendOwedReceipts } from '../../functions/engine/pending-receipts';
import type { AuditEntry, OutgoingEmail } from '../../functions/engine/ports';
import { LINK_KEYS } from '../support/handler-env';

const NOW = new Date('2026-11-10T12:00:00Z');
const person = (id: string) => ({
  id,
  name: id,
  email: `${id}@example.org`,
  lang: 'nl',
  kind: 'resident',
  active: true,
});

function setup(failFor: string[] = []) {
  const audit: AuditEntry[] = [{ key: 'mail:receipt:a:2', at: '', kind: 'email', actor: 'system' }];
  const sent: OutgoingEmail[] = [];
  const deps = {
    mailer: {
      send: async (e: OutgoingEmail) => {
        if (failFor.includes(e.to)) throw Object.assign(new Error('refused'), { code: 'ECONNREFUSED' });
        sent.push(e);
      },
    },
    directory: { getPerson: async (id: string) => (id === 'gone' ? null : person(id)) } as any,
    log: { info: () => {}, warn: () => {}, error: () => {} },
    linkKeys: async () => ({ currentKid: 'test-1', keys: { 'test-1': Buffer.from(LINK_KEYS['test-1']) } }),
    settings: { publicBaseUrl: 'https://x.example', officeEmail: 'office@example.org', linkGraceSeconds: 0 },
    now: () => NOW,
  };
  // The outbox's contract in memory: a record is written once; sent ones go on the audit trail.
  const records = new Set<string>();
  const mail = {
    record: async (r: { key: string }) => !records.has(r.key) && Boolean(records.add(r.key)),
    appendAudit: async (_r: unknown, e: AuditEntry) => void audit.push(e),
    markSent: async () => {},
    failed: async () => {},
  } as any;
  const ledger = {
    mail,
    mailKeys: (id: string, key: string) => ({ pk: `R#${id}`, sk: `MAIL#${key}`, key, auditPk: `AUDIT#${id}` }),
    claimMail: async () => true,
    hasMailClaim: async () => false,
    appendAudit: async (_id: string, e: AuditEntry) => void audit.push(e),
    listAudit: async () => audit,
  };
  return { deps, ledger, sent, audit };
}

const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();
const owed = [
  { key: 'receipt:a:2', personId: 'a', at: ago(RECEIPT_GRACE_MS * 10) },
  { key: 'receipt:b:3', personId: 'b', at: ago(RECEIPT_GRACE_MS * 10) },
  { key: 'receipt:gone:4', personId: 'gone', at: ago(RECEIPT_GRACE_MS * 10) },
  { key: 'receipt:c:5', personId: 'c', at: ago(1000) },
];
const content = () => ({ subject: 'Ontvangen', text: 't', html: '<p>t</p>' });

describe('sendOwedReceipts', () => {
  it('sends what is not on record and past the grace, puts it on record, and sends it no second time', async () => {
    const { deps, ledger, sent, audit } = setup();
    expect(await sendOwedReceipts(deps, ledger, 'r1', owed, content, { last: false })).toBe(1);
    expect(sent.map((e) => e.to)).toEqual(['b@example.org']);
    expect(audit.map((e) => e.key)).toContain('mail:receipt:b:3');
    expect(await sendOwedReceipts(deps, ledger, 'r1', owed, content, { last: false })).toBe(0);
    expect(sent).toHaveLength(1);
  });

  it('at the close also sends those inside the grace (a page may still be sending: the duplicate window)', async () => {
    const { deps, ledger, sent } = setup();
    await sendOwedReceipts(deps, ledger, 'r1', owed, content, { last: true });
    expect(sent.map((e) => e.to)).toEqual(['b@example.org', 'c@example.org']);
  });

  it('while mail is away: no step fails; each receipt is recorded once, for the sweeper to deliver', async () => {
    const { deps, ledger, sent, audit } = setup(['b@example.org']);
    expect(await sendOwedReceipts(deps, ledger, 'r1', owed, content, { last: false })).toBe(1);
    expect(await sendOwedReceipts(deps, ledger, 'r1', owed, content, { last: true })).toBe(1);
    expect(sent.map((e) => e.to)).toEqual(['c@example.org']);
    expect(audit.map((e) => e.key)).not.toContain('mail:receipt:b:3');
  });
});
