/**
 * The local runtime's clock: real time plus an offset that demos and tests move forward.
 * Timers (workflow waits, schedules) live here, not in setTimeout, so that a wait of any
 * length ends at its absolute time, survives a restart, and fires when the clock is moved.
 */
import { readFileSync } from 'node:fs';
import { writeDurable } from './durable-file';

export interface Timer {
  id: string;
  due: number;
  fire: () => void;
}

/** Something that went wrong while the clock moved, at the local time it happened. */
export interface MoveFailure {
  at: string;
  what: string;
  error: string;
}

/** How a move ended: `reached` false means it stopped at `now` because a step failed or hung. */
export interface MoveReport {
  reached: boolean;
  failures: MoveFailure[];
}

/**
 * How long the clock waits for the system to settle after a timer before it gives up on the move.
 * A step calling an unreachable service fails within the SDK's ~16 s (platform/clients.ts); longer
 * means a step hangs, and waiting on only makes the answer hang with it.
 */
export const SETTLE_LIMIT_MS = Number(process.env.LOCAL_CLOCK_SETTLE_MS ?? 20_000);

export class LocalClock {
  private offsetMs = 0;
  private timers = new Map<string, Timer>();
  private ticker?: NodeJS.Timeout;
  private ticking = false;
  private moving: Promise<unknown> = Promise.resolve();
  private failures: MoveFailure[] = [];

  /** `startAt`: where a fresh clock begins (tests pin a known weekday); a stored clock goes on from where it was. */
  constructor(
    private readonly stateFile?: string,
    startAt?: Date,
  ) {
    let stored = false;
    if (stateFile) {
      try {
        this.offsetMs = JSON.parse(readFileSync(stateFile, 'utf8')).offsetMs ?? 0;
        stored = true;
      } catch {
        /* first start: no offset yet */
      }
    }
    if (startAt && !stored) this.setNow(startAt.getTime());
  }

  now = (): Date => new Date(Date.now() + this.offsetMs);

  /** Register (or replace) a timer at an absolute time. */
  at(id: string, due: Date | number, fire: () => void): void {
    this.timers.set(id, { id, due: typeof due === 'number' ? due : due.getTime(), fire });
  }

  cancel(id: string): void {
    this.timers.delete(id);
  }

  pending(): Timer[] {
    return [...this.timers.values()].sort((a, b) => a.due - b.due || a.id.localeCompare(b.id));
  }

  /**
   * Work a timer started (a scheduled tick) failed. A move stops at the first one: its cause (a store
   * or mail away) would fail every later step too; the next move goes on from there.
   */
  reportFailure(what: string, err: unknown): void {
    this.failures.push({ at: this.now().toISOString(), what, error: String((err as Error)?.message ?? err) });
  }

  /** Fire timers that fall due in real time, once a second. */
  start(whenIdle: () => Promise<void>): void {
    this.ticker = setInterval(() => {
      // One tick at a time, and only for a timer that is due: while steps hang (a store away) every
      // queued tick waits out its settle bound, and a move asked for meanwhile would wait behind them all.
      if (this.ticking || !this.pending().some((t) => t.due <= this.now().getTime())) return;
      this.ticking = true;
      this.moving = this.moving
        .then(() => this.fireDue(this.now().getTime(), whenIdle))
        .then((r) => this.logFailures(r))
        .catch(() => undefined)
        .finally(() => {
          this.ticking = false;
        });
    }, 1000);
    this.ticker.unref();
  }

  stop(): void {
    if (this.ticker) clearInterval(this.ticker);
  }

  /**
   * Move the clock to `target`, firing every timer on the way in order, each at its own time,
   * and letting the system settle after each one (the next timer may be set by the last).
   * Bounded: the move stops at the moment a fired timer's work fails or does not settle within
   * SETTLE_LIMIT_MS, and reports why; moving again later continues with what is still due.
   */
  advanceTo(target: Date, whenIdle: () => Promise<void>): Promise<MoveReport> {
    const run = this.moving.then(async (): Promise<MoveReport> => {
      if (target.getTime() < this.now().getTime()) throw new RangeError('the clock only moves forward');
      const report = await this.fireDue(target.getTime(), whenIdle);
      if (!report.reached) return report;
      this.setNow(target.getTime());
      if (!(await this.settle(whenIdle))) return this.stopped('the system did not settle at the target time');
      return report;
    });
    this.moving = run.catch(() => undefined);
    return run;
  }

  private async fireDue(until: number, whenIdle: () => Promise<void>): Promise<MoveReport> {
    this.failures = [];
    if (!(await this.settle(whenIdle))) return this.stopped('steps still running from before did not settle');
    for (;;) {
      const pending = this.pending();
      const next = pending[0];
      if (!next || next.due > until) return { reached: true, failures: this.failures.splice(0) };
      if (next.due > this.now().getTime()) this.setNow(next.due);
      // Timers due at the same moment are simultaneous: fire them together, then let the system settle.
      const batch = pending.filter((t) => t.due === next.due);
      for (const t of batch) this.timers.delete(t.id);
      for (const t of batch) {
        try {
          t.fire();
        } catch (err) {
          this.reportFailure(t.id, err);
        }
      }
      if (!(await this.settle(whenIdle))) return this.stopped(`${batch[0].id} did not settle`);
      if (this.failures.length) return { reached: false, failures: this.failures.splice(0) };
    }
  }

  /** Wait for the system to settle, at most SETTLE_LIMIT_MS; false when it did not. */
  private async settle(whenIdle: () => Promise<void>): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<false>((r) => {
      timer = setTimeout(() => r(false), SETTLE_LIMIT_MS);
    });
    try {
      return await Promise.race([whenIdle().then(() => true as const), limit]);
    } finally {
      clearTimeout(timer);
    }
  }

  private stopped(why: string): MoveReport {
    this.reportFailure('clock', new Error(`${why} within ${SETTLE_LIMIT_MS / 1000} s`));
    return { reached: false, failures: this.failures.splice(0) };
  }

  private logFailures(report: MoveReport): void {
    for (const f of report.failures) console.error(`local clock: ${f.what} failed at ${f.at}: ${f.error}`);
  }

  private setNow(ms: number): void {
    this.offsetMs = ms - Date.now();
    if (this.stateFile) writeDurable(this.stateFile, JSON.stringify({ offsetMs: this.offsetMs }));
  }
}
