/**
 * `ledgerline serve`, `migrate`, `demo`, `login`, `logout` and `users`: the server, its database and
 * who may sign in to it.
 */
import { hostname } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { type Command, Option } from 'commander';
import { roles } from '../../core/access/roles.ts';
import { readConfig } from '../config.ts';
import { buildApp } from '../http/app.ts';
import { startTableStatisticsWorker } from '../db/table-statistics.ts';
import { startJobWorker } from '../jobs/job-queue.ts';
import { startEmailWorker } from '../email/email-sender.ts';
import { startApprovalDelegationWorker } from '../approvals/approval-delegation.ts';
import { forgetCredentials, httpClient, saveCredentials } from './api-client.ts';
import type { CliCommandKit } from './command-kit.ts';
import { isEmpty, loadDemo, openCliDatabase } from './runtime.ts';
import { demoCredentials } from '../demo/demo-company.ts';
import { recordServerAddress } from '../db/data-dir-lock.ts';
import { embeddedDatabaseExists, registerFirstStartCommand, runFirstStartProcess } from './first-start.ts';

export function registerServerCommands(program: Command, kit: CliCommandKit): void {
  program.command('serve')
    .description('Start the HTTP server (API, API docs); migrates the database and loads the demo company into an empty one')
    .option('--port <port>', 'port to listen on (default: $PORT or 3000)')
    .option('--no-demo', 'do not load the demo company into an empty database')
    .action((options: { port?: string; demo: boolean }) => serve(kit, options));

  program.command('migrate')
    .description('Bring the database schema up to date')
    .action(async () => {
      const handle = await openCliDatabase(kit.io, readConfig(kit.io.env));
      await handle.close();
      kit.io.stdout.write('The database schema is up to date.\n');
    });

  program.command('demo')
    .description('Load the demo company into an empty database')
    .action(async () => {
      const handle = await openCliDatabase(kit.io, readConfig(kit.io.env));
      try {
        if (!(await isEmpty(handle.db))) throw new Error('The database is not empty: the demo company is loaded only into an empty one.');
        const credentials = await loadDemo(handle.db, kit.io.stdout);
        kit.io.stdout.write(`Loaded the demo company. Sign in as ${credentials.username} / ${credentials.password}.\n`);
      } finally {
        await handle.close();
      }
    });
  registerFirstStartCommand(program, kit);
  registerSignInCommands(program, kit);
  registerUserCommands(program, kit);
}

