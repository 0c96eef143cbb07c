/**
 * Wires the meeting cycle, once per cold start. Apart from lib/deps.ts so that only the meeting
 * functions (and the digest) carry the recurrence, calendar and MIME libraries in their bundles.
 */
import { DynamoMeetingStore, DynamoSeriesStore } from '../adapters/meeting-store';
import { SesMailer } from '../adapters/ses-mailer';
import { composeWithCalendar } from '../adapters/calendar-mime';
import type { MeetingDeps } from '../services/meetings';
import { config } from './config';
import { followUpDeps, workflowGateway } from './deps';

let meetings: MeetingDeps | undefined;

export function meetingDeps(): MeetingDeps {
  if (!meetings) {
    const f = followUpDeps();
    const c = config();
    meetings = {
      meetings: new DynamoMeetingStore(c.tableName), series: new DynamoSeriesStore(c.tableName), directory: f.directory,
      // Invitations carry a calendar part: this mailer can build that message.
      mailer: new SesMailer(c.mailFrom, c.configurationSet, composeWithCalendar),
      reminders: f.reminders, workflow: workflowGateway(), linkKeys: f.linkKeys, settings: f.settings, now: f.now, log: f.log, followUps: f,
    };
  }
  return meetings;
}
