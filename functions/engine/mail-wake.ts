/**
 * The mail sweeper's one wake-up: a single one-time schedule (`mail-sweep`) at the moment the earliest
 * pending outbox record may be tried, instead of a sweep every few minutes (see "When mail fails" in
 * docs/architecture.md). The planned moment is also kept in one small item, so that a sender asks the
 * scheduler for nothing when a wake at or before its record's moment is planned already:
 * - a sender, after recording an email (and again when its send failed): `ensureBy(nextAttemptAt)`;
 * - the sweeper, after each sweep: `ensureBy(earliest pending nextAttemptAt)`.
 * A planned wake only ever moves earlier while it is ahead. One that fired may have swept before the
 * caller's record was there: the caller plans a new one at its own moment. One that fires within
 * SEEN_AFTER_MS might not see a record written just now (the index lags a moment): it is moved to a
 * minute from now, which holds for the records that counted on it too (they wait at most that minute).
 * The daily safety sweep catches what a crash between writing the item and calling the scheduler (or
 * a lost schedule) left.
 */

/** The one schedule's name (in the mail schedule group): there is one wake for the whole outbox. */
export const SWEEP_SCHEDULE_NAME = 'mail-sweep';

/** Where the planned wake is kept (mail-wake-store.ts). */
export interface WakeStore {
  /** The planned wake (ISO date-time); undefined when none was ever planned. */
  read(): Promise<string | undefined>;
  /**
   * Plan the wake at `at` if none is planned, or the planned one is later than `at`, or earlier than
   * `before` (fired, or about to): one conditional write. False when its condition did not hold.
   */
  plan(at: string, before: string): Promise<boolean>;
}

/** The one-time schedule that invokes the sweeper: create it or move it to `at` (idempotent). */
export interface SweepScheduler {
  plan(at: string): Promise<void>;
}

export interface MailWakeDeps {
  store: WakeStore;
  scheduler: SweepScheduler;
  now: () => Date;
}

/**
 * How far ahead a wake is set at least: EventBridge Scheduler fires with minute precision and a moment
 * already past might never fire.
 */
export const WAKE_LEAD_MS = 60_000;
/** A wake at least this far ahead sweeps after a record written now is on the index (it lags a moment). */
export const SEEN_AFTER_MS = 10_000;
/** How often a conditional write on the wake is tried again before giving up. */
const MAX_TRIES = 20;

const iso = (ms: number) => new Date(ms).toISOString();

export class MailWake {
  /**
   * A wake this instance wrote or read. While it is at least SEEN_AFTER_MS ahead it is only ever moved
   * earlier (or, about to fire, by at most a minute), so a sweep runs by then: no need to read it
   * again. A fan-out of 200 emails reads the item once.
   */
  private known?: number;

  constructor(private readonly deps: MailWakeDeps) {}

  /** Make sure a sweep runs at `at` or before it (but not sooner than WAKE_LEAD_MS from now). */
  async ensureBy(at: string): Promise<void> {
    const now = this.deps.now().getTime();
    const seen = now + SEEN_AFTER_MS;
    const target = Math.max(Date.parse(at), now + WAKE_LEAD_MS);
    const holds = (w: number | undefined) => w !== undefined && w >= seen && w <= target;
    if (holds(this.known)) return;
    for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
      const stored = await this.deps.store.read();
      const planned = stored === undefined ? undefined : Date.parse(stored);
      if (holds(planned)) {
        this.known = planned;
        return;
      }
      // About to fire, perhaps too soon to see this record: a minute from now, for it and for the others.
      const wake = planned !== undefined && planned >= now && planned < seen ? now + WAKE_LEAD_MS : target;
      if (await this.deps.store.plan(iso(wake), iso(seen))) return this.follow(iso(wake));
    }
    throw new Error('the mail wake is changing too fast');
  }

  /**
   * Set the schedule to the stored wake. Two writers may reach the scheduler in either order: each
   * reads the wake again after its call and follows it once more if it moved, so the call that
   * finishes last is for the stored moment.
   */
  private async follow(wanted: string): Promise<void> {
    let at = wanted;
    for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
      const earliest = this.deps.now().getTime() + WAKE_LEAD_MS;
      await this.deps.scheduler.plan(iso(Math.max(Date.parse(at), earliest)));
      const stored = await this.deps.store.read();
      if (stored === undefined || stored === at) {
        this.known = Date.parse(at);
        return;
      }
      at = stored;
    }
    throw new Error('the mail wake is changing too fast');
  }
}
