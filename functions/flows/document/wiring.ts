/** Documents: their part of the wiring (infra/wiring.ts joins every flow's part). Plain data. */
import type { FunctionSpec, RouteSpec } from '../../../infra/wiring-types';

export const functions = {
  documentsApi: {
    entry: 'functions/flows/document/api.handler.ts',
    description: 'Programme office API for documents: upload forms to S3, the check after upload, lists, downloads',
    timeoutSeconds: 29,
    memoryMb: 512,
    // Reads owners (rounds, meetings, input rounds) and writes records; signs tickets; uploads, reads, deletes files.
    access: { table: 'readwrite', linkKeys: true, documents: 'readwrite' },
  },
  documentLinks: {
    entry: 'functions/flows/document/links.handler.ts',
    description:
      "Documents through a person's own link: files opened; a partner's delivery, the secretary's presentations added",
    timeoutSeconds: 29,
    memoryMb: 512,
    // Reads the round, meeting or input round and the person; keeps a partner's delivered file's record;
    // signs download links and the partner's upload form, deletes a refused file.
    access: { table: 'readwrite', linkKeys: true, documents: 'readwrite' },
  },
} as const satisfies Record<string, FunctionSpec>;

export const routes = [
  { method: 'POST', path: '/api/documents/uploads', fn: 'documentsApi', auth: 'office' },
  { method: 'POST', path: '/api/documents/confirm', fn: 'documentsApi', auth: 'office' },
  { method: 'GET', path: '/api/documents', fn: 'documentsApi', auth: 'office' },
  { method: 'GET', path: '/api/documents/{kind}/{ownerId}/{id}', fn: 'documentsApi', auth: 'office' },
  { method: 'GET', path: '/d/{token}/documents/{id}', fn: 'documentLinks', auth: 'link' },
  { method: 'GET', path: '/m/{token}/documents/{id}', fn: 'documentLinks', auth: 'link' },
  { method: 'GET', path: '/m/{token}/documents', fn: 'documentLinks', auth: 'link' },
  { method: 'GET', path: '/m/{token}/documents/done', fn: 'documentLinks', auth: 'link' },
  { method: 'GET', path: '/u/{token}/documents', fn: 'documentLinks', auth: 'link' },
  { method: 'GET', path: '/u/{token}/documents/done', fn: 'documentLinks', auth: 'link' },
  { method: 'GET', path: '/u/{token}/documents/{id}', fn: 'documentLinks', auth: 'link' },
] as const satisfies readonly RouteSpec[];
