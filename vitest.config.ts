import { defineConfig } from 'vitest/config';

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
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
