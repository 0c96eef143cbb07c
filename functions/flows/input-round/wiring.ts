/** Partner input rounds: its part of the wiring (infra/wiring.ts joins every flow's part). Plain data. */
import type { FunctionSpec, RouteSpec, ScheduleSpec, WorkflowSpec } from '../../../infra/wiring-types';

export const functions = {
  inputRoundsApi: {
    entry: 'functions/flows/input-round/api.handler.ts',
    description: 'Programme office API for input rounds to partners or people, and written input',
    timeoutSeconds: 29,
    memoryMb: 512,
    // The link keys seal the list's cursors (platform/cursor.ts).
    access: { scheduleReminders: true, table: 'readwrite', linkKeys: true, startWorkflows: ['inputRound'] },
  },
  inputRoundPage: {
    entry: 'functions/flows/input-round/page.handler.ts',
    description: "The page behind a partner contact's or a person's input-round link",
    timeoutSeconds: 29,
    memoryMb: 512,
    access: { scheduleReminders: true, table: 'readwrite', sendEmail: true, linkKeys: true },
  },
  inputRoundSteps: {
    entry: 'functions/flows/input-round/steps.handler.ts',
    description: 'Task steps of the input-round workflow',
    timeoutSeconds: 120,
    memoryMb: 512,
    access: {
      scheduleReminders: true,
      table: 'readwrite',
      sendEmail: true,
      linkKeys: true,
      startWorkflows: ['followUp'],
      resumeWorkflows: ['inputRound'],
    },
  },
  inputRoundWatchdog: {
    entry: 'functions/flows/input-round/watchdog.handler.ts',
    description: 'Daily safety net: input rounds whose workflow stopped are carried on or handed to the office',
    timeoutSeconds: 300,
    memoryMb: 256,
    access: {
      table: 'readwrite',
      sendEmail: true,
      startWorkflows: ['inputRound'],
      resumeWorkflows: ['inputRound'],
      watchWorkflows: ['inputRound'],
    },
  },
} as const satisfies Record<string, FunctionSpec>;

export const routes = [
  { method: 'POST', path: '/api/input-rounds', fn: 'inputRoundsApi', auth: 'office' },
  { method: 'GET', path: '/api/input-rounds', fn: 'inputRoundsApi', auth: 'office' },
  { method: 'GET', path: '/api/input-rounds/{id}', fn: 'inputRoundsApi', auth: 'office' },
  { method: 'POST', path: '/api/input-rounds/{id}/written-input', fn: 'inputRoundsApi', auth: 'office' },
  { method: 'GET', path: '/u/{token}', fn: 'inputRoundPage', auth: 'link' },
  { method: 'HEAD', path: '/u/{token}', fn: 'inputRoundPage', auth: 'link' },
  { method: 'POST', path: '/u/{token}', fn: 'inputRoundPage', auth: 'link' },
] as const satisfies readonly RouteSpec[];

export const workflows = {
  inputRound: {
    file: 'workflows/input-round.asl.json',
    substitutions: { InputRoundStepsFunctionArn: { functionArn: 'inputRoundSteps' } },
  },
} as const satisfies Record<string, WorkflowSpec>;

export const schedules = [
  { name: 'input-round-watchdog', fn: 'inputRoundWatchdog', everyHours: 24 },
] as const satisfies readonly ScheduleSpec[];
