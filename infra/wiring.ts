/**
 * The one declaration of how the product is wired: functions, HTTP routes, workflows with
 * their substitutions, and schedules. The CDK stack builds AWS resources from it; the local
 * runtime serves and runs the very same list. Plain data: no CDK or AWS imports here.
 */
export type FunctionName =
  | 'roundsApi'
  | 'directoryApi'
  | 'decisionPage'
  | 'roundSteps'
  | 'watchdog'
  | 'sesEvents'
  | 'console'
  | 'followUpsApi'
  | 'followUpPage'
  | 'followUpSteps'
  | 'publicPage'
  | 'inputRoundsApi'
  | 'inputRoundPage'
  | 'inputRoundSteps'
  | 'reminderDigest'
  | 'preferencePage'
  | 'meetingsApi'
  | 'meetingPage'
  | 'meetingSteps'
  | 'meetingPlanner';
export type WorkflowName = 'approvalRound' | 'followUp' | 'inputRound' | 'meeting';

export interface FunctionSpec {
  /** Source file, relative to the repository root; it exports `handler`. */
  entry: string;
  description: string;
  timeoutSeconds: number;
  memoryMb: number;
  /** What the function may touch; the stack turns each into the narrowest grant. */
  access: {
    table: 'read' | 'readwrite';
    sendEmail?: boolean;
    linkKeys?: boolean;
    startWorkflows?: WorkflowName[];
    resumeWorkflows?: WorkflowName[];
  };
}

