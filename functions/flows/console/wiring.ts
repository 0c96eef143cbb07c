/** The console: its part of the wiring (infra/wiring.ts joins every flow's part). Plain data. */
import type { FunctionSpec, RouteSpec } from '../../../infra/wiring-types';

export const functions = {
  console: {
    entry: 'functions/flows/console/console.handler.ts',
    description: 'Programme office console: pages to schedule, watch and steer rounds, people and groups',
    timeoutSeconds: 29,
    memoryMb: 512,
    access: {
      scheduleReminders: true,
      table: 'readwrite',
      sendEmail: true,
      linkKeys: true,
      startWorkflows: ['approvalRound', 'followUp', 'inputRound'],
      resumeWorkflows: ['approvalRound', 'followUp'],
    },
  },
  cycleConsole: {
    entry: 'functions/flows/console/cycles.handler.ts',
    description: 'Programme office console: pages to start, follow and change programme cycles',
    timeoutSeconds: 29,
    memoryMb: 512,
    // Its cycles, the directory, the session key; it starts a cycle's workflow and wakes it on a change (no mail).
    access: { table: 'readwrite', linkKeys: true, startWorkflows: ['cycle'], resumeWorkflows: ['cycle'] },
  },
  consultationConsole: {
    entry: 'functions/flows/console/consultations.handler.ts',
    description: 'Programme office console: resident consultations, their answers, the summary and what was done',
    timeoutSeconds: 29,
    memoryMb: 512,
    // Its consultations and the session key; it sends the summary and what was done to those who asked.
    access: { table: 'readwrite', linkKeys: true, sendEmail: true },
  },
} as const satisfies Record<string, FunctionSpec>;

const get = <P extends string>(path: P) => ({ method: 'GET', path, fn: 'console', auth: 'session' }) as const;
const post = <P extends string>(path: P) => ({ method: 'POST', path, fn: 'console', auth: 'session' }) as const;
// The cycle pages: their own function, with the same session check (cycles.handler.ts).
const cget = <P extends string>(path: P) => ({ method: 'GET', path, fn: 'cycleConsole', auth: 'session' }) as const;
const cpost = <P extends string>(path: P) => ({ method: 'POST', path, fn: 'cycleConsole', auth: 'session' }) as const;
// The consultation pages: their own function too (consultations.handler.ts).
const iget = <P extends string>(path: P) =>
  ({ method: 'GET', path, fn: 'consultationConsole', auth: 'session' }) as const;
const ipost = <P extends string>(path: P) =>
  ({ method: 'POST', path, fn: 'consultationConsole', auth: 'session' }) as const;
// Reached before signing in; the handler still checks the sign-in form's secret.
const open = <M extends 'GET' | 'POST', P extends string>(method: M, path: P) =>
  ({ method, path, fn: 'console', auth: 'public' }) as const;

/**
 * Every console page, one route each: the handler's route table is typed against this list. A
 * static segment (`/new`) wins over `{id}`, as API Gateway picks the most specific route.
 */
export const routes = [
  open('GET', '/console/assets/console.css'),
  open('GET', '/console/assets/console.js'),
  open('GET', '/console/lang'),
  open('GET', '/console/sign-in'),
  open('POST', '/console/sign-in'),
  open('GET', '/console/sign-in/start'),
  open('GET', '/console/callback'),
  post('/console/sign-out'),
  get('/console'),
  get('/console/rounds'),
  get('/console/rounds/new'),
  post('/console/rounds'),
  get('/console/rounds/{id}'),
  get('/console/rounds/{id}/live'),
  post('/console/rounds/{id}/remind'),
  post('/console/rounds/{id}/extend'),
  post('/console/rounds/{id}/cancel'),
  get('/console/rounds/{id}/audit.csv'),
  get('/console/rounds/{id}/dossier'),
  get('/console/follow-ups'),
  get('/console/follow-ups/new'),
  post('/console/follow-ups'),
  get('/console/follow-ups/{id}'),
  post('/console/follow-ups/{id}/steer'),
  get('/console/input-rounds'),
  get('/console/input-rounds/new'),
  post('/console/input-rounds'),
  get('/console/input-rounds/{id}'),
  post('/console/input-rounds/{id}/written-input'),
  cget('/console/cycles'),
  cget('/console/cycles/new'),
  cpost('/console/cycles'),
  cget('/console/cycles/{id}'),
  cget('/console/cycles/{id}/phases/{key}'),
  cpost('/console/cycles/{id}/phases/{key}'),
  cpost('/console/cycles/{id}/phases/{key}/done'),
  cpost('/console/cycles/{id}/phases'),
  cpost('/console/cycles/{id}/cancel'),
  iget('/console/consultations'),
  iget('/console/consultations/new'),
  ipost('/console/consultations'),
  iget('/console/consultations/{id}'),
  ipost('/console/consultations/{id}/summary'),
  ipost('/console/consultations/{id}/outcome'),
  get('/console/people'),
  get('/console/people/new'),
  get('/console/people/{id}'),
  post('/console/people'),
  post('/console/people/{id}'),
  get('/console/bodies'),
  post('/console/bodies'),
  get('/console/bodies/{id}'),
  post('/console/bodies/{id}'),
  post('/console/bodies/{id}/settings'),
  get('/console/partners'),
  get('/console/partners/new'),
  get('/console/partners/{id}'),
  post('/console/partners'),
  post('/console/partners/{id}'),
  // Anything else under /console: the console's own not-found page, after the sign-in check.
  get('/console/{proxy+}'),
  post('/console/{proxy+}'),
] as const satisfies readonly RouteSpec[];
