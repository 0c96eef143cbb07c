/**
 * Uploading, accepting, listing and opening documents. An upload is prepared with a signed ticket
 * (which owner, which new document, who, until when) rather than a record: a form shown but never
 * used leaves nothing behind. The browser sends the file straight to S3; the ticket then comes back
 * (S3 sends the browser on with it, or the API client posts it) and the stored object is checked
 * before the record is made: its type on the allow-list, its size, and its first bytes. A refused
 * file is deleted at once.
 */
import { randomUUID } from 'node:crypto';
import { NotFoundError, ValidationError } from '../../platform/errors';
import { type LinkKeys, signLink, verifyLink } from '../../platform/link-token';
import {
  ALLOWED_TYPES,
  checkUpload,
  contentDisposition,
  type DocumentRecord,
  decodeSentName,
  isAllowedType,
  MAX_BYTES,
  type Owner,
  OWNER_KINDS,
  type OwnerKind,
  SAFE_ID,
  safeFileName,
  storageKey,
  type UploadRefusal,
} from './document';
import type { FileStore, UploadForm } from './files';
import type { DocumentStore } from './store';

export interface DocumentDeps {
  documents: DocumentStore;
  files: FileStore;
  linkKeys: () => Promise<LinkKeys>;
  now: () => Date;
}

/** How long an upload form works; the S3 form signature expires with it. */
const UPLOAD_SECONDS = 3600;
/** How long a download link works: it is made fresh each time someone opens the document. */
export const DOWNLOAD_SECONDS = 300;

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

export function ownerOf(kind: string, id: string, part = 'main'): Owner {
  if (!(OWNER_KINDS as readonly string[]).includes(kind)) throw new ValidationError({ ownerKind: 'unknown kind' });
  if (!SAFE_ID.test(id)) throw new ValidationError({ ownerId: 'letters, digits, "_" and "-" only' });
  if (!SAFE_ID.test(part)) throw new ValidationError({ part: 'letters, digits, "_" and "-" only' });
  return { kind: kind as OwnerKind, id, part };
}

interface Ticket {
  owner: Owner;
  id: string;
  by: string;
}

/** What an API client says it will send: refused at once when it may not be sent (checked again after). */
export function checkDeclared(declared: { contentType: string; size: number }): void {
  if (!isAllowedType(declared.contentType))
    throw new ValidationError({ contentType: `must be one of: ${Object.keys(ALLOWED_TYPES).join(', ')}` });
  if (declared.size > MAX_BYTES) throw new ValidationError({ size: `must be at most ${MAX_BYTES} bytes (25 MB)` });
}

export async function prepareUpload(
  deps: DocumentDeps,
  owner: Owner,
  uploadedBy: string,
  redirectTo?: (ticket: string) => string,
): Promise<{ id: string; ticket: string; form: UploadForm }> {
  const id = randomUUID();
  const claims: Ticket = { owner, id, by: uploadedBy };
  const ticket = signLink(await deps.linkKeys(), {
    typ: 'upload',
    sub: JSON.stringify(claims),
    pid: uploadedBy || 'office',
    exp: seconds(deps.now()) + UPLOAD_SECONDS,
  });
  const form = await deps.files.uploadForm(storageKey(owner, id), {
    redirectTo: redirectTo?.(ticket),
    expiresSeconds: UPLOAD_SECONDS,
  });
  return { id, ticket, form };
}

async function readTicket(deps: DocumentDeps, ticket: string): Promise<Ticket> {
  // A little longer than the form: a file sent in its last minute may still be accepted.
  const checked = verifyLink(await deps.linkKeys(), ticket, seconds(deps.now()) - 600);
  if (!checked.ok || checked.claims.typ !== 'upload')
    throw new ValidationError({ ticket: 'not a valid upload ticket' });
  const t = JSON.parse(checked.claims.sub) as Ticket;
  return { ...t, owner: ownerOf(t.owner.kind, t.owner.id, t.owner.part) };
}

export type Confirmed =
  | { kind: 'accepted'; document: DocumentRecord }
  | { kind: 'refused'; reason: UploadRefusal; owner: Owner };

/** `expect`: whose upload this way back may accept (a partner's link accepts only its own organisation's). */
export async function confirmUpload(
  deps: DocumentDeps,
  ticket: string,
  expect?: Pick<Owner, 'kind' | 'id' | 'part'>,
): Promise<Confirmed> {
  const t = await readTicket(deps, ticket);
  if (expect && (t.owner.kind !== expect.kind || t.owner.id !== expect.id || t.owner.part !== expect.part))
    throw new ValidationError({ ticket: 'not a valid upload ticket' });
  const known = await deps.documents.get(t.owner, t.id);
  if (known) return { kind: 'accepted', document: known };
  const key = storageKey(t.owner, t.id);
  const head = await deps.files.head(key);
  const first = head && head.size > 0 ? await deps.files.firstBytes(key) : undefined;
  const refusal = checkUpload(head, first);
  if (refusal || !head?.contentType) {
    if (head) await deps.files.remove(key);
    return { kind: 'refused', reason: refusal ?? 'type', owner: t.owner };
  }
  const contentType = head.contentType as DocumentRecord['contentType'];
  const document: DocumentRecord = {
    id: t.id,
    owner: t.owner,
    fileName: safeFileName(decodeSentName(head.sentName), contentType),
    contentType,
    size: head.size,
    uploadedBy: t.by,
    uploadedAt: deps.now().toISOString(),
    key,
  };
  if (await deps.documents.put(document)) return { kind: 'accepted', document };
  // Confirmed at the same moment by another request: that record stands.
  return { kind: 'accepted', document: (await deps.documents.get(t.owner, t.id)) ?? document };
}

/** An owner's documents; with `part`, only those of that agenda item, the minutes, one partner. */
export async function listDocuments(
  deps: Pick<DocumentDeps, 'documents'>,
  owner: Pick<Owner, 'kind' | 'id'>,
  part?: string,
): Promise<DocumentRecord[]> {
  const all = await deps.documents.list(owner);
  return part ? all.filter((d) => d.owner.part === part) : all;
}

/** A fresh, short-lived link to the file itself, under its safe name; only for a document of this owner. */
export async function openDocument(
  deps: DocumentDeps,
  owner: Pick<Owner, 'kind' | 'id'> & { part?: string },
  id: string,
  disposition: 'attachment' | 'inline' = 'attachment',
): Promise<string> {
  const doc = SAFE_ID.test(id) ? await deps.documents.get(owner, id) : undefined;
  // With a part, only that part's (one partner's) documents.
  if (!doc || (owner.part && doc.owner.part !== owner.part)) throw new NotFoundError('document', id);
  return deps.files.downloadUrl(doc.key, {
    disposition: contentDisposition(doc.fileName, disposition),
    contentType: doc.contentType,
    expiresSeconds: DOWNLOAD_SECONDS,
  });
}
