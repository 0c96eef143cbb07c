/**
 * The whole product on one machine: DynamoDB (dynalite), SES with a mailbox page
 * (aws-ses-v2-local), Step Functions (local interpreter + journal), the HTTP API and pages,
 * the scheduled ticks, and a movable clock. Used by `npm start`, the tests and the benchmark.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { writeDurable } from './durable-file';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sesLocal from 'aws-ses-v2-local';

// The package is CommonJS with an ES-style default export.
const sesServer = ((sesLocal as any).default ?? sesLocal) as typeof sesLocal;
import { workflowArnVariables, workflows } from '../infra/wiring';
import { useClockSource } from '../functions/platform/clock';
import { LocalClock } from './clock';
import { startHttpServer } from './http-server';
import { functionArn, functionFromArn, invokeFunction, LOCAL_ACCOUNT, LOCAL_REGION } from './lambda';
import { runRuleSchedules } from './rule-schedules';
import { ensureTable } from './runtime-table';
import { startDynalite } from './dynamo-store';
import { persistMailbox, restoreMailbox, stampMailWith } from './mailbox';
import { MAILBOX_PATH } from './mailbox-page';
import { mailboxRoute, replaceViewer } from './mailbox-routes';
import { installSesSimulator } from './ses-simulator';
import { keepRawMessages, setMaxSendRate } from './ses-fidelity';
import { startSfnServer } from './sfn-server';
import { DOCUMENTS_BUCKET, startS3 } from './s3-store';
import { LocalScheduler, startSchedulerServer } from './scheduler-server';
import { LocalStepFunctions } from './stepfunctions';
import { homePage } from './home-page';
import { seedDemoCycles, seedDemoData, startSpukDraft } from './seed';
import { addIsoDuration } from '../functions/platform/time';

export interface Ports {
  http: number;
  mailbox: number;
  sfn: number;
  dynamodb: number;
  /** S3 (s3rver), where documents are kept; default: any free port. */
  s3?: number;
  /** The EventBridge Scheduler stand-in; fixed so that a restart in the same process keeps its SDK clients' endpoint. */
  scheduler?: number;
}

export interface LocalOptions {
  /** Folder for everything that must survive a restart; null keeps it all in memory. */
  dataDir: string | null;
  ports: Ports;
  seed?: boolean;
  /**
   * The demo's running cycles (local/demo-cycles.ts), with the demo data; default on. The tests'
   * harness leaves them out, so each test's mail, rounds and items stay its own.
   */
  demoCycles?: boolean;
  logLevel?: string;
  /** Where a fresh clock begins; default: now. Tests pin it so quiet hours and Sundays fall the same on every run. */
  startAt?: string;
  /** Where the handlers reach DynamoDB and SES (default: the stand-ins); the fault harness puts a proxy here. */
  endpoints?: { dynamodb?: string; ses?: string };
  /** SES's maximum sending rate, sends a second (local/ses-fidelity.ts); default LOCAL_SES_MAX_SEND_RATE, else none. */
  sesMaxSendRate?: number;
}

export interface LocalRuntime {
  /** `mailbox` is the SES stand-in (its API and `/store`); `mailboxPage` the page people read mail on. */
  urls: { app: string; mailbox: string; mailboxPage: string; sfn: string; dynamodb: string; s3: string };
  ports: Ports;
  officeToken: string;
  clock: LocalClock;
  sfn: LocalStepFunctions;
  whenIdle: () => Promise<void>;
  stop: () => Promise<void>;
}

export { TABLE_NAME } from './runtime-constants';
import { TABLE_NAME } from './runtime-constants';

function readOrCreate(file: string, create: () => string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const value = create();
  writeDurable(file, value, 0o600);
  return value;
}

const listen = (server: Server, port: number) =>
  new Promise<number>((res) => server.listen(port, '127.0.0.1', () => res((server.address() as AddressInfo).port)));
const close = (server: Server) =>
  new Promise<void>((res) => {
    server.closeAllConnections?.();
    server.close(() => res());
  });

