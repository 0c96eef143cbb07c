import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// The runs too long for `npm test`'s five minutes (years on the moved clock, the programme cycles'
// whole stories, the monthly kerngroep, public events and consultations on the moved clock, restarts, the
// herd of forty messages at 08:00, the SDK's timeouts on an unreachable endpoint):
// `npm run test:long`, which .ci/run also runs. The same settings as vitest.config.ts, over test/long/ only.
export default defineConfig({
  test: {
    include: ['test/long/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: availableParallelism(),
    testTimeout: 900_000,
    hookTimeout: 120_000,
    env: { POWERTOOLS_LOG_LEVEL: 'ERROR' },
  },
});
