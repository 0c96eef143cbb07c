/**
 * Many people due at the same moment (issue #12: a thousand at 08:00 ended in SDK timeouts and most
 * messages late). A deadline that forces forty messages at 08:00 sharp wakes forty digests at once:
 * they run two at a time (the digest's reserved concurrency, which the local Lambda honours as Lambda
 * does, the rest queued), SES holds them to its sending rate, and what it refuses is sent by a later
 * try: everyone gets exactly one message, in time. An ordinary morning does not herd at all: each
 * person's message goes at their own moment in the first quarter past 08:00.
 * The clock starts on Monday 2 November 2026, 10:00 in Amsterdam (see test/support/local.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { functions } from '../../infra/wiring';
import { reserved } from '../../local/lambda';
import { refusedSends, setMaxSendRate } from '../../local/ses-fidelity';
import { Harness } from '../support/local';
import { created } from '../e2e/reminder-budget-support';

const N = 40;
const ids = Array.from({ length: N }, (_, i) => `herd-${i}`);
let h: Harness;
beforeAll(async () => {
  // Expected failures (throttled sends) are logged as errors: not worth printing here.
  h = await Harness.start({ logLevel: 'CRITICAL' });
  const { DynamoDirectory } = await import('../../functions/engine/directory-store');
  const directory = new DynamoDirectory('alliance-cycle');
  for (const [i, id] of ids.entries())
    await directory.put('person', {
      id,
      name: `Bewoner ${i}`,
      email: `${id}@example.org`,
      lang: 'nl',
      kind: 'resident',
      active: true,
    });
});
afterAll(() => h.stop());

const digest = () => reserved.reminderDigest!;
/** Reminders sent to the herd about `title`, per person. */
async function reminded(title: string) {
  const mails = (await h.mail()).filter(
    (m) => m.to.startsWith('herd-') && m.subject === `Herinnering: uw besluit over ${title}`,
  );
  return { count: mails.length, people: new Set(mails.map((m) => m.to)).size };
}
/** SES's sending rate on the local clock, for one morning only (invitations and outcomes go unhindered). */
const sesRate = (perSecond?: number) => setMaxSendRate(perSecond, () => h.rt.clock.now().getTime());

describe('many people due at once', () => {
  it('a deadline forcing forty messages at 08:00: two digests at a time, within SES’s rate, each person once', async () => {
    // Deadline Wednesday 08:59; the reminder falls due at 01:59, in quiet hours, and no hour before
    // 08:00 keeps the margin: all forty are forced to 08:00 itself, no spread (deadlines win).
    await created(h, '/api/rounds', {
      title: 'Ochtendronde',
      summary: 'Akkoord?',
      approverIds: ids,
      rule: { type: 'majority' },
      deadline: '2026-11-04T08:59:00+01:00',
      reminders: ['PT7H'],
    });
    await h.to('2026-11-04T07:59:00+01:00');
    expect((await reminded('Ochtendronde')).count).toBe(0);
    const throttlesBefore = digest().throttles;
    digest().resetPeak();
    sesRate(5);
    await h.to('2026-11-04T08:01:00+01:00');
    expect(digest().peak).toBe(functions.reminderDigest.reservedConcurrency);
    // Forty events at once, two slots: the rest waited in the queue, as Lambda throttles them.
    expect(digest().throttles - throttlesBefore).toBeGreaterThanOrEqual(N - 2);
    // Two at a time they may still outrun five sends a second (how fast depends on the machine): what
    // SES refuses the SDK tries again after its throttling back-off, and a send refused on every try
    // stays pending in the mail outbox, sent by the mail sweeper at its wake, still before the deadline.
    expect((await reminded('Ochtendronde')).count).toBeGreaterThan(0);
    await h.to('2026-11-04T08:50:00+01:00');
    expect(await reminded('Ochtendronde')).toEqual({ count: N, people: N });
    sesRate(undefined);
    expect(digest().peak).toBe(functions.reminderDigest.reservedConcurrency);
  });

  it('an ordinary morning spreads the same forty over the first quarter past 08:00, without throttling', async () => {
    // Deadline Friday 02:00, reminder one day before: Thursday 02:00, in quiet hours; Wednesday's
    // message was the day before, so each goes at their own moment past Thursday 08:00.
    await created(h, '/api/rounds', {
      title: 'Donderdagronde',
      summary: 'Akkoord?',
      approverIds: ids,
      rule: { type: 'majority' },
      deadline: '2026-11-06T02:00:00+01:00',
      reminders: ['P1D'],
    });
    await h.to('2026-11-05T07:59:00+01:00');
    const throttlesBefore = digest().throttles;
    const refusedBefore = refusedSends();
    digest().resetPeak();
    sesRate(5);
    await h.to('2026-11-05T08:05:00+01:00');
    const early = await reminded('Donderdagronde');
    expect(early.count).toBeGreaterThan(0);
    expect(early.count).toBeLessThan(N);
    await h.to('2026-11-05T08:15:00+01:00');
    expect(await reminded('Donderdagronde')).toEqual({ count: N, people: N });
    // No event waited for a slot, and SES refused nothing.
    expect(digest().throttles).toBe(throttlesBefore);
    expect(refusedSends()).toBe(refusedBefore);
    expect(digest().peak).toBeLessThanOrEqual(functions.reminderDigest.reservedConcurrency!);
    sesRate(undefined);
  });
});
