/**
 * The events' composition root, once per cold start: their store, the shared link keys, settings
 * and clock, and a mailer that can send the calendar file (the meetings' MIME composer).
 */
import type { EventDeps } from './mail';
import { DynamoEventStore } from './store';
import { flowDeps } from '../../engine/deps';
import { SesMailer } from '../../engine/ses-mailer';
import { config } from '../../platform/config';
import { composeWithCalendar } from '../meeting';

let deps: EventDeps | undefined;

export function eventDeps(): EventDeps {
  if (!deps) {
    const f = flowDeps();
    const c = config();
    deps = {
      events: new DynamoEventStore(c.tableName),
      mailer: new SesMailer(c.mailFrom, c.configurationSet, composeWithCalendar),
      linkKeys: f.linkKeys,
      settings: f.settings,
      now: f.now,
      log: f.log,
    };
  }
  return deps;
}
