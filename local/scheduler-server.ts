/**
 * EventBridge Scheduler on the local clock: the handlers' unchanged SDK adapter
 * (engine/reminder-schedule-store.ts) creates, moves and deletes one-time `at(...)` schedules here
 * (AWS_ENDPOINT_URL_SCHEDULER), each a clock timer that invokes its target function with its input,
 * as the cloud target does, and is then deleted (ActionAfterCompletion DELETE). Schedules are kept
 * in a file, so they survive a restart like the other timers. Only what the product uses: the REST
 * calls Create/Update/Delete/GetSchedule with `at(...)` expressions in UTC and a Lambda target.
 *
 * A fired schedule is gone, but not its invocation: EventBridge Scheduler hands it to Lambda as an
 * asynchronous invocation, which Lambda keeps until the function has run, and runs again twice when
 * the function fails or its environment dies, about one and then two minutes later (Lambda developer
 * guide, asynchronous invocation; then the dead-letter queue). The stand-in keeps each invocation in
 * the same file until its target has run, so a runtime killed while a target ran runs it again after
 * its restart, and a target that fails is tried again on the clock.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { writeDurable } from './durable-file';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { LocalClock } from './clock';

export interface LocalSchedule {
  group: string;
  name: string;
  expression: string;
  due: number;
  target: { Arn: string; Input?: string };
}

/** Runs the schedule's target; settles when it has run (rejects when it failed). */
type Fire = (s: LocalSchedule) => Promise<unknown>;

/** A fired schedule's invocation, kept until its target has run. */
interface Invocation {
  id: string;
  schedule: LocalSchedule;
  /** The try being made or next made: 1, then the retries. */
  attempt: number;
  /** When that try starts. */
  due: number;
  /** A try started and has not ended: after a restart it is one that failed (its runtime died). */
  running?: boolean;
}

/** Lambda's pauses before the retries of a failed asynchronous invocation (two retries by default). */
export const RETRY_DELAYS_MS = [60_000, 120_000];

interface Stored {
  schedules: LocalSchedule[];
  invocations: Invocation[];
}

/** `at(2026-12-01T09:00:00)` in UTC; anything else is not supported here, and says so. */
function atMs(expression: string, timezone: string | undefined): number {
  const m = /^at\((\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})\)$/.exec(expression);
  if (!m || (timezone && timezone !== 'UTC'))
    throw new Error('Only at(yyyy-mm-ddThh:mm:ss) in UTC is supported by the local scheduler');
  return Date.parse(`${m[1]}Z`);
}

export class LocalScheduler {
  private schedules = new Map<string, LocalSchedule>();
  private invocations = new Map<string, Invocation>();

  constructor(
    private readonly clock: LocalClock,
    private readonly fire: Fire,
    private readonly file?: string,
  ) {
    if (!file || !existsSync(file)) return;
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Stored | LocalSchedule[];
    // Earlier versions kept the schedules only, as a list.
    const { schedules, invocations } = Array.isArray(stored) ? { schedules: stored, invocations: [] } : stored;
    for (const s of schedules) this.arm(s, false);
    for (const inv of invocations) {
      if (inv.running) this.failed(inv, new Error('the runtime stopped while it ran'), false);
      else this.plan(inv, false);
    }
    this.save();
  }

  list(): LocalSchedule[] {
    return [...this.schedules.values()];
  }

  private key = (group: string, name: string) => `${group}/${name}`;

  private arm(s: LocalSchedule, save = true): void {
    const key = this.key(s.group, s.name);
    this.schedules.set(key, s);
    // A moment already past fires at once, as a schedule created late does in the cloud.
    this.clock.at(`scheduler:${key}`, Math.max(s.due, this.clock.now().getTime()), () => {
      // One write: the schedule gone (ActionAfterCompletion DELETE), its invocation kept.
      this.schedules.delete(key);
      this.start({ id: `${key}@${randomUUID()}`, schedule: s, attempt: 1, due: this.clock.now().getTime() });
    });
    if (save) this.save();
  }

