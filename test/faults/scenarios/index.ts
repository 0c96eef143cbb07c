/**
 * Every fault scenario of `npm run faults`: each kind of send under each SES outage, and the
 * DynamoDB outages during a decision and a clock move. A scenario prepares its world, runs its
 * outage through FaultRun.during and returns the emails it expects (see docs/faults.md).
 */
import type { Expected, FaultRun, Outage } from '../fault-run';
import { meetingInvitation, publication } from './meetings';
import { digest, invitations, outcome, receipt, reminders } from './rounds';
import { clockMoveDuringDbOutage, decisionDuringDbOutage } from './database';

export interface Scenario {
  kind: string;
  outage: Outage;
  run: (run: FaultRun) => Promise<Expected[]>;
}

const sends = {
  invitations,
  receipt,
  outcome,
  reminders,
  digest,
  'meeting invitation': meetingInvitation,
  publication,
};
const sesOutages: Outage[] = (['blackhole', 'refuse'] as const).flatMap((mode) =>
  [60, 8, undefined].map((seconds) => ({ service: 'ses' as const, mode, seconds })),
);
const dbOutages: Outage[] = (['blackhole', 'refuse'] as const).flatMap((mode) =>
  [60, 8].map((seconds) => ({ service: 'dynamodb' as const, mode, seconds })),
);

/** Longest first, so the runner's parallel slots end together. */
export const scenarios: Scenario[] = [
  ...dbOutages.flatMap((outage) => [
    { kind: 'decision', outage, run: decisionDuringDbOutage },
    { kind: 'clock move', outage, run: clockMoveDuringDbOutage },
  ]),
  ...sesOutages.flatMap((outage) => Object.entries(sends).map(([kind, run]) => ({ kind, outage, run }))),
].sort((a, b) => (b.outage.seconds ?? 0) - (a.outage.seconds ?? 0));
