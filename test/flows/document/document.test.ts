/** The documents' rules on their own: types and their bytes, safe names, the download header. */
import { describe, expect, it } from 'vitest';
import {
  bytesMatchType,
  checkUpload,
  contentDisposition,
  MAX_BYTES,
  safeFileName,
  storageKey,
} from '../../../functions/flows/document/document';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('the type check', () => {
  it('knows each type by its first bytes', () => {
    expect(bytesMatchType('application/pdf', bytes('%PDF-1.4'))).toBe(true);
    expect(bytesMatchType('application/pdf', bytes('MZ\x90'))).toBe(false);
    expect(bytesMatchType('image/png', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    expect(bytesMatchType('image/jpeg', bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe(true);
    expect(bytesMatchType('image/jpeg', bytes('%PDF-'))).toBe(false);
    expect(bytesMatchType('image/webp', bytes('RIFF\x00\x00\x00\x00WEBPVP8'))).toBe(true);
    expect(bytesMatchType('application/msword', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe(true);
  });

  it('tells a Word file from an Excel file and from any other ZIP', () => {
    const word = bytes('PK\x03\x04', 'xxxxxxxxxxxxxxxxxxxxxxxxxx', 'word/document.xml');
    expect(bytesMatchType(DOCX, word)).toBe(true);
    expect(bytesMatchType(XLSX, word)).toBe(false);
    expect(bytesMatchType(DOCX, bytes('PK\x03\x04', 'evil/payload.js'))).toBe(false);
  });

  it('refuses what is missing, off the list, too big, empty or not what it says', () => {
    const pdf = bytes('%PDF-1.7');
    expect(checkUpload(undefined, undefined)).toBe('missing');
    expect(checkUpload({ contentType: 'text/html', size: 10 }, pdf)).toBe('type');
    expect(checkUpload({ contentType: undefined, size: 10 }, pdf)).toBe('type');
    expect(checkUpload({ contentType: 'application/pdf', size: MAX_BYTES + 1 }, pdf)).toBe('too-big');
    expect(checkUpload({ contentType: 'application/pdf', size: 0 }, undefined)).toBe('empty');
    expect(checkUpload({ contentType: 'image/png', size: 10 }, pdf)).toBe('bytes');
    expect(checkUpload({ contentType: 'application/pdf', size: MAX_BYTES }, pdf)).toBeUndefined();
  });
});

describe('names', () => {
  it('keeps only the last path segment, no control or special characters, and the checked extension', () => {
    expect(safeFileName('../../etc/passwd', 'application/pdf')).toBe('passwd.pdf');
    expect(safeFileName('C:\\Users\\x\\Notulen juni.docx', DOCX)).toBe('Notulen juni.docx');
    expect(safeFileName('rapport.exe', 'application/pdf')).toBe('rapport.pdf');
    expect(safeFileName('a\u0000b\u202e"<>|?*;%.pdf', 'application/pdf')).toBe('ab.pdf');
    expect(safeFileName('...', 'image/png')).toBe('document.png');
    expect(safeFileName('', 'image/png')).toBe('document.png');
    expect(safeFileName('Begroting café 2027.xlsx', XLSX)).toBe('Begroting café 2027.xlsx');
    expect(safeFileName('x'.repeat(300), 'application/pdf')).toHaveLength(124);
  });

  it('offers the name in RFC 5987 encoding with an ASCII fallback that cannot break the header', () => {
    expect(contentDisposition('Notulen café (juni).pdf')).toBe(
      `attachment; filename="Notulen cafe (juni).pdf"; filename*=UTF-8''Notulen%20caf%C3%A9%20%28juni%29.pdf`,
    );
    expect(contentDisposition('تقرير.pdf', 'inline')).toBe(
      `inline; filename="document.pdf"; filename*=UTF-8''${encodeURIComponent('تقرير')}.pdf`,
    );
  });

  it('keys a file by its owner and our id, never by its name', () => {
    expect(storageKey({ kind: 'meeting', id: 'ab--2026-12-08', part: 'minutes' }, 'd1')).toBe(
      'documents/meeting/ab--2026-12-08/minutes/d1',
    );
  });
});
