/** The calendar feed: its part of the wiring (infra/wiring.ts joins every flow's part). Plain data. */
import type { FunctionSpec, RouteSpec } from '../../../infra/wiring-types';

export const functions = {
  calendarFeed: {
    entry: 'functions/flows/calendar/feed.handler.ts',
    description: "The office's calendar feed (iCalendar) behind its signed link, for its own calendar client",
    timeoutSeconds: 29,
    memoryMb: 512,
    // It reads every flow's dated documents and the feed's item, and checks the link with the link keys.
    access: { table: 'read', linkKeys: true },
  },
} as const satisfies Record<string, FunctionSpec>;

export const routes = [
  { method: 'GET', path: '/k/{token}', fn: 'calendarFeed', auth: 'link' },
  { method: 'HEAD', path: '/k/{token}', fn: 'calendarFeed', auth: 'link' },
] as const satisfies readonly RouteSpec[];
