/** Cycles: their part of the wiring (infra/wiring.ts joins every flow's part). Plain data. */
import type { FunctionSpec, RouteSpec, ScheduleSpec, WorkflowSpec } from '../../../infra/wiring-types';

export const functions = {
  cyclesApi: {
    entry: 'functions/flows/cycle/api.handler.ts',
    description: 'Programme office API for cycles: start from a template, read, change a phase, cancel',
    timeoutSeconds: 29,
    memoryMb: 512,
    // Its cycles, the directory and its idempotency records; it starts the cycle's workflow and
    // wakes it when the office changes the cycle (no mail); the link keys seal the list's cursors.
    access: { table: 'readwrite', linkKeys: true, startWorkflows: ['cycle'], resumeWorkflows: ['cycle'] },
  },
  cycleSteps: {
    entry: 'functions/flows/cycle/steps.handler.ts',
    description: "Task steps of a cycle's workflow: start each phase's flow when it may start, see it done",
    timeoutSeconds: 120,
    memoryMb: 512,
    // It creates action items, input rounds and approval rounds through their own use cases, which
    // start their workflows and send their first emails; it moves and stops them the same way, which
    // wakes their workflows (flow-sync.ts); and it continues its own loop as new.
    access: {
      scheduleReminders: true,
      table: 'readwrite',
      sendEmail: true,
      linkKeys: true,
      startWorkflows: ['cycle', 'followUp', 'inputRound', 'approvalRound'],
      resumeWorkflows: ['cycle', 'followUp', 'inputRound', 'approvalRound'],
    },
  },
  cycleWatchdog: {
    entry: 'functions/flows/cycle/watchdog.handler.ts',
    description: 'Daily safety net: cycles whose workflow stopped are carried on or handed to the office',
    timeoutSeconds: 300,
    memoryMb: 256,
    access: {
      table: 'readwrite',
      sendEmail: true,
      startWorkflows: ['cycle'],
      resumeWorkflows: ['cycle'],
      watchWorkflows: ['cycle'],
    },
  },
} as const satisfies Record<string, FunctionSpec>;

export const routes = [
  { method: 'GET', path: '/api/cycle-templates', fn: 'cyclesApi', auth: 'office' },
  { method: 'POST', path: '/api/cycles', fn: 'cyclesApi', auth: 'office' },
  { method: 'GET', path: '/api/cycles', fn: 'cyclesApi', auth: 'office' },
  { method: 'GET', path: '/api/cycles/{id}', fn: 'cyclesApi', auth: 'office' },
  { method: 'POST', path: '/api/cycles/{id}/phases/{key}', fn: 'cyclesApi', auth: 'office' },
  { method: 'POST', path: '/api/cycles/{id}/phases/{key}/done', fn: 'cyclesApi', auth: 'office' },
  { method: 'POST', path: '/api/cycles/{id}/phases', fn: 'cyclesApi', auth: 'office' },
  { method: 'POST', path: '/api/cycles/{id}/cancel', fn: 'cyclesApi', auth: 'office' },
] as const satisfies readonly RouteSpec[];

export const workflows = {
  cycle: {
    // The shared timer loop, unchanged: a cycle differs from the other flows only in these names.
    file: 'workflows/timer-loop.asl.json',
    substitutions: {
      StepsFunctionArn: { functionArn: 'cycleSteps' },
      IdField: { text: 'cycleId' },
      FailError: { text: 'CycleFailed' },
      FailCause: { text: 'A step of the cycle failed after its retries; the cycle in the table is unchanged.' },
    },
  },
} as const satisfies Record<string, WorkflowSpec>;

export const schedules = [
  { name: 'cycle-watchdog', fn: 'cycleWatchdog', everyHours: 24 },
] as const satisfies readonly ScheduleSpec[];
