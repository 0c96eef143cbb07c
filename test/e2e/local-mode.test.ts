/**
 * Local mode itself: the start page and demo, the movable clock's API, and the Step Functions
 * endpoint via the real SDK.
 */
import {
  DescribeExecutionCommand,
  ListExecutionsCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness } from '../support/local';

let h: Harness;
let sfn: SFNClient;
const MACHINE = 'arn:aws:states:eu-west-1:000000000000:stateMachine:alliance-cycle-approvalRound';

beforeAll(async () => {
  h = await Harness.start();
  sfn = new SFNClient({
    endpoint: h.rt.urls.sfn,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
  });
});
afterAll(async () => {
  sfn.destroy();
  await h.stop();
});

const clock = (body: string) => fetch(`${h.rt.urls.app}/local/clock`, { method: 'POST', body });
const json = async (res: Response | Promise<Response>) =>
  (await (await res).json()) as { now: string; message?: string };
const readClock = () => json(fetch(`${h.rt.urls.app}/local/clock`));

describe('start page and demo', () => {
  it('shows where everything is, and puts the SPUK draft to the board with one button', async () => {
    const home = await (await fetch(h.rt.urls.app)).text();
    expect(home).toContain(h.rt.urls.mailbox);
    expect(home).toContain(h.rt.officeToken);
    const res = await fetch(`${h.rt.urls.app}/local/demo/spuk`, { method: 'POST' });
    expect(await res.text()).toContain('De ronde is gestart');
    await h.rt.whenIdle();
    expect(await h.mailTo('anouk.de.vries@example.org', 'Aanvraag SPUK Kansrijke Wijk 2026-2028')).toHaveLength(1);
    expect(await h.mailTo('esther.boateng@example.org', 'Your decision is requested: Aanvraag SPUK')).toHaveLength(1);
  });
});

describe('the movable clock', () => {
  it('reads the time and moves it by a duration or to a moment, only forward', async () => {
    const before = Date.parse((await readClock()).now);
    const moved = await json(clock('{"advanceBy":"P1DT2H"}'));
    expect(Date.parse(moved.now) - before).toBeGreaterThanOrEqual(26 * 3600_000);
    const target = new Date(Date.parse(moved.now) + 3600_000).toISOString().replace('Z', '+00:00');
    // Real time keeps running on top of the moved clock, so "now" is the target plus a moment.
    const reached = Date.parse((await json(clock(JSON.stringify({ to: target })))).now);
    expect(reached).toBeGreaterThanOrEqual(Date.parse(target));
    expect(reached).toBeLessThan(Date.parse(target) + 1000);
  });

  it('answers bad requests with 400 and a message, and does not move', async () => {
    const { now } = await readClock();
    for (const body of [
      '{"advanceBy":"7 days"}',
      '{"to":"2020-01-01T00:00:00+01:00"}',
      '{"to":"tomorrow"}',
      '{}',
      '{"advanceBy":"P1D","to":"2099-01-01T00:00:00Z"}',
      'not json',
    ]) {
      const res = await clock(body);
      expect(res.status, body).toBe(400);
      expect((await json(res)).message).toBeTruthy();
    }
    expect(Date.parse((await readClock()).now)).toBeLessThan(Date.parse(now) + 5000);
  });
});

describe('Step Functions endpoint, through the unchanged SDK', () => {
  it('lists and describes executions, starts idempotently by name, and stops', async () => {
    const listed = await sfn.send(new ListExecutionsCommand({ stateMachineArn: MACHINE }));
    expect(listed.executions!.length).toBeGreaterThanOrEqual(2);
    const running = listed.executions!.find((e) => e.status === 'RUNNING')!;
    const described = await sfn.send(new DescribeExecutionCommand({ executionArn: running.executionArn }));
    expect(described).toMatchObject({ status: 'RUNNING', stateMachineArn: MACHINE });
    expect(described.startDate).toBeInstanceOf(Date);
    const input = described.input!;
    const again = await sfn.send(new StartExecutionCommand({ stateMachineArn: MACHINE, name: running.name, input }));
    expect(again.executionArn).toBe(running.executionArn);
    await expect(
      sfn.send(
        new StartExecutionCommand({ stateMachineArn: MACHINE, name: running.name, input: '{"roundId":"other"}' }),
      ),
    ).rejects.toMatchObject({ name: 'ExecutionAlreadyExists' });
    await sfn.send(new StopExecutionCommand({ executionArn: running.executionArn, cause: 'test' }));
    expect((await sfn.send(new DescribeExecutionCommand({ executionArn: running.executionArn }))).status).toBe(
      'ABORTED',
    );
  });

  it('answers unknown and malformed task tokens and unknown executions as AWS does', async () => {
    await expect(
      sfn.send(new SendTaskSuccessCommand({ taskToken: 'A'.repeat(64), output: '{}' })),
    ).rejects.toMatchObject({ name: 'TaskDoesNotExist' });
    await expect(sfn.send(new SendTaskSuccessCommand({ taskToken: 'bad token!', output: '{}' }))).rejects.toMatchObject(
      { name: 'InvalidToken' },
    );
    await expect(
      sfn.send(new DescribeExecutionCommand({ executionArn: `${MACHINE.replace('stateMachine', 'execution')}:nope` })),
    ).rejects.toMatchObject({ name: 'ExecutionDoesNotExist' });
    await expect(sfn.send(new ListExecutionsCommand({ stateMachineArn: `${MACHINE}-missing` }))).rejects.toMatchObject({
      name: 'StateMachineDoesNotExist',
    });
  });
});
