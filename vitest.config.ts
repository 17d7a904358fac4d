import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/** vitest's own default (cores - 1), but never one: on the 2-core machines that left a core idle. */
const workersNotOne = Math.max(2, availableParallelism() - 1);

// Three projects: `unit` (pure core, no database), `database` (server code on a real PostgreSQL:
// embedded PGlite by default, a server when TEST_DATABASE_URL is set) and `e2e` (the web app in
// Debian's Chromium against a real server; skipped loudly without Chromium, failed under CI).
export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/core/**/*.test.ts', 'test/style/**/*.test.ts', 'test/web/**/*.test.ts'],
          // Pure and CPU-bound: on two cores, two workers take two thirds of one's time.
          maxWorkers: workersNotOne,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'database',
          include: ['test/server/**/*.test.ts'],
          globalSetup: ['./test/support/database-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // PGlite is memory-hungry; two workers match the two cores.
          maxWorkers: 2,
          // The files of a worker share its loaded modules, and test/support/api.ts hands its open
          // database and app on from file to file: importing the server and starting PGlite again
          // for every file took half the project's time. Each test still starts from a fresh copy
          // of the template's rows, so files stay independent.
          isolate: false,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['./test/e2e/support/build-web.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Each file drives its own server and Chromium, and mostly waits on them (one file keeps
          // about 0.8 of a core busy): two side by side finish sooner on two cores.
          maxWorkers: workersNotOne,
          // A worker's files share its loaded modules (playwright-core alone takes ~0.7 s to load);
          // each file still starts its own server and browser, so the files stay independent.
          isolate: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
