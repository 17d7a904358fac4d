import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLedgerline, spawnLedgerline, useCliWorkspace } from '../../support/cli.ts';

// Issue 19, point 10, the first run. Loading the demo company says how far it got and how long it
// took. Run in another folder than the server's, the CLI does not quietly make an empty
// database of its own there (and answer `[]`): it refuses, naming the folder and how to reach the server.
const workspace = useCliWorkspace('ledgerline-first-run-');

describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('a command on a data directory that does not exist', () => {
  it('refuses, names the folder and the way to the server, and creates nothing', { timeout: 60_000 }, () => {
    const dataDir = join(workspace.workDir(), 'elsewhere', 'data');
    const env = { ...workspace.environment(), LEDGERLINE_DATA_DIR: dataDir, PORT: '3456' };
    const list = spawnLedgerline(env, ['list', 'customers']);
    expect(list.status).toBe(1);
    expect(list.stdout).toBe('');
    expect(list.stderr).toContain(`There is no Ledgerline database in ${dataDir}.`);
    expect(list.stderr).toContain('ledgerline login --server http://127.0.0.1:3456');
    expect(list.stderr).toContain('LEDGERLINE_DATA_DIR');
    expect(existsSync(dataDir)).toBe(false);
    expect(existsSync(join(workspace.workDir(), 'elsewhere'))).toBe(false);
  });
});

describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('loading the demo company', () => {
  it('prints its steps as it goes and how long it took', { timeout: 180_000 }, async () => {
    const demo = await runLedgerline(workspace.environment(), ['demo']);
    expect(demo.status, demo.stderr).toBe(0);
    const lines = demo.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Creating the demo company…');
    // Not a terminal: one line per step, counted up to the last.
    const steps = lines.filter((line) => line.startsWith('['));
    expect(steps.length).toBeGreaterThan(10);
    expect(steps[0]).toMatch(/^\[\.{20}\] 0\/\d+ \S/);
    expect(steps.some((line) => / payment terms$/.test(line))).toBe(true);
    const total = Number(/\/(\d+) /.exec(steps[0]!)![1]);
    expect(steps.at(-1)).toMatch(new RegExp(`\\] ${total - 1}/${total} opening inventory$`));
    expect(lines.at(-2)).toMatch(/^Created the demo company in \d+\.\d s\.$/);
    expect(lines.at(-1)).toBe('Loaded the demo company. Sign in as admin / admin.');
    const customers = await runLedgerline(workspace.environment(), ['list', 'customers']);
    expect(customers.json().length).toBeGreaterThanOrEqual(10);
  });
});
