/**
 * The mail sweeper: delivers the outbox records whose sender died or whose send failed (see
 * engine/mail-outbox.ts), then sets its own next wake at the earliest record still pending. Invoked
 * by that one-time wake (`{"wake":"mail-sweep"}`), by the daily safety sweep, and locally once at
 * every start. Its mailer carries the calendar composer, because a pending meeting invitation is a
 * whole MIME message.
 */
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { sweepMail } from '../../engine/mail-sweep';
import { DynamoMailOutbox } from '../../engine/mail-outbox-store';
import { SesMailer } from '../../engine/ses-mailer';
import { now } from '../../platform/clock';
import { config } from '../../platform/config';
import { log } from '../../platform/logger';
import { composeWithCalendar } from '../meeting';

export const handler = middy((_event: unknown, context: Context) => {
  // The stack cannot tell a function its own ARN (a cycle); the wake it sets targets this function.
  process.env.MAIL_SWEEPER_ARN ??= context.invokedFunctionArn;
  const c = config();
  return sweepMail({
    outbox: new DynamoMailOutbox(c.tableName),
    mailer: new SesMailer(c.mailFrom, c.configurationSet, composeWithCalendar),
    officeEmail: c.officeEmail,
    now,
    log,
  });
});
