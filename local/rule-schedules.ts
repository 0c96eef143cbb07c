/**
 * The wiring's rule schedules (the cloud's EventBridge rules: watchdogs, planner, daily sweeps) on the
 * local clock. Each keeps its next moment in `schedulesFile` across restarts, so a runtime restarted
 * daily still runs them. Rules invoke their function asynchronously (`Event`), as EventBridge does.
 */
import { existsSync, readFileSync } from 'node:fs';
import { writeDurable } from './durable-file';
import { type FunctionName, type ScheduleSpec, schedules } from '../infra/wiring';
import type { LocalClock } from './clock';
import { invokeFunction } from './lambda';
import type { LocalStepFunctions } from './stepfunctions';

export function runRuleSchedules(clock: LocalClock, sfn: LocalStepFunctions, schedulesFile: string | undefined): void {
  const nextDue: Record<string, number> =
    schedulesFile && existsSync(schedulesFile) ? JSON.parse(readFileSync(schedulesFile, 'utf8')) : {};
  for (const s of schedules as readonly ScheduleSpec<FunctionName>[]) {
    const every = s.everyHours * 3600_000;
    // A daily schedule runs at its hour (UTC), as its cloud rule does.
    const offset = (s.atHourUtc ?? 0) * 3600_000;
    const arm = (due: number) => {
      nextDue[s.name] = due;
      if (schedulesFile) writeDurable(schedulesFile, JSON.stringify(nextDue));
      clock.at(`schedule:${s.name}`, due, fire);
    };
    const fire = () => {
      arm(Math.floor((clock.now().getTime() - offset) / every) * every + every + offset);
      sfn
        .track(
          invokeFunction(s.fn, { source: 'local.schedule', 'detail-type': 'Scheduled Event', detail: {} }, 'Event'),
        )
        .catch((err) => {
          clock.reportFailure(`schedule ${s.name}`, err);
          console.error(`schedule ${s.name} failed`, err);
        });
    };
    // On the period's boundary (the hourly tick on the hour), as a cloud schedule would run.
    arm(nextDue[s.name] ?? Math.ceil((clock.now().getTime() + 1 - offset) / every) * every + offset);
  }
}
