/**
 * The reminder outbox under failure, on the local runtime's real DynamoDB stand-in: a message is in
 * the mail outbox before it is sent, so a send that fails is delivered by the sweeper and a run that
 * dies between its steps is finished by the next, each exactly once; two reminders about one thing
 * make one line, and a change of rhythm plans the next message again at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preferenceDeps } from '../../functions/engine/deps';
import type { MailOutbox, MailRecord } from '../../functions/engine/mail-outbox';
import { digestDeps } from '../../functions/flows/reminder-budget/deps';
import { roundDeps } from '../../functions/flows/approval-round';
import { REPAIR_AFTER_MS, reminderQueue } from '../../functions/engine/reminder-outbox';
import { flushPerson } from '../../functions/engine/reminder-send';
import type { OutgoingEmail } from '../../functions/engine/ports';
import { Harness } from '../support/local';

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(() => h.stop());

const person = 'p-kevin-mensah';
const state = async (id = person) => (await digestDeps().outbox.read(id)).state;

async function openRound(title: string, approver = person) {
  const res = await h.api('POST', '/api/rounds', {
    title,
    summary: 'Akkoord?',
    approverIds: [approver, 'p-anouk-de-vries'],
    rule: { type: 'majority' },
    deadline: new Date(h.rt.clock.now().getTime() + 5 * 86400_000).toISOString(),
    reminders: [],
  });
  expect(res.status).toBe(201);
  await h.rt.whenIdle();
  return res.body;
}

/** A round with a reminder for `personId` due this hour: with no message yet today, it is due now. */
async function dueNow(personId: string, title: string) {
  const round = await openRound(title, personId);
  const hour = new Date(Math.floor(h.rt.clock.now().getTime() / 3600_000) * 3600_000).toISOString();
  await reminderQueue(digestDeps()).queue({
    key: `test:${title}`,
    personId,
    kind: 'round',
    flowId: round.id,
    detail: { stage: round.stage, deadline: round.deadline },
    dueAt: hour,
    deadline: round.deadline,
  });
  expect(Date.parse((await state(personId)).sendAt!)).toBeLessThanOrEqual(h.rt.clock.now().getTime());
  return round;
}

/** The person's messages waiting in the mail outbox. */
const recordsOf = async (personId: string) =>
  (await digestDeps().mail.due('9999', 500)).filter((r) => r.pk === `DIGEST#${personId}`);

/** The digest's deps with a mail outbox whose `record` dies: before its write, or right after it. */
function dyingAt(moment: 'before the record' | 'after the record') {
  const deps = digestDeps();
  const real = deps.mail;
  const mail: MailOutbox = Object.create(real, {
    record: {
      value: async (r: MailRecord) => {
        if (moment === 'after the record') await real.record(r);
        throw Object.assign(new Error('the function died'), { name: 'Crash' });
      },
    },
  });
  return { ...deps, mail };
}

const addressOf = async (personId: string) => (await digestDeps().directory.getPerson(personId))!.email;

