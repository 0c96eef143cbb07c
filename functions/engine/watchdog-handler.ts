/**
 * The scheduled function of a flow's watchdog (engine/watchdog.ts): thin, it logs what was carried on.
 * A document handed to the office is also put on the office's notices (notice-store.ts) before its
 * email goes, so the console's overview lists it while it stays open.
 */
import middy from '@middy/core';
import { logger } from '../platform/logger';
import { config } from '../platform/config';
import { DynamoNoticeStore, type Notice } from './notice-store';
import { type WatchedDoc, type WatchedFlow, watchFlow } from './watchdog';

/** The notice of a document that stopped again: one id per flow and document, so a retry writes the same id. */
export function stoppedNotice(flowName: string, docId: string, now: Date): Notice {
  return {
    id: `stopped-${flowName}-${docId}`,
    at: now.toISOString(),
    kind: 'stopped',
    text: `${flowName} ${docId}`,
    flow: flowName,
    docId,
  };
}

export function watchdogHandler<T extends WatchedDoc>(
  flowName: string,
  plug: () => { flow: WatchedFlow<T>; now: Date },
) {
  return middy(async () => {
    const { flow, now } = plug();
    const notices = new DynamoNoticeStore(config().tableName);
    const tellOffice = async (doc: T) => {
      await notices.add(stoppedNotice(flowName, doc.id, now));
      await flow.tellOffice(doc);
    };
    const report = await watchFlow({ ...flow, tellOffice }, now);
    if (report.restarted.length + report.handedToOffice.length > 0)
      logger.warn('documents whose workflow stopped', { flow: flowName, ...report });
    return report;
  });
}
