/** The reminder budget: its part of the wiring (infra/wiring.ts joins every flow's part). Plain data. */
import type { FunctionSpec, RouteSpec, ScheduleSpec } from '../../../infra/wiring-types';

export const functions = {
  reminderDigest: {
    entry: 'functions/flows/reminder-budget/digest.handler.ts',
    description: "A person's due reminders at their planned moment in one message; daily: the safety sweep",
    timeoutSeconds: 600,
    memoryMb: 512,
    // Each person's schedule invokes it asynchronously. A morning's messages are spread over a
    // quarter of an hour (engine/reminder-budget.ts); a herd the spread does not cover (a deadline
    // forcing a whole round's messages to one hour, the safety sweep after an outage) queues in
    // Lambda and goes two at a time: a few sends a second, under SES's sending rate, and the pages
    // keep the account's concurrency (docs/architecture.md, "Many people due at once").
    reservedConcurrency: 2,
    access: { scheduleReminders: true, table: 'readwrite', sendEmail: true, linkKeys: true },
  },
  preferencePage: {
    entry: 'functions/flows/reminder-budget/preference-page.handler.ts',
    description: "A person's email settings behind the link in every email",
    timeoutSeconds: 10,
    memoryMb: 256,
    access: { scheduleReminders: true, table: 'readwrite', linkKeys: true },
  },
} as const satisfies Record<string, FunctionSpec>;

export const routes = [
  { method: 'GET', path: '/s/{token}', fn: 'preferencePage', auth: 'link' },
  { method: 'HEAD', path: '/s/{token}', fn: 'preferencePage', auth: 'link' },
  { method: 'POST', path: '/s/{token}', fn: 'preferencePage', auth: 'link' },
] as const satisfies readonly RouteSpec[];

export const schedules = [
  // Each person's own schedule sends their message; this daily sweep only catches a lost schedule.
  // 06:00 UTC is 07:00 or 08:00 in Amsterdam: a repaired schedule still makes the day's first moment.
  { name: 'reminder-digest', fn: 'reminderDigest', everyHours: 24, atHourUtc: 6 },
] as const satisfies readonly ScheduleSpec[];
