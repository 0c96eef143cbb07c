/**
 * One watchdog for every flow whose workflow loops over a document (action items, input rounds):
 * a safety net, not the timer. Each day, for every open document of the flow:
 * - its workflow still runs: when the document is overdue (a moment passed over an hour ago), the
 *   waiting workflow is woken, as the round watchdog does;
 * - no execution of it runs (FAILED, TIMED_OUT, ABORTED, never started): a fresh execution is
 *   started under the day's restart name, so two watchdog runs start one; the document carries
 *   all state, so the new execution just goes on from it;
 * - a watchdog carried it on before and it stopped again: it cannot be carried on by itself, so
 *   the office is told, once (the mail ledger and the audit key make it once, also over days).
 * Plain TypeScript: the flow hands in its store and gateway moves (see the flows' watchdog.ts).
 */
import type { VersionedDocs } from './ports';
import { restartExecutionName } from './workflow-wait';

/** A document younger than this may still be on its way to its first execution (API, then start). */
export const START_GRACE_MS = 3600_000;
/** An overdue moment this long ago means its workflow missed it. */
export const OVERDUE_GRACE_MS = 3600_000;

export const RESTARTED = 'watchdog-restarted';
export const HANDED_TO_OFFICE = 'watchdog-handed-to-office';

export interface WatchedDoc {
  id: string;
  version: number;
  status: string;
  createdAt: string;
}

/** The part of a flow's versioned store (engine/versioned-store.ts) the watchdog uses. */
export type WatchedStore<T extends WatchedDoc> = Pick<
  VersionedDocs<T, T['status']>,
  'list' | 'save' | 'listAudit' | 'appendAudit' | 'parkedUntil'
>;

/** What the flow adds: which statuses its workflow runs in, and its Step Functions and office moves. */
export interface WatchedFlow<T extends WatchedDoc> {
  store: WatchedStore<T>;
  /** Statuses in which the flow's workflow runs; listed through the store's status index (queries). */
  openStatuses: T['status'][];
  /** Names of the flow's RUNNING executions (states:ListExecutions). */
  runningExecutions(): Promise<string[]>;
  /** Start execution `name` for the document; ExecutionAlreadyExists means another watchdog did. */
  start(id: string, name: string): Promise<void>;
  resume(token: string, output: Record<string, unknown>): Promise<unknown>;
  /** Tell the office the document no longer runs by itself, under one ledger key: told once. */
  tellOffice(doc: T): Promise<void>;
}

export interface WatchReport {
  checked: number;
  woken: string[];
  restarted: string[];
  handedToOffice: string[];
}

/** True when `name` is an execution of document `id`: `<id>`, `<id>--2`, `<id>--r<day>`, `<id>--r<day>--2`. */
export function isExecutionOf(id: string, name: string): boolean {
  return name === id || new RegExp(`^${escape(id)}--(\\d+|r\\d{8}(--\\d+)?)$`).test(name);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export async function watchFlow<T extends WatchedDoc>(flow: WatchedFlow<T>, now: Date): Promise<WatchReport> {
  const report: WatchReport = { checked: 0, woken: [], restarted: [], handedToOffice: [] };
  const open = (await Promise.all(flow.openStatuses.map((s) => flow.store.list(s)))).flat();
  const docs = open.filter((d) => Date.parse(d.createdAt) + START_GRACE_MS < now.getTime());
  if (docs.length === 0) return report;
  const running = await flow.runningExecutions();
  for (const doc of docs) {
    report.checked++;
    if (running.some((name) => isExecutionOf(doc.id, name))) {
      if (await wakeIfOverdue(flow, doc, now)) report.woken.push(doc.id);
      continue;
    }
    const kinds = (await flow.store.listAudit(doc.id)).map((a) => a.kind);
    if (kinds.includes(HANDED_TO_OFFICE)) continue;
    if (kinds.includes(RESTARTED)) {
      // Carried on once and stopped again: something the workflow cannot get past. People decide.
      await flow.tellOffice(doc);
      await audit(flow, doc.id, 'watchdog:office', HANDED_TO_OFFICE, now, {});
      report.handedToOffice.push(doc.id);
      continue;
    }
    const name = restartExecutionName(doc.id, now);
    await flow.start(doc.id, name);
    await audit(flow, doc.id, `watchdog:${name}`, RESTARTED, now, { execution: name });
    report.restarted.push(doc.id);
  }
  return report;
}

/** Same document and version: the write only takes the stored token, so one waker resumes. */
async function wakeIfOverdue<T extends WatchedDoc>(flow: WatchedFlow<T>, doc: T, now: Date): Promise<boolean> {
  const wakeAt = await flow.store.parkedUntil(doc.id);
  if (!wakeAt || Date.parse(wakeAt) + OVERDUE_GRACE_MS >= now.getTime()) return false;
  const res = await flow.store.save(doc, doc.version, { takeToken: true });
  if (!res.ok || !res.takenToken) return false;
  await flow.resume(res.takenToken, { reason: 'watchdog' });
  return true;
}

const audit = <T extends WatchedDoc>(
  flow: WatchedFlow<T>,
  id: string,
  key: string,
  kind: string,
  now: Date,
  details: Record<string, unknown>,
) => flow.store.appendAudit(id, { key, at: now.toISOString(), kind, actor: 'watchdog', details });
