/** The shapes of the wiring, shared by infra/wiring.ts and each flow's own wiring.ts. */

export interface FunctionSpec<W extends string = string> {
  /** Source file, relative to the repository root; it exports `handler`. */
  entry: string;
  description: string;
  timeoutSeconds: number;
  memoryMb: number;
  /**
   * Lambda's reserved concurrency: at most this many invocations at once, and always this many
   * available to the function. Over it Lambda throttles: a synchronous call fails with 429, an
   * asynchronous event waits in Lambda's queue and is tried again. The local runtime does the same
   * (local/lambda.ts). Unset: the account's unreserved pool.
   */
  reservedConcurrency?: number;
  /** What the function may touch; the stack turns each into the narrowest grant. */
  access: {
    table: 'read' | 'readwrite';
    sendEmail?: boolean;
    linkKeys?: boolean;
    startWorkflows?: readonly W[];
    resumeWorkflows?: readonly W[];
    /** Lists the workflow's executions (the watchdogs: which still run). */
    watchWorkflows?: readonly W[];
    /** Plans reminders: may create, move and delete the reminder schedules (and pass their role). */
    scheduleReminders?: boolean;
    /**
     * The documents bucket: `read` signs download links (GetObject); `readwrite` also signs upload
     * forms, checks what arrived and deletes what is refused (PutObject, DeleteObject).
     */
    documents?: 'read' | 'readwrite';
  };
}

export type Auth = 'office' | 'link' | 'session' | 'public';

export interface RouteSpec<F extends string = string> {
  method: 'GET' | 'POST' | 'HEAD';
  path: string;
  fn: F;
  /**
   * office: signed-in programme office (Cognito JWT in the cloud); link: protected by the token in
   * the path; session: console pages, whose signed session cookie the handler checks; public:
   * pages for everyone, without personal data.
   */
  auth: Auth;
}

export interface WorkflowSpec<F extends string = string> {
  file: string;
  /**
   * ASL placeholder -> the function whose ARN fills it, or a plain text (a field name, an error name);
   * texts are put into the JSON as they are, so they hold no quotes or backslashes.
   */
  substitutions: Record<string, { functionArn: F } | { text: string }>;
}

export interface ScheduleSpec<F extends string = string> {
  name: string;
  fn: F;
  everyHours: number;
  /** For a daily schedule (everyHours 24): the hour (UTC) it runs at; default 0. */
  atHourUtc?: number;
}
