/**
 * Documents: what a file may be, how it is named and where it is kept. Plain rules, no AWS:
 * the allow-list of types with the bytes each starts with, the size limit, the owner a document
 * belongs to, its storage key (ours, never from the file name) and the name it is shown and
 * downloaded under (made safe: a file name is never trusted).
 */

/** Issue #15: files up to 25 MB. */
export const MAX_BYTES = 25 * 1024 * 1024;

/** How many first bytes the type check reads (a ZIP-based Office file needs its first entry's name). */
export const SNIFF_BYTES = 4096;

type Magic = 'pdf' | 'ole' | 'zip' | 'png' | 'jpeg' | 'webp';

/** The types the office may upload, each with its extension and the signature its bytes start with. */
export const ALLOWED_TYPES = {
  'application/pdf': { ext: 'pdf', magic: 'pdf', nl: 'PDF', en: 'PDF' },
  'application/msword': { ext: 'doc', magic: 'ole', nl: 'Word (oud)', en: 'Word (old)' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    ext: 'docx',
    magic: 'zip',
    nl: 'Word',
    en: 'Word',
  },
  'application/vnd.ms-excel': { ext: 'xls', magic: 'ole', nl: 'Excel (oud)', en: 'Excel (old)' },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    ext: 'xlsx',
    magic: 'zip',
    nl: 'Excel',
    en: 'Excel',
  },
  // The presentations that go with the minutes.
  'application/vnd.ms-powerpoint': { ext: 'ppt', magic: 'ole', nl: 'PowerPoint (oud)', en: 'PowerPoint (old)' },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': {
    ext: 'pptx',
    magic: 'zip',
    nl: 'PowerPoint',
    en: 'PowerPoint',
  },
  'image/png': { ext: 'png', magic: 'png', nl: 'Afbeelding (PNG)', en: 'Image (PNG)' },
  'image/jpeg': { ext: 'jpg', magic: 'jpeg', nl: 'Foto (JPEG)', en: 'Photo (JPEG)' },
  'image/webp': { ext: 'webp', magic: 'webp', nl: 'Afbeelding (WebP)', en: 'Image (WebP)' },
} as const satisfies Record<string, { ext: string; magic: Magic; nl: string; en: string }>;

export type ContentType = keyof typeof ALLOWED_TYPES;

export const isAllowedType = (type: string): type is ContentType => Object.hasOwn(ALLOWED_TYPES, type);

const starts = (bytes: Uint8Array, sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const SIGNATURES: Record<Magic, (b: Uint8Array) => boolean> = {
  pdf: (b) => starts(b, ascii('%PDF-')),
  ole: (b) => starts(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
  zip: (b) => starts(b, [0x50, 0x4b, 0x03, 0x04]),
  png: (b) => starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  jpeg: (b) => starts(b, [0xff, 0xd8, 0xff]),
  webp: (b) => starts(b, ascii('RIFF')) && starts(b, ascii('WEBP'), 8),
};

/** An Office Open XML file is a ZIP whose entries name its kind: word/, xl/ or ppt/ (or its content types first). */
const OOXML_PART: Partial<Record<ContentType, string>> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'word/',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xl/',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'ppt/',
};

/** Whether the first bytes of a file are what its declared type says (a renamed .exe is no PDF). */
export function bytesMatchType(type: ContentType, first: Uint8Array): boolean {
  if (!SIGNATURES[ALLOWED_TYPES[type].magic](first)) return false;
  const part = OOXML_PART[type];
  if (!part) return true;
  // The local file headers carry the entry names in plain ASCII; a real Office file names its parts early.
  const text = Buffer.from(first).toString('latin1');
  return text.includes('[Content_Types].xml') || text.includes(part);
}

/** What a document belongs to: an approval round, a meeting (an agenda item, or the minutes), an input round. */
export const OWNER_KINDS = ['round', 'meeting', 'input-round'] as const;
export type OwnerKind = (typeof OWNER_KINDS)[number];
export interface Owner {
  kind: OwnerKind;
  id: string;
  /** Within a meeting: `item-<itemId>` or `minutes`; within an input round: `org-<organisationId>`; else `main`. */
  part: string;
}

/** Ids and parts go into storage keys and paths: letters, digits, "_" and "-" only. */
export const SAFE_ID = /^[\w-]{1,128}$/;

export interface DocumentRecord {
  id: string;
  owner: Owner;
  /** As the uploader's computer named it, made safe; for display and download only. */
  fileName: string;
  contentType: ContentType;
  size: number;
  uploadedBy: string;
  uploadedAt: string;
  /** Our storage key: the owner and the document id, never anything from the file name. */
  key: string;
}

export const storageKey = (owner: Owner, id: string) => `documents/${owner.kind}/${owner.id}/${owner.part}/${id}`;

/**
 * A file name fit to show and to offer as a download: only its last path segment, no control
 * characters or characters that are special in file systems or headers, at most 120 characters,
 * and the extension of its (checked) type. Unicode letters stay: names are Dutch, Arabic, Turkish.
 */
export function safeFileName(raw: string, type: ContentType): string {
  const ext = ALLOWED_TYPES[type].ext;
  const last = raw.split(/[\\/]/).pop() ?? '';
  let name = last
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}<>:"|?*;%]/gu, '')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+|[.\s]+$/g, '');
  name = name
    .replace(/\.[^.]{1,5}$/, '')
    .trim()
    .slice(0, 120)
    .trim();
  return `${name || 'document'}.${ext}`;
}

/**
 * Content-Disposition for a download: an ASCII fallback for old clients and the real name in
 * RFC 5987 encoding (`filename*=UTF-8''…`), so no name can break the header.
 */
export function contentDisposition(fileName: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const ascii = fileName
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\]/g, '')
    .trim();
  // A name in another script keeps nothing in ASCII but its extension: "document.pdf" there.
  const fallback = !ascii || ascii.startsWith('.') ? `document${ascii}` : ascii;
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** The file name a browser sent in the upload form, percent-encoded by our script (metadata is ASCII only). */
export function decodeSentName(sent: string | undefined): string {
  if (!sent) return '';
  try {
    return decodeURIComponent(sent);
  } catch {
    return sent;
  }
}

export type UploadRefusal = 'missing' | 'type' | 'too-big' | 'empty' | 'bytes';

/** What the stored object says against the rules: undefined when it may be kept. */
export function checkUpload(
  head: { contentType?: string; size: number } | undefined,
  first: Uint8Array | undefined,
): UploadRefusal | undefined {
  if (!head) return 'missing';
  if (!head.contentType || !isAllowedType(head.contentType)) return 'type';
  if (head.size > MAX_BYTES) return 'too-big';
  if (head.size === 0 || !first) return 'empty';
  return bytesMatchType(head.contentType, first) ? undefined : 'bytes';
}
