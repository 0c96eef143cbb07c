/** The approval round: its part of the wiring (infra/wiring.ts joins every flow's part). Plain data. */
import type { FunctionSpec, RouteSpec, WorkflowSpec, ScheduleSpec } from '../../../infra/wiring-types';

export const functions = {
  roundsApi: {
    entry: 'functions/flows/approval-round/api.handler.ts',
    description: 'Programme office API for approval rounds',
    timeoutSeconds: 29,
    memoryMb: 512,
    access: {
      scheduleReminders: true,
      table: 'readwrite',
      sendEmail: true,
      linkKeys: true,
      startWorkflows: ['approvalRound'],
      resumeWorkflows: ['approvalRound'],
    },
  },
  decisionPage: {
    entry: 'functions/flows/approval-round/page.handler.ts',
    description: 'Decision pages behind the signed email links',
    timeoutSeconds: 29,
    memoryMb: 512,
    access: {
      scheduleReminders: true,
      table: 'readwrite',
      sendEmail: true,
      linkKeys: true,
      resumeWorkflows: ['approvalRound'],
    },
  },
  roundSteps: {
    entry: 'functions/flows/approval-round/steps.handler.ts',
    description: 'Task steps of the approval-round workflow',
    timeoutSeconds: 120,
    memoryMb: 512,
    access: {
      scheduleReminders: true,
      table: 'readwrite',
      sendEmail: true,
      linkKeys: true,
      resumeWorkflows: ['approvalRound'],
    },
  },
  watchdog: {
    entry: 'functions/flows/approval-round/watchdog.handler.ts',
    description: 'Daily safety net for rounds past their deadline',
    timeoutSeconds: 300,
    memoryMb: 256,
    access: { scheduleReminders: true, table: 'readwrite', resumeWorkflows: ['approvalRound'] },
  },
} as const satisfies Record<string, FunctionSpec>;

export const routes = [
  { method: 'POST', path: '/api/rounds', fn: 'roundsApi', auth: 'office' },
  { method: 'GET', path: '/api/rounds', fn: 'roundsApi', auth: 'office' },
  { method: 'GET', path: '/api/rounds/{id}', fn: 'roundsApi', auth: 'office' },
  { method: 'POST', path: '/api/rounds/{id}/remind', fn: 'roundsApi', auth: 'office' },
  { method: 'POST', path: '/api/rounds/{id}/extend', fn: 'roundsApi', auth: 'office' },
  { method: 'POST', path: '/api/rounds/{id}/cancel', fn: 'roundsApi', auth: 'office' },
  { method: 'GET', path: '/d/{token}', fn: 'decisionPage', auth: 'link' },
  { method: 'HEAD', path: '/d/{token}', fn: 'decisionPage', auth: 'link' },
  { method: 'POST', path: '/d/{token}', fn: 'decisionPage', auth: 'link' },
  { method: 'POST', path: '/d/{token}/new-link', fn: 'decisionPage', auth: 'link' },
] as const satisfies readonly RouteSpec[];

export const workflows = {
  approvalRound: {
    file: 'workflows/approval-round.asl.json',
    substitutions: { RoundStepsFunctionArn: { functionArn: 'roundSteps' } },
  },
} as const satisfies Record<string, WorkflowSpec>;

export const schedules = [
  { name: 'round-watchdog', fn: 'watchdog', everyHours: 24 },
] as const satisfies readonly ScheduleSpec[];
