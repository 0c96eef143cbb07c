/**
 * The mail sweeper runs when there is something to try, not on the hour (engine/mail-wake.ts): a
 * recorded email sets the one `mail-sweep` schedule at its next attempt, so the email of a sender that
 * died, or whose send failed, goes minutes later on the moved clock; and an idle week wakes the sweeper
 * only for its daily safety sweep. A runtime start's own sweep: mail-wake-restart.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendOnceVia } from '../../functions/engine/mail-ledger';
import { SWEEP_SCHEDULE_NAME } from '../../functions/engine/mail-wake';
import type { OutgoingEmail } from '../../functions/engine/ports';
import { DynamoMeetingStore } from '../../functions/flows/meeting';
import { config } from '../../functions/platform/config';
import { invocationObservers } from '../../local/lambda';
import { Harness } from '../support/local';

const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const down = { send: async () => Promise.reject(Object.assign(new Error('refused'), { name: 'ECONNREFUSED' })) };
const dying = { send: () => new Promise<void>(() => {}) };
const content = (subject: string) => ({ subject, text: 'tekst', html: '<p>tekst</p>' });

function mailDeps(h: Harness, mailer: { send: (e: OutgoingEmail) => Promise<void> }) {
  return {
    mailer,
    log: quiet,
    now: () => h.rt.clock.now(),
    settings: { publicBaseUrl: 'http://x', officeEmail: config().officeEmail, linkGraceSeconds: 0 },
    linkKeys: async () => ({ currentKid: 'k', keys: {} }),
  };
}

/** How often the sweeper runs while `work` does. */
async function sweeps(work: () => Promise<unknown>): Promise<number> {
  let n = 0;
  const count = (fn: string) => {
    if (fn === 'mailSweeper') n++;
  };
  invocationObservers.add(count);
  try {
    await work();
  } finally {
    invocationObservers.delete(count);
  }
  return n;
}

async function sweepSchedule(h: Harness) {
  const res = await fetch(
    `http://127.0.0.1:${h.rt.ports.scheduler}/schedules/${SWEEP_SCHEDULE_NAME}?groupName=alliance-cycle-mail`,
  );
  return res.status === 200 ? ((await res.json()) as { expression: string; target: { Arn: string } }) : null;
}

describe('the mail sweeper wake', () => {
  let h: Harness;
  let store: DynamoMeetingStore;
  beforeAll(async () => {
    h = await Harness.start({ seed: false });
    store = new DynamoMeetingStore(config().tableName);
    await h.rt.whenIdle();
  });
  afterAll(() => h.stop());

  it('sends the email of a sender that died after recording it minutes later, once', async () => {
    void sendOnceVia(mailDeps(h, dying), store, 'w-crash', 'invite:p1', 'w1@example.org', 'invite', content('Wek'));
    await new Promise((r) => setTimeout(r, 300));
    const [record] = (await store.mail.due('9999', 100)).filter((r) => r.key === 'invite:p1');
    // The wake is at the end of the sender's lease, on the sweeper.
    const schedule = await sweepSchedule(h);
    expect(schedule?.expression).toBe(
      `at(${new Date(Math.ceil(Date.parse(record.nextAttemptAt) / 1000) * 1000).toISOString().slice(0, 19)})`,
    );
    expect(schedule?.target.Arn).toMatch(/mailSweeper$/);
    expect(await sweeps(() => h.advance('PT3M'))).toBe(1);
    expect(await h.mailTo('w1@example.org', 'Wek')).toHaveLength(1);
    await h.advance('P1D');
    expect(await h.mailTo('w1@example.org', 'Wek')).toHaveLength(1);
  });

  it('delivers an email whose send failed at its next attempt, not at the next safety sweep', async () => {
    expect(
      await sendOnceVia(
        mailDeps(h, down),
        store,
        'w-out',
        'receipt:p2',
        'w2@example.org',
        'receipt',
        content('Uitval'),
      ),
    ).toBe(true);
    expect(await h.mailTo('w2@example.org', 'Uitval')).toHaveLength(0);
    await h.advance('PT3M');
    expect(await h.mailTo('w2@example.org', 'Uitval')).toHaveLength(1);
    expect((await store.mail.due('9999', 100)).filter((r) => r.flowId === 'w-out')).toHaveLength(0);
  });

  it('wakes the sweeper only for its daily safety sweep in a week without pending mail', async () => {
    expect(await sweeps(() => h.advance('P7D'))).toBeLessThanOrEqual(7);
  });
});
