/** Keeps the local mailbox across restarts: aws-ses-v2-local holds mail in memory only. */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import store from 'aws-ses-v2-local/dist/store.js';

let lastCount = -1;

export function restoreMailbox(file: string | undefined): void {
  store.clearStore();
  lastCount = 0;
  if (!file || !existsSync(file)) return;
  for (const email of JSON.parse(readFileSync(file, 'utf8'))) store.saveEmail(email);
  lastCount = store.getStoreReadonly().emails.length;
}

export function persistMailbox(file: string | undefined): void {
  const emails = store.getStoreReadonly().emails;
  if (!file || emails.length === lastCount) return;
  writeFileSync(`${file}.tmp`, JSON.stringify(emails));
  renameSync(`${file}.tmp`, file);
  lastCount = emails.length;
}
