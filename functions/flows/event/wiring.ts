/** Public events: their part of the wiring (infra/wiring.ts joins every flow's part). Plain data. */
import type { FunctionSpec, RouteSpec, ScheduleSpec } from '../../../infra/wiring-types';

export const functions = {
  eventsApi: {
    entry: 'functions/flows/event/api.handler.ts',
    description: 'Programme office API for public events: create (or a series), read, cancel, what we heard and did',
    timeoutSeconds: 29,
    memoryMb: 256,
    // Mails registrants when an event is cancelled and when what was heard or done is recorded.
    access: { table: 'readwrite', sendEmail: true, linkKeys: true },
  },
  eventsPublic: {
    entry: 'functions/flows/event/public.handler.ts',
    description: 'Public event pages, the iCalendar feed, registration without an account and the personal link',
    timeoutSeconds: 10,
    memoryMb: 256,
    access: { table: 'readwrite', sendEmail: true, linkKeys: true },
  },
  eventsTick: {
    entry: 'functions/flows/event/tick.handler.ts',
    description: 'Hourly: reminders the day before an event, owed emails, removing contact details after retention',
    timeoutSeconds: 120,
    memoryMb: 256,
    reservedConcurrency: 1,
    access: { table: 'readwrite', sendEmail: true, linkKeys: true },
  },
} as const satisfies Record<string, FunctionSpec>;

export const routes = [
  { method: 'POST', path: '/api/events', fn: 'eventsApi', auth: 'office' },
  { method: 'GET', path: '/api/events', fn: 'eventsApi', auth: 'office' },
  { method: 'GET', path: '/api/events/{id}', fn: 'eventsApi', auth: 'office' },
  { method: 'POST', path: '/api/events/{id}/cancel', fn: 'eventsApi', auth: 'office' },
  { method: 'POST', path: '/api/events/{id}/heard', fn: 'eventsApi', auth: 'office' },
  { method: 'POST', path: '/api/events/{id}/did', fn: 'eventsApi', auth: 'office' },
  { method: 'GET', path: '/bijeenkomsten', fn: 'eventsPublic', auth: 'public' },
  { method: 'GET', path: '/bijeenkomsten/agenda.ics', fn: 'eventsPublic', auth: 'public' },
  { method: 'GET', path: '/bijeenkomsten/{id}', fn: 'eventsPublic', auth: 'public' },
  { method: 'POST', path: '/bijeenkomsten/{id}', fn: 'eventsPublic', auth: 'public' },
  { method: 'GET', path: '/aanmelding/{token}', fn: 'eventsPublic', auth: 'link' },
  { method: 'POST', path: '/aanmelding/{token}', fn: 'eventsPublic', auth: 'link' },
] as const satisfies readonly RouteSpec[];

export const schedules = [
  { name: 'event-tick', fn: 'eventsTick', everyHours: 1 },
] as const satisfies readonly ScheduleSpec[];
