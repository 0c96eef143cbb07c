/**
 * The digest. A person's one-time schedule invokes it with `{ personId }` at their planned moment:
 * that person's reminders go, combined into one message within their budget. The daily schedule
 * invokes it without: the safety sweep for anyone whose schedule was lost (engine/reminder-send.ts).
 */
import middy from '@middy/core';
import { digestDeps } from './deps';
import { digestTick } from '../../engine/reminder-send';

export const handler = middy((event: { personId?: unknown } | undefined) =>
  digestTick(digestDeps(), typeof event?.personId === 'string' ? { personId: event.personId } : {}),
);
