/**
 * The executions on disk: one append-only JSON Lines file per execution in the journal folder
 * (`.data/stepfunctions/<machine>.<name>.jsonl`). A state entered appends a line to its own
 * execution's file only, so a timer wake costs one small write whatever else is journalled.
 * Lines: `{"start":record}` first, then `{"event":historyEvent}`, `{"at":current}` (the top-level
 * state it is in, with that state's input: where a restart continues) and `{"end":outcome}`.
 * A truncated last line (a crash during a write) is dropped and reported; the file is repaired.
 */
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { writeDurable } from '../durable-file';
import { join } from 'node:path';
import type { Json } from './callbacks';
import type { HistoryEvent } from './history';
import type { PendingRetry } from './retries';

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED' | 'TIMED_OUT';

export interface ExecutionRecord {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  input: string;
  status: ExecutionStatus;
  startDate: number;
  stopDate?: number;
  output?: string;
  error?: string;
  cause?: string;
  /**
   * The top-level state it is in, with that state's input: where a restart continues; `retry`: a
   * retry of that state that is due (its moment and the retriers' counts so far).
   */
  current?: { state: string; input: Json; enteredAt: number; retry?: PendingRetry };
}

export interface Journalled {
  record: ExecutionRecord;
  events: HistoryEvent[];
}

type Line =
  | { start: ExecutionRecord }
  | { event: HistoryEvent }
  | { at: NonNullable<ExecutionRecord['current']> }
  | { end: Partial<ExecutionRecord> };

const SUFFIX = '.jsonl';
/** `arn:…:execution:<machine>:<name>`: both parts are [A-Za-z0-9_-], so the dot separates them. */
const fileOf = (executionArn: string) => executionArn.split(':').slice(-2).join('.') + SUFFIX;
const text = (lines: Line[]) => lines.map((l) => `${JSON.stringify(l)}\n`).join('');

/** One execution read back from its lines; `bad`: the index of the first line that did not parse. */
function replay(content: string): { journalled?: Journalled; bad?: number; good: string[] } {
  const lines = content.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const good: string[] = [];
  let journalled: Journalled | undefined;
  for (const [i, raw] of lines.entries()) {
    let line: Partial<Record<'start' | 'event' | 'at' | 'end', any>>;
    try {
      line = JSON.parse(raw);
    } catch {
      return { journalled, bad: i, good };
    }
    if (line.start) journalled = { record: line.start, events: [] };
    else if (!journalled) return { bad: i, good };
    else if (line.event) journalled.events.push(line.event);
    else if (line.at) journalled.record.current = line.at;
    else if (line.end) Object.assign(journalled.record, line.end, { current: undefined });
    good.push(raw);
  }
  return { journalled, good };
}

export class Journal {
  /** What could not be read back at start (reported, never thrown: the other executions go on). */
  readonly problems: string[] = [];

  /** `dir`: the journal folder; none: nothing is written. */
  constructor(private readonly dir?: string) {
    if (dir) mkdirSync(dir, { recursive: true });
  }

  /** Every journalled execution, in the order of their files; damaged files repaired or set aside. */
  load(): Journalled[] {
    if (!this.dir) return [];
    this.migrate(`${this.dir}.json`);
    const all: Journalled[] = [];
    for (const file of readdirSync(this.dir).filter((f) => f.endsWith(SUFFIX))) {
      const path = join(this.dir, file);
      const { journalled, bad, good } = replay(readFileSync(path, 'utf8'));
      if (bad !== undefined && journalled) {
        this.problems.push(`${file}: line ${bad + 1} is damaged (a write cut off?); read up to the line before`);
        writeDurable(path, good.map((l) => `${l}\n`).join(''));
      } else if (!journalled) {
        this.problems.push(`${file}: no readable start; set aside as ${file}.damaged`);
        renameSync(path, `${path}.damaged`);
        continue;
      }
      all.push(journalled!);
    }
    for (const p of this.problems) console.warn(`Step Functions journal: ${p}`);
    return all;
  }

  started(rec: ExecutionRecord): void {
    this.write(rec.executionArn, [{ start: { ...rec, current: undefined } }], 'w');
  }

  event(executionArn: string, event: HistoryEvent): void {
    this.write(executionArn, [{ event }]);
  }

  entered(rec: ExecutionRecord): void {
    if (rec.current) this.write(rec.executionArn, [{ at: rec.current }]);
  }

  ended(rec: ExecutionRecord): void {
    const { status, stopDate, output, error, cause } = rec;
    this.write(rec.executionArn, [{ end: { status, stopDate, output, error, cause } }]);
  }

  /** A finished execution past its retention: its file goes. */
  remove(executionArn: string): void {
    if (this.dir) rmSync(join(this.dir, fileOf(executionArn)), { force: true });
  }

  private write(executionArn: string, lines: Line[], flag: 'a' | 'w' = 'a'): void {
    if (this.dir) appendFileSync(join(this.dir, fileOf(executionArn)), text(lines), { flag });
  }

  /** The single-file journal of earlier versions (`stepfunctions.json`): one file per execution, then gone. */
  private migrate(legacy: string): void {
    if (!existsSync(legacy)) return;
    try {
      for (const rec of JSON.parse(readFileSync(legacy, 'utf8')) as ExecutionRecord[]) {
        const lines: Line[] = [{ start: { ...rec, current: undefined } }];
        if (rec.current) lines.push({ at: rec.current });
        if (rec.status !== 'RUNNING') lines.push({ end: rec });
        this.write(rec.executionArn, lines, 'w');
      }
      rmSync(legacy);
    } catch (err) {
      this.problems.push(`${legacy}: not migrated (${(err as Error).message})`);
    }
  }
}
