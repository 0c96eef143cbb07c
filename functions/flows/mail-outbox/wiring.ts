/** The mail outbox's sweeper: its part of the wiring (infra/wiring.ts joins every flow's part). Plain data. */
import type { FunctionSpec, RouteSpec, ScheduleSpec } from '../../../infra/wiring-types';

export const functions = {
  mailSweeper: {
    entry: 'functions/flows/mail-outbox/sweeper.handler.ts',
    description: 'Every 5 minutes: sends the emails a crash or a mail outage left pending in the outbox',
    timeoutSeconds: 300,
    memoryMb: 512,
    access: { table: 'readwrite', sendEmail: true },
  },
} as const satisfies Record<string, FunctionSpec>;

export const routes = [] as const satisfies readonly RouteSpec[];

export const schedules = [
  // A record is its sender's for 2 minutes (SWEEP_WINDOW_MS); a sweep every 5 finds it soon after.
  { name: 'mail-sweeper', fn: 'mailSweeper', everyHours: 1, everyMinutes: 5 },
] as const satisfies readonly ScheduleSpec[];
