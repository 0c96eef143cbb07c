/** Cycles: their part of the wiring (infra/wiring.ts joins every flow's part). Plain data. */
import type { FunctionSpec, RouteSpec } from '../../../infra/wiring-types';

export const functions = {
  cyclesApi: {
    entry: 'functions/flows/cycle/api.handler.ts',
    description: 'Programme office API for cycles: start from a template, read, change a phase, cancel',
    timeoutSeconds: 29,
    memoryMb: 512,
    // Its cycles, the directory and its idempotency records; no workflow yet (a later slice of #14).
    access: { table: 'readwrite' },
  },
} as const satisfies Record<string, FunctionSpec>;

export const routes = [
  { method: 'GET', path: '/api/cycle-templates', fn: 'cyclesApi', auth: 'office' },
  { method: 'POST', path: '/api/cycles', fn: 'cyclesApi', auth: 'office' },
  { method: 'GET', path: '/api/cycles', fn: 'cyclesApi', auth: 'office' },
  { method: 'GET', path: '/api/cycles/{id}', fn: 'cyclesApi', auth: 'office' },
  { method: 'POST', path: '/api/cycles/{id}/phases/{key}', fn: 'cyclesApi', auth: 'office' },
  { method: 'POST', path: '/api/cycles/{id}/phases', fn: 'cyclesApi', auth: 'office' },
  { method: 'POST', path: '/api/cycles/{id}/cancel', fn: 'cyclesApi', auth: 'office' },
] as const satisfies readonly RouteSpec[];
