/**
 * The console's start page: what needs the office's attention today, across every flow, each through
 * its flow's exported use cases and stores (queries by partition or status index; no scans).
 */
import { roundDeps } from '../../approval-round';
import { cycleDeps, listCycles } from '../../cycle';
import { followUpDeps } from '../../follow-up';
import { inputRoundDeps } from '../../input-round';
import { DynamoMeetingStore } from '../../meeting';
import { directoryStore } from '../../../engine/deps';
import { DynamoNoticeStore } from '../../../engine/notice-store';
import { config } from '../../../platform/config';
import type { RouteTable } from '../../../platform/http';
import { overdueItems } from '../flow-pages';
import { type Handler, htmlReply } from '../http';
import { bouncedAddresses, bouncedPeopleIds, phasesBackWithOffice, stoppedFlows } from '../overview-office';
import { overviewPage, waitingBeyondDate } from '../overview-pages';

/** Enough notices for a month of bounces and stopped flows; each list below keeps only what still needs someone. */
const NOTICES = 100;

export const overviewRoutes: RouteTable<'overviewConsole', Handler, 'session'> = {
  'GET /console': async ({ ctx }) => {
    const deps = roundDeps();
    const table = config().tableName;
    const [all, notices, items, inputs, meetings, running, planned] = await Promise.all([
      deps.rounds.list(),
      new DynamoNoticeStore(table).latest(NOTICES),
      followUpDeps().items.list(),
      inputRoundDeps().inputs.list(),
      new DynamoMeetingStore(table).list('open'),
      listCycles(cycleDeps(), 'running'),
      listCycles(cycleDeps(), 'planned'),
    ]);
    const cycles = [...running, ...planned];
    const people = await directoryStore().getPeople(bouncedPeopleIds(notices));
    const now = deps.now();
    const open = all.filter((r) => r.status === 'open');
    const waiting = waitingBeyondDate({ items, inputs, meetings }, now);
    const more = {
      all,
      waiting,
      bounced: bouncedAddresses(notices, people, now),
      stopped: stoppedFlows(notices, { items, inputs, meetings, cycles }, ctx.lang),
      phases: phasesBackWithOffice(cycles, ctx.lang),
    };
    return htmlReply(200, overviewPage(ctx, open, notices, now, overdueItems(items, now), more));
  },
};
