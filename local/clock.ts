/**
 * The local runtime's clock: real time plus an offset that demos and tests move forward.
 * Timers (workflow waits, schedules) live here, not in setTimeout, so that a wait of any
 * length ends at its absolute time, survives a restart, and fires when the clock is moved.
 */
import { readFileSync, writeFileSync } from 'node:fs';

export interface Timer {
  id: string;
  due: number;
  fire: () => void;
}

export class LocalClock {
  private offsetMs = 0;
  private timers = new Map<string, Timer>();
  private ticker?: NodeJS.Timeout;
  private moving: Promise<unknown> = Promise.resolve();

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

  /** Fire timers that fall due in real time, once a second. */
  start(whenIdle: () => Promise<void>): void {
    this.ticker = setInterval(() => {
      this.moving = this.moving.then(() => this.fireDue(this.now().getTime(), whenIdle)).catch(() => undefined);
    }, 1000);
    this.ticker.unref();
  }

  stop(): void {
    if (this.ticker) clearInterval(this.ticker);
  }

  /**
   * Move the clock to `target`, firing every timer on the way in order, each at its own time,
   * and letting the system settle after each one (the next timer may be set by the last).
   */
  advanceTo(target: Date, whenIdle: () => Promise<void>): Promise<void> {
    const run = this.moving.then(async () => {
      if (target.getTime() < this.now().getTime()) throw new RangeError('the clock only moves forward');
      await this.fireDue(target.getTime(), whenIdle);
      this.setNow(target.getTime());
      await whenIdle();
    });
    this.moving = run.catch(() => undefined);
    return run;
  }

  private async fireDue(until: number, whenIdle: () => Promise<void>): Promise<void> {
    await whenIdle();
    for (;;) {
      const pending = this.pending();
      const next = pending[0];
      if (!next || next.due > until) return;
      if (next.due > this.now().getTime()) this.setNow(next.due);
      // Timers due at the same moment are simultaneous: fire them together, then let the system settle.
      const batch = pending.filter((t) => t.due === next.due);
      for (const t of batch) this.timers.delete(t.id);
      for (const t of batch) t.fire();
      await whenIdle();
    }
  }

  private setNow(ms: number): void {
    this.offsetMs = ms - Date.now();
    if (this.stateFile) writeFileSync(this.stateFile, JSON.stringify({ offsetMs: this.offsetMs }));
  }
}
