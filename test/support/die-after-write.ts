/**
 * A DynamoDB fault in the test's own process, placed right after a document's write: once the
 * UpdateItem of `pk`/`sk` has gone through, every later DynamoDB call fails, as a crash (`Crash`)
 * or as DynamoDB going away (`ServiceUnavailable`). For the cases where an action counted and what
 * follows it (records, emails, a workflow's resume) must still be done or told.
 */
export interface DyingAfterWrite {
  /** Whether the write went through and the calls after it failed. */
  readonly dead: boolean;
  disarm(): void;
}

let armed: { pk: string; sk: string; dead: boolean; name: string } | undefined;
let installed = false;

export async function dieAfterTheWriteOf(pk: string, sk: string, name = 'Crash'): Promise<DyingAfterWrite> {
  const { dynamoRaw } = await import('../../functions/platform/clients');
  const state = { pk, sk, dead: false, name };
  armed = state;
  if (!installed) {
    installed = true;
    dynamoRaw.middlewareStack.add(
      (next, context) => async (args) => {
        const d = armed;
        if (!d) return next(args);
        if (d.dead) throw Object.assign(new Error('the function died'), { name: d.name });
        const result = await next(args);
        // The document client's commands come here unmarshalled (`UpdateCommand`, plain strings).
        const key = (args.input as { Key?: Record<string, unknown> }).Key;
        const text = (v: unknown) => (typeof v === 'string' ? v : (v as { S?: string } | undefined)?.S);
        if (/^Update/.test(context.commandName ?? '') && text(key?.pk) === d.pk && text(key?.sk) === d.sk)
          d.dead = true;
        return result;
      },
      { step: 'initialize', name: 'dieAfterWrite' },
    );
  }
  return {
    get dead() {
      return state.dead;
    },
    disarm() {
      if (armed === state) armed = undefined;
    },
  };
}
