/**
 * `ledgerline list | get | create | update | action | delete <resource>`: any API resource by its
 * path, the record as JSON in and out.
 */
import { readFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import type { CliCommandKit } from './command-kit.ts';

export function registerRecordCommands(program: Command, kit: CliCommandKit): void {
  program.command('list <resource>')
    .description('List records, e.g. `list customers`, `list customers/C00010/shipToAddresses`')
    .option('--filter <field=value...>', 'filter on a field (repeatable)')
    .option('--search <text>', 'search the main text fields')
    .option('--limit <n>', 'records per page', '100')
    .option('--all', 'follow the pages to the end')
    .addOption(kit.serverOption)
    .action((resource: string, options: ListOptions) => listRecords(kit, resource, options));

  program.command('get <resource>')
    .description('Show one record or setup, e.g. `get customers/C00010`, `get salesReceivablesSetup`')
    .addOption(kit.serverOption)
    .action(async (resource: string, options: { server?: string }) =>
      kit.withApi(options.server, async (api) => kit.print(kit.expectOk(await api.request('GET', apiPath(resource))))));
  registerChangeCommands(program, kit);
}

interface ListOptions { filter?: string[]; search?: string; limit: string; all?: boolean; server?: string }

async function listRecords(kit: CliCommandKit, resource: string, options: ListOptions): Promise<void> {
  await kit.withApi(options.server, async (api) => {
    const query = new URLSearchParams({ limit: options.limit, ...(options.search ? { search: options.search } : {}) });
    for (const filter of options.filter ?? []) {
      const [field, ...value] = filter.split('=');
      query.append(field!, value.join('='));
    }
    const items: unknown[] = [];
    for (;;) {
      const page = kit.expectOk(await api.request('GET', `${apiPath(resource)}?${query}`)) as { items: unknown[]; nextCursor: string | null };
      items.push(...page.items);
      if (!options.all || !page.nextCursor) break;
      query.set('cursor', page.nextCursor);
    }
    kit.print(items);
  });
}

function registerChangeCommands(program: Command, kit: CliCommandKit): void {
  const dataOption = () => new Option('--data <json>', 'the record as JSON; - reads it from standard input').makeOptionMandatory();
  program.command('create <resource>')
    .description('Create a record, e.g. `create customers --data \'{"name":"Acme"}\'`')
    .addOption(dataOption())
    .addOption(kit.serverOption)
    .action(async (resource: string, options: { data: string; server?: string }) =>
      kit.withApi(options.server, async (api) => kit.print(kit.expectOk(await api.request('POST', apiPath(resource), readJson(options.data))))));

  program.command('update <resource>')
    .description('Change fields of a record or setup, e.g. `update customers/C00010 --data \'{"creditLimitLcy":"5000"}\'`')
    .addOption(dataOption())
    .option('--if-version <n>', 'refuse if the record is no longer at this version')
    .addOption(kit.serverOption)
    .action(async (resource: string, options: { data: string; ifVersion?: string; server?: string }) =>
      kit.withApi(options.server, async (api) => {
        const headers = options.ifVersion ? { 'if-match': `"${options.ifVersion}"` } : undefined;
        kit.print(kit.expectOk(await api.request('PATCH', apiPath(resource), readJson(options.data), headers)));
      }));

  program.command('action <path>')
    .description('Run an action, e.g. `action salesOrders/SO0001/release`, `action salesQuotes/SQ0001/makeOrder`')
    .option('--data <json>', 'the action\'s input as JSON, if it takes any; - reads it from standard input')
    .addOption(kit.serverOption)
    .action(async (path: string, options: { data?: string; server?: string }) =>
      kit.withApi(options.server, async (api) => kit.print(kit.expectOk(await api.request('POST', apiPath(path), options.data === undefined ? undefined : readJson(options.data))))));

  program.command('delete <resource>')
    .description('Delete a record, e.g. `delete customers/C00010`')
    .addOption(kit.serverOption)
    .action(async (resource: string, options: { server?: string }) =>
      kit.withApi(options.server, async (api) => {
        kit.expectOk(await api.request('DELETE', apiPath(resource)));
        kit.io.stdout.write(`Deleted ${resource}.\n`);
      }));
}

export function apiPath(resource: string): string {
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
