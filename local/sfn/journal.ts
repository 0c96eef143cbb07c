/**
 * The executions on disk (`.data/stepfunctions.json`): each with the top-level state it is in and that
 * state's input, so that after a restart every running execution continues from there.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Json } from './callbacks';

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED' | 'TIMED_OUT';

export interface ExecutionRecord {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  input: string;
  status: ExecutionStatus;
  startDate: number;
  stopDate?: number;
  output?: string;
  error?: string;
  cause?: string;
  /** The top-level state it is in, with that state's input: where a restart continues. */
  current?: { state: string; input: Json; enteredAt: number };
}

export function loadJournal(file: string | undefined): ExecutionRecord[] {
  if (!file) return [];
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as ExecutionRecord[];
  } catch {
    return []; // no journal yet
  }
}

export function writeJournal(file: string, executions: Iterable<ExecutionRecord>): void {
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify([...executions]));
  renameSync(tmp, file);
}
