/**
 * `npm run faults`: fault scenarios on the local runtime, through FaultProxy in front of SES and
 * DynamoDB, printing figures; exits non-zero when a scenario fails. See docs/faults.md.
 * Implemented so far: SES black-holed for 8 s while a round sends its invitations.
 */
import { BOARD, freePorts, Harness } from '../support/local';
import { FaultProxy } from './proxy';

interface Figures {
  scenario: string;
  expected: number;
  arrived: number;
  duplicates: number;
  http5xx: number;
}

async function sesBlackholeDuringInvitations(seconds: number): Promise<Figures> {
  const ports = await freePorts();
  const ses = await new FaultProxy({ port: ports.mailbox }).start();
  const h = await Harness.start({ ports: { ...ports, http: 0, sfn: 0, dynamodb: 0 }, endpoints: { ses: ses.url } });
  let http5xx = 0;
  try {
    await h.rt.whenIdle();
    const title = `Storing ${seconds}s bij uitnodigingen`;
    ses.set('blackhole');
    const created = await h.api('POST', '/api/rounds', {
      title,
      summary: 'Akkoord?',
      bodyId: 'alliantiebestuur',
      rule: { type: 'majority' },
      deadline: new Date(h.rt.clock.now().getTime() + 10 * 86400_000).toISOString(),
      reminders: ['P3D'],
    });
    if (created.status >= 500) http5xx++;
    await new Promise((r) => setTimeout(r, seconds * 1000));
    ses.set('pass');
    // After recovery: let the round's later moments run (reminder, deadline), each a chance to deliver.
    for (const step of ['PT1H', 'P7D', 'P4D']) {
      const res = await fetch(`${h.rt.urls.app}/local/clock`, {
        method: 'POST',
        body: JSON.stringify({ advanceBy: step }),
      });
      if (res.status >= 500) http5xx++;
    }
    let arrived = 0;
    let duplicates = 0;
    for (const [, address] of BOARD) {
      const n = (await h.mailTo(address, title)).filter((m) => !m.subject.startsWith('Herinnering')).length;
      if (n > 0) arrived++;
      duplicates += Math.max(0, n - 1);
    }
    return {
      scenario: `SES black-holed ${seconds} s during invitations`,
      expected: BOARD.length,
      arrived,
      duplicates,
      http5xx,
    };
  } finally {
    await h.stop();
    await ses.stop();
  }
}

const results = [await sesBlackholeDuringInvitations(8)];
let failed = 0;
for (const r of results) {
  const ok = r.arrived === r.expected && r.http5xx === 0;
  if (!ok) failed++;
  console.log(
    `${ok ? 'PASS' : 'FAIL'} ${r.scenario}: emails expected ${r.expected}, arrived ${r.arrived}, ` +
      `duplicates ${r.duplicates}, HTTP 5xx ${r.http5xx}`,
  );
}
process.exit(failed ? 1 : 0);
