import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The CLI and server as a user runs them: separate processes on a real data directory.
// They use the embedded database; the PostgreSQL-server run covers the same code through the API tests.
const root = join(import.meta.dirname, '../../..');
const bin = join(root, 'bin/ledgerline.js');
let workDir: string;
let environment: NodeJS.ProcessEnv;

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'ledgerline-cli-'));
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  environment = { ...rest, LEDGERLINE_DATA_DIR: join(workDir, 'data'), LEDGERLINE_CONFIG_DIR: join(workDir, 'config'), LEDGERLINE_SERVER: '' };
});
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

async function json(response: Response): Promise<any> {
  return response.json();
}

function ledgerline(...args: string[]) {
  return ledgerlineIn(environment, ...args);
}

function ledgerlineIn(env: NodeJS.ProcessEnv, ...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, json: () => JSON.parse(result.stdout) };
}

function startServer(env: NodeJS.ProcessEnv, ...args: string[]) {
  const server = spawn(process.execPath, [bin, 'serve', '--port', '0', ...args], { env });
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
  return { address, stop, output: () => output };
}

describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('npm start on an empty database', () => {
  it('loads the demo company, says how to sign in, and admin/admin opens it', async () => {
    const fresh = { ...environment, LEDGERLINE_DATA_DIR: join(workDir, 'fresh-data') };
    const server = startServer(fresh);
    try {
      const address = await server.address;
      expect(server.output()).toContain('admin / admin');
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
  // A dozen processes, each opening the database: generous time, since a loaded machine slows them all.
  it('migrates, adds the first user and manages records, answering bad input with the API\'s errors', { timeout: 240_000 }, () => {
    expect(ledgerline('migrate')).toMatchObject({ status: 0, stdout: expect.stringContaining('up to date') });
    const user = ledgerline('users', 'add', 'Alice', '--role', 'admin', '--password', 'long enough', '--full-name', 'Alice Admin');
    expect(user.status, user.stderr).toBe(0);
    expect(user.json()).toMatchObject({ username: 'alice', role: 'admin', fullName: 'Alice Admin' });

    expect(ledgerline('create', 'paymentTerms', '--data', '{"code":"14d","dueDateCalculation":"14d"}').status).toBe(0);
    const customer = ledgerline('create', 'customers', '--data', '{"no":"c1","name":"Bakkerij de Vries","paymentTermsCode":"14D"}');
    expect(customer.status, customer.stderr).toBe(0);
    expect(customer.json()).toMatchObject({ no: 'C1', paymentTermsCode: '14D' });
    expect(ledgerline('list', 'customers', '--search', 'vries').json().map((row: { no: string }) => row.no)).toEqual(['C1']);
    expect(ledgerline('update', 'customers/C1', '--data', '{"creditLimitLcy":"5000"}').json().creditLimitLcy).toBe('5000.00');

    const bad = ledgerline('create', 'customers', '--data', '{"no":"C2","name":"","creditLimitLcy":"lots"}');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('INVALID_INPUT');
    expect(bad.stderr).toMatch(/creditLimitLcy: must be a decimal/);
    const inUse = ledgerline('delete', 'paymentTerms/14D');
    expect(inUse.status).toBe(1);
    expect(inUse.stderr).toContain('RECORD_IN_USE');
    expect(ledgerline('get', 'customers/NOBODY').stderr).toContain('NOT_FOUND: Customer NOBODY does not exist.');
    expect(ledgerline('create', 'customers', '--data', '{not json').stderr).toContain('--data is not valid JSON');
    // A sales document through the same commands: create, act on it, read it back.
    const quote = ledgerline('--work-date', '2026-03-01', 'create', 'salesQuotes', '--data', '{"no":"Q1","sellToCustomerNo":"C1","lines":[{"type":"comment","description":"Hello"}]}');
    expect(quote.status, quote.stderr).toBe(0);
    expect(quote.json()).toMatchObject({ documentType: 'quote', documentDate: '2026-03-01' });
    const release = ledgerline('action', `salesQuotes/${quote.json().no}/release`);
    expect(release.status).toBe(1);
    expect(release.stderr).toContain('NOTHING_TO_RELEASE');
    expect(ledgerline('delete', `salesQuotes/${quote.json().no}`).status).toBe(0);
    expect(ledgerline('delete', 'customers/C1').status).toBe(0);
    expect(ledgerline('users', 'add', 'bob', '--role', 'boss', '--password', 'long enough').status).not.toBe(0);
  });

  it('serves the API over HTTP, refuses a second process on the same data, and talks to the server after login', { timeout: 240_000 }, async () => {
    const own = { ...environment, LEDGERLINE_DATA_DIR: join(workDir, 'served-data'), LEDGERLINE_CONFIG_DIR: join(workDir, 'served-config') };
    const run = (...args: string[]) => ledgerlineIn(own, ...args);
    expect(run('users', 'add', 'alice', '--role', 'admin', '--password', 'long enough').status).toBe(0);
    const server = startServer(own);
    try {
      const address = await server.address;
      const token = await fetch(`${address}/api/v1/auth/token`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'alice', password: 'long enough' }),
      });
      expect(token.status).toBe(200);
      expect((await fetch(`${address}/api/docs/`)).status).toBe(200);

      const locked = run('list', 'customers');
      expect(locked.status).toBe(1);
      expect(locked.stderr).toContain('DATABASE_LOCKED');
      expect(run('login', '--server', address, '--username', 'alice', '--password', 'long enough').status).toBe(0);
      const created = run('create', 'customers', '--data', '{"no":"H1","name":"Via HTTP"}');
      expect(created.status, created.stderr).toBe(0);
      const list = await fetch(`${address}/api/v1/customers`, { headers: { authorization: `Bearer ${(await json(token)).token}` } });
      expect((await json(list)).items.map((row: { no: string }) => row.no)).toEqual(['H1']);
      expect(run('logout').status).toBe(0);
    } finally {
      await server.stop();
    }
    // The server released its lock on the way out.
    expect(run('get', 'customers/H1').json().name).toBe('Via HTTP');
  });
});
