/**
 * One fault scenario's runtime: a Harness whose SES or DynamoDB endpoint goes through a FaultProxy,
 * the outage itself, the recovery on the local clock, and the figures a scenario prints.
 */
import {
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  SFNClient,
} from '@aws-sdk/client-sfn';
import { freePorts, Harness } from '../support/local';
import { FaultProxy, type ProxyMode } from './proxy';

export interface Outage {
  service: 'ses' | 'dynamodb';
  mode: Exclude<ProxyMode, 'pass'>;
  /** Wall-clock seconds; undefined: the outage spans a 10-minute move of the local clock and its wall time. */
  seconds?: number;
}

/** One email a scenario expects: to whom, with exactly this subject. */
export interface Expected {
  to: string;
  subject: string;
}

export interface Figures {
  scenario: string;
  expected: number;
  arrived: number;
  duplicates: number;
  http5xx: number;
  /** Executions FAILED, TIMED_OUT or ABORTED on the local Step Functions API. */
  stuck: number;
  /** Clock moves answered 503 (their report, not an error a person sees). */
  clock503: number;
  /** Anything else the scenario checks (nothing half stored, …); empty when all is well. */
  problems: string[];
  wallSeconds: number;
}

export const outageName = (o: Outage) =>
  `${o.service === 'ses' ? 'SES' : 'DynamoDB'} ${o.mode === 'blackhole' ? 'black-holed' : 'refused'} ` +
  (o.seconds === undefined ? 'over a 10-min clock move' : `${o.seconds} s`);

/**
 * How long recovery waits for retries still pausing: the declared budget of a step's network-error
 * retries (5 s doubling, 8 tries, at most 150 s each) at the smallest speed-up the scenarios use (2).
 */
