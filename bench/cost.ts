/**
 * AWS cost of what a bench part really did: the meter counts, while the part runs, state
 * transitions (StateEntered events in the local Step Functions history), Lambda invocations ×
 * memory × measured wall time, DynamoDB capacity units (as the stand-in reports them per request),
 * SES emails and schedule invocations (each fired reminder schedule invokes reminderDigest, each mail
 * wake mailSweeper; the daily sweeps are counted too, an upper bound).
 */
import { functions } from '../infra/wiring';
import { invocationObservers } from '../local/lambda';
import type { Harness } from '../test/support/local';

/**
 * eu-west-1 on-demand prices in USD, free tiers left out (an upper bound). Written down on 2026-12-02
 * and compared on 2026-12-03 with stored copies of the pricing pages (this machine has no web access):
 * Step Functions Standard, Europe (Ireland) $0.0250 per 1,000 transitions, from AWS's own page
 * (https://aws.amazon.com/step-functions/pricing/); SES $0.10 per 1,000 emails and Scheduler $1.00 per
 * million invocations (14 million a month free), from third-party summaries of AWS's pages. Lambda
 * (https://aws.amazon.com/lambda/pricing/) and DynamoDB on-demand in Ireland
 * (https://aws.amazon.com/dynamodb/pricing/on-demand/, after the halving of November 2024) were not
 * found in the stored copies: check those two before quoting.
 */
export const PRICE = {
  stateTransition: 0.025 / 1000, // Standard workflows
  lambdaRequest: 0.2 / 1e6,
  lambdaGbSecond: 0.0000166667, // x86
  writeUnit: 0.7068 / 1e6, // DynamoDB on-demand write request unit
  readUnit: 0.1413 / 1e6, // DynamoDB on-demand read request unit
  email: 0.1 / 1000, // SES outbound
  scheduleInvocation: 1 / 1e6, // EventBridge Scheduler
};

export interface Usage {
  transitions: number;
  invocations: number;
  gbSeconds: number;
  readUnits: number;
  writeUnits: number;
  emails: number;
  scheduleInvocations: number;
}

export const dollars = (u: Usage) =>
  u.transitions * PRICE.stateTransition +
  u.invocations * PRICE.lambdaRequest +
  u.gbSeconds * PRICE.lambdaGbSecond +
  u.writeUnits * PRICE.writeUnit +
  u.readUnits * PRICE.readUnit +
  u.emails * PRICE.email +
  u.scheduleInvocations * PRICE.scheduleInvocation;

let installed = false;
let current: Usage | undefined;

/** Count what `part` does on the harness's runtime; throws if nothing at all was counted. */
export async function metered(h: Harness, part: () => Promise<void>): Promise<Usage> {
  if (!installed) await install(h);
  const usage: Usage = {
    transitions: 0,
    invocations: 0,
    gbSeconds: 0,
    readUnits: 0,
    writeUnits: 0,
    emails: 0,
    scheduleInvocations: 0,
  };
  const mailsBefore = (await h.mail()).length;
  current = usage;
  try {
    await part();
  } finally {
    current = undefined;
  }
  usage.emails = (await h.mail()).length - mailsBefore;
  if (!usage.transitions || !usage.invocations || !usage.writeUnits || !usage.emails)
    throw new Error(`cost meter counted nothing of some kind: ${JSON.stringify(usage)}`);
  return usage;
}

async function install(h: Harness) {
  installed = true;
  invocationObservers.add((fn, ms) => {
    if (!current) return;
    current.invocations += 1;
    current.gbSeconds += ((functions[fn].memoryMb / 1024) * Math.max(1, ms)) / 1000; // billed per 1 ms
    if (fn === 'reminderDigest' || fn === 'mailSweeper') current.scheduleInvocations += 1;
  });
  const histories = h.rt.sfn.histories;
  const add = histories.add.bind(histories);
  histories.add = (arn, type, details) => {
    if (current && type.endsWith('StateEntered')) current.transitions += 1;
    add(arn, type, details);
  };
  // Every handler's DynamoDB call goes through this one client (the document client shares its stack).
  const { dynamoRaw } = await import('../functions/platform/clients');
  dynamoRaw.middlewareStack.add(
    (next, context) => async (args: any) => {
      if (current) args.input.ReturnConsumedCapacity ??= 'TOTAL';
      const out: any = await next(args);
      const consumed = [out.output?.ConsumedCapacity ?? []].flat();
      for (const c of consumed) {
        if (!current || !c) continue;
        const units = c.CapacityUnits ?? 0;
        // The stand-in reports one figure; a write costs write units, a read read units.
        if (/Put|Update|Delete|Write/.test(context.commandName ?? '')) current.writeUnits += units;
        else current.readUnits += units;
      }
      return out;
    },
    { step: 'initialize', name: 'benchCostMeter' },
  );
}

/**
 * Samen Nieuw-West's scale, from ../shared/seeds (README): the alliance board and the kerngroep of
 * each wijkalliantie meet monthly, with about six themagroepen under a kerngroep; the board decides
 * formally on requests such as SPUK. Assumed here: 4 rounds of 25 a month.
 */
const ROUNDS_PER_MONTH = 4;

/** The cost row: a round of 25 as metered, and a month of such rounds. */
export function costRow(round: Usage): [string, string, string, string, string] {
  const perRound = dollars(round);
  return [
    'AWS cost per round of 25 (eu-west-1, counted)',
    `$${perRound.toFixed(5)} per round; $${(perRound * ROUNDS_PER_MONTH).toFixed(4)} per month of ${ROUNDS_PER_MONTH}`,
    '',
    `${round.transitions} transitions, ${round.invocations} invocations (${round.gbSeconds.toFixed(1)} GB-s), ` +
      `${round.readUnits.toFixed(0)} RCU, ${round.writeUnits.toFixed(0)} WCU, ${round.emails} emails, ` +
      `${round.scheduleInvocations} schedule runs`,
    'counted',
  ];
}
