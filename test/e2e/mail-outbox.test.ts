/**
 * The mail outbox against the local DynamoDB and mailbox: an email recorded before a crash is sent
 * by the sweeper after the window, once; an outage loses nothing and is backed off; an email that
 * fails every try is marked dead and the office is told once; the office's notice of a bounce goes
 * once however often SNS delivers the event; a person's emails are found by key for their export
 * and erasure (see "When mail fails").
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../functions/engine/directory';
import { sendOnceVia } from '../../functions/engine/mail-ledger';
import { MAX_MAIL_ATTEMPTS, SWEEP_WINDOW_MS } from '../../functions/engine/mail-outbox';
import { sweepMail } from '../../functions/engine/mail-sweep';
import type { OutgoingEmail } from '../../functions/engine/ports';
import { SesMailer } from '../../functions/engine/ses-mailer';
import { DynamoNoticeStore } from '../../functions/engine/notice-store';
import { DynamoPersonalMail } from '../../functions/engine/personal-mail-store';
import { type DeliveryEvent, handleDeliveryEvent } from '../../functions/flows/directory/delivery-events';
import { DynamoMeetingStore } from '../../functions/flows/meeting';
import { dynamo } from '../../functions/platform/clients';
import { config } from '../../functions/platform/config';
import { Harness } from '../support/local';

let h: Harness;
let store: DynamoMeetingStore;
let at = Date.parse('2026-11-02T09:00:00Z');
const now = () => new Date(at);
const quiet = { info: () => {}, warn: () => {}, error: () => {} };

beforeAll(async () => {
  h = await Harness.start({ seed: false });
  store = new DynamoMeetingStore(config().tableName);
});
afterAll(() => h.stop());

const ses = () => new SesMailer(config().mailFrom);
const down = { send: async () => Promise.reject(Object.assign(new Error('refused'), { name: 'ECONNREFUSED' })) };
const sweepDeps = (mailer: { send: (e: OutgoingEmail) => Promise<void> } = ses()) => ({
  outbox: store.mail,
  mailer,
  officeEmail: config().officeEmail,
  now,
  log: quiet,
});
const mailDeps = (mailer: { send: (e: OutgoingEmail) => Promise<void> }) => ({
  mailer,
  log: quiet,
  now,
  settings: { publicBaseUrl: 'http://x', officeEmail: config().officeEmail, linkGraceSeconds: 0 },
  linkKeys: async () => ({
    currentKid: 'k',
    keys: { k: Buffer.from('a-test-key-that-is-at-least-32-characters-long') },
  }),
});
const content = (subject: string) => ({ subject, text: 'tekst', html: '<p>tekst</p>' });
const received = async (to: string, subject: string) => (await h.mailTo(to, subject)).length;
const audited = async (id: string, key: string) => (await store.listAudit(id)).filter((e) => e.key === `mail:${key}`);

describe('the mail outbox', () => {
  it('sends an email whose sender died after recording it, after the window, exactly once', async () => {
    // The process dies during the send: SES never answers, nothing after the record runs.
    const dying = { send: () => new Promise<void>(() => {}) };
    void sendOnceVia(mailDeps(dying), store, 'm-crash', 'invite:p1', 'p1@example.org', 'invite', content('Crash'));
    await new Promise((r) => setTimeout(r, 300));
    expect(await sweepDeps().outbox.due(now().toISOString(), 10)).toHaveLength(0);
    expect((await sweepMail(sweepDeps())).sent).toBe(0);
    at += SWEEP_WINDOW_MS + 1000;
    expect((await sweepMail(sweepDeps())).sent).toBe(1);
    expect(await received('p1@example.org', 'Crash')).toBe(1);
    expect(await audited('m-crash', 'invite:p1')).toHaveLength(1);
    at += 24 * 3600_000;
    await sweepMail(sweepDeps());
    // A retried step finds the record and sends nothing either.
    expect(
      await sendOnceVia(mailDeps(ses()), store, 'm-crash', 'invite:p1', 'p1@example.org', 'invite', content('Crash')),
    ).toBe(false);
    expect(await received('p1@example.org', 'Crash')).toBe(1);
  });

  it('keeps an email through an outage, backs off, and delivers it once after recovery', async () => {
    expect(
      await sendOnceVia(mailDeps(down), store, 'm-out', 'receipt:p2', 'p2@example.org', 'receipt', content('Uitval')),
    ).toBe(true);
    const moments: string[] = [];
    for (let i = 0; i < 4; i++) {
      const [r] = await store.mail.due('9999', 100).then((all) => all.filter((x) => x.key === 'receipt:p2'));
      moments.push(r.nextAttemptAt);
      at = Date.parse(r.nextAttemptAt) + 1000;
      expect((await sweepMail(sweepDeps(down))).failed).toBeGreaterThanOrEqual(1);
    }
    const gaps = moments.slice(1).map((m, i) => Date.parse(m) - Date.parse(moments[i]));
    expect(gaps.every((g, i) => i === 0 || g > gaps[i - 1])).toBe(true);
    expect(await received('p2@example.org', 'Uitval')).toBe(0);
    at += 7 * 3600_000;
    expect((await sweepMail(sweepDeps())).sent).toBe(1);
    at += 7 * 3600_000;
    await sweepMail(sweepDeps());
    expect(await received('p2@example.org', 'Uitval')).toBe(1);
    expect(await audited('m-out', 'receipt:p2')).toHaveLength(1);
  });

  it('marks an email dead after every try and tells the office once', async () => {
    await sendOnceVia(mailDeps(down), store, 'm-dead', 'notice:p3', 'p3@example.org', 'notice', content('Dood'));
    for (let i = 0; i < MAX_MAIL_ATTEMPTS + 3; i++) {
      at += 7 * 3600_000;
      await sweepMail(sweepDeps(down));
    }
    // Mail is back: the office's notice (pending too) goes; the dead email never does.
    at += 7 * 3600_000;
    await sweepMail(sweepDeps());
    at += 7 * 3600_000;
    await sweepMail(sweepDeps());
    expect(await received('p3@example.org', 'Dood')).toBe(0);
    expect(await received(config().officeEmail, 'niet verstuurd aan')).toBe(1);
    expect((await store.mail.due('9999', 500)).filter((r) => r.flowId === 'm-dead')).toHaveLength(0);
  });
});

describe("the office's notice of a bounce", () => {
  const bounce = (address: string, subject: string): DeliveryEvent => ({
    eventType: 'Bounce',
    mail: { destination: [address], commonHeaders: { subject } },
    bounce: { bounceType: 'Permanent', bouncedRecipients: [{ emailAddress: address }] },
  });
  const eventDeps = (mailer: { send: (e: OutgoingEmail) => Promise<void> } = ses()) => ({
    mailer,
    mail: store.mail,
    officeEmail: config().officeEmail,
    log: quiet,
    notices: new DynamoNoticeStore(config().tableName),
    now,
  });
  const notices = (address: string) => received(config().officeEmail, `niet bezorgd aan ${address}`);

  it('is sent once when SNS delivers the event twice', async () => {
    const event = bounce('weg@example.org', 'Uitnodiging: Speeltuin');
    expect(await handleDeliveryEvent(event, eventDeps())).toBe('notified');
    expect(await handleDeliveryEvent(event, eventDeps())).toBe('notified');
    expect(await notices('weg@example.org')).toBe(1);
    at += 24 * 3600_000;
    await sweepMail(sweepDeps());
    expect(await notices('weg@example.org')).toBe(1);
  });

  it('is one notice on the overview when SNS delivers it again later; another email that bounces is another', async () => {
    const first: DeliveryEvent = {
      eventType: 'Bounce',
      mail: {
        messageId: 'ses-1',
        destination: ['ver-weg@example.org'],
        commonHeaders: { subject: 'Herinnering: Bankjes' },
      },
      bounce: {
        bounceType: 'Permanent',
        timestamp: '2026-11-30T07:01:02.000Z',
        bouncedRecipients: [{ emailAddress: 'ver-weg@example.org' }],
      },
    };
    const onOverview = async () =>
      (await new DynamoNoticeStore(config().tableName).latest(50)).filter((n) => n.text.includes('ver-weg@'));
    await handleDeliveryEvent(first, eventDeps());
    at += 3600_000;
    await handleDeliveryEvent(first, eventDeps());
    expect(await onOverview()).toHaveLength(1);
    // The same reminder (same subject) a week later is another email: its bounce is news again.
    const later = { ...first, mail: { ...first.mail, messageId: 'ses-2' } };
    await handleDeliveryEvent(
      { ...later, bounce: { ...first.bounce!, timestamp: '2026-12-07T07:03:00.000Z' } },
      eventDeps(),
    );
    expect(await onOverview()).toHaveLength(2);
    expect(await notices('ver-weg@example.org')).toBe(2);
  });

  it('is kept when SES fails, and the sweeper sends it once, without delivery events', async () => {
    const event = bounce('ook-weg@example.org', 'Uitnodiging: Gevelfonds');
    expect(await handleDeliveryEvent(event, eventDeps(down))).toBe('notified');
    // The redelivery finds it recorded: it waits for the sweeper, not for a second sender.
    await handleDeliveryEvent(event, eventDeps());
    expect(await notices('ook-weg@example.org')).toBe(0);
    const sent: OutgoingEmail[] = [];
    const recording = {
      send: async (e: OutgoingEmail) => {
        sent.push(e);
        await ses().send(e);
      },
    };
    at += SWEEP_WINDOW_MS + 1000;
    await sweepMail(sweepDeps(recording));
    at += 24 * 3600_000;
    await sweepMail(sweepDeps(recording));
    expect(await notices('ook-weg@example.org')).toBe(1);
    expect(sent.filter((e) => e.subject.includes('ook-weg@example.org')).map((e) => e.untracked)).toEqual([true]);
  });
});

describe("a person's emails (AVG)", () => {
  const person: Person = {
    id: 'p-avg',
    name: 'Bea Bewaard',
    email: 'bea.bewaard@example.org',
    lang: 'nl',
    kind: 'resident',
    active: true,
  };
  // The table's name is known once the runtime runs.
  const personal = () => new DynamoPersonalMail(config().tableName);
  const item = async (key: string) => {
    const { pk, sk } = store.mailKeys('m-avg', key);
    return (await dynamo.send(new GetCommand({ TableName: config().tableName, Key: { pk, sk } }))).Item;
  };

  it('are listed for the export and lose their address and body at erasure', async () => {
    const send = (mailer: { send: (e: OutgoingEmail) => Promise<void> }, key: string, subject: string) => {
      at += 1000;
      return sendOnceVia(mailDeps(mailer), store, 'm-avg', key, person, 'invite', content(subject));
    };
    await send(ses(), 'invite:p-avg', 'Uitnodiging Bewaren');
    await send(down, 'receipt:p-avg', 'Ontvangen Bewaren');
    await send(down, 'outcome:p-avg', 'Besluit Bewaren');
    expect(await store.mail.markDead(store.mailKeys('m-avg', 'outcome:p-avg'), now().toISOString())).toBe(true);
    // Mail to the office about them is the office's, not theirs.
    await sendOnceVia(mailDeps(ses()), store, 'm-avg', 'office', config().officeEmail, 'notice', content('Kantoor'));

    const listed = await personal().ofPerson(person.id);
    expect(listed.map((m) => [m.key, m.to, m.subject, m.state])).toEqual([
      ['invite:p-avg', person.email, 'Uitnodiging Bewaren', 'sent'],
      ['receipt:p-avg', person.email, 'Ontvangen Bewaren', 'pending'],
      ['outcome:p-avg', person.email, 'Besluit Bewaren', 'dead'],
    ]);
    expect(listed.every((m) => m.createdAt && m.tag === 'invite')).toBe(true);

    expect(await personal().forgetPerson(person.id, now().toISOString())).toBe(3);
    expect(await personal().ofPerson(person.id)).toEqual([]);
    const index = await dynamo.send(
      new QueryCommand({
        TableName: config().tableName,
        KeyConditionExpression: 'pk = :p',
        ExpressionAttributeValues: { ':p': `MAILTO#${person.id}` },
      }),
    );
    expect(index.Items).toEqual([]);
    // Each record keeps its state and trail, without the address or the email.
    const records = await Promise.all(['invite:p-avg', 'receipt:p-avg', 'outcome:p-avg'].map(item));
    expect(records.map((r) => r?.state)).toEqual(['sent', 'cancelled', 'dead']);
    expect(JSON.stringify(records)).not.toContain(person.email);
    expect(records.every((r) => r && !('email' in r))).toBe(true);
    // The cancelled one is never sent, however long the sweeper runs.
    for (let i = 0; i < 3; i++) {
      at += 7 * 3600_000;
      await sweepMail(sweepDeps());
    }
    expect(await received(person.email, 'Bewaren')).toBe(1);
    // A repeated erasure finds nothing left.
    expect(await personal().forgetPerson(person.id, now().toISOString())).toBe(0);
  });
});