const RETRIES_END_MS = 5 * 60_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class FaultRun {
  http5xx = 0;
  clock503 = 0;
  problems: string[] = [];
  private readonly began = Date.now();

  private constructor(
    readonly h: Harness,
    readonly proxy: FaultProxy,
    readonly outage: Outage,
  ) {}

  static async start(outage: Outage): Promise<FaultRun> {
    const ports = await freePorts();
    const target = outage.service === 'ses' ? ports.mailbox : ports.dynamodb;
    const proxy = await new FaultProxy({ port: target }).start();
    const h = await Harness.start({
      ports: { ...ports, http: 0, sfn: 0, ...(outage.service === 'ses' ? { dynamodb: 0 } : { mailbox: 0 }) },
      endpoints: { [outage.service]: proxy.url },
    });
    await h.rt.whenIdle();
    return new FaultRun(h, proxy, outage);
  }

  /**
   * What a person or the office sees: any 5xx is counted against the product, except, while the
   * database is away, the 503 that asks to try again (the product's documented answer).
   */
  seen(status: number, what: string, retryPage = false): number {
    if (status >= 500 && !(status === 503 && retryPage && this.outage.service === 'dynamodb')) {
      this.http5xx++;
      this.problems.push(`${what} answered ${status}`);
    }
    return status;
  }

  /** Moves the local clock; a 503 is its bounded report of failed steps, anything else ≥ 500 a fault. */
  async move(body: { advanceBy: string } | { to: string }): Promise<number> {
    const res = await fetch(`${this.h.rt.urls.app}/local/clock`, { method: 'POST', body: JSON.stringify(body) });
    await res.text();
    if (res.status === 503) this.clock503++;
    else this.seen(res.status, `clock move ${JSON.stringify(body)}`);
    return res.status;
  }

  /**
   * The outage: the service fails while `act` runs. A wall-clock outage ends after its seconds whether
   * or not `act` has finished (a step waiting on it then goes on); the 10-minute outage also spans a
   * 10-minute move of the local clock, on which the product's retries and sweeper run.
   */
  async during(act: () => Promise<void>, actMovesClock = false): Promise<void> {
    this.proxy.set(this.outage.mode);
    const seconds = this.outage.seconds;
    const ends = seconds === undefined ? undefined : sleep(seconds * 1000).then(() => this.proxy.set('pass'));
    try {
      await act();
      if (!ends && !actMovesClock) await this.move({ advanceBy: 'PT10M' });
    } finally {
      if (ends) await ends;
      else this.proxy.set('pass');
    }
  }

  /** The outage while the clock moves 10 minutes (or `by`) past a moment the scenario set up (five minutes ahead). */
  duringMove(by = 'PT10M'): Promise<void> {
    return this.during(async () => void (await this.move({ advanceBy: by })), true);
  }

  /** After recovery the product's own retries and sweeper run on the clock; stop once all arrived. */
  async recover(expected: Expected[], steps = ['PT1H', 'PT1H', 'P1D', 'P7D']): Promise<void> {
    for (const step of steps) {
      // A move that answered 503 left steps running: in test mode a retry's pause is real time (shortened),
      // and the clock's settle bound (20 s) is shorter than the longest pause. Wait for the retries' own
      // end, as time would pass in AWS, rather than spend the recovery's moves before they deliver.
      if ((await this.move({ advanceBy: step })) === 503) await this.settled();
      if ((await this.count(expected)).arrived === expected.length) break;
    }
    // One more day: a late duplicate would show here.
    await this.move({ advanceBy: 'P1D' });
  }

  /** The runtime idle (every step and retry ended), at most RETRIES_END_MS of wall time. */
  private async settled(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<boolean>((r) => {
      timer = setTimeout(() => r(false), RETRIES_END_MS);
    });
    const idle = await Promise.race([this.h.rt.whenIdle().then(() => true), limit]);
    clearTimeout(timer);
    if (!idle) this.problems.push(`steps were still running ${RETRIES_END_MS / 1000} s after the outage`);
  }

  async count(expected: Expected[]) {
    const mail = await this.h.mail();
    let arrived = 0;
    let duplicates = 0;
    for (const e of expected) {
      const n = mail.filter((m) => m.to === e.to && m.subject === e.subject).length;
      if (n > 0) arrived++;
      duplicates += Math.max(0, n - 1);
    }
    return { arrived, duplicates };
  }

  /** Executions that ended badly, asked of the local Step Functions API as of AWS's. */
  async stuckExecutions(): Promise<string[]> {
    const sfn = new SFNClient({ endpoint: this.h.rt.urls.sfn, region: 'eu-west-1' });
    const bad: string[] = [];
    try {
      const { stateMachines = [] } = await sfn.send(new ListStateMachinesCommand({}));
      for (const sm of stateMachines)
        for (const statusFilter of ['FAILED', 'TIMED_OUT', 'ABORTED'] as const) {
          const { executions = [] } = await sfn.send(
            new ListExecutionsCommand({ stateMachineArn: sm.stateMachineArn, statusFilter }),
          );
          for (const e of executions) {
            const d = await sfn.send(new DescribeExecutionCommand({ executionArn: e.executionArn }));
            // The step's own failures say why the execution ended, more than its Fail state does.
            const { events = [] } = await sfn.send(
              new GetExecutionHistoryCommand({ executionArn: e.executionArn, reverseOrder: true, maxResults: 200 }),
            );
            const why = events
              .map((x) => x.lambdaFunctionFailedEventDetails ?? x.taskFailedEventDetails)
              .filter((x) => x)
              .slice(0, 3)
              .map((x) => `${x?.error}: ${String(x?.cause).slice(0, 160)}`);
            bad.push(`${sm.name}/${e.name} ${statusFilter}: ${d.error}; ${why.join(' | ')}`);
          }
        }
    } finally {
      sfn.destroy();
    }
    return bad;
  }

  async figures(scenario: string, expected: Expected[]): Promise<Figures> {
    const { arrived, duplicates } = await this.count(expected);
    const stuck = await this.stuckExecutions();
    if (expected.length === 0) this.problems.push('the scenario expected no email: its set-up did not work');
    const missing = (await this.missing(expected)).map((e) => `missing: ${e.subject} → ${e.to}`);
    return {
      scenario,
      expected: expected.length,
      arrived,
      duplicates,
      http5xx: this.http5xx,
      stuck: stuck.length,
      clock503: this.clock503,
      problems: [...this.problems, ...stuck, ...missing.slice(0, 5)],
      wallSeconds: Math.round((Date.now() - this.began) / 1000),
    };
  }

  private async missing(expected: Expected[]): Promise<Expected[]> {
    const mail = await this.h.mail();
    return expected.filter((e) => !mail.some((m) => m.to === e.to && m.subject === e.subject));
  }

  async stop(): Promise<void> {
    await this.h.stop();
    await this.proxy.stop();
  }
}

export const passed = (f: Figures) =>
  f.expected > 0 &&
  f.arrived === f.expected &&
  f.duplicates === 0 &&
  f.http5xx === 0 &&
  f.stuck === 0 &&
  f.problems.length === 0;
