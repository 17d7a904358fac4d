import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { Command, Option } from 'commander';
import { roles } from '../../core/access/roles.ts';
import { DomainError } from '../../core/errors.ts';
import { readConfig } from '../config.ts';
import { innermostMessage, isDatabaseUnavailable } from '../db/connection-errors.ts';
import { buildApp } from '../http/app.ts';
import { connectApi, forgetCredentials, httpClient, saveCredentials, type ApiClient, type ApiResponse } from './api-client.ts';
import { isEmpty, loadDemo, openMigratedDatabase } from './runtime.ts';
import { startJobWorker, type Job } from '../jobs/job-queue.ts';
import { followJob } from './progress.ts';
import { registerJournalCommands } from './journal-command.ts';
import { registerBankCommands } from './bank-command.ts';

const program = new Command('ledgerline')
  .description('Ledgerline sales management: server, database and API from the command line.')
  .option('--work-date <date>', 'the business date for this command, YYYY-MM-DD (default: $LEDGERLINE_WORK_DATE or today)')
  .hook('preAction', (command) => {
    const workDate = command.opts().workDate as string | undefined;
    if (workDate) process.env.LEDGERLINE_WORK_DATE = workDate;
  })
  .showHelpAfterError();

program.command('serve')
  .description('Start the HTTP server (API, API docs); migrates the database and loads the demo company into an empty one')
  .option('--port <port>', 'port to listen on (default: $PORT or 3000)')
  .option('--no-demo', 'do not load the demo company into an empty database')
  .action(async (options: { port?: string; demo: boolean }) => {
    const config = readConfig(options.port ? { ...process.env, PORT: options.port } : process.env);
    const handle = await openMigratedDatabase(config);
    if (options.demo && (await isEmpty(handle.db))) {
      const credentials = await loadDemo(handle.db);
      console.log(`Loaded the demo company into the empty database. Sign in as ${credentials.username} / ${credentials.password} (demo only: change it).`);
    }
    const app = await buildApp({ db: handle.db, logger: process.env.LOG_LEVEL !== 'silent' && Boolean(process.env.LOG_LEVEL) });
    // PGlite's data directory is locked to this process, so any job still 'running' was cut off by a crash;
    // on a shared server another process may be running it, so only long-silent ones are taken back.
    const worker = startJobWorker(handle.db, { workerId: `${hostname()}:${process.pid}`, requeueAfterMs: handle.kind === 'pglite' ? 0 : 10 * 60_000 });
    app.addHook('onClose', () => worker.stop());
    const stop = async () => {
      await app.close();
      await handle.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    const address = await app.listen({ port: config.port, host: config.host });
    console.log(`Ledgerline is serving ${handle.kind === 'pglite' ? `the embedded database in ${handle.location}` : handle.location}`);
    console.log(`Web: ${address}/   API: ${address}/api/v1   API docs: ${address}/api/docs`);
  });

program.command('migrate')
  .description('Bring the database schema up to date')
  .action(async () => {
    const handle = await openMigratedDatabase(readConfig());
    await handle.close();
    console.log('The database schema is up to date.');
  });

program.command('demo')
  .description('Load the demo company into an empty database')
  .action(async () => {
    const handle = await openMigratedDatabase(readConfig());
    try {
      if (!(await isEmpty(handle.db))) throw new Error('The database is not empty: the demo company is loaded only into an empty one.');
      const credentials = await loadDemo(handle.db);
      console.log(`Loaded the demo company. Sign in as ${credentials.username} / ${credentials.password}.`);
    } finally {
      await handle.close();
    }
  });

program.command('login')
  .description('Sign in to a running server; later commands then go to it')
  .requiredOption('--server <url>', 'server address, e.g. http://127.0.0.1:3000')
  .requiredOption('--username <name>')
  .option('--password <password>', 'password (default: $LEDGERLINE_PASSWORD)')
  .action(async (options: { server: string; username: string; password?: string }) => {
    const password = options.password ?? process.env.LEDGERLINE_PASSWORD;
    if (!password) throw new Error('Give --password or set LEDGERLINE_PASSWORD.');
    const response = await httpClient(options.server, undefined)
      .request('POST', '/api/v1/auth/token', { username: options.username, password });
    const { token } = expectOk(response) as { token: string };
    saveCredentials({ server: options.server, token });
    console.log(`Signed in to ${options.server} as ${options.username}.`);
  });

program.command('logout')
  .description('Forget the saved sign-in; commands then work on the database directly')
  .action(() => {
    forgetCredentials();
    console.log('Signed out.');
  });

const serverOption = new Option('--server <url>', 'talk to this running server (default: $LEDGERLINE_SERVER, the saved login, else the database directly)');

const users = program.command('users').description('Manage users');
users.command('add <username>')
  .description('Add a user')
  .addOption(new Option('--role <role>', 'role').choices(roles).makeOptionMandatory())
  .option('--password <password>', 'password, at least 8 characters (default: $LEDGERLINE_PASSWORD)')
  .option('--full-name <name>', 'full name')
  .option('--email <email>', 'e-mail address')
  .addOption(serverOption)
  .action(async (username: string, options: { role: string; password?: string; fullName?: string; email?: string; server?: string }) => {
    const password = options.password ?? process.env.LEDGERLINE_PASSWORD;
    if (!password) throw new Error('Give --password or set LEDGERLINE_PASSWORD.');
    const body = { username, role: options.role, password, ...(options.fullName ? { fullName: options.fullName } : {}), ...(options.email ? { email: options.email } : {}) };
    await withApi(options.server, async (api) => print(expectOk(await api.request('POST', '/api/v1/users', body))));
  });
users.command('list')
  .description('List users')
  .addOption(serverOption)
  .action(async (options: { server?: string }) =>
    withApi(options.server, async (api) => print(expectOk(await api.request('GET', '/api/v1/users?limit=1000')))));
users.command('unlock <username>')
  .description('Lift the lock (and any wait) that failed sign-ins put on a user')
  .addOption(serverOption)
  .action(async (username: string, options: { server?: string }) =>
    withApi(options.server, async (api) => {
      expectOk(await api.request('POST', `/api/v1/users/${encodeURIComponent(username)}/unlock`));
      console.log(`Unlocked ${username}: failed sign-ins no longer hold the user back.`);
    }));

program.command('list <resource>')
  .description('List records, e.g. `list customers`, `list customers/C00010/shipToAddresses`')
  .option('--filter <field=value...>', 'filter on a field (repeatable)')
  .option('--search <text>', 'search the main text fields')
  .option('--limit <n>', 'records per page', '100')
  .option('--all', 'follow the pages to the end')
  .addOption(serverOption)
  .action(async (resource: string, options: { filter?: string[]; search?: string; limit: string; all?: boolean; server?: string }) => {
    await withApi(options.server, async (api) => {
      const query = new URLSearchParams({ limit: options.limit, ...(options.search ? { search: options.search } : {}) });
      for (const filter of options.filter ?? []) {
        const [field, ...value] = filter.split('=');
        query.append(field!, value.join('='));
      }
      const items: unknown[] = [];
      for (;;) {
        const page = expectOk(await api.request('GET', `${apiPath(resource)}?${query}`)) as { items: unknown[]; nextCursor: string | null };
        items.push(...page.items);
        if (!options.all || !page.nextCursor) break;
        query.set('cursor', page.nextCursor);
      }
      print(items);
    });
  });

program.command('get <resource>')
  .description('Show one record or setup, e.g. `get customers/C00010`, `get salesReceivablesSetup`')
  .addOption(serverOption)
  .action(async (resource: string, options: { server?: string }) =>
    withApi(options.server, async (api) => print(expectOk(await api.request('GET', apiPath(resource))))));

const dataOption = new Option('--data <json>', 'the record as JSON; - reads it from standard input').makeOptionMandatory();

program.command('create <resource>')
  .description('Create a record, e.g. `create customers --data \'{"name":"Acme"}\'`')
  .addOption(dataOption)
  .addOption(serverOption)
  .action(async (resource: string, options: { data: string; server?: string }) =>
    withApi(options.server, async (api) => print(expectOk(await api.request('POST', apiPath(resource), readJson(options.data))))));

program.command('update <resource>')
  .description('Change fields of a record or setup, e.g. `update customers/C00010 --data \'{"creditLimitLcy":"5000"}\'`')
  .addOption(dataOption)
  .option('--if-version <n>', 'refuse if the record is no longer at this version')
  .addOption(serverOption)
  .action(async (resource: string, options: { data: string; ifVersion?: string; server?: string }) =>
    withApi(options.server, async (api) => {
      const headers = options.ifVersion ? { 'if-match': `"${options.ifVersion}"` } : undefined;
      print(expectOk(await api.request('PATCH', apiPath(resource), readJson(options.data), headers)));
    }));

program.command('action <path>')
  .description('Run an action, e.g. `action salesOrders/SO0001/release`, `action salesQuotes/SQ0001/makeOrder`')
  .option('--data <json>', 'the action\'s input as JSON, if it takes any; - reads it from standard input')
  .addOption(serverOption)
  .action(async (path: string, options: { data?: string; server?: string }) =>
    withApi(options.server, async (api) => print(expectOk(await api.request('POST', apiPath(path), options.data === undefined ? undefined : readJson(options.data))))));

program.command('delete <resource>')
  .description('Delete a record, e.g. `delete customers/C00010`')
  .addOption(serverOption)
  .action(async (resource: string, options: { server?: string }) =>
    withApi(options.server, async (api) => {
      expectOk(await api.request('DELETE', apiPath(resource)));
      console.log(`Deleted ${resource}.`);
    }));

program.command('job <id>')
  .description('Show a background job; with --wait, follow it to the end with a progress bar')
  .option('--wait', 'wait until the job has finished (without a server, run it here)')
  .addOption(serverOption)
  .action(async (id: string, options: { wait?: boolean; server?: string }) =>
    withApi(options.server, async (api) => {
      const fetchJob = async () => expectOk(await api.request('GET', `/api/v1/jobs/${encodeURIComponent(id)}`)) as Job;
      const job = options.wait ? await followJob(id, fetchJob, { out: process.stderr, db: api.db }) : await fetchJob();
      print(job);
      if (job.status === 'failed' || job.status === 'incomplete') process.exitCode = 1;
    }));

const postableResources: Record<string, string> = { order: 'salesOrders', invoice: 'salesInvoices', creditMemo: 'salesCreditMemos', returnOrder: 'salesReturnOrders' };

for (const [name, summary] of [['post', 'Post'], ['preview', 'Preview posting (nothing is kept) of']] as const) {
  program.command(`${name} <documentType> <no>`)
    .description(`${summary} a sales document: documentType is order, invoice, creditMemo or returnOrder, e.g. \`${name} order SO000001 --ship --invoice\``)
    .option('--ship', 'orders: post the shipment')
    .option('--receive', 'return orders: post the return receipt')
    .option('--invoice', 'post the invoice (credit memo)')
    .addOption(serverOption)
    .action(async (documentType: string, no: string, options: { ship?: boolean; receive?: boolean; invoice?: boolean; server?: string }) =>
      withApi(options.server, async (api) => {
        const resource = postableResources[documentType];
        if (!resource) throw new Error(`Unknown document type '${documentType}': use order, invoice, creditMemo or returnOrder.`);
        const body = { ...(options.ship ? { ship: true } : {}), ...(options.receive ? { receive: true } : {}), ...(options.invoice ? { invoice: true } : {}) };
        print(expectOk(await api.request('POST', apiPath(`${resource}/${no}/${name}`), body)));
      }));
}

program.command('combine-shipments')
  .description('Combine Shipments: one invoice per customer for shipped, not yet invoiced order lines (orders with Combine Shipments), with a progress bar')
  .requiredOption('--posting-date <date>', 'posting date of the invoices, YYYY-MM-DD')
  .option('--document-date <date>', 'document date of the invoices (default: the posting date)')
  .option('--customer <no>', 'only this sell-to customer')
  .option('--post', 'post the invoices as well')
  .option('--calc-invoice-discount', 'calculate the invoice discount on each invoice')
  .addOption(serverOption)
  .action(async (options: { postingDate: string; documentDate?: string; customer?: string; post?: boolean; calcInvoiceDiscount?: boolean; server?: string }) =>
    withApi(options.server, async (api) => {
      const accepted = expectOk(await api.request('POST', '/api/v1/combineShipments', {
        postingDate: options.postingDate, documentDate: options.documentDate ?? options.postingDate,
        ...(options.customer ? { sellToCustomerNo: options.customer } : {}),
        postInvoices: options.post ?? false, calcInvoiceDiscount: options.calcInvoiceDiscount ?? false,
      })) as { job: Job };
      const fetchJob = async () => expectOk(await api.request('GET', `/api/v1/jobs/${accepted.job.id}`)) as Job;
      const job = await followJob(accepted.job.id, fetchJob, { out: process.stderr, db: api.db });
      print(job);
      if (job.status === 'failed' || job.status === 'incomplete') process.exitCode = 1;
    }));

registerJournalCommands(program, { withApi, expectOk, print, serverOption });
registerBankCommands(program, { withApi, expectOk, print, serverOption });

function apiPath(resource: string): string {
  return `/api/v1/${resource.replace(/^\/+/, '').replace(/^api\/v1\//, '').split('/').map(encodeURIComponent).join('/')}`;
}

function readJson(data: string): unknown {
  const text = data === '-' ? readFileSync(0, 'utf8') : data;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`--data is not valid JSON: ${(error as Error).message}`);
  }
}

