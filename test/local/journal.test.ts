/**
 * The journal, one file per execution: a restart resumes waiting executions (a callback task, a Wait)
 * with their history; a finished execution is pruned after the retention, not before; a write cut
 * off half-way loses nothing else and is reported, not thrown.
 */
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalClock } from '../../local/clock';
import { LocalStepFunctions } from '../../local/stepfunctions';
import { FN, START } from './support';

const ask = {
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
const sleep = {
  StartAt: 'Prep',
  States: { Prep: { Type: 'Pass', Next: 'Sleep' }, Sleep: { Type: 'Wait', Seconds: 3600, End: true } },
};

function boot(dir: string, at: Date, retentionDays?: number) {
  const clock = new LocalClock(undefined, at);
  const tokens: string[] = [];
  const sfn = new LocalStepFunctions(clock, {
    journalDir: dir,
    retentionDays,
    invoke: async (_fn, payload) => (tokens.push((payload as { token: string }).token), null),
  });
  const arns = { ask: sfn.register('ask', ask), sleep: sfn.register('sleep', sleep) };
  const advance = (s: number) => clock.advanceTo(new Date(clock.now().getTime() + s * 1000), () => sfn.whenIdle());
  return { clock, sfn, tokens, arns, advance };
}
const types = (sfn: LocalStepFunctions, arn: string) => sfn.histories.get(arn).map((e) => e.type);

describe('the journal', () => {
  it('resumes a callback wait and a Wait state after a restart, with their history', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'journal-'));
    const a = boot(dir, START);
    const asked = a.sfn.startExecution(a.arns.ask, 'asked', '{}').executionArn;
    const slept = a.sfn.startExecution(a.arns.sleep, 'slept', '{"n":1}').executionArn;
    await a.advance(1800);
    a.sfn.shutdown();
    expect(readdirSync(dir).sort()).toEqual(['ask.asked.jsonl', 'sleep.slept.jsonl']);

    const b = boot(dir, a.clock.now());
    expect(b.sfn.describeExecution(slept).status).toBe('RUNNING');
    b.sfn.resumeJournal();
    await b.sfn.whenIdle();
    expect(b.tokens).toHaveLength(1);
    b.sfn.sendTaskSuccess(b.tokens[0], '{"ok":true}');
    // The Wait counts from when it was first entered: 30 minutes are left, not an hour.
    await b.advance(1801);
    expect(b.sfn.describeExecution(asked)).toMatchObject({ status: 'SUCCEEDED', output: '{"ok":true}' });
    expect(b.sfn.describeExecution(slept)).toMatchObject({ status: 'SUCCEEDED', output: '{"n":1}' });
    expect(types(b.sfn, slept)).toEqual([
      'ExecutionStarted',
      'PassStateEntered',
      'PassStateExited',
      'WaitStateEntered',
      'WaitStateExited',
      'ExecutionSucceeded',
    ]);
    const events = b.sfn.histories.get(asked);
    expect(events.map((e) => [e.id, e.previousEventId])).toEqual(events.map((_, i) => [i + 1, i]));
    expect(types(b.sfn, asked)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);

    // Finished executions, history included, are still there after another restart.
    b.sfn.shutdown();
    const c = boot(dir, b.clock.now());
    expect(c.sfn.listExecutions(c.arns.sleep, 'SUCCEEDED').map((e) => e.executionArn)).toEqual([slept]);
    expect(types(c.sfn, slept)).toEqual(types(b.sfn, slept));
  });

  it('prunes a finished execution after the retention and not before, also across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'journal-'));
    const a = boot(dir, START, 2);
    const arn = a.sfn.startExecution(a.arns.sleep, 'old', '{}').executionArn;
    await a.advance(3601);
    const gone = a.sfn.describeExecution(arn).stopDate! + 2 * 86400_000;
    // Timers fire only when the clock is moved, so the second before is exact.
    await a.clock.advanceTo(new Date(gone - 1000), () => a.sfn.whenIdle());
    expect(a.sfn.describeExecution(arn).status).toBe('SUCCEEDED');
    await a.clock.advanceTo(new Date(gone), () => a.sfn.whenIdle());
    expect(() => a.sfn.describeExecution(arn)).toThrow(/Execution does not exist/);
    expect(readdirSync(dir)).toEqual([]);

    const b = boot(dir, a.clock.now(), 2);
    const kept = b.sfn.startExecution(b.arns.sleep, 'kept', '{}').executionArn;
    await b.advance(3601);
    b.sfn.shutdown();
    expect(boot(dir, b.clock.now(), 2).sfn.describeExecution(kept).status).toBe('SUCCEEDED');
    const later = new Date(b.clock.now().getTime() + 2 * 86400_000);
    expect(() => boot(dir, later, 2).sfn.describeExecution(kept)).toThrow(/Execution does not exist/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('reports a write cut off half-way and keeps the other executions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'journal-'));
    const a = boot(dir, START);
    const one = a.sfn.startExecution(a.arns.sleep, 'one', '{}').executionArn;
    const two = a.sfn.startExecution(a.arns.sleep, 'two', '{}').executionArn;
    await a.sfn.whenIdle();
    a.sfn.shutdown();
    appendFileSync(join(dir, 'sleep.one.jsonl'), '{"event":{"id":9,"type":"Wait');
    writeFileSync(join(dir, 'sleep.three.jsonl'), '{"sta');

    const b = boot(dir, a.clock.now());
    expect([...b.sfn.journalProblems].sort()).toEqual([
      expect.stringMatching(/^sleep\.one\.jsonl: line \d+ is damaged/),
      expect.stringMatching(/^sleep\.three\.jsonl: no readable start/),
    ]);
    expect(readFileSync(join(dir, 'sleep.one.jsonl'), 'utf8').endsWith('}\n')).toBe(true);
    b.sfn.resumeJournal();
    await b.advance(3601);
    for (const arn of [one, two]) expect(b.sfn.describeExecution(arn).status).toBe('SUCCEEDED');
    expect(types(b.sfn, one)).toEqual(types(b.sfn, two));
  });
});
