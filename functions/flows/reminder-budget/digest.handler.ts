/**
 * The digest. A person's one-time schedule invokes it with `{ personId }` at their planned moment:
 * that person's reminders go, combined into one message within their budget. The daily schedule
 * invokes it without: the safety sweep for anyone whose schedule was lost (engine/reminder-send.ts).
 */
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { digestDeps } from './deps';
import { digestTick } from '../../engine/reminder-digest-tick';

export const handler = middy((event: { personId?: unknown } | undefined, context: Context) => {
  // The stack cannot tell a function its own ARN (a cycle); the schedules it sets target this function.
  process.env.REMINDER_DIGEST_ARN ??= context.invokedFunctionArn;
  return digestTick(digestDeps(), typeof event?.personId === 'string' ? { personId: event.personId } : {});
});
