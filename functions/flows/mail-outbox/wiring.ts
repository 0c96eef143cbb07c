/** The mail outbox's sweeper: its part of the wiring (infra/wiring.ts joins every flow's part). Plain data. */
import type { FunctionSpec, RouteSpec, ScheduleSpec } from '../../../infra/wiring-types';

export const functions = {
  mailSweeper: {
    entry: 'functions/flows/mail-outbox/sweeper.handler.ts',
    description: 'Woken at the next pending email (and daily): sends what a crash or a mail outage left in the outbox',
    timeoutSeconds: 300,
    memoryMb: 512,
    access: { table: 'readwrite', sendEmail: true },
  },
} as const satisfies Record<string, FunctionSpec>;

export const routes = [] as const satisfies readonly RouteSpec[];

export const schedules = [
  // Each pending email's next attempt wakes the sweeper by a one-time schedule (engine/mail-wake.ts);
  // this daily sweep only catches a wake that was lost. 05:00 UTC: before the working day starts.
  { name: 'mail-sweeper', fn: 'mailSweeper', everyHours: 24, atHourUtc: 5 },
] as const satisfies readonly ScheduleSpec[];
