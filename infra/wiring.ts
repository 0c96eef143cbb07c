/**
 * The one declaration of how the product is wired: functions, HTTP routes, workflows with
 * their substitutions, and schedules. The CDK stack builds AWS resources from it; the local
 * runtime serves and runs the very same list. Plain data: no CDK or AWS imports here.
 */
import * as actielijn from '../functions/flows/actielijn/wiring';
import * as approvalRound from '../functions/flows/approval-round/wiring';
import * as calendar from '../functions/flows/calendar/wiring';
import * as consoleFlow from '../functions/flows/console/wiring';
import * as consultation from '../functions/flows/consultation/wiring';
import * as cycle from '../functions/flows/cycle/wiring';
import * as directory from '../functions/flows/directory/wiring';
import * as document from '../functions/flows/document/wiring';
import * as event from '../functions/flows/event/wiring';
import * as followUp from '../functions/flows/follow-up/wiring';
import * as inputRound from '../functions/flows/input-round/wiring';
import * as mailOutbox from '../functions/flows/mail-outbox/wiring';
import * as meeting from '../functions/flows/meeting/wiring';
import * as publicPage from '../functions/flows/public-page/wiring';
import * as reminderBudget from '../functions/flows/reminder-budget/wiring';
import type { Auth, FunctionSpec, RouteSpec as AnyRoute, ScheduleSpec, WorkflowSpec } from './wiring-types';

export type { Auth, FunctionSpec, ScheduleSpec, WorkflowSpec } from './wiring-types';

const allFunctions = {
  ...actielijn.functions,
  ...approvalRound.functions,
  ...calendar.functions,
  ...consoleFlow.functions,
  ...consultation.functions,
  ...cycle.functions,
  ...directory.functions,
  ...document.functions,
  ...event.functions,
  ...followUp.functions,
  ...inputRound.functions,
  ...mailOutbox.functions,
  ...meeting.functions,
  ...publicPage.functions,
  ...reminderBudget.functions,
};
const allWorkflows = {
  ...approvalRound.workflows,
  ...cycle.workflows,
  ...followUp.workflows,
  ...inputRound.workflows,
  ...meeting.workflows,
};
export type FunctionName = keyof typeof allFunctions;
export type WorkflowName = keyof typeof allWorkflows;
export type RouteSpec = AnyRoute<FunctionName>;

/** Every function, with the narrowest access it needs; a workflow name it uses must be declared. */
export const functions: Record<FunctionName, FunctionSpec<WorkflowName>> = allFunctions;
/**
 * How much longer a workflow's Lambda Task waits than its function may run. Lambda stops a function at
 * its timeout and answers with an error; the margin covers a cold start (up to 10 s) and the way back.
 * A Task that waits longer has lost its invocation: its `States.Timeout` is retried, nothing hangs.
 */
export const TASK_TIMEOUT_MARGIN_SECONDS = 15;
const taskTimeout = (fn: FunctionName) => allFunctions[fn].timeoutSeconds + TASK_TIMEOUT_MARGIN_SECONDS;

/**
 * Each `<Name>FunctionArn` placeholder comes with `<Name>TimeoutSeconds`, that function's Task timeout,
 * so the ASL never copies a number (it is written unquoted: `"TimeoutSeconds": ${<Name>TimeoutSeconds}`).
 */
function withTaskTimeouts(wf: WorkflowSpec<FunctionName>): WorkflowSpec<FunctionName> {
  const timeouts = Object.entries(wf.substitutions).flatMap(([key, sub]) =>
    'functionArn' in sub && key.endsWith('FunctionArn')
      ? [[key.replace(/FunctionArn$/, 'TimeoutSeconds'), { text: String(taskTimeout(sub.functionArn)) }] as const]
      : [],
  );
  return { ...wf, substitutions: { ...wf.substitutions, ...Object.fromEntries(timeouts) } };
}

/** Every workflow (ASL file with its substitutions); a substituted function must be declared. */
export const workflows = Object.fromEntries(
  Object.entries(allWorkflows).map(([name, wf]) => [name, withTaskTimeouts(wf)]),
) as Record<WorkflowName, WorkflowSpec<FunctionName>>;
/** Every HTTP route, each served by a declared function. */
export const routes = [
  ...actielijn.routes,
  ...approvalRound.routes,
  ...calendar.routes,
  ...consoleFlow.routes,
  ...consultation.routes,
  ...cycle.routes,
  ...directory.routes,
  ...document.routes,
  ...event.routes,
  ...followUp.routes,
  ...inputRound.routes,
  ...meeting.routes,
  ...publicPage.routes,
  ...reminderBudget.routes,
] as const satisfies readonly RouteSpec[];
export const schedules = [
  ...approvalRound.schedules,
  ...consultation.schedules,
  ...cycle.schedules,
  ...event.schedules,
  ...followUp.schedules,
  ...inputRound.schedules,
  ...mailOutbox.schedules,
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
  cycle: 'CYCLE_STATE_MACHINE_ARN',
  followUp: 'FOLLOW_UP_STATE_MACHINE_ARN',
  inputRound: 'INPUT_ROUND_STATE_MACHINE_ARN',
  meeting: 'MEETING_STATE_MACHINE_ARN',
};

export const routeKey = (r: Pick<RouteSpec, 'method' | 'path'>) => `${r.method} ${r.path}`;
