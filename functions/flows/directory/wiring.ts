/** The directory: its part of the wiring (infra/wiring.ts joins every flow's part). Plain data. */
import type { FunctionSpec, RouteSpec } from '../../../infra/wiring-types';

export const functions = {
  directoryApi: {
    entry: 'functions/flows/directory/api.handler.ts',
    description: 'People and bodies a round can address; personal data export and erasure',
    timeoutSeconds: 29,
    memoryMb: 256,
    // The link keys seal the lists' cursors (platform/cursor.ts).
    access: { scheduleReminders: true, table: 'readwrite', linkKeys: true },
  },
  sesEvents: {
    entry: 'functions/flows/directory/ses-events.handler.ts',
    description: 'Bounces and complaints reported to the programme office',
    timeoutSeconds: 30,
    memoryMb: 256,
    access: { table: 'readwrite', sendEmail: true },
  },
} as const satisfies Record<string, FunctionSpec>;

export const routes = [
  { method: 'GET', path: '/api/bodies', fn: 'directoryApi', auth: 'office' },
  { method: 'GET', path: '/api/people', fn: 'directoryApi', auth: 'office' },
  { method: 'GET', path: '/api/organisations', fn: 'directoryApi', auth: 'office' },
  { method: 'GET', path: '/api/people/{id}/export', fn: 'directoryApi', auth: 'office' },
  { method: 'POST', path: '/api/people/{id}/erase', fn: 'directoryApi', auth: 'office' },
] as const satisfies readonly RouteSpec[];