export const functions: Record<FunctionName, FunctionSpec> = {
  roundsApi: {
    entry: 'functions/handlers/rounds-api.ts',
    description: 'Programme office API for approval rounds',
    timeoutSeconds: 29,
    memoryMb: 512,
    access: {
      table: 'readwrite',
      sendEmail: true,
      linkKeys: true,
      startWorkflows: ['approvalRound'],
      resumeWorkflows: ['approvalRound'],
    },
  },
  directoryApi: {
    entry: 'functions/handlers/directory-api.ts',
    description: 'People and bodies a round can address; personal data export and erasure',
    timeoutSeconds: 29,
    memoryMb: 256,
    access: { table: 'readwrite' },
  },
  decisionPage: {
    entry: 'functions/handlers/decision-page.ts',
    description: 'Decision pages behind the signed email links',
    timeoutSeconds: 29,
    memoryMb: 512,
    access: { table: 'readwrite', sendEmail: true, linkKeys: true, resumeWorkflows: ['approvalRound'] },
  },
  roundSteps: {
    entry: 'functions/handlers/round-steps.ts',
    description: 'Task steps of the approval-round workflow',
    timeoutSeconds: 120,
    memoryMb: 512,
    access: { table: 'readwrite', sendEmail: true, linkKeys: true, resumeWorkflows: ['approvalRound'] },
  },
  watchdog: {
    entry: 'functions/handlers/watchdog.ts',
    description: 'Daily safety net for rounds past their deadline',
    timeoutSeconds: 300,
    memoryMb: 256,
    access: { table: 'readwrite', resumeWorkflows: ['approvalRound'] },
  },
  console: {
    entry: 'functions/handlers/console.ts',
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
  followUpsApi: {
    entry: 'functions/handlers/follow-ups-api.ts',
    description: 'Programme office API for action items (follow-ups)',
    timeoutSeconds: 29,
    memoryMb: 512,
    access: { table: 'readwrite', startWorkflows: ['followUp'], resumeWorkflows: ['followUp'] },
  },
  followUpPage: {
    entry: 'functions/handlers/follow-up-page.ts',
    description: "The page behind an action item owner's link",
    timeoutSeconds: 29,
    memoryMb: 512,
    access: { table: 'readwrite', sendEmail: true, linkKeys: true, resumeWorkflows: ['followUp'] },
  },
  followUpSteps: {
    entry: 'functions/handlers/follow-up-steps.ts',
    description: 'Task steps of the follow-up workflow',
    timeoutSeconds: 120,
    memoryMb: 512,
    access: { table: 'readwrite', sendEmail: true, linkKeys: true, resumeWorkflows: ['followUp'] },
  },
  inputRoundsApi: {
    entry: 'functions/handlers/input-rounds-api.ts',
    description: 'Programme office API for partner input rounds',
    timeoutSeconds: 29,
    memoryMb: 512,
    access: { table: 'readwrite', startWorkflows: ['inputRound'] },
  },
  inputRoundPage: {
    entry: 'functions/handlers/input-round-page.ts',
    description: "The page behind a partner contact's input-round link",
    timeoutSeconds: 29,
    memoryMb: 512,
    access: { table: 'readwrite', sendEmail: true, linkKeys: true },
  },
  inputRoundSteps: {
    entry: 'functions/handlers/input-round-steps.ts',
    description: 'Task steps of the input-round workflow',
    timeoutSeconds: 120,
    memoryMb: 512,
    access: {
      table: 'readwrite',
      sendEmail: true,
      linkKeys: true,
      startWorkflows: ['followUp'],
      resumeWorkflows: ['inputRound'],
    },
  },
  publicPage: {
    entry: 'functions/handlers/public-page.ts',
    description: 'Public "what happened with it" page of a body',
    timeoutSeconds: 10,
    memoryMb: 256,
    access: { table: 'read' },
  },
  reminderDigest: {
    entry: 'functions/handlers/reminder-digest.ts',
    description: "Hourly: each person's due reminders, combined into one message within their budget",
    timeoutSeconds: 600,
    memoryMb: 512,
    access: { table: 'readwrite', sendEmail: true, linkKeys: true },
  },
  preferencePage: {
    entry: 'functions/handlers/preference-page.ts',
    description: "A person's email settings behind the link in every email",
    timeoutSeconds: 10,
    memoryMb: 256,
    access: { table: 'readwrite', linkKeys: true },
  },
  meetingsApi: {
    entry: 'functions/handlers/meetings-api.ts',
    description: 'Programme office API for meeting series: define, move, cancel and add meetings',
    timeoutSeconds: 29,
    memoryMb: 512,
    access: {
      table: 'readwrite',
      sendEmail: true,
      linkKeys: true,
      startWorkflows: ['meeting'],
      resumeWorkflows: ['meeting'],
    },
  },
  meetingPage: {
    entry: 'functions/handlers/meeting-page.ts',
    description: "The pages behind a meeting link: agenda items, minutes, objections, the chair's decisions",
    timeoutSeconds: 29,
    memoryMb: 512,
    access: { table: 'readwrite', sendEmail: true, linkKeys: true, resumeWorkflows: ['meeting'] },
  },
  meetingSteps: {
    entry: 'functions/handlers/meeting-steps.ts',
    description: 'Task steps of the meeting workflow',
    timeoutSeconds: 120,
    memoryMb: 512,
    access: {
      table: 'readwrite',
      sendEmail: true,
      linkKeys: true,
      startWorkflows: ['followUp'],
      resumeWorkflows: ['meeting'],
    },
  },
  meetingPlanner: {
    entry: 'functions/handlers/meeting-planner.ts',
    description:
      'Daily: starts one workflow for each coming meeting of every series, and wakes meetings whose workflow should have acted',
    timeoutSeconds: 300,
    memoryMb: 512,
    access: {
      table: 'readwrite',
      sendEmail: true,
      linkKeys: true,
      startWorkflows: ['meeting', 'followUp'],
      resumeWorkflows: ['meeting'],
    },
  },
  sesEvents: {
    entry: 'functions/handlers/ses-events.ts',
    description: 'Bounces and complaints reported to the programme office',
    timeoutSeconds: 30,
    memoryMb: 256,
    access: { table: 'readwrite', sendEmail: true },
  },
};

export type Auth = 'office' | 'link' | 'session' | 'public';

export interface RouteSpec {
  method: 'GET' | 'POST' | 'HEAD';
  path: string;
  fn: FunctionName;
  /**
   * office: signed-in programme office (Cognito JWT in the cloud); link: protected by the token in
   * the path; session: console pages, whose signed session cookie the handler checks; public:
   * pages for everyone, without personal data.
   */
  auth: Auth;
}

export const routes = [
  { method: 'POST', path: '/api/rounds', fn: 'roundsApi', auth: 'office' },
  { method: 'GET', path: '/api/rounds', fn: 'roundsApi', auth: 'office' },
  { method: 'GET', path: '/api/rounds/{id}', fn: 'roundsApi', auth: 'office' },
  { method: 'POST', path: '/api/rounds/{id}/remind', fn: 'roundsApi', auth: 'office' },
  { method: 'POST', path: '/api/rounds/{id}/extend', fn: 'roundsApi', auth: 'office' },
  { method: 'POST', path: '/api/rounds/{id}/cancel', fn: 'roundsApi', auth: 'office' },
  { method: 'GET', path: '/api/bodies', fn: 'directoryApi', auth: 'office' },
  { method: 'GET', path: '/api/people', fn: 'directoryApi', auth: 'office' },
  { method: 'GET', path: '/api/organisations', fn: 'directoryApi', auth: 'office' },
  { method: 'GET', path: '/api/people/{id}/export', fn: 'directoryApi', auth: 'office' },
  { method: 'POST', path: '/api/people/{id}/erase', fn: 'directoryApi', auth: 'office' },
  { method: 'GET', path: '/console', fn: 'console', auth: 'session' },
  { method: 'GET', path: '/console/{proxy+}', fn: 'console', auth: 'session' },
  { method: 'POST', path: '/console/{proxy+}', fn: 'console', auth: 'session' },
  { method: 'POST', path: '/api/follow-ups', fn: 'followUpsApi', auth: 'office' },
  { method: 'GET', path: '/api/follow-ups', fn: 'followUpsApi', auth: 'office' },
  { method: 'GET', path: '/api/follow-ups/{id}', fn: 'followUpsApi', auth: 'office' },
  { method: 'POST', path: '/api/follow-ups/{id}/steer', fn: 'followUpsApi', auth: 'office' },
  { method: 'GET', path: '/f/{token}', fn: 'followUpPage', auth: 'link' },
  { method: 'HEAD', path: '/f/{token}', fn: 'followUpPage', auth: 'link' },
  { method: 'POST', path: '/f/{token}', fn: 'followUpPage', auth: 'link' },
  { method: 'POST', path: '/api/input-rounds', fn: 'inputRoundsApi', auth: 'office' },
  { method: 'GET', path: '/api/input-rounds', fn: 'inputRoundsApi', auth: 'office' },
  { method: 'GET', path: '/api/input-rounds/{id}', fn: 'inputRoundsApi', auth: 'office' },
  { method: 'GET', path: '/u/{token}', fn: 'inputRoundPage', auth: 'link' },
  { method: 'HEAD', path: '/u/{token}', fn: 'inputRoundPage', auth: 'link' },
  { method: 'POST', path: '/u/{token}', fn: 'inputRoundPage', auth: 'link' },
  { method: 'GET', path: '/p/{bodyId}', fn: 'publicPage', auth: 'public' },
  { method: 'POST', path: '/api/meeting-series', fn: 'meetingsApi', auth: 'office' },
  { method: 'GET', path: '/api/meeting-series', fn: 'meetingsApi', auth: 'office' },
  { method: 'GET', path: '/api/meeting-series/{id}', fn: 'meetingsApi', auth: 'office' },
  { method: 'POST', path: '/api/meeting-series/{id}/meetings', fn: 'meetingsApi', auth: 'office' },
  { method: 'POST', path: '/api/meeting-series/{id}/meetings/{key}/move', fn: 'meetingsApi', auth: 'office' },
  { method: 'POST', path: '/api/meeting-series/{id}/meetings/{key}/cancel', fn: 'meetingsApi', auth: 'office' },
  { method: 'GET', path: '/api/meetings/{id}', fn: 'meetingsApi', auth: 'office' },
  { method: 'GET', path: '/m/{token}', fn: 'meetingPage', auth: 'link' },
  { method: 'HEAD', path: '/m/{token}', fn: 'meetingPage', auth: 'link' },
  { method: 'POST', path: '/m/{token}', fn: 'meetingPage', auth: 'link' },
  { method: 'GET', path: '/s/{token}', fn: 'preferencePage', auth: 'link' },
  { method: 'HEAD', path: '/s/{token}', fn: 'preferencePage', auth: 'link' },
  { method: 'POST', path: '/s/{token}', fn: 'preferencePage', auth: 'link' },
  { method: 'GET', path: '/d/{token}', fn: 'decisionPage', auth: 'link' },
  { method: 'HEAD', path: '/d/{token}', fn: 'decisionPage', auth: 'link' },
  { method: 'POST', path: '/d/{token}', fn: 'decisionPage', auth: 'link' },
  { method: 'POST', path: '/d/{token}/new-link', fn: 'decisionPage', auth: 'link' },
] as const satisfies readonly RouteSpec[];

type DeclaredRoute = (typeof routes)[number];

/** The route keys the wiring gives a function: what its handler must serve, no more and no less. */
export type RouteKeyOf<F extends FunctionName> =
  Extract<DeclaredRoute, { fn: F }> extends infer R
    ? R extends { method: infer M extends string; path: infer P extends string }
      ? `${M} ${P}`
      : never
    : never;

export interface WorkflowSpec {
  file: string;
  /** ASL placeholder -> the function whose ARN fills it. */
  substitutions: Record<string, { functionArn: FunctionName }>;
}

export const workflows: Record<WorkflowName, WorkflowSpec> = {
  approvalRound: {
    file: 'workflows/approval-round.asl.json',
    substitutions: { RoundStepsFunctionArn: { functionArn: 'roundSteps' } },
  },
  followUp: {
    file: 'workflows/follow-up.asl.json',
    substitutions: { FollowUpStepsFunctionArn: { functionArn: 'followUpSteps' } },
  },
  inputRound: {
    file: 'workflows/input-round.asl.json',
    substitutions: { InputRoundStepsFunctionArn: { functionArn: 'inputRoundSteps' } },
  },
  meeting: {
    file: 'workflows/meeting.asl.json',
    substitutions: { MeetingStepsFunctionArn: { functionArn: 'meetingSteps' } },
  },
};

/** Which function holds a workflow's ARN in which environment variable. */
export const workflowArnVariables: Record<WorkflowName, string> = {
  approvalRound: 'APPROVAL_STATE_MACHINE_ARN',
  followUp: 'FOLLOW_UP_STATE_MACHINE_ARN',
  inputRound: 'INPUT_ROUND_STATE_MACHINE_ARN',
  meeting: 'MEETING_STATE_MACHINE_ARN',
};

export interface ScheduleSpec {
  name: string;
  fn: FunctionName;
  everyHours: number;
}

export const schedules: ScheduleSpec[] = [
  { name: 'round-watchdog', fn: 'watchdog', everyHours: 24 },
  // Quiet hours and budgets are whole hours, and a deadline-forced reminder is planned an hour ahead.
  { name: 'reminder-digest', fn: 'reminderDigest', everyHours: 1 },
  { name: 'meeting-planner', fn: 'meetingPlanner', everyHours: 24 },
];

export const routeKey = (r: Pick<RouteSpec, 'method' | 'path'>) => `${r.method} ${r.path}`;
