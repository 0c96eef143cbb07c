/** What starts functions without a request: the scheduled ticks and SES's delivery events. */
import type { Stack } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { SnsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { Topic } from 'aws-cdk-lib/aws-sns';
import type { AllianceFunction } from './alliance-function';
import { type FunctionName, type ScheduleSpec, schedules } from './wiring';

export function addTriggers(stack: Stack, fns: Record<FunctionName, AllianceFunction>, deliveryEvents: Topic): void {
  for (const s of schedules) {
    // On the hour (UTC), as the local runtime runs them: the reminder budget plans whole hours.
    const spec: ScheduleSpec = s;
    const every = spec.everyHours;
    const hour = every >= 24 ? String(spec.atHourUtc ?? 0) : every === 1 ? '*' : `*/${every}`;
    new Rule(stack, `${s.name}Schedule`, {
      schedule: Schedule.cron({ minute: '0', hour }),
      targets: [new LambdaFunction(fns[s.fn])],
    });
  }
  fns.sesEvents.addEventSource(new SnsEventSource(deliveryEvents));
}
