/** One structured logger (Powertools) for every function; it never receives tokens or full addresses. */
import { Logger } from '@aws-lambda-powertools/logger';
import type { Log } from './log';

export const logger = new Logger({ serviceName: 'alliance-cycle' });

/** The services' view of the logger. */
export const log: Log = {
  info: (message, extra) => logger.info(message, extra ?? {}),
  warn: (message, extra) => logger.warn(message, extra ?? {}),
  error: (message, extra) => logger.error(message, extra ?? {}),
};
