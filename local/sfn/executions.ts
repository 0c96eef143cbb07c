/**
 * The executions the stand-in knows, with their histories: in memory, journalled one file each
 * (journal.ts) and pruned after the retention (retention.ts). At start the journal is read back:
 * running executions wait for `resumeJournal`, finished ones stay until their retention ends.
 */
import type { LocalClock } from '../clock';
import type { Json } from './callbacks';
import { type EventLog, Histories } from './history';
import { type ExecutionRecord, Journal } from './journal';
import { RETENTION_DAYS, Retention } from './retention';
import type { PendingRetry } from './retries';

export class Executions {
  readonly histories: Histories;
  private all = new Map<string, ExecutionRecord>();
  private readonly journal: Journal;
  private readonly retention: Retention;
  /** False once the stand-in stops: what an aborted interpreter still reports is not journalled. */
  writing = true;

  private readonly now: () => number;
  /** A retry decided before its state's StateEntered event was followed (see `retrying`). */
  private early = new Map<string, { state: string; retry: PendingRetry }>();

  constructor(clock: LocalClock, journalDir?: string, retentionDays = RETENTION_DAYS) {
    this.now = () => clock.now().getTime();
    this.journal = new Journal(journalDir);
    this.histories = new Histories(this.now, (arn, event) => this.writing && this.journal.event(arn, event));
    this.retention = new Retention(clock, retentionDays * 86400_000, (arn) => {
      this.all.delete(arn);
      this.histories.drop(arn);
      this.journal.remove(arn);
    });
    const loaded = this.journal.load().sort((a, b) => (a.record.stopDate ?? 0) - (b.record.stopDate ?? 0));
    for (const { record, events } of loaded) {
      this.all.set(record.executionArn, record);
      this.histories.restore(record.executionArn, events);
      if (record.stopDate !== undefined) this.retention.finished(record.executionArn, record.stopDate);
    }
    this.retention.sweep();
  }

  /** What the journal could not read back at start (damaged files), one line each. */
  get problems(): readonly string[] {
    return this.journal.problems;
  }

  get(executionArn: string): ExecutionRecord | undefined {
    return this.all.get(executionArn);
  }

  values(): IterableIterator<ExecutionRecord> {
    return this.all.values();
  }

  started(rec: ExecutionRecord): void {
    this.all.set(rec.executionArn, rec);
    this.journal.started(rec);
  }

  /**
   * What to do with each event of a run of `rec`: into the history, and a top-level state entered
   * into the journal (where a restart continues). A resumed run enters the state it was in again:
   * that is no new step, and its timers keep their start, so that entry is left out.
   */
  follow(rec: ExecutionRecord, history: (ev: EventLog) => void): (ev: EventLog) => void {
    let resumed = rec.current?.state;
    return (ev) => {
      if (ev.type === 'StateEntered' && resumed !== undefined) {
        const again = ev.state.name === resumed;
        resumed = undefined;
        if (again) return;
      }
      if (rec.status !== 'RUNNING' || !this.writing) return;
      history(ev);
      if (ev.type === 'StateEntered' && ev.index === undefined) {
        const early = this.early.get(rec.executionArn);
        this.early.delete(rec.executionArn);
        const retry = early?.state === ev.state.name ? early.retry : undefined;
        rec.current = { state: ev.state.name, input: ev.state.input as Json, enteredAt: this.now(), retry };
        this.journal.entered(rec);
      }
    };
  }

  /**
   * A retry of its current top-level state is due: journalled, so that a restart keeps its moment.
   * The interpreter may fail the first attempt before its StateEntered event reaches `follow`: then
   * the retry waits for that entry.
   */
  retrying(rec: ExecutionRecord, state: string, retry: PendingRetry): void {
    if (rec.status !== 'RUNNING' || !this.writing) return;
    if (rec.current?.state !== state) {
      this.early.set(rec.executionArn, { state, retry });
      return;
    }
    rec.current = { ...rec.current, retry };
    this.journal.entered(rec);
  }

  /** It has its outcome (already on `rec`): recorded in the history and the journal, pruned later. */
  ended(rec: ExecutionRecord): void {
    this.early.delete(rec.executionArn);
    this.histories.outcome(rec);
    if (this.writing) this.journal.ended(rec);
    this.retention.finished(rec.executionArn, rec.stopDate!);
  }
}
