/**
 * The local Step Functions journal: how long a restart takes to resume 1,000 waiting executions
 * (half in a callback task, half in an hourly Wait), and what the journal costs per timer wake.
 * Own stand-in and clock, no Harness: the figures are the journal's, not the product's flows.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalClock } from '../local/clock';
import { LocalStepFunctions } from '../local/stepfunctions';
import { ms, rows } from './common';

const N = 1000;
const START = new Date('2026-11-02T09:00:00Z');
const FN = 'arn:aws:lambda:eu-west-1:000000000000:function:park';
const callback = {
  StartAt: 'Ask',
  States: {
    Ask: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: { FunctionName: FN, Payload: { 'token.$': '$$.Task.Token' } },
      End: true,
    },
  },
};
const hourly = {
  StartAt: 'Sleep',
  States: {
    Sleep: { Type: 'Wait', Seconds: 3600, Next: 'Tick' },
    Tick: { Type: 'Choice', Choices: [{ Variable: '$.stop', IsPresent: true, Next: 'Done' }], Default: 'Sleep' },
    Done: { Type: 'Succeed' },
  },
};

/** A stand-in with both machines; `tokens` collects the token of every callback task it parks. */
function standIn(clock: LocalClock, journalDir: string | undefined) {
  const tokens: string[] = [];
  const sfn = new LocalStepFunctions(clock, {
    journalDir,
    invoke: async (_fn, payload) => {
      tokens.push((payload as { token: string }).token);
      return null;
    },
  });
  const arns = { callback: sfn.register('bench-callback', callback), hourly: sfn.register('bench-hourly', hourly) };
  return { sfn, tokens, arns };
}

function startAll(s: ReturnType<typeof standIn>) {
  for (let i = 0; i < N; i++) s.sfn.startExecution(i % 2 ? s.arns.hourly : s.arns.callback, `e${i}`, '{}');
  return s.sfn.whenIdle();
}

/** Milliseconds per timer wake while moving the clock `hours` (each wake: Tick, then Sleep again). */
async function perWake(clock: LocalClock, s: ReturnType<typeof standIn>, hours: number) {
  const t0 = performance.now();
  await clock.advanceTo(new Date(clock.now().getTime() + hours * 3600_000), () => s.sfn.whenIdle());
  return (performance.now() - t0) / ((hours * N) / 2);
}

export async function journalRestart(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sfn-journal-'));
  try {
    // Floor: the same executions started in memory, without a journal.
    const memClock = new LocalClock(undefined, START);
    const mem = standIn(memClock, undefined);
    let t0 = performance.now();
    await startAll(mem);
    const startMs = performance.now() - t0;
    const memWake = await perWake(memClock, mem, 4);
    mem.sfn.shutdown();

    const clock = new LocalClock(undefined, START);
    const first = standIn(clock, dir);
    await startAll(first);
    const diskWake = await perWake(clock, first, 4);
    first.sfn.shutdown();

    // The restart: a new clock at the same moment (timers are not kept), the journal read back.
    const again = new LocalClock(undefined, clock.now());
    t0 = performance.now();
    const second = standIn(again, dir);
    second.sfn.resumeJournal();
    await second.sfn.whenIdle();
    const restartMs = performance.now() - t0;

    // Resumed means: each callback task asked again, each Wait ends and loops on the moved clock.
    for (const token of second.tokens) second.sfn.sendTaskSuccess(token, '{}');
    await again.advanceTo(new Date(again.now().getTime() + 3600_000), () => second.sfn.whenIdle());
    const done = second.sfn.listExecutions(second.arns.callback, 'SUCCEEDED').length;
    const ticked = second.sfn
      .listExecutions(second.arns.hourly, 'RUNNING')
      .filter(
        (e) => second.sfn.histories.get(e.executionArn).filter((h) => h.type === 'ChoiceStateEntered').length > 4,
      );
    second.sfn.shutdown();
    if (done + ticked.length < N)
      throw new Error(`restart resumed only ${done} callback and ${ticked.length} Wait executions of ${N}`);
    rows.push(['restart 1,000 waiting executions', ms(restartMs), `${ms(startMs)} (start in memory)`, '< 2 s']);
    rows.push(['journal per timer wake (1,000 executions)', ms(diskWake), `${ms(memWake)} (in memory)`, '-']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
