/**
 * Keeps the local mailbox across restarts and crashes: aws-ses-v2-local holds mail in memory only.
 * Each accepted email is appended to `<file>l` (JSON Lines) before the stand-in answers, as SES keeps
 * what it accepted; `persistMailbox` folds the log into the snapshot `<file>` now and then. A crash
 * between the two leaves an email in both: read back once, by its message id.
 */
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { writeDurable } from './durable-file';
import store from 'aws-ses-v2-local/dist/store.js';

interface StoredEmail {
  messageId?: string;
  /** The local clock's time when the stand-in took it (its own `at` is the machine's): the mailbox page shows it. */
  sentAt?: string;
}

let lastCount = -1;
let restoring = false;
let logFile: string | undefined;
let installed = false;
let clockNow: (() => Date) | undefined;

/** The local clock, for the time each new email is stamped with (the clock moves; the machine's time does not). */
export function stampMailWith(now: () => Date): void {
  clockNow = now;
}

/** After every email the stand-in stores, the same email on disk. Once per process. */
function logEachEmail(): void {
  if (installed) return;
  installed = true;
  const save = store.saveEmail;
  (store as { saveEmail: typeof save }).saveEmail = (email) => {
    // An email read back keeps its stamp; one without (an older mailbox) keeps the stand-in's time.
    const stamp = restoring ? undefined : clockNow?.();
    save(stamp && !(email as StoredEmail).sentAt ? ({ ...email, sentAt: stamp.toISOString() } as typeof email) : email);
    if (logFile) appendFileSync(logFile, `${JSON.stringify(store.getStoreReadonly().emails.at(-1))}\n`);
  };
}

/** The emails of the snapshot and the log; a line cut off by a crash was never accepted (no 200 went out). */
function readBack(file: string): StoredEmail[] {
  const emails: StoredEmail[] = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : [];
  if (!existsSync(`${file}l`)) return emails;
  for (const line of readFileSync(`${file}l`, 'utf8').split('\n')) {
    try {
      if (line) emails.push(JSON.parse(line));
    } catch {
      /* the last line, half-written */
    }
  }
  const seen = new Set<string>();
  return emails.filter((e) => !e.messageId || (!seen.has(e.messageId) && Boolean(seen.add(e.messageId))));
}

export function restoreMailbox(file: string | undefined): void {
  logEachEmail();
  logFile = undefined;
  store.clearStore();
  lastCount = 0;
  if (!file) return;
  restoring = true;
  try {
    for (const email of readBack(file)) store.saveEmail(email as Parameters<typeof store.saveEmail>[0]);
  } finally {
    restoring = false;
  }
  lastCount = store.getStoreReadonly().emails.length;
  logFile = `${file}l`;
}

export function persistMailbox(file: string | undefined): void {
  const emails = store.getStoreReadonly().emails;
  if (!file || emails.length === lastCount) return;
  writeDurable(file, JSON.stringify(emails));
  // The snapshot holds the log's emails now; a crash before this line is read back once (above).
  writeFileSync(`${file}l`, '');
  lastCount = emails.length;
}