async function withApi(server: string | undefined, work: (api: ApiClient) => Promise<void>) {
  const api = await connectApi(readConfig(), server);
  try {
    await work(api);
  } finally {
    await api.close();
  }
}

/** An API problem becomes a CLI error with the same code, detail and field messages. */
class ApiError extends Error {
  constructor(readonly response: ApiResponse) {
    const problem = response.body as { code?: string; detail?: string; errors?: { field: string; message: string }[] } | undefined;
    const fields = problem?.errors?.map((entry) => `\n  ${entry.field}: ${entry.message}`).join('') ?? '';
    super(`${problem?.code ?? `HTTP ${response.status}`}: ${problem?.detail ?? 'request failed'}${fields}`);
  }
}

function expectOk(response: ApiResponse): unknown {
  if (response.status >= 400) throw new ApiError(response);
  return response.body;
}

function describeError(error: unknown): string {
  if (isDatabaseUnavailable(error)) return `DATABASE_UNAVAILABLE: the database server cannot be reached (${innermostMessage(error)}); check DATABASE_URL and that the server is running.`;
  if (!(error instanceof DomainError)) return error instanceof Error ? error.message : String(error);
  const hint = error.code === 'DATABASE_LOCKED'
    ? '\n  A server is using it: sign in to that server with `ledgerline login --server http://127.0.0.1:3000 --username …` and run the command again.'
    : '';
  return `${error.code}: ${error.message}${hint}`;
}

function print(value: unknown) {
  console.log(JSON.stringify(value, null, 2));
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  console.error(`ledgerline: ${describeError(error)}`);
  process.exitCode = 1;
}
