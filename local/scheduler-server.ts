/**
 * EventBridge Scheduler on the local clock: the handlers' unchanged SDK adapter
 * (engine/reminder-schedule-store.ts) creates, moves and deletes one-time `at(...)` schedules here
 * (AWS_ENDPOINT_URL_SCHEDULER), each a clock timer that invokes its target function with its input,
 * as the cloud target does, and is then deleted (ActionAfterCompletion DELETE). Schedules are kept
 * in a file, so they survive a restart like the other timers. Only what the product uses: the REST
 * calls Create/Update/Delete/GetSchedule with `at(...)` expressions in UTC and a Lambda target.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { LocalClock } from './clock';

export interface LocalSchedule {
  group: string;
  name: string;
  expression: string;
  due: number;
  target: { Arn: string; Input?: string };
}

type Fire = (s: LocalSchedule) => void;

/** `at(2026-12-01T09:00:00)` in UTC; anything else is not supported here, and says so. */
function atMs(expression: string, timezone: string | undefined): number {
  const m = /^at\((\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})\)$/.exec(expression);
  if (!m || (timezone && timezone !== 'UTC'))
    throw new Error('Only at(yyyy-mm-ddThh:mm:ss) in UTC is supported by the local scheduler');
  return Date.parse(`${m[1]}Z`);
}

export class LocalScheduler {
  private schedules = new Map<string, LocalSchedule>();

  constructor(
    private readonly clock: LocalClock,
    private readonly fire: Fire,
    private readonly file?: string,
  ) {
    if (file && existsSync(file))
      for (const s of JSON.parse(readFileSync(file, 'utf8')) as LocalSchedule[]) this.arm(s, false);
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
      this.schedules.delete(key);
      this.save();
      this.fire(s);
    });
    if (save) this.save();
  }

  private save(): void {
    if (this.file) writeFileSync(this.file, JSON.stringify(this.list()));
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
