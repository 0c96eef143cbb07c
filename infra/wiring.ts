/**
 * The one declaration of how the product is wired: functions, HTTP routes, workflows with
 * their substitutions, and schedules. The CDK stack builds AWS resources from it; the local
 * runtime serves and runs the very same list. Plain data: no CDK or AWS imports here.
 */
import * as approvalRound from '../functions/flows/approval-round/wiring';
import * as consoleFlow from '../functions/flows/console/wiring';
import * as directory from '../functions/flows/directory/wiring';
import * as followUp from '../functions/flows/follow-up/wiring';
import * as inputRound from '../functions/flows/input-round/wiring';
import * as meeting from '../functions/flows/meeting/wiring';
import * as publicPage from '../functions/flows/public-page/wiring';
import * as reminderBudget from '../functions/flows/reminder-budget/wiring';
import type { Auth, FunctionSpec, RouteSpec as AnyRoute, ScheduleSpec, WorkflowSpec } from './wiring-types';

export type { Auth, FunctionSpec, ScheduleSpec, WorkflowSpec } from './wiring-types';

const allFunctions = {
  ...approvalRound.functions,
  ...consoleFlow.functions,
  ...directory.functions,
  ...followUp.functions,
  ...inputRound.functions,
  ...meeting.functions,
  ...publicPage.functions,
  ...reminderBudget.functions,
};
const allWorkflows = {
  ...approvalRound.workflows,
  ...followUp.workflows,
  ...inputRound.workflows,
  ...meeting.workflows,
};
export type FunctionName = keyof typeof allFunctions;
export type WorkflowName = keyof typeof allWorkflows;
export type RouteSpec = AnyRoute<FunctionName>;

/** Every function, with the narrowest access it needs; a workflow name it uses must be declared. */
export const functions: Record<FunctionName, FunctionSpec<WorkflowName>> = allFunctions;
/** Every workflow (ASL file with its substitutions); a substituted function must be declared. */
export const workflows: Record<WorkflowName, WorkflowSpec<FunctionName>> = allWorkflows;
/** Every HTTP route, each served by a declared function. */
export const routes = [
  ...approvalRound.routes,
  ...consoleFlow.routes,
  ...directory.routes,
  ...followUp.routes,
  ...inputRound.routes,
  ...meeting.routes,
  ...publicPage.routes,
  ...reminderBudget.routes,
] as const satisfies readonly RouteSpec[];
export const schedules = [
  ...approvalRound.schedules,
  ...meeting.schedules,
  ...reminderBudget.schedules,
] as const satisfies readonly ScheduleSpec<FunctionName>[];

type DeclaredRoute = (typeof routes)[number];

/**
 * The route keys the wiring gives a function: what its handler must serve, no more and no less.
 * Narrowed by `auth`, a handler can keep the routes that need no sign-in apart from the others.
 */
export type RouteKeyOf<F extends FunctionName, A extends Auth = Auth> =
  Extract<DeclaredRoute, { fn: F; auth: A }> extends infer R
    ? R extends { method: infer M extends string; path: infer P extends string }
      ? `${M} ${P}`
      : never
    : never;

export const workflowArnVariables: Record<WorkflowName, string> = {
  approvalRound: 'APPROVAL_STATE_MACHINE_ARN',
  followUp: 'FOLLOW_UP_STATE_MACHINE_ARN',
  inputRound: 'INPUT_ROUND_STATE_MACHINE_ARN',
  meeting: 'MEETING_STATE_MACHINE_ARN',
};

export const routeKey = (r: Pick<RouteSpec, 'method' | 'path'>) => `${r.method} ${r.path}`;
