import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ledgerlineBin, runLedgerline, spawnLedgerline, useCliWorkspace } from '../../support/cli.ts';

// The CLI and server as a user runs them, on a real data directory with the embedded database: the
// commands run in this process (on one database opened for the file), the binary and `serve` as
// processes of their own. The PostgreSQL-server run covers the same code through the API tests.
const workspace = useCliWorkspace('ledgerline-cli-');

async function json(response: Response): Promise<any> {
  return response.json();
}

function ledgerline(...args: string[]) {
  return runLedgerline(workspace.environment(), args);
}

function startServer(env: NodeJS.ProcessEnv, ...args: string[]) {
  const server = spawn(process.execPath, [ledgerlineBin, 'serve', '--port', '0', ...args], { env });
  let output = '';
  const address = new Promise<string>((resolve, reject) => {
    server.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /API: (http:\/\/[^\s]+)\/api\/v1/.exec(output);
      if (match) resolve(match[1]!);
    });
    server.stderr.on('data', (chunk) => { output += chunk; });
    server.on('exit', () => reject(new Error(`server exited: ${output}`)));
  });
  const stop = async () => {
    server.kill('SIGTERM');
    if (server.exitCode === null) await new Promise((resolve) => server.once('exit', resolve));
  };
  return { address, stop, output: () => output, pid: server.pid! };
}

describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('npm start on an empty database', () => {
  it('loads the demo company in a process of its own, says how to sign in, and admin/admin opens it', { timeout: 240_000 }, async () => {
    const fresh = { ...workspace.environment(), LEDGERLINE_DATA_DIR: join(workspace.workDir(), 'fresh-data') };
    const server = startServer(fresh);
    try {
      const address = await server.address;
      expect(server.output()).toContain('admin / admin');
      // initdb (~1 GB of resident memory) ran in a first-start process of its own, not in the server.
      const peakKiB = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))![1]);
      expect(peakKiB / 1024).toBeLessThan(700);
      const signIn = await fetch(`${address}/api/v1/auth/token`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'admin' }),
      });
      expect(signIn.status).toBe(200);
      const headers = { authorization: `Bearer ${(await json(signIn)).token}` };
      const customers = await json(await fetch(`${address}/api/v1/customers?limit=1000`, { headers }));
      const items = await json(await fetch(`${address}/api/v1/items?limit=1000`, { headers }));
      expect(customers.items.length).toBeGreaterThanOrEqual(10);
      expect(items.items.length).toBeGreaterThanOrEqual(20);
      expect((await json(await fetch(`${address}/api/v1/companyInformation`, { headers }))).countryRegionCode).toBe('NL');
    } finally {
      await server.stop();
    }
  });
});

describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('the ledgerline command', () => {
  it('runs as a process of its own: help, migrate, a list, and exit codes', { timeout: 240_000 }, async () => {
    const own = { ...workspace.environment(), LEDGERLINE_DATA_DIR: join(workspace.workDir(), 'spawned-data') };
    const help = spawnLedgerline(own, ['--help']);
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toContain('Usage: ledgerline');
    expect(help.stdout).toContain('import-statement');
    // The data directory is made in-process (from the template: initdb and migrating from nothing are
    // the `npm start` test's), then handed to the processes.
    expect((await runLedgerline(own, ['migrate'])).status).toBe(0);
    await workspace.release();
    const migrated = spawnLedgerline(own, ['migrate'], 120_000);
    expect(migrated.status, migrated.stderr).toBe(0);
    expect(migrated.stdout).toBe('The database schema is up to date.\n');
    const list = spawnLedgerline(own, ['list', 'customers'], 120_000);
    expect(list.status, list.stderr).toBe(0);
    expect(list.json()).toEqual([]);
    const missing = spawnLedgerline(own, ['get', 'customers/NOBODY'], 120_000);
    expect(missing).toMatchObject({ status: 1, stdout: '', stderr: 'ledgerline: NOT_FOUND: Customer NOBODY does not exist.\n' });
    const badRole = spawnLedgerline(own, ['users', 'add', 'bob', '--role', 'boss', '--password', 'long enough']);
    expect(badRole.status).toBe(1);
    expect(badRole.stderr).toContain("option '--role <role>' argument 'boss' is invalid");
  });

  it('migrates, adds the first user and manages records, answering bad input with the API\'s errors', { timeout: 240_000 }, async () => {
    expect(await ledgerline('migrate')).toMatchObject({ status: 0, stdout: expect.stringContaining('up to date') });
    const user = await ledgerline('users', 'add', 'Alice', '--role', 'admin', '--password', 'long enough', '--full-name', 'Alice Admin');
    expect(user.status, user.stderr).toBe(0);
    expect(user.json()).toMatchObject({ username: 'alice', role: 'admin', fullName: 'Alice Admin' });

    expect((await ledgerline('create', 'paymentTerms', '--data', '{"code":"14d","dueDateCalculation":"14d"}')).status).toBe(0);
    // A new customer needs its posting groups (issue 19); a customer template fills them and the terms.
    for (const groups of ['vatBusinessPostingGroups', 'genBusinessPostingGroups', 'customerPostingGroups']) {
      expect((await ledgerline('create', groups, '--data', '{"code":"DOMESTIC"}')).status).toBe(0);
    }
    const template = await ledgerline('create', 'customerTemplates', '--data',
      '{"code":"domestic","customerPostingGroup":"DOMESTIC","genBusPostingGroup":"DOMESTIC","vatBusPostingGroup":"DOMESTIC","paymentTermsCode":"14D"}');
    expect(template.status, template.stderr).toBe(0);
    const bare = await ledgerline('create', 'customers', '--data', '{"no":"c0","name":"No Groups"}');
    expect(bare.status).toBe(1);
    expect(bare.stderr).toContain('CUSTOMER_POSTING_GROUP_MISSING: Customer Posting Group must have a value on a new customer');
    const customer = await ledgerline('create', 'customers', '--data', '{"no":"c1","name":"Bakkerij de Vries","templateCode":"domestic"}');
    expect(customer.status, customer.stderr).toBe(0);
    expect(customer.json()).toMatchObject({ no: 'C1', paymentTermsCode: '14D', customerPostingGroup: 'DOMESTIC', vatBusPostingGroup: 'DOMESTIC' });
    expect((await ledgerline('list', 'customers', '--search', 'vries')).json().map((row: { no: string }) => row.no)).toEqual(['C1']);
    expect((await ledgerline('update', 'customers/C1', '--data', '{"creditLimitLcy":"5000"}')).json().creditLimitLcy).toBe('5000.00');

    const bad = await ledgerline('create', 'customers', '--data', '{"no":"C2","name":"","creditLimitLcy":"lots"}');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('INVALID_INPUT');
    expect(bad.stderr).toMatch(/creditLimitLcy: must be a decimal/);
    const inUse = await ledgerline('delete', 'paymentTerms/14D');
    expect(inUse.status).toBe(1);
    expect(inUse.stderr).toContain('RECORD_IN_USE');
    expect((await ledgerline('get', 'customers/NOBODY')).stderr).toContain('NOT_FOUND: Customer NOBODY does not exist.');
    expect((await ledgerline('create', 'customers', '--data', '{not json')).stderr).toContain('--data is not valid JSON');
    // A sales document through the same commands: create, act on it, read it back.
    const workDateBefore = workspace.environment().LEDGERLINE_WORK_DATE;
    const quote = await ledgerline('--work-date', '2026-03-01', 'create', 'salesQuotes', '--data', '{"no":"Q1","sellToCustomerNo":"C1","lines":[{"type":"comment","description":"Hello"}]}');
    expect(quote.status, quote.stderr).toBe(0);
    expect(quote.json()).toMatchObject({ documentType: 'quote', documentDate: '2026-03-01' });
    // --work-date is that run's alone: neither the environment nor the process keeps it for the next command.
    expect(workspace.environment().LEDGERLINE_WORK_DATE).toBe(workDateBefore);
    expect(process.env.LEDGERLINE_WORK_DATE).toBe(workDateBefore);
    const release = await ledgerline('action', `salesQuotes/${quote.json().no}/release`);
    expect(release.status).toBe(1);
    expect(release.stderr).toContain('NOTHING_TO_RELEASE');
    expect((await ledgerline('delete', `salesQuotes/${quote.json().no}`)).status).toBe(0);
    expect((await ledgerline('delete', 'customers/C1')).status).toBe(0);
    expect((await ledgerline('users', 'add', 'bob', '--role', 'boss', '--password', 'long enough')).status).not.toBe(0);
  });

  it('serves the API over HTTP, refuses a second process on the same data, and talks to the server after login', { timeout: 240_000 }, async () => {
    const own = { ...workspace.environment(), LEDGERLINE_DATA_DIR: join(workspace.workDir(), 'served-data'), LEDGERLINE_CONFIG_DIR: join(workspace.workDir(), 'served-config') };
    const run = (...args: string[]) => runLedgerline(own, args);
    expect((await run('users', 'add', 'alice', '--role', 'admin', '--password', 'long enough')).status).toBe(0);
    for (const groups of ['vatBusinessPostingGroups', 'genBusinessPostingGroups', 'customerPostingGroups']) {
      expect((await run('create', groups, '--data', '{"code":"DOMESTIC"}')).status).toBe(0);
    }
    // The server takes the data directory: this process lets go of it first.
    await workspace.release();
    const server = startServer(own);
    try {
      const address = await server.address;
      const token = await fetch(`${address}/api/v1/auth/token`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'alice', password: 'long enough' }),
      });
      expect(token.status).toBe(200);
      expect((await fetch(`${address}/api/docs/`)).status).toBe(200);

      const locked = await run('list', 'customers');
      expect(locked.status).toBe(1);
      expect(locked.stderr).toContain('DATABASE_LOCKED');
      // The refusal names the port the server really listens on, not a default.
      expect(locked.stderr).toContain(`ledgerline login --server ${address} --username`);
      expect((await run('login', '--server', address, '--username', 'alice', '--password', 'long enough')).status).toBe(0);
      const created = await run('create', 'customers', '--data', '{"no":"H1","name":"Via HTTP","customerPostingGroup":"DOMESTIC","genBusPostingGroup":"DOMESTIC","vatBusPostingGroup":"DOMESTIC"}');
      expect(created.status, created.stderr).toBe(0);
      const list = await fetch(`${address}/api/v1/customers`, { headers: { authorization: `Bearer ${(await json(token)).token}` } });
      expect((await json(list)).items.map((row: { no: string }) => row.no)).toEqual(['H1']);
      expect((await run('logout')).status).toBe(0);
    } finally {
      await server.stop();
    }
    // The server released its lock on the way out.
    expect((await run('get', 'customers/H1')).json().name).toBe('Via HTTP');
  });
});
