/** Consultations (inspraak): their part of the wiring (infra/wiring.ts joins every flow's part). Plain data. */
import type { FunctionSpec, RouteSpec, ScheduleSpec } from '../../../infra/wiring-types';

export const functions = {
  consultationsApi: {
    entry: 'functions/flows/consultation/api.handler.ts',
    description:
      'Programme office API for resident consultations: create, read with answers, publish summary and outcome',
    timeoutSeconds: 29,
    memoryMb: 256,
    // Sends the summary and what was done with it to those who asked (through the mail outbox).
    access: { table: 'readwrite', sendEmail: true },
  },
  consultationPage: {
    entry: 'functions/flows/consultation/page.handler.ts',
    description: 'Public consultation pages and the answer form (no account)',
    timeoutSeconds: 10,
    memoryMb: 256,
    // Writes answers and the rate counters; sends no mail.
    access: { table: 'readwrite' },
  },
  consultationRetention: {
    entry: 'functions/flows/consultation/retention.handler.ts',
    description: 'Removes contact details from consultation answers after the retention period',
    timeoutSeconds: 300,
    memoryMb: 256,
    access: { table: 'readwrite' },
  },
} as const satisfies Record<string, FunctionSpec>;

export const routes = [
  { method: 'POST', path: '/api/consultations', fn: 'consultationsApi', auth: 'office' },
  { method: 'GET', path: '/api/consultations', fn: 'consultationsApi', auth: 'office' },
  { method: 'GET', path: '/api/consultations/{id}', fn: 'consultationsApi', auth: 'office' },
  { method: 'POST', path: '/api/consultations/{id}/summary', fn: 'consultationsApi', auth: 'office' },
  { method: 'POST', path: '/api/consultations/{id}/outcome', fn: 'consultationsApi', auth: 'office' },
  { method: 'GET', path: '/inspraak', fn: 'consultationPage', auth: 'public' },
  { method: 'GET', path: '/inspraak/{id}', fn: 'consultationPage', auth: 'public' },
  { method: 'POST', path: '/inspraak/{id}', fn: 'consultationPage', auth: 'public' },
] as const satisfies readonly RouteSpec[];

export const schedules = [
  { name: 'consultation-retention', fn: 'consultationRetention', everyHours: 24, atHourUtc: 3 },
] as const satisfies readonly ScheduleSpec[];