export async function startLocal(opts: LocalOptions): Promise<LocalRuntime> {
  const dir = opts.dataDir ? resolve(opts.dataDir) : mkdtempSync(join(tmpdir(), 'alliance-cycle-'));
  mkdirSync(dir, { recursive: true });
  const persistent = opts.dataDir !== null;

  const linkKeysFile = join(dir, 'link-keys.json');
  readOrCreate(linkKeysFile, () =>
    JSON.stringify({ current: 'local-1', 'local-1': randomBytes(32).toString('base64url') }),
  );
  const officeToken = readOrCreate(join(dir, 'office-token'), () => randomBytes(24).toString('base64url'));

  const dynamo = startDynalite({
    path: persistent ? join(dir, 'dynamodb') : undefined,
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
  });
  const dynamoServer: Server = dynamo.server;
  const dynamoPort = await listen(dynamoServer, opts.ports.dynamodb);
  keepRawMessages();
  const mailServer = await sesServer({ host: '127.0.0.1', port: opts.ports.mailbox });
  const mailPort = (mailServer.address() as AddressInfo).port;
  let mailboxPage = MAILBOX_PATH; // the app's address once its server listens (below)
  replaceViewer(mailServer, () => mailboxPage);
  const mailboxFile = persistent ? join(dir, 'mailbox.json') : undefined;
  // Documents on disk under the data folder (a temporary one for an in-memory runtime).
  const s3 = await startS3({ directory: join(dir, 's3'), port: opts.ports.s3 ?? 0 });
  restoreMailbox(mailboxFile);

  const clock = new LocalClock(
    persistent ? join(dir, 'clock.json') : undefined,
    opts.startAt ? new Date(opts.startAt) : undefined,
  );
  useClockSource(clock.now);
  stampMailWith(clock.now);
  setMaxSendRate(opts.sesMaxSendRate ?? Number(process.env.LOCAL_SES_MAX_SEND_RATE ?? 0), () => clock.now().getTime());
  const sfn = new LocalStepFunctions(clock, { journalDir: persistent ? join(dir, 'stepfunctions') : undefined });
  const sfnServer = await startSfnServer(sfn, opts.ports.sfn);
  const sfnPort = (sfnServer.address() as AddressInfo).port;
  // The one-time schedules (each person's reminder schedule, the mail sweeper's wake), on the clock;
  // their target runs as the cloud's does.
  const reminderScheduler = new LocalScheduler(
    clock,
    // Asynchronous, as Scheduler invokes its target; the scheduler keeps the invocation until it has
    // run and tries a failed one again (scheduler-server.ts).
    (s) =>
      sfn.track(
        invokeFunction(functionFromArn(s.target.Arn), s.target.Input ? JSON.parse(s.target.Input) : {}, 'Event'),
      ),
    persistent ? join(dir, 'reminder-schedules.json') : undefined,
  );
  const schedulerServer = await startSchedulerServer(reminderScheduler, opts.ports.scheduler ?? 0);
  const schedulerPort = (schedulerServer.address() as AddressInfo).port;

  const httpPortWanted = opts.ports.http;
  const machineArns: Record<string, string> = {};
  for (const [name, wf] of Object.entries(workflows)) {
    let text = readFileSync(resolve(import.meta.dirname, '..', wf.file), 'utf8');
    for (const [placeholder, sub] of Object.entries(wf.substitutions))
      text = text.replaceAll(`\${${placeholder}}`, 'functionArn' in sub ? functionArn(sub.functionArn) : sub.text);
    machineArns[name] = sfn.register(`alliance-cycle-${name}`, JSON.parse(text));
  }

  // The handlers read their configuration from the environment, exactly as in Lambda.
  Object.assign(process.env, {
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: opts.endpoints?.dynamodb ?? `http://127.0.0.1:${dynamoPort}`,
    AWS_ENDPOINT_URL_SESV2: opts.endpoints?.ses ?? `http://127.0.0.1:${mailPort}`,
    AWS_ENDPOINT_URL_SES: opts.endpoints?.ses ?? `http://127.0.0.1:${mailPort}`,
    AWS_ENDPOINT_URL_SFN: `http://127.0.0.1:${sfnPort}`,
    AWS_ENDPOINT_URL_S3: `http://localhost:${s3.port}`,
    S3_FORCE_PATH_STYLE: 'true',
    DOCUMENTS_BUCKET,
    AWS_ENDPOINT_URL_SCHEDULER: `http://127.0.0.1:${schedulerPort}`,
    REMINDER_SCHEDULE_GROUP: 'alliance-cycle-reminders',
    REMINDER_DIGEST_ARN: functionArn('reminderDigest'),
    REMINDER_SCHEDULER_ROLE_ARN: `arn:aws:iam::${LOCAL_ACCOUNT}:role/alliance-cycle-reminder-scheduler`,
    REMINDER_SCHEDULE_DLQ_ARN: `arn:aws:sqs:${LOCAL_REGION}:${LOCAL_ACCOUNT}:alliance-cycle-reminder-schedules-dlq`,
    MAIL_SWEEP_SCHEDULE_GROUP: 'alliance-cycle-mail',
    MAIL_SWEEPER_ARN: functionArn('mailSweeper'),
    MAIL_SWEEP_SCHEDULER_ROLE_ARN: `arn:aws:iam::${LOCAL_ACCOUNT}:role/alliance-cycle-mail-sweep-scheduler`,
    MAIL_SWEEP_DLQ_ARN: `arn:aws:sqs:${LOCAL_REGION}:${LOCAL_ACCOUNT}:alliance-cycle-mail-sweep-dlq`,
    TABLE_NAME,
    MAIL_FROM: 'Alliantiecyclus <noreply@alliantie.example.org>',
    OFFICE_EMAIL: 'programmabureau@example.org',
    LINK_KEYS_FILE: linkKeysFile,
    CONSOLE_SIGN_IN_CODE: officeToken,
    POWERTOOLS_LOG_LEVEL: opts.logLevel ?? process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
    ...Object.fromEntries(Object.entries(workflowArnVariables).map(([wf, variable]) => [variable, machineArns[wf]])),
  });
  await ensureTable(`http://127.0.0.1:${dynamoPort}`);
  // A crash between dynalite's writes can leave the index apart from the table (dynamo-store.ts).
  const repaired = persistent ? await dynamo.repairIndexes(TABLE_NAME) : 0;
  if (repaired) console.warn(`DynamoDB stand-in: ${repaired} index entries put right after a crash`);

  const whenIdle = () => sfn.whenIdle();
  const localAction = async (method: string, url: URL) => {
    const path = url.pathname;
    const mailbox = await mailboxRoute(method, url);
    if (mailbox) return mailbox;
    if (method !== 'POST') return null;
    let message: string;
    if (path === '/local/demo/spuk') {
      const res = await startSpukDraft(officeToken, appUrl, clock.now());
      message =
        res.status === 201
          ? 'De ronde is gestart. De uitnodigingen staan in de mailbox.'
          : `Dat lukte niet: ${res.body.message ?? res.status}`;
    } else if (path === '/local/demo/advance-1d' || path === '/local/demo/advance-7d') {
      await clock.advanceTo(addIsoDuration(clock.now(), path.endsWith('1d') ? 'P1D' : 'P7D'), whenIdle);
      message = 'De klok is verzet.';
    } else return null;
    return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: homePage(runtime, message) };
  };
  const httpServer = await startHttpServer({
    port: httpPortWanted,
    officeToken,
    clock,
    whenIdle,
    homePage: () => homePage(runtime),
    localAction,
  });
  const httpPort = (httpServer.address() as AddressInfo).port;
  const appUrl = `http://localhost:${httpPort}`;
  process.env.PUBLIC_BASE_URL = appUrl;
  mailboxPage = `${appUrl}${MAILBOX_PATH}`;

  if (opts.seed !== false) await seedDemoData(officeToken, appUrl, clock.now());

  runRuleSchedules(clock, sfn, persistent ? join(dir, 'schedules.json') : undefined);
  // Mail to SES's simulator addresses bounces or draws a complaint, as in the cloud.
  const uninstallSimulator = installSesSimulator((event) => {
    sfn.track(invokeFunction('sesEvents', event)).catch((err) => console.error('simulated delivery event failed', err));
  });
  sfn.resumeJournal();
  // After the journal: a start after a crash half-way through these finds their workflows running again.
  if (opts.seed !== false && opts.demoCycles !== false)
    await seedDemoCycles(officeToken, appUrl, clock.now(), whenIdle);
  // Once at every start, besides the daily safety sweep: mail a crash left pending goes now, also when
  // the crash lost its wake (engine/mail-wake.ts); the sweep then sets the wake for what stays pending.
  sfn
    .track(invokeFunction('mailSweeper', { source: 'local.start' }))
    .catch((err) => console.error('the mail sweep at start failed', err));
  clock.start(whenIdle);
  const mailboxTimer = setInterval(() => persistMailbox(mailboxFile), 1000);
  mailboxTimer.unref();

  const runtime: LocalRuntime = {
    urls: {
      app: appUrl,
      mailbox: `http://localhost:${mailPort}`,
      mailboxPage,
      sfn: `http://localhost:${sfnPort}`,
      dynamodb: `http://localhost:${dynamoPort}`,
      s3: `http://localhost:${s3.port}`,
    },
    ports: {
      http: httpPort,
      mailbox: mailPort,
      sfn: sfnPort,
      dynamodb: dynamoPort,
      s3: s3.port,
      scheduler: schedulerPort,
    },
    officeToken,
    clock,
    sfn,
    whenIdle,
    stop: async () => {
      clearInterval(mailboxTimer);
      uninstallSimulator();
      persistMailbox(mailboxFile);
      clock.stop();
      // Let running steps reach a wait first, so no handler is cut off half-way (bounded: a stop must stop).
      await Promise.race([whenIdle(), new Promise((r) => setTimeout(r, 5000).unref())]);
      sfn.shutdown();
      await Promise.all([close(httpServer), close(sfnServer), close(mailServer), close(schedulerServer)]);
      await Promise.all([close(dynamoServer), close(s3.s3.httpServer)]);
    },
  };
  return runtime;
}
