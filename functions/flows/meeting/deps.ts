/**
 * Wires the meeting cycle, once per cold start. Apart from lib/deps.ts so that only the meeting
 * functions carry the recurrence and calendar libraries in their bundles; only those that send
 * invitations pass the calendar composer (and carry the MIME library).
 */
import { type ListRequest, pageOfList } from '../../engine/doc-pages';
import type { MeetingSeries } from './series';
import { DynamoMeetingStore, DynamoSeriesStore } from './store';
import { SesMailer, type RawComposer } from '../../engine/ses-mailer';
import type { MeetingDeps } from './use-cases';
import { config } from '../../platform/config';
import { workflowGateway } from '../../engine/deps';
import { followUpDeps } from '../follow-up';

const wired = new Map<boolean, MeetingDeps>();

export function meetingDeps(composeWithCalendar?: RawComposer): MeetingDeps {
  const calendar = Boolean(composeWithCalendar);
  let deps = wired.get(calendar);
  if (!deps) {
    const f = followUpDeps();
    const c = config();
    deps = {
      meetings: new DynamoMeetingStore(c.tableName),
      series: new DynamoSeriesStore(c.tableName),
      directory: f.directory,
      mailer: composeWithCalendar ? new SesMailer(c.mailFrom, c.configurationSet, composeWithCalendar) : f.mailer,
      reminders: f.reminders,
      workflow: workflowGateway(),
      linkKeys: f.linkKeys,
      settings: f.settings,
      now: f.now,
      log: f.log,
      followUps: f,
    };
    wired.set(calendar, deps);
  }
  return deps;
}

/** One page of the meeting series, searched by title (engine/doc-pages.ts). */
export const pageSeries = (req: ListRequest<MeetingSeries['status']>) =>
  pageOfList(new DynamoSeriesStore(config().tableName), req, (s) => s.title);
