/** The public pages: its part of the wiring (infra/wiring.ts joins every flow's part). Plain data. */
import type { FunctionSpec, RouteSpec } from '../../../infra/wiring-types';

export const functions = {
  publicPage: {
    entry: 'functions/flows/public-page/page.handler.ts',
    description: 'Public "what happened with it" page of a body, and the programme\'s cycles in plain words',
    timeoutSeconds: 10,
    memoryMb: 256,
    access: { scheduleReminders: true, table: 'read' },
  },
  // Its own function: it reads the events' and consultations' models too (bundle budget).
  accountabilityPage: {
    entry: 'functions/flows/public-page/accountability.handler.ts',
    description: 'Public accountability page (/verantwoording) and its Atom feed',
    timeoutSeconds: 10,
    memoryMb: 256,
    access: { scheduleReminders: true, table: 'read' },
  },
} as const satisfies Record<string, FunctionSpec>;

export const routes = [
  { method: 'GET', path: '/p/{bodyId}', fn: 'publicPage', auth: 'public' },
  { method: 'GET', path: '/cycli', fn: 'publicPage', auth: 'public' },
  { method: 'GET', path: '/actielijnen', fn: 'publicPage', auth: 'public' },
  { method: 'GET', path: '/verantwoording', fn: 'accountabilityPage', auth: 'public' },
  { method: 'GET', path: '/verantwoording.atom', fn: 'accountabilityPage', auth: 'public' },
] as const satisfies readonly RouteSpec[];
