/** The hourly schedule of public events: reminders of the day before, owed emails, retention (tick.ts). */
import { eventDeps } from './deps';
import { eventTick } from './tick';
import { log } from '../../platform/logger';

export async function handler(): Promise<void> {
  const result = await eventTick(eventDeps());
  if (result.reminded || result.removed) log.info('event tick', { ...result });
}
