/** Actielijnen: their part of the wiring (infra/wiring.ts joins every flow's part). Plain data. */
import type { FunctionSpec, RouteSpec } from '../../../infra/wiring-types';

export const functions = {
  actielijnenApi: {
    entry: 'functions/flows/actielijn/api.handler.ts',
    description: 'Programme office API for actielijnen: create, read, list, change, write the current state',
    timeoutSeconds: 29,
    memoryMb: 256,
    // Its actielijnen, the directory (trekkers, contact person) and its idempotency records; no mail, no
    // workflow; the link keys seal the list's cursors.
    access: { table: 'readwrite', linkKeys: true },
  },
} as const satisfies Record<string, FunctionSpec>;

export const routes = [
  { method: 'POST', path: '/api/actielijnen', fn: 'actielijnenApi', auth: 'office' },
  { method: 'GET', path: '/api/actielijnen', fn: 'actielijnenApi', auth: 'office' },
  { method: 'GET', path: '/api/actielijnen/{id}', fn: 'actielijnenApi', auth: 'office' },
  { method: 'POST', path: '/api/actielijnen/{id}', fn: 'actielijnenApi', auth: 'office' },
  { method: 'POST', path: '/api/actielijnen/{id}/state', fn: 'actielijnenApi', auth: 'office' },
] as const satisfies readonly RouteSpec[];
