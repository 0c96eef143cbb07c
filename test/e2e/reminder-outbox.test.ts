/**
 * The reminder outbox under failure, on the local runtime's real DynamoDB stand-in: a send that
 * fails gives the reminders back for the next tick, two reminders about one thing make one line,
 * and a change of rhythm plans the next message again at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preferenceDeps } from '../../functions/engine/deps';
import { digestDeps } from '../../functions/flows/reminder-budget/deps';
import { reminderQueue } from '../../functions/engine/reminder-outbox';
import { flushPerson } from '../../functions/engine/reminder-send';
import type { OutgoingEmail } from '../../functions/engine/ports';
import { Harness } from '../support/local';

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(() => h.stop());

const person = 'p-kevin-mensah';
const state = async () => (await digestDeps().outbox.read(person)).state;

async function openRound(title: string) {
  const res = await h.api('POST', '/api/rounds', {
    title,
    summary: 'Akkoord?',
    approverIds: [person, 'p-anouk-de-vries'],
    rule: { type: 'majority' },
    deadline: new Date(h.rt.clock.now().getTime() + 5 * 86400_000).toISOString(),
    reminders: [],
  });
  expect(res.status).toBe(201);
  await h.rt.whenIdle();
  return res.body;
}

describe('reminder outbox', () => {
  it('gives the reminders back when the send fails, and the next tick sends them', async () => {
    // Half past ten on the first day: no message yet today, so a reminder due at 10:00 is due now, between ticks.
    await h.advance('PT30M');
    const round = await openRound('Gevelfonds');
    const hour = new Date(Math.floor(h.rt.clock.now().getTime() / 3600_000) * 3600_000).toISOString();
    await reminderQueue(digestDeps()).queue({
      key: 'test:1',
      personId: person,
      kind: 'round',
      flowId: round.id,
      detail: { stage: round.stage, deadline: round.deadline },
      dueAt: hour,
      deadline: round.deadline,
    });
    expect(Date.parse((await state()).sendAt!)).toBeLessThanOrEqual(h.rt.clock.now().getTime());
    const failing = {
      ...digestDeps(),
      mailer: {
        send: async (_: OutgoingEmail) => {
          throw new Error('SES is down');
        },
      },
    };
    await expect(flushPerson(failing, person)).rejects.toThrow('SES is down');
    const after = await state();
    expect(after.lastBatch).toEqual([]);
    expect(after.lastSentAt).toBeUndefined();
    expect(after.sendAt).toBeDefined();
    expect((await digestDeps().outbox.read(person)).entries).toHaveLength(1);
    expect(await h.mailTo('kevin.mensah@example.org', 'Herinnering')).toHaveLength(0);
    // The tick on the hour sends it, once.
    await h.advance('PT1H');
    expect((await h.mailTo('kevin.mensah@example.org', 'Herinnering')).map((m) => m.subject)).toEqual([
      'Herinnering: uw besluit over Gevelfonds',
    ]);
    expect((await state()).lastSentAt).toBeDefined();
    expect((await digestDeps().outbox.read(person)).entries).toEqual([]);
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
});
