/** The meeting cycle: its part of the wiring (infra/wiring.ts joins every flow's part). Plain data. */
import type { FunctionSpec, RouteSpec, WorkflowSpec, ScheduleSpec } from '../../../infra/wiring-types';

export const functions = {
  meetingsApi: {
    entry: 'functions/flows/meeting/api.handler.ts',
    description: 'Programme office API for meeting series: define, move, cancel and add meetings',
    timeoutSeconds: 29,
    memoryMb: 512,
    access: {
      scheduleReminders: true,
      table: 'readwrite',
      sendEmail: true,
      linkKeys: true,
      startWorkflows: ['meeting'],
      resumeWorkflows: ['meeting'],
    },
  },
  // The list of series, a page at a time, and one meeting with its record: apart, because the meetings
  // API's bundle is at issue #12's 250 KB.
  seriesListApi: {
    entry: 'functions/flows/meeting/series-list.handler.ts',
    description: 'Programme office API: the list of meeting series, a page at a time, and one meeting',
    timeoutSeconds: 29,
    memoryMb: 256,
    access: { table: 'read', linkKeys: true },
  },
  meetingPage: {
    entry: 'functions/flows/meeting/page.handler.ts',
    description: "The pages behind a meeting link: agenda items, minutes, objections, the chair's decisions",
    timeoutSeconds: 29,
    memoryMb: 512,
    access: {
      scheduleReminders: true,
      table: 'readwrite',
      sendEmail: true,
      linkKeys: true,
      resumeWorkflows: ['meeting'],
    },
  },
  meetingSteps: {
    entry: 'functions/flows/meeting/steps.handler.ts',
    description: 'Task steps of the meeting workflow',
    timeoutSeconds: 120,
    memoryMb: 512,
    access: {
      scheduleReminders: true,
      table: 'readwrite',
      sendEmail: true,
      linkKeys: true,
      startWorkflows: ['followUp', 'meeting'],
      resumeWorkflows: ['meeting'],
    },
  },
  meetingPlanner: {
    entry: 'functions/flows/meeting/planner.handler.ts',
    description: 'Daily: starts one workflow for each coming meeting of every series',
    timeoutSeconds: 300,
    memoryMb: 512,
    access: {
      scheduleReminders: true,
      table: 'readwrite',
      sendEmail: true,
      linkKeys: true,
      startWorkflows: ['meeting', 'followUp'],
      resumeWorkflows: ['meeting'],
    },
  },
  meetingWatchdog: {
    entry: 'functions/flows/meeting/watchdog.handler.ts',
    description: 'Daily safety net: meetings whose workflow stopped are carried on or handed to the office',
    timeoutSeconds: 300,
    memoryMb: 256,
    access: {
      table: 'readwrite',
      sendEmail: true,
      startWorkflows: ['meeting'],
      resumeWorkflows: ['meeting'],
      watchWorkflows: ['meeting'],
    },
  },
} as const satisfies Record<string, FunctionSpec>;

export const routes = [
  { method: 'POST', path: '/api/meeting-series', fn: 'meetingsApi', auth: 'office' },
  { method: 'GET', path: '/api/meeting-series', fn: 'seriesListApi', auth: 'office' },
  { method: 'GET', path: '/api/meeting-series/{id}', fn: 'meetingsApi', auth: 'office' },
  { method: 'POST', path: '/api/meeting-series/{id}/meetings', fn: 'meetingsApi', auth: 'office' },
  { method: 'POST', path: '/api/meeting-series/{id}/meetings/{key}/move', fn: 'meetingsApi', auth: 'office' },
  { method: 'POST', path: '/api/meeting-series/{id}/meetings/{key}/cancel', fn: 'meetingsApi', auth: 'office' },
  { method: 'GET', path: '/api/meetings/{id}', fn: 'seriesListApi', auth: 'office' },
  { method: 'GET', path: '/m/{token}', fn: 'meetingPage', auth: 'link' },
  { method: 'HEAD', path: '/m/{token}', fn: 'meetingPage', auth: 'link' },
  { method: 'POST', path: '/m/{token}', fn: 'meetingPage', auth: 'link' },
] as const satisfies readonly RouteSpec[];

export const workflows = {
  meeting: {
    // The shared timer loop: this flow differs from the others only in the names below.
    file: 'workflows/timer-loop.asl.json',
    substitutions: {
      StepsFunctionArn: { functionArn: 'meetingSteps' },
      IdField: { text: 'meetingId' },
      FailError: { text: 'MeetingFailed' },
      FailCause: { text: 'A step of the meeting failed after its retries; the meeting in the table is unchanged.' },
    },
  },
} as const satisfies Record<string, WorkflowSpec>;

export const schedules = [
  { name: 'meeting-planner', fn: 'meetingPlanner', everyHours: 24 },
  { name: 'meeting-watchdog', fn: 'meetingWatchdog', everyHours: 24 },
] as const satisfies readonly ScheduleSpec[];
