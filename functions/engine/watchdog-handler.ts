/** The scheduled function of a flow's watchdog (engine/watchdog.ts): thin, it logs what was carried on. */
import middy from '@middy/core';
import { logger } from '../platform/logger';
import { type WatchedDoc, type WatchedFlow, watchFlow } from './watchdog';

export function watchdogHandler<T extends WatchedDoc>(
  flowName: string,
  plug: () => { flow: WatchedFlow<T>; now: Date },
) {
  return middy(async () => {
    const { flow, now } = plug();
    const report = await watchFlow(flow, now);
    if (report.restarted.length + report.handedToOffice.length > 0)
      logger.warn('documents whose workflow stopped', { flow: flowName, ...report });
    return report;
  });
}