describe('reminder outbox', () => {
  it('keeps the message in the mail outbox when the send fails, and the sweeper delivers it once', async () => {
    // Half past ten on the first day: no message yet today, so a reminder due at 10:00 is due now, between ticks.
    await h.advance('PT30M');
    const round = await dueNow(person, 'Gevelfonds');
    const failing = {
      ...digestDeps(),
      mailer: {
        send: async (_: OutgoingEmail) => {
          throw Object.assign(new Error('SES is down'), { name: 'ServiceUnavailable' });
        },
      },
    };
    // The run does not fail for mail: the message is recorded, its reminders are cleared.
    expect(await flushPerson(failing, person)).toBe(1);
    const after = await state();
    expect(after.lastBatch).toHaveLength(1);
    expect(after.lastSentAt).toBeDefined();
    expect((await digestDeps().outbox.read(person)).entries).toEqual([]);
    const [pending] = await recordsOf(person);
    expect(pending).toMatchObject({
      sk: `MAIL#reminder:${after.lastClaim}`,
      key: `reminder:round:${round.id}:test:Gevelfonds`,
      attempts: 1,
    });
    expect(pending.email.subject).toBe('Herinnering: uw besluit over Gevelfonds');
    expect(await h.mailTo('kevin.mensah@example.org', 'Herinnering')).toHaveLength(0);
    // The sweep on the hour sends it, once, and puts it on the round's own trail.
    await h.advance('PT1H');
    expect((await h.mailTo('kevin.mensah@example.org', 'Herinnering')).map((m) => m.subject)).toEqual([
      'Herinnering: uw besluit over Gevelfonds',
    ]);
    expect(await recordsOf(person)).toEqual([]);
    expect((await roundDeps().rounds.listAudit(round.id)).map((e) => e.key)).toContain(
      `mail:reminder:round:${round.id}:test:Gevelfonds`,
    );
    await h.advance('PT3H');
    expect(await h.mailTo('kevin.mensah@example.org', 'Herinnering')).toHaveLength(1);
  });

  it('makes one line of two reminders about one round', async () => {
    const round = await openRound('Speeltuin');
    const queue = reminderQueue(digestDeps());
    const base = {
      personId: person,
      kind: 'round' as const,
      flowId: round.id,
      detail: { stage: round.stage, deadline: round.deadline },
      dueAt: h.rt.clock.now().toISOString(),
      deadline: round.deadline,
    };
    await queue.queue({ ...base, key: 'slot:a' });
    await queue.queue({ ...base, key: 'slot:b' });
    await h.advance('P1DT1H');
    expect(await h.mailTo('kevin.mensah@example.org', 'Herinnering: uw besluit over Speeltuin')).toHaveLength(1);
    expect(await h.mailTo('kevin.mensah@example.org', 'wachten op u')).toHaveLength(0);
    expect((await digestDeps().outbox.read(person)).entries).toEqual([]);
  });

  it('plans again at once when a person goes from weekly to daily', async () => {
    const round = await openRound('Budget 2027');
    const queue = reminderQueue(digestDeps());
    const deps = preferenceDeps();
    expect(
      await deps.people.updatePreferences(
        person,
        { lang: 'nl', reminderPreference: 'weekly', subscribedBodyIds: [] },
        (await deps.people.getPerson(person))!,
      ),
    ).toBe(true);
    await deps.replan(person);
    await queue.queue({
      key: 'weekly',
      personId: person,
      kind: 'round',
      flowId: round.id,
      detail: { stage: round.stage, deadline: round.deadline },
      dueAt: h.rt.clock.now().toISOString(),
      deadline: new Date(Date.parse(round.deadline) + 30 * 86400_000).toISOString(),
    });
    const weekly = Date.parse((await state()).sendAt!);
    expect(
      await deps.people.updatePreferences(
        person,
        { lang: 'nl', reminderPreference: 'daily', subscribedBodyIds: [] },
        (await deps.people.getPerson(person))!,
      ),
    ).toBe(true);
    await deps.replan(person);
    expect(Date.parse((await state()).sendAt!)).toBeLessThan(weekly);
  });

  it('finishes a message whose run died between claim and record: the next run sends it, once', async () => {
    const naima = 'p-naima-bouzid';
    const to = await addressOf(naima);
    await dueNow(naima, 'Buurtkamer');
    await expect(flushPerson(dyingAt('before the record'), naima)).rejects.toThrow('the function died');
    // Claimed, nothing recorded or sent: the reminder is still queued, and the person due again soon.
    const claimed = await state(naima);
    expect(claimed.lastBatch).toHaveLength(1);
    expect((await digestDeps().outbox.read(naima)).entries).toHaveLength(1);
    expect(await recordsOf(naima)).toEqual([]);
    expect(Date.parse(claimed.sendAt!)).toBeLessThanOrEqual(Date.parse(claimed.lastSentAt!) + REPAIR_AFTER_MS);
    expect(await h.mailTo(to, 'Herinnering: uw besluit over Buurtkamer')).toHaveLength(0);
    // The person's schedule brings the next run: it records the claimed message and sends it.
    await h.advance('PT1H');
    expect((await h.mailTo(to, 'Herinnering: uw besluit over Buurtkamer')).map((m) => m.subject)).toEqual([
      'Herinnering: uw besluit over Buurtkamer',
    ]);
    expect((await digestDeps().outbox.read(naima)).entries).toEqual([]);
    // Further runs and sweeps find it recorded, and send nothing again.
    expect(await flushPerson(digestDeps(), naima)).toBe(0);
    await h.advance('P1D');
    expect(await h.mailTo(to, 'Herinnering: uw besluit over Buurtkamer')).toHaveLength(1);
  });

  it('sends a message recorded by a run that died before its send once, by the sweeper', async () => {
    const daan = 'p-daan-hoekstra';
    const to = await addressOf(daan);
    await dueNow(daan, 'Sportveld');
    await expect(flushPerson(dyingAt('after the record'), daan)).rejects.toThrow('the function died');
    expect(await recordsOf(daan)).toHaveLength(1);
    expect((await digestDeps().outbox.read(daan)).entries).toHaveLength(1);
    // The retried run finds the message recorded: it clears the reminder and sends nothing itself.
    expect(await flushPerson(digestDeps(), daan)).toBe(0);
    expect((await digestDeps().outbox.read(daan)).entries).toEqual([]);
    expect(await h.mailTo(to, 'Herinnering: uw besluit over Sportveld')).toHaveLength(0);
    // After the window the sweeper sends it.
    await h.advance('PT1H');
    expect(await h.mailTo(to, 'Herinnering: uw besluit over Sportveld')).toHaveLength(1);
    await h.advance('P1D');
    expect(await h.mailTo(to, 'Herinnering: uw besluit over Sportveld')).toHaveLength(1);
    expect(await recordsOf(daan)).toEqual([]);
  });

  it('sends one message when two runs take the same person at once', async () => {
    const grietje = 'p-grietje-mulder';
    const to = await addressOf(grietje);
    await dueNow(grietje, 'Weggeefmarkt');
    const carried = await Promise.all([flushPerson(digestDeps(), grietje), flushPerson(digestDeps(), grietje)]);
    expect(carried.reduce((a, b) => a + b)).toBe(1);
    await h.advance('P1D');
    expect(await h.mailTo(to, 'Herinnering: uw besluit over Weggeefmarkt')).toHaveLength(1);
  });
});
