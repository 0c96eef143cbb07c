/**
 * How long a finished execution stays: AWS keeps closed Standard executions 90 days, after which
 * DescribeExecution answers ExecutionDoesNotExist. One timer on the local clock, at the first
 * moment an execution falls out, so moving the clock a year prunes as it goes.
 */
import type { LocalClock } from '../clock';

export const RETENTION_DAYS = 90;
const TIMER = 'journal:prune';

export class Retention {
  /** Finished executions, oldest stop first (they finish in clock order; loaded ones are sorted). */
  private closed: { executionArn: string; stopDate: number }[] = [];

  constructor(
    private readonly clock: LocalClock,
    private readonly retentionMs: number,
    private readonly prune: (executionArn: string) => void,
  ) {}

  /** An execution has finished: it goes `retentionMs` after its stop. */
  finished(executionArn: string, stopDate: number): void {
    const last = this.closed.at(-1);
    this.closed.push({ executionArn, stopDate });
    if (last && last.stopDate > stopDate) this.closed.sort((a, b) => a.stopDate - b.stopDate);
    if (this.closed[0].executionArn === executionArn) this.arm();
  }

  /** Prune what is already past its retention (at start), then wait for the next one. */
  sweep(): void {
    const now = this.clock.now().getTime();
    let n = 0;
    while (n < this.closed.length && this.closed[n].stopDate + this.retentionMs <= now) n++;
    for (const { executionArn } of this.closed.splice(0, n)) this.prune(executionArn);
    this.arm();
  }

  private arm(): void {
    const first = this.closed[0];
    if (first) this.clock.at(TIMER, first.stopDate + this.retentionMs, () => this.sweep());
    else this.clock.cancel(TIMER);
  }
}
