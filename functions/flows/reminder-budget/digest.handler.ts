/**
 * Scheduled tick (hourly): everyone whose reminder message is due gets it — one combined
 * message within their budget (see services/reminder-outbox.ts).
 */
import middy from '@middy/core';
import { digestDeps } from './deps';
import { digestTick } from '../../engine/reminder-send';

export const handler = middy(() => digestTick(digestDeps()));
