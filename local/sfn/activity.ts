/**
 * What the stand-in is doing: an execution is busy while it runs a step, and idle while it waits
 * for a token or a timer. Moving the clock waits until everything is idle before the next timer.
 */
export class Activity {
  private busy = new Map<string, boolean>();
  private idleWaiters: (() => void)[] = [];
  private otherWork = 0;

  /** An execution starts (busy) or stops (forgotten). */
  running(executionArn: string, yes: boolean): void {
    if (yes) this.busy.set(executionArn, true);
    else this.busy.delete(executionArn);
    this.notify();
  }

  setBusy(executionArn: string, busy: boolean): void {
    if (this.busy.has(executionArn)) this.busy.set(executionArn, busy);
    if (!busy) this.notify();
  }

  /** Count other work (scheduled ticks) as activity, so that moving the clock waits for it too. */
  track<T>(work: Promise<T>): Promise<T> {
    this.otherWork += 1;
    const done = () => {
      this.otherWork -= 1;
      this.notify();
    };
    work.then(done, done);
    return work;
  }

  /** True when every running execution waits for a token or a timer, and no other work runs. */
  isIdle(): boolean {
    return this.otherWork === 0 && [...this.busy.values()].every((b) => !b);
  }

  whenIdle(): Promise<void> {
    return new Promise((resolve) => {
      const check = () =>
        this.isIdle()
          ? setImmediate(() => (this.isIdle() ? resolve() : this.idleWaiters.push(check)))
          : this.idleWaiters.push(check);
      check();
    });
  }

  private notify(): void {
    if (!this.isIdle()) return;
    for (const w of this.idleWaiters.splice(0)) w();
  }
}
