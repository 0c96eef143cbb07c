import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// The pages in Debian's Chromium (axe, screenshots at 390 and 1280 px): `npm run test:browser`, which
// .ci/run also runs. Apart from `npm test` to keep that within its five minutes on two cores (each file
// starts a local runtime and a browser). The same settings as vitest.config.ts, over test/browser/ only.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: availableParallelism(),
    testTimeout: 120_000,
    hookTimeout: 120_000,
    env: { POWERTOOLS_LOG_LEVEL: 'ERROR' },
  },
});