/** Runs until a signal; only ever started as a process of its own (it ends the process on SIGINT/SIGTERM). */
async function serve(kit: CliCommandKit, options: { port?: string; demo: boolean }): Promise<void> {
  const { env, stdout } = kit.io;
  keepHeapNearLiveSize();
  const config = readConfig(options.port ? { ...env, PORT: options.port } : env);
  const embeddedFirstStart = !config.databaseUrl && !kit.io.openDatabase && !embeddedDatabaseExists(config.dataDir);
  if (embeddedFirstStart) {
    if (options.demo) stdout.write(`The database in ${config.dataDir} is empty.\n`);
    await runFirstStartProcess(env, options.demo);
  }
  const handle = await openCliDatabase(kit.io, config);
  const loadDemoHere = options.demo && !embeddedFirstStart && (await isEmpty(handle.db));
  if (loadDemoHere) {
    stdout.write(`The database in ${handle.location} is empty.\n`);
    await loadDemo(handle.db, stdout);
  }
  if (options.demo && (embeddedFirstStart || loadDemoHere)) {
    stdout.write(`Loaded the demo company into the empty database. Sign in as ${demoCredentials.username} / ${demoCredentials.password} (demo only: change it).\n`);
  }
  const app = await buildApp({ db: handle.db, logger: env.LOG_LEVEL !== 'silent' && Boolean(env.LOG_LEVEL) });
  // PGlite's data directory is locked to this process, so any job still 'running' was cut off by a crash;
  // on a shared server another process may be running it, so only long-silent ones are taken back.
  const worker = startJobWorker(handle.db, { workerId: `${hostname()}:${process.pid}`, requeueAfterMs: handle.kind === 'pglite' ? 0 : 10 * 60_000 });
  app.addHook('onClose', () => worker.stop());
  const emailWorker = startEmailWorker(handle.db, { workerId: `${hostname()}:${process.pid}:email`, interruptedAfterMs: handle.kind === 'pglite' ? 0 : 10 * 60_000 });
  app.addHook('onClose', () => emailWorker.stop());
  const delegationWorker = startApprovalDelegationWorker(handle.db);
  app.addHook('onClose', () => delegationWorker.stop());
  // A PostgreSQL server's autovacuum keeps its statistics; the embedded database has none (table-statistics.ts).
  if (handle.kind === 'pglite') {
    const statisticsWorker = startTableStatisticsWorker(handle.db);
    app.addHook('onClose', () => statisticsWorker.stop());
  }
  const stop = async () => {
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // Hooks cannot be added once listening: the address is forgotten through this one.
  let forgetAddress = () => {};
  app.addHook('onClose', () => forgetAddress());
  const address = await app.listen({ port: config.port, host: config.host });
  if (handle.kind === 'pglite') forgetAddress = recordServerAddress(handle.location, address);
  // The OpenAPI document is built on its first request (~1–2 s for 650 operations): built now, the API
  // docs page opens at once for its first visitor too.
  setImmediate(() => app.swagger());
  stdout.write(`Ledgerline is serving ${handle.kind === 'pglite' ? `the embedded database in ${handle.location}` : handle.location}\n`);
  stdout.write(`Web: ${address}/   API: ${address}/api/v1   API docs: ${address}/api/docs\n`);
}

/**
 * The server's live JavaScript heap stays near 80 MB, but under load V8 let the heap grow to four times
 * that before collecting (garbage kept as resident memory). Growing by half of the live size keeps the
 * server's memory near what it uses, for about the same CPU time (measured with 200 invoices created and
 * posted: peak 468 MiB against 690 MiB).
 */
function keepHeapNearLiveSize(): void {
  setFlagsFromString('--heap-growing-percent=50');
}

function registerSignInCommands(program: Command, kit: CliCommandKit): void {
  program.command('login')
    .description('Sign in to a running server; later commands then go to it')
    .requiredOption('--server <url>', 'server address, e.g. http://127.0.0.1:3000')
    .requiredOption('--username <name>')
    .option('--password <password>', 'password (default: $LEDGERLINE_PASSWORD)')
    .action(async (options: { server: string; username: string; password?: string }) => {
      const password = options.password ?? kit.io.env.LEDGERLINE_PASSWORD;
      if (!password) throw new Error('Give --password or set LEDGERLINE_PASSWORD.');
      const response = await httpClient(options.server, undefined, kit.io.env.LEDGERLINE_WORK_DATE)
        .request('POST', '/api/v1/auth/token', { username: options.username, password });
      const { token } = kit.expectOk(response) as { token: string };
      saveCredentials({ server: options.server, token }, kit.io.env);
      kit.io.stdout.write(`Signed in to ${options.server} as ${options.username}.\n`);
    });

  program.command('logout')
    .description('Forget the saved sign-in; commands then work on the database directly')
    .action(() => {
      forgetCredentials(kit.io.env);
      kit.io.stdout.write('Signed out.\n');
    });
}

function registerUserCommands(program: Command, kit: CliCommandKit): void {
  const users = program.command('users').description('Manage users');
  users.command('add <username>')
    .description('Add a user')
    .addOption(new Option('--role <role>', 'role').choices(roles).makeOptionMandatory())
    .option('--password <password>', 'password, at least 8 characters (default: $LEDGERLINE_PASSWORD)')
    .option('--full-name <name>', 'full name')
    .option('--email <email>', 'e-mail address')
    .addOption(kit.serverOption)
    .action(async (username: string, options: { role: string; password?: string; fullName?: string; email?: string; server?: string }) => {
      const password = options.password ?? kit.io.env.LEDGERLINE_PASSWORD;
      if (!password) throw new Error('Give --password or set LEDGERLINE_PASSWORD.');
      const body = { username, role: options.role, password, ...(options.fullName ? { fullName: options.fullName } : {}), ...(options.email ? { email: options.email } : {}) };
      await kit.withApi(options.server, async (api) => kit.print(kit.expectOk(await api.request('POST', '/api/v1/users', body))));
    });
  users.command('list')
    .description('List users')
    .addOption(kit.serverOption)
    .action(async (options: { server?: string }) =>
      kit.withApi(options.server, async (api) => kit.print(kit.expectOk(await api.request('GET', '/api/v1/users?limit=1000')))));
  users.command('unlock <username>')
    .description('Lift the lock (and any wait) that failed sign-ins put on a user')
    .addOption(kit.serverOption)
    .action(async (username: string, options: { server?: string }) =>
      kit.withApi(options.server, async (api) => {
        kit.expectOk(await api.request('POST', `/api/v1/users/${encodeURIComponent(username)}/unlock`));
        kit.io.stdout.write(`Unlocked ${username}: failed sign-ins no longer hold the user back.\n`);
      }));
}
