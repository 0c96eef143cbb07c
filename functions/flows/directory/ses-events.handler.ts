/** SES configuration-set events, delivered through SNS. */
import middy from '@middy/core';
import type { SNSEvent } from 'aws-lambda';
import { DynamoDirectory } from '../../engine/directory-store';
import { DynamoMailOutbox } from '../../engine/mail-outbox-store';
import { DynamoNoticeStore } from '../../engine/notice-store';
import { SesMailer } from '../../engine/ses-mailer';
import { now } from '../../platform/clock';
import { config } from '../../platform/config';
import { log } from '../../platform/logger';
import { handleDeliveryEvent, type DeliveryEvent } from './delivery-events';

async function handle(event: SNSEvent) {
  const c = config();
  // Notices to the office go without the configuration set (untracked, also when the sweeper sends
  // them), so a bounce of a notice cannot loop.
  const mailer = new SesMailer(c.mailFrom);
  const mail = new DynamoMailOutbox(c.tableName);
  const notices = new DynamoNoticeStore(c.tableName);
  // Rare (a bounce or complaint), so one query of the people for the addresses is fine.
  const peopleWith = async (addresses: string[]) => {
    const wanted = new Set(addresses.map((a) => a.toLowerCase()));
    const people = await new DynamoDirectory(c.tableName).listPeople();
    return people.filter((p) => wanted.has(p.email.toLowerCase())).map((p) => ({ id: p.id, email: p.email }));
  };
  const results = [];
  for (const record of event.Records) {
    results.push(
      await handleDeliveryEvent(JSON.parse(record.Sns.Message) as DeliveryEvent, {
        mailer,
        mail,
        officeEmail: c.officeEmail,
        log,
        notices,
        peopleWith,
        now,
      }),
    );
  }
  return { results };
}

export const handler = middy(handle);
