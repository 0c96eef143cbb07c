/** The console's start page: what needs the office's attention today, across every flow. */
import { roundDeps } from '../../approval-round';
import { followUpDeps } from '../../follow-up';
import { inputRoundDeps } from '../../input-round';
import { DynamoMeetingStore } from '../../meeting';
import { DynamoNoticeStore } from '../../../engine/notice-store';
import { config } from '../../../platform/config';
import { overdueItems } from '../flow-pages';
import { htmlReply, type SignedInRoutes } from '../http';
import { overviewPage, waitingBeyondDate } from '../overview-pages';

export const overviewRoutes = {
  'GET /console': async ({ ctx }) => {
    const deps = roundDeps();
    const table = config().tableName;
    const [all, notices, items, inputs, meetings] = await Promise.all([
      deps.rounds.list(),
      new DynamoNoticeStore(table).latest(10),
      followUpDeps().items.list(),
      inputRoundDeps().inputs.list(),
      new DynamoMeetingStore(table).list('open'),
    ]);
    const now = deps.now();
    const open = all.filter((r) => r.status === 'open');
    const waiting = waitingBeyondDate({ items, inputs, meetings }, now);
    return htmlReply(200, overviewPage(ctx, open, notices, now, overdueItems(items, now), { all, waiting }));
  },
} satisfies Partial<SignedInRoutes>;
