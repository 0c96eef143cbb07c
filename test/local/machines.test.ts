/**
 * The stand-in's state machine definitions are checked as AWS would refuse them, once per definition:
 * the check costs about a second (asl-validator compiles its schemas every time) and every start of
 * the runtime registers the product's machines, so a definition found valid is remembered, also by
 * the next process; an invalid one is refused every time and never remembered.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';

const checks = vi.hoisted(() => ({ n: 0 }));
vi.mock('aws-local-stepfunctions', async (original) => {
  const m = await original<typeof import('aws-local-stepfunctions')>();
  class Counted extends m.StateMachine {
    constructor(...args: ConstructorParameters<typeof m.StateMachine>) {
      if (!args[1]?.validationOptions?.noValidate) checks.n++;
      super(...args);
    }
  }
  return { ...m, StateMachine: Counted };
});

const machines = async () => new (await import('../../local/sfn/machines')).Machines(() => 0);
// A state name of its own: no earlier run has remembered this definition.
const definition = (state: string) =>
  JSON.stringify({ StartAt: state, States: { [state]: { Type: 'Pass', End: true } } });

describe('checking state machine definitions', () => {
  it('checks a valid definition once, also across a restart of the process', async () => {
    const text = definition(`Pass${randomUUID().slice(0, 8)}`);
    const before = checks.n;
    (await machines()).create('a', text);
    expect(checks.n).toBe(before + 1);
    (await machines()).create('b', text);
    // A new process: the modules are loaded again, the remembered definitions read back.
    vi.resetModules();
    (await machines()).create('c', text);
    expect(checks.n).toBe(before + 1);
  });

  it('refuses an invalid definition every time and does not remember it', async () => {
    const text = JSON.stringify({ StartAt: `Nowhere${randomUUID().slice(0, 8)}`, States: {} });
    const before = checks.n;
    for (const m of [await machines(), await machines()])
      expect(() => m.create('bad', text)).toThrow(/Invalid State Machine Definition/);
    vi.resetModules();
    const fresh = await machines();
    expect(() => fresh.create('bad', text)).toThrow(/Invalid State Machine Definition/);
    expect(checks.n).toBe(before + 3);
  });
});
