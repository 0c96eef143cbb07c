import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Years on the moved clock and the whole stories: `npm run test:long` (vitest.long.config.ts); the
    // pages in Chromium: `npm run test:browser` (vitest.browser.config.ts). Both run by .ci/run.
    exclude: ['test/long/**', 'test/browser/**', '**/node_modules/**'],
    // Each file runs in its own process: the local runtime sets process-wide state (env, clock).
    pool: 'forks',
    // Vitest's default leaves one core free; on this project's 2-core machines that ran the files one
    // at a time (5.5 min). Most time is spent waiting on the local stand-ins, so use every core.
    maxWorkers: availableParallelism(),
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { POWERTOOLS_LOG_LEVEL: 'ERROR' },
  },
});
