/**
 * Scheduled sweep (every 5 minutes in the cloud): delivers the outbox records whose sender died or
 * whose send failed (see engine/mail-outbox.ts). Its mailer carries the calendar composer, because
 * a pending meeting invitation is a whole MIME message.
 */
import middy from '@middy/core';
import { sweepMail } from '../../engine/mail-outbox';
import { DynamoMailOutbox } from '../../engine/mail-outbox-store';
import { SesMailer } from '../../engine/ses-mailer';
import { now } from '../../platform/clock';
import { config } from '../../platform/config';
import { log } from '../../platform/logger';
import { composeWithCalendar } from '../meeting';

export const handler = middy(() => {
  const c = config();
  return sweepMail({
    outbox: new DynamoMailOutbox(c.tableName),
    mailer: new SesMailer(c.mailFrom, c.configurationSet, composeWithCalendar),
    officeEmail: c.officeEmail,
    now,
    log,
  });
});
