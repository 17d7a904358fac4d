import { defineConfig } from 'vitest/config';

// Two projects: `unit` (pure core, no database) and `database` (server code on a real PostgreSQL:
// embedded PGlite by default, a server when TEST_DATABASE_URL is set).
export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/core/**/*.test.ts', 'test/style/**/*.test.ts'],
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
    ],
  },
});
