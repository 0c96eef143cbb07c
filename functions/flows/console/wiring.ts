/** The console: its part of the wiring (infra/wiring.ts joins every flow's part). Plain data. */
import type { FunctionSpec, RouteSpec } from '../../../infra/wiring-types';

/** The meeting pages and their changes reach what the meetings API does: a new series plans and starts its first meetings. */
const MEETINGS_API_ACCESS = {
  scheduleReminders: true,
  table: 'readwrite',
  sendEmail: true,
  linkKeys: true,
  startWorkflows: ['meeting'],
  resumeWorkflows: ['meeting'],
} as const;

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
  overviewConsole: {
    entry: 'functions/flows/console/overview.handler.ts',
    description: 'Programme office console: the overview of what needs a person today, across every flow',
    timeoutSeconds: 29,
    memoryMb: 512,
    // It only reads: rounds, action items, input rounds, meetings, cycles, notices, people; the session key.
    access: { table: 'read', linkKeys: true },
  },
  calendarConsole: {
    entry: 'functions/flows/console/calendar.handler.ts',
    description: 'Programme office console: the calendar of every flow, and its feed address',
    timeoutSeconds: 29,
    memoryMb: 512,
    // It reads every flow's dated things and the directory; it writes only the feed's item (no mail, no workflows).
    access: { table: 'readwrite', linkKeys: true },
  },
  listConsole: {
    entry: 'functions/flows/console/lists.handler.ts',
    description:
      'Programme office console: the lists of rounds, action items, input rounds, people, groups and partners, a page at a time',
    timeoutSeconds: 29,
    memoryMb: 512,
    // Reads only; the session key, which also seals the lists' cursors.
    access: { table: 'read', linkKeys: true },
  },
  meetingConsole: {
    entry: 'functions/flows/console/meetings.handler.ts',
    description: 'Programme office console: pages to plan meeting series and to follow each meeting',
    timeoutSeconds: 29,
    memoryMb: 512,
    access: MEETINGS_API_ACCESS,
  },
  meetingChangeConsole: {
    entry: 'functions/flows/console/meeting-changes.handler.ts',
    description: 'Programme office console: move or cancel one meeting; calendars get an update or a cancellation',
    timeoutSeconds: 29,
    memoryMb: 512,
    access: MEETINGS_API_ACCESS,
  },
  documentConsole: {
    entry: 'functions/flows/console/documents.handler.ts',
    description: 'Programme office console: upload and open the documents of rounds and meetings, board packs',
    timeoutSeconds: 29,
    memoryMb: 512,
    // Reads rounds and meetings, writes document records; signs tickets and S3 forms and links (no mail).
    access: { table: 'readwrite', linkKeys: true, documents: 'readwrite' },
  },
  eventConsole: {
    entry: 'functions/flows/console/events.handler.ts',
    description: 'Programme office console: public events, their registrations, what we heard and did',
    timeoutSeconds: 29,
    memoryMb: 512,
    // Its events, the session key and the link keys of registrants' links; it mails what was heard and done.
    access: { table: 'readwrite', linkKeys: true, sendEmail: true },
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
// The overview: its own function, reading every flow (overview.handler.ts).
const oget = <P extends string>(path: P) => ({ method: 'GET', path, fn: 'overviewConsole', auth: 'session' }) as const;
// The calendar: its own function too (calendar.handler.ts).
const kal = <M extends 'GET' | 'POST', P extends string>(method: M, path: P) =>
  ({ method, path, fn: 'calendarConsole', auth: 'session' }) as const;
// The lists, a page at a time with search: their own function (lists.handler.ts), as the console's bundle is full.
const lget = <P extends string>(path: P) => ({ method: 'GET', path, fn: 'listConsole', auth: 'session' }) as const;
// The meeting pages: their own function too (meetings.handler.ts), for the recurrence rules; moving and
// cancelling one meeting, which mails calendars, a third (meeting-changes.handler.ts).
const mget = <P extends string>(path: P) => ({ method: 'GET', path, fn: 'meetingConsole', auth: 'session' }) as const;
const mpost = <P extends string>(path: P) => ({ method: 'POST', path, fn: 'meetingConsole', auth: 'session' }) as const;
const xget = <P extends string>(path: P) =>
  ({ method: 'GET', path, fn: 'meetingChangeConsole', auth: 'session' }) as const;
const xpost = <P extends string>(path: P) =>
  ({ method: 'POST', path, fn: 'meetingChangeConsole', auth: 'session' }) as const;
// The document pages and board packs: their own function too (documents.handler.ts).
const dget = <P extends string>(path: P) => ({ method: 'GET', path, fn: 'documentConsole', auth: 'session' }) as const;
// The event pages: their own function too (events.handler.ts).
const eget = <P extends string>(path: P) => ({ method: 'GET', path, fn: 'eventConsole', auth: 'session' }) as const;
const epost = <P extends string>(path: P) => ({ method: 'POST', path, fn: 'eventConsole', auth: 'session' }) as const;
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
  oget('/console'),
  lget('/console/rounds'),
  get('/console/rounds/new'),
  post('/console/rounds'),
  get('/console/rounds/{id}'),
  get('/console/rounds/{id}/live'),
  post('/console/rounds/{id}/remind'),
  post('/console/rounds/{id}/extend'),
  post('/console/rounds/{id}/cancel'),
  get('/console/rounds/{id}/audit.csv'),
  get('/console/rounds/{id}/dossier'),
  lget('/console/follow-ups'),
  get('/console/follow-ups/new'),
  post('/console/follow-ups'),
  get('/console/follow-ups/{id}'),
  post('/console/follow-ups/{id}/steer'),
  lget('/console/input-rounds'),
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
  { method: 'GET', path: '/console/assets/calendar.css', fn: 'calendarConsole', auth: 'public' },
  kal('GET', '/console/calendar'),
  kal('POST', '/console/calendar/feed'),
  kal('POST', '/console/calendar/feed/stop'),
  lget('/console/people'),
  mget('/console/meetings'),
  mget('/console/meetings/new'),
  mpost('/console/meetings'),
  mget('/console/meetings/{id}'),
  mget('/console/meetings/{id}/agenda'),
  mget('/console/meeting-series/{id}'),
  mget('/console/meeting-series/{id}/edit'),
  mpost('/console/meeting-series/{id}'),
  mpost('/console/meeting-series/{id}/meetings'),
  xget('/console/meeting-series/{id}/meetings/{key}'),
  xpost('/console/meeting-series/{id}/meetings/{key}/move'),
  xpost('/console/meeting-series/{id}/meetings/{key}/cancel'),
  { method: 'GET', path: '/console/assets/documents.js', fn: 'documentConsole', auth: 'public' },
  dget('/console/rounds/{id}/documents'),
  dget('/console/rounds/{id}/documents/{docId}'),
  dget('/console/meetings/{id}/documents'),
  dget('/console/meetings/{id}/documents/{docId}'),
  dget('/console/meetings/{id}/board-pack'),
  dget('/console/meetings/{id}/board-pack.zip'),
  dget('/console/documents/done'),
  eget('/console/events'),
  eget('/console/events/{id}'),
  epost('/console/events/{id}/heard'),
  epost('/console/events/{id}/did'),
  iget('/console/consultations'),
  iget('/console/consultations/new'),
  ipost('/console/consultations'),
  iget('/console/consultations/{id}'),
  ipost('/console/consultations/{id}/summary'),
  ipost('/console/consultations/{id}/outcome'),
  get('/console/people/new'),
  get('/console/people/{id}'),
  post('/console/people'),
  post('/console/people/{id}'),
  lget('/console/bodies'),
  post('/console/bodies'),
  get('/console/bodies/{id}'),
  post('/console/bodies/{id}'),
  post('/console/bodies/{id}/settings'),
  lget('/console/partners'),
  get('/console/partners/new'),
  get('/console/partners/{id}'),
  post('/console/partners'),
  post('/console/partners/{id}'),
  // Anything else under /console: the console's own not-found page, after the sign-in check.
  get('/console/{proxy+}'),
  post('/console/{proxy+}'),
] as const satisfies readonly RouteSpec[];
