/** The daily scheduled step that removes the contact details of answers past their retention period (privacy.ts). */
import { consultationDeps } from './deps';
import { removeExpiredContacts } from './privacy';
import { log } from '../../platform/logger';

export const handler = async (): Promise<{ removed: number }> => ({
  removed: await removeExpiredContacts({ ...consultationDeps(), log }),
});