  /** Make a try of the invocation now; it is kept until the target has run. */
  private start(inv: Invocation): void {
    inv.running = true;
    this.invocations.set(inv.id, inv);
    this.save();
    this.fire(inv.schedule).then(
      () => {
        this.invocations.delete(inv.id);
        this.save();
      },
      (err) => this.failed(inv, err),
    );
  }

  /** A try failed (or its runtime died): tried again after Lambda's pause, or given up after the last. */
  private failed(inv: Invocation, err: unknown, save = true): void {
    const { name } = inv.schedule;
    if (inv.attempt > RETRY_DELAYS_MS.length) {
      console.error(`schedule ${name}: its target failed ${inv.attempt} times; given up (its dead-letter queue)`, err);
      this.invocations.delete(inv.id);
    } else {
      console.error(`schedule ${name}: its target failed (try ${inv.attempt}); tried again later`, err);
      const due = this.clock.now().getTime() + RETRY_DELAYS_MS[inv.attempt - 1];
      this.plan({ ...inv, attempt: inv.attempt + 1, due, running: false }, false);
    }
    if (save) this.save();
  }

  private plan(inv: Invocation, save = true): void {
    this.invocations.set(inv.id, inv);
    this.clock.at(`scheduler-invocation:${inv.id}`, Math.max(inv.due, this.clock.now().getTime()), () =>
      this.start(inv),
    );
    if (save) this.save();
  }

  private save(): void {
    const stored: Stored = { schedules: this.list(), invocations: [...this.invocations.values()] };
    if (this.file) writeDurable(this.file, JSON.stringify(stored));
  }

  /** One REST call; returns the status and body AWS would answer with. */
  handle(method: string, name: string, group: string, body: Record<string, any>): [number, object, string?] {
    const key = this.key(group, name);
    const exists = this.schedules.has(key);
    if (method === 'DELETE' || method === 'GET') {
      if (!exists) return [404, { Message: `Schedule ${name} does not exist.` }, 'ResourceNotFoundException'];
      if (method === 'GET') return [200, { Name: name, GroupName: group, ...this.schedules.get(key) }];
      this.schedules.delete(key);
      this.clock.cancel(`scheduler:${key}`);
      this.save();
      return [200, {}];
    }
    if (method === 'POST' && exists) return [409, { Message: `Schedule ${name} already exists.` }, 'ConflictException'];
    if (method === 'PUT' && !exists)
      return [404, { Message: `Schedule ${name} does not exist.` }, 'ResourceNotFoundException'];
    let due: number;
    try {
      due = atMs(String(body.ScheduleExpression), body.ScheduleExpressionTimezone);
    } catch (err) {
      return [400, { Message: (err as Error).message }, 'ValidationException'];
    }
    if (!body.Target?.Arn) return [400, { Message: 'Target.Arn is required' }, 'ValidationException'];
    this.arm({ group, name, expression: body.ScheduleExpression, due, target: body.Target });
    return [200, { ScheduleArn: `arn:aws:scheduler:eu-west-1:000000000000:schedule/${key}` }];
  }
}

export function startSchedulerServer(scheduler: LocalScheduler, port: number): Promise<Server> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://local');
      const m = /^\/schedules\/([^/]+)$/.exec(url.pathname);
      let answer: [number, object, string?];
      try {
        const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
        const group = body.GroupName ?? url.searchParams.get('groupName') ?? 'default';
        answer = m
          ? scheduler.handle(req.method ?? 'GET', decodeURIComponent(m[1]), group, body)
          : [
              400,
              { Message: 'Supported: CreateSchedule, UpdateSchedule, DeleteSchedule, GetSchedule' },
              'ValidationException',
            ];
      } catch (err) {
        answer = [400, { Message: (err as Error).message }, 'ValidationException'];
      }
      const [status, payload, error] = answer;
      res.writeHead(status, { 'content-type': 'application/json', ...(error ? { 'x-amzn-errortype': error } : {}) });
      res.end(JSON.stringify(payload));
    });
  });
  return new Promise((done) => server.listen(port, '127.0.0.1', () => done(server)));
}
