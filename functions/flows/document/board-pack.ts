/**
 * A meeting's board pack as one download: a ZIP of every document of the meeting, in folders by
 * agenda line ("01 Opening/…"), the minutes' presentations last. Built once per set of documents
 * and kept in S3 (`documents/packs/…`, removed by the bucket's lifecycle after a week): a pack is
 * too large for a Lambda answer (6 MB), so the answer is a short-lived link to it, like any file.
 * Files are stored, not compressed: PDF, Office files and images are compressed already. The pack is
 * built in memory, so its files may add up to PACK_MAX_BYTES.
 */
import { createHash } from 'node:crypto';
import { zipSync, type Zippable } from 'fflate';
import { ValidationError } from '../../platform/errors';
import { contentDisposition, type DocumentRecord } from './document';
import { DOWNLOAD_SECONDS, type DocumentDeps } from './use-cases';

export const PACK_MAX_BYTES = 150 * 1024 * 1024;

export interface PackLine {
  part: string;
  title: string;
}

/** A folder or file name inside the ZIP: no path or special characters, at most 60 characters. */
const entryName = (s: string) =>
  s
    .replace(/[\p{Cc}\p{Cf}\\/<>:"|?*]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 60) || 'stuk';

/** The ZIP's entries: each line's documents in its numbered folder; a name used twice gets a number. */
export function packEntries(lines: PackLine[], docs: DocumentRecord[]) {
  const entries: { path: string; doc: DocumentRecord }[] = [];
  lines.forEach((line, i) => {
    const folder = `${String(i + 1).padStart(2, '0')} ${entryName(line.title)}`;
    const used = new Set<string>();
    for (const doc of docs.filter((d) => d.owner.part === line.part)) {
      let name = doc.fileName;
      for (let n = 2; used.has(name); n++) name = doc.fileName.replace(/(\.[^.]+)?$/, ` (${n})$1`);
      used.add(name);
      entries.push({ path: `${folder}/${name}`, doc });
    }
  });
  return entries;
}

export async function boardPackLink(
  deps: DocumentDeps,
  meeting: { id: string; title: string; date: string },
  lines: PackLine[],
  docs: DocumentRecord[],
  tooBig: string,
): Promise<string> {
  const entries = packEntries(lines, docs);
  if (entries.reduce((n, e) => n + e.doc.size, 0) > PACK_MAX_BYTES) throw new ValidationError({ pack: tooBig });
  // Named by what is in it: the same documents give the same pack, a new one a new pack.
  const hash = createHash('sha256')
    .update(JSON.stringify(entries.map((e) => [e.path, e.doc.id])))
    .digest('hex')
    .slice(0, 32);
  const key = `documents/packs/meeting/${meeting.id}/${hash}.zip`;
  if (!(await deps.files.head(key))) {
    const files: Zippable = {};
    for (const e of entries) files[e.path] = [await deps.files.read(e.doc.key), { level: 0 }];
    await deps.files.put(key, zipSync(files), 'application/zip');
  }
  return deps.files.downloadUrl(key, {
    disposition: contentDisposition(`${entryName(`Vergaderstukken ${meeting.title} ${meeting.date}`)}.zip`),
    contentType: 'application/zip',
    expiresSeconds: DOWNLOAD_SECONDS,
  });
}
