/** Placeholder removed below once written. */
import type { Expected, FaultRun } from '../fault-run';
export async function meetingInvitation(_run: FaultRun): Promise<Expected[]> {
  return [];
}
export async function publication(_run: FaultRun): Promise<Expected[]> {
  return [];
}
