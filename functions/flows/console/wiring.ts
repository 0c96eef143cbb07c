/** The console: its part of the wiring (infra/wiring.ts joins every flow's part). Plain data. */
import type { FunctionSpec, RouteSpec } from '../../../infra/wiring-types';

export const functions = {
  console: {
    entry: 'functions/flows/console/console.handler.ts',
    description: 'Programme office console: pages to schedule, watch and steer rounds, people and groups',
    timeoutSeconds: 29,
    memoryMb: 512,
    access: {
      table: 'readwrite',
      sendEmail: true,
      linkKeys: true,
      startWorkflows: ['approvalRound', 'followUp', 'inputRound'],
      resumeWorkflows: ['approvalRound', 'followUp'],
    },
  },
} as const satisfies Record<string, FunctionSpec>;

export const routes = [
  { method: 'GET', path: '/console', fn: 'console', auth: 'session' },
  { method: 'GET', path: '/console/{proxy+}', fn: 'console', auth: 'session' },
  { method: 'POST', path: '/console/{proxy+}', fn: 'console', auth: 'session' },
] as const satisfies readonly RouteSpec[];
