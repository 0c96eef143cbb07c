/** Action items (follow-up): its part of the wiring (infra/wiring.ts joins every flow's part). Plain data. */
import type { FunctionSpec, RouteSpec, ScheduleSpec, WorkflowSpec } from '../../../infra/wiring-types';

export const functions = {
  followUpsApi: {
    entry: 'functions/flows/follow-up/api.handler.ts',
    description: 'Programme office API for action items (follow-ups)',
    timeoutSeconds: 29,
    memoryMb: 512,
    access: {
      scheduleReminders: true,
      table: 'readwrite',
      // The link keys seal the list's cursors (platform/cursor.ts).
      linkKeys: true,
      startWorkflows: ['followUp'],
      resumeWorkflows: ['followUp'],
    },
  },
  followUpPage: {
    entry: 'functions/flows/follow-up/page.handler.ts',
    description: "The page behind an action item owner's link",
    timeoutSeconds: 29,
    memoryMb: 512,
    access: {
      scheduleReminders: true,
      table: 'readwrite',
      sendEmail: true,
      linkKeys: true,
      resumeWorkflows: ['followUp'],
    },
  },
  followUpSteps: {
    entry: 'functions/flows/follow-up/steps.handler.ts',
    description: 'Task steps of the follow-up workflow',
    timeoutSeconds: 120,
    memoryMb: 512,
    // It starts its own state machine when the loop continues as a new execution.
    access: {
      scheduleReminders: true,
      table: 'readwrite',
      sendEmail: true,
      linkKeys: true,
      startWorkflows: ['followUp'],
      resumeWorkflows: ['followUp'],
    },
  },
  followUpWatchdog: {
    entry: 'functions/flows/follow-up/watchdog.handler.ts',
    description: 'Daily safety net: action items whose workflow stopped are carried on or handed to the office',
    timeoutSeconds: 300,
    memoryMb: 256,
    access: {
      table: 'readwrite',
      sendEmail: true,
      startWorkflows: ['followUp'],
      resumeWorkflows: ['followUp'],
      watchWorkflows: ['followUp'],
    },
  },
} as const satisfies Record<string, FunctionSpec>;

export const routes = [
  { method: 'POST', path: '/api/follow-ups', fn: 'followUpsApi', auth: 'office' },
  { method: 'GET', path: '/api/follow-ups', fn: 'followUpsApi', auth: 'office' },
  { method: 'GET', path: '/api/follow-ups/{id}', fn: 'followUpsApi', auth: 'office' },
  { method: 'POST', path: '/api/follow-ups/{id}/steer', fn: 'followUpsApi', auth: 'office' },
  { method: 'GET', path: '/f/{token}', fn: 'followUpPage', auth: 'link' },
  { method: 'HEAD', path: '/f/{token}', fn: 'followUpPage', auth: 'link' },
  { method: 'POST', path: '/f/{token}', fn: 'followUpPage', auth: 'link' },
] as const satisfies readonly RouteSpec[];

export const workflows = {
  followUp: {
    // The shared timer loop: this flow differs from the others only in the names below.
    file: 'workflows/timer-loop.asl.json',
    substitutions: {
      StepsFunctionArn: { functionArn: 'followUpSteps' },
      IdField: { text: 'itemId' },
      FailError: { text: 'FollowUpFailed' },
      FailCause: { text: 'A step of the follow-up failed after its retries; the item in the table is unchanged.' },
    },
  },
} as const satisfies Record<string, WorkflowSpec>;

export const schedules = [
  { name: 'follow-up-watchdog', fn: 'followUpWatchdog', everyHours: 24 },
] as const satisfies readonly ScheduleSpec[];
