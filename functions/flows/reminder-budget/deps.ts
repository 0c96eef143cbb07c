/**
 * Wires the reminder digest: the outbox, the mail outbox and the mailer, and every flow to check and
 * word its reminders. The cloud handler and the local runtime both run it through digest.handler.ts.
 */
import { DynamoMeetingStore } from '../meeting';
import { DynamoMailOutbox } from '../../engine/mail-outbox-store';
import { meetingReminders } from '../meeting';
import type { DigestDeps } from '../../engine/reminder-send';
import { followUpReminders, inputReminders, roundReminders } from './kinds';
import { config } from '../../platform/config';
import { outboxDeps } from '../../engine/deps';
import { followUpDeps } from '../follow-up';
import { inputRoundDeps } from '../input-round';
import { roundDeps } from '../approval-round';

export function digestDeps(): DigestDeps {
  const r = roundDeps();
  // Meetings only need reading here: no calendar mailer in this function's bundle.
  const meetings = {
    meetings: new DynamoMeetingStore(config().tableName),
    directory: r.directory,
    linkKeys: r.linkKeys,
    settings: r.settings,
    now: r.now,
  };
  // Where each kind of reminder is put on record once it is sent.
  const items = followUpDeps().items;
  const ledgers = {
    round: r.rounds,
    'follow-up': items,
    escalation: items,
    input: inputRoundDeps().inputs,
    meeting: meetings.meetings,
  };
  return {
    ...outboxDeps(),
    mailer: r.mailer,
    // The same table's outbox the sweeper reads: what a failed send left pending goes from there.
    mail: new DynamoMailOutbox(config().tableName),
    resolvers: {
      round: roundReminders(r),
      ...followUpReminders(followUpDeps()),
      input: inputReminders(inputRoundDeps()),
      meeting: meetingReminders(meetings),
    },
    ledgers,
  };
}
