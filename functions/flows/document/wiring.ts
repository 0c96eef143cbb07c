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
    description: "A document opened through a member's own link: checks the link, redirects to a short-lived S3 link",
    timeoutSeconds: 29,
    memoryMb: 256,
    // Reads the round or meeting, the person and the record; signs download links only.
    access: { table: 'read', linkKeys: true, documents: 'read' },
  },
} as const satisfies Record<string, FunctionSpec>;

export const routes = [
  { method: 'POST', path: '/api/documents/uploads', fn: 'documentsApi', auth: 'office' },
  { method: 'POST', path: '/api/documents/confirm', fn: 'documentsApi', auth: 'office' },
  { method: 'GET', path: '/api/documents', fn: 'documentsApi', auth: 'office' },
  { method: 'GET', path: '/api/documents/{kind}/{ownerId}/{id}', fn: 'documentsApi', auth: 'office' },
  { method: 'GET', path: '/d/{token}/documents/{id}', fn: 'documentLinks', auth: 'link' },
  { method: 'GET', path: '/m/{token}/documents/{id}', fn: 'documentLinks', auth: 'link' },
] as const satisfies readonly RouteSpec[];
