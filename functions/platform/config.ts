/**
 * Configuration, read once per cold start and failing fast with the name of what is missing.
 * Local mode sets the same variables before it loads the handlers.
 */
function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Missing environment variable ${name}`);
  return value;
}

function optional(name: string): string | undefined {
  return process.env[name] || undefined;
}

export interface Config {
  tableName: string;
  mailFrom: string;
  officeEmail: string;
  publicBaseUrl: string;
  configurationSet?: string;
  approvalStateMachineArn?: string;
  followUpStateMachineArn?: string;
  cycleStateMachineArn?: string;
  inputRoundStateMachineArn?: string;
  meetingStateMachineArn?: string;
  linkKeysSecretArn?: string;
  linkKeysFile?: string;
  linkGraceSeconds: number;
  /** Only the functions that plan reminders are told these (the wiring's `scheduleReminders`). */
  reminderSchedules?: ScheduleTarget;
  /** The mail sweeper's one-time wake; only the functions that send email are told these (`sendEmail`). */
  mailSweep?: ScheduleTarget;
  /** The documents bucket; only the functions with `documents` access are told it. */
  documentsBucket?: string;
  /** Path-style S3 addresses (local mode: s3rver on localhost has no bucket subdomains). */
  s3PathStyle: boolean;
}

/** A kind of one-time schedule: its group, the function it invokes, the role it assumes, its dead letters. */
interface ScheduleTarget {
  group: string;
  targetArn: string;
  roleArn: string;
  deadLetterArn: string;
}

let cached: Config | undefined;

export function config(): Config {
  cached ??= {
    tableName: required('TABLE_NAME'),
    mailFrom: required('MAIL_FROM'),
    officeEmail: required('OFFICE_EMAIL'),
    publicBaseUrl: required('PUBLIC_BASE_URL').replace(/\/$/, ''),
    configurationSet: optional('SES_CONFIGURATION_SET'),
    approvalStateMachineArn: optional('APPROVAL_STATE_MACHINE_ARN'),
    followUpStateMachineArn: optional('FOLLOW_UP_STATE_MACHINE_ARN'),
    cycleStateMachineArn: optional('CYCLE_STATE_MACHINE_ARN'),
    inputRoundStateMachineArn: optional('INPUT_ROUND_STATE_MACHINE_ARN'),
    meetingStateMachineArn: optional('MEETING_STATE_MACHINE_ARN'),
    linkKeysSecretArn: optional('LINK_KEYS_SECRET_ARN'),
    linkKeysFile: optional('LINK_KEYS_FILE'),
    linkGraceSeconds: Number(optional('LINK_GRACE_SECONDS') ?? 30 * 24 * 3600),
    reminderSchedules: oneTimeSchedules(
      'REMINDER_SCHEDULE_GROUP',
      'REMINDER_DIGEST_ARN',
      'REMINDER_SCHEDULER_ROLE_ARN',
      'REMINDER_SCHEDULE_DLQ_ARN',
    ),
    mailSweep: oneTimeSchedules(
      'MAIL_SWEEP_SCHEDULE_GROUP',
      'MAIL_SWEEPER_ARN',
      'MAIL_SWEEP_SCHEDULER_ROLE_ARN',
      'MAIL_SWEEP_DLQ_ARN',
    ),
    documentsBucket: optional('DOCUMENTS_BUCKET'),
    s3PathStyle: optional('S3_FORCE_PATH_STYLE') === 'true',
  };
  if (!cached.linkKeysSecretArn && !cached.linkKeysFile)
    throw new Error('Set LINK_KEYS_SECRET_ARN (cloud) or LINK_KEYS_FILE (local mode)');
  return cached;
}

/** A kind of one-time schedule, when the function is told of it (its group set): all four or none. */
function oneTimeSchedules(group: string, target: string, role: string, deadLetter: string): ScheduleTarget | undefined {
  const name = optional(group);
  if (!name) return undefined;
  return { group: name, targetArn: required(target), roleArn: required(role), deadLetterArn: required(deadLetter) };
}
