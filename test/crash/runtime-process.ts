/**
 * The local runtime as a child process (`tsx local/main.ts`), so that it can be killed with SIGKILL
 * at any moment, as a crash would, and started again on the same data directory and ports.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { freePorts } from '../support/local';

const ROOT = resolve(import.meta.dirname, '..', '..');

export type Ports = Awaited<ReturnType<typeof freePorts>>;

export class RuntimeProcess {
  private child?: ChildProcess;
  private exited?: Promise<void>;
  /** The runtime's last lines of output, for the report when a start fails. */
  private tail: string[] = [];
  starts = 0;
  kills = 0;
  /** The wall time of each SIGKILL (ms). */
  readonly killTimes: number[] = [];

  constructor(
    readonly dataDir: string,
    readonly ports: Ports,
  ) {}

  get app() {
    return `http://127.0.0.1:${this.ports.http}`;
  }
  get mailbox() {
    return `http://127.0.0.1:${this.ports.mailbox}`;
  }
  get dynamodb() {
    return `http://127.0.0.1:${this.ports.dynamodb}`;
  }
  /** Everything the runtime printed, each start and kill marked with the wall time: kept with the data on a failure. */
  get logFile() {
    return join(this.dataDir, 'runtime.log');
  }

  /** A line in the runtime's log, with the wall time (the harness's own steps, between the runtime's lines). */
  note(line: string): void {
    appendFileSync(this.logFile, `${new Date().toISOString()} harness: ${line}\n`);
  }

  get token() {
    return readFileSync(join(this.dataDir, 'office-token'), 'utf8').trim();
  }

  /** Start and wait for the banner: every server listens and the journal has resumed. */
  async start(timeoutMs = 120_000): Promise<void> {
    const env = {
      ...process.env,
      DATA_DIR: this.dataDir,
      PORT: String(this.ports.http),
      MAILBOX_PORT: String(this.ports.mailbox),
      SFN_PORT: String(this.ports.sfn),
      DYNAMODB_PORT: String(this.ports.dynamodb),
      S3_PORT: String(this.ports.s3),
      SCHEDULER_PORT: String(this.ports.scheduler),
      // As in every test on the local runtime (test/support/local.ts): retries after milliseconds.
      LOCAL_SFN_RETRY_SPEEDUP: process.env.LOCAL_SFN_RETRY_SPEEDUP ?? '1000',
    };
    const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), ['local/main.ts'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group: tsx runs the program in a child of its own, and a crash takes both.
      detached: true,
    });
    this.child = child;
    this.starts++;
    this.exited = new Promise((r) => child.once('exit', () => r()));
    this.note(`start ${this.starts}`);
    const keep = (chunk: Buffer) => {
      const at = new Date().toISOString();
      appendFileSync(this.logFile, chunk.toString().replace(/^(?=.)/gm, `${at} `));
      this.tail.push(...chunk.toString().split('\n'));
      this.tail = this.tail.slice(-40);
    };
    child.stderr?.on('data', keep);
    await new Promise<void>((res, rej) => {
      const timer = setTimeout(() => rej(new Error(`runtime did not start:\n${this.tail.join('\n')}`)), timeoutMs);
      child.stdout?.on('data', (chunk: Buffer) => {
        keep(chunk);
        if (chunk.toString().includes('Office API token') || this.tail.some((l) => l.includes('Office API token'))) {
          clearTimeout(timer);
          res();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        rej(new Error(`runtime exited (${code}) while starting:\n${this.tail.join('\n')}`));
      });
    });
  }

  /** SIGKILL: no handler runs, nothing is flushed; what is on disk is what a crash leaves. */
  async kill(): Promise<void> {
    if (!this.child || this.child.exitCode !== null) return;
    this.kills++;
    this.note(`SIGKILL ${this.kills}`);
    this.killTimes.push(Date.now());
    process.kill(-(this.child.pid as number), 'SIGKILL');
    await this.exited;
  }

  /** A clean stop at the end (SIGTERM: the runtime's own stop). */
  async stop(): Promise<void> {
    if (!this.child || this.child.exitCode !== null) return;
    process.kill(-(this.child.pid as number), 'SIGTERM');
    await this.exited;
  }

  errors(): string[] {
    return this.tail.filter((l) => /error|failed/i.test(l));
  }
}
