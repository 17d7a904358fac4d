/**
 * `ledgerline get-recurring-lines <documentType> <no> [--code …]` and `create-recurring-sales-invoices`:
 * standard (recurring) sales lines from the command line (spec §9.2, §9.4). The codes themselves are
 * records: `create standardSalesCodes`, `create standardSalesCodes/MONTHLY/lines`,
 * `create standardCustomerSalesCodes`.
 */
import type { Command } from 'commander';
import { salesDescriptor } from '../../core/documents/document-descriptors.ts';
import { editableSalesDocumentTypes, type EditableSalesDocumentType } from '../../core/documents/document-types.ts';
import type { Job } from '../jobs/job-queue.ts';
import type { CliCommandKit } from './command-kit.ts';
import { jobFetcher, reportJob } from './posting-command.ts';
import { followJob } from './progress.ts';

interface RecurringLinesOptions { code?: string[]; server?: string }
interface RecurringInvoicesOptions { orderDate: string; postingDate: string; customer?: string; code?: string; server?: string }

function documentResource(documentType: string): string {
  if (!(editableSalesDocumentTypes as readonly string[]).includes(documentType)) {
    throw new Error(`Unknown document type '${documentType}': use ${editableSalesDocumentTypes.join(', ')}.`);
  }
  return salesDescriptor(documentType as EditableSalesDocumentType).resource;
}

export function registerRecurringSalesCommands(program: Command, kit: CliCommandKit): void {
  program.command('get-recurring-lines <documentType> <no>')
    .description('Get Recurring Sales Lines: without --code, list the customer\'s codes the document may use; with --code, add their lines, '
      + 'e.g. `get-recurring-lines invoice SI0001 --code MONTHLY`')
    .option('--code <code...>', 'standard sales code(s) whose lines to add, in this order')
    .addOption(kit.serverOption)
    .action(async (documentType: string, no: string, options: RecurringLinesOptions) =>
      kit.withApi(options.server, async (api) => {
        const path = `/api/v1/${documentResource(documentType)}/${encodeURIComponent(no)}`;
        const response = options.code?.length
          ? await api.request('POST', `${path}/getRecurringSalesLines`, { codes: options.code })
          : await api.request('GET', `${path}/recurringSalesCodes`);
        kit.print(kit.expectOk(response));
      }));

  program.command('create-recurring-sales-invoices')
    .description('Create Recurring Sales Invoices: one invoice per valid, unblocked customer code (none twice for a code and order date), with a progress bar')
    .requiredOption('--order-date <date>', 'order and document date of the invoices, YYYY-MM-DD; the codes valid on it are taken')
    .requiredOption('--posting-date <date>', 'posting date of the invoices, YYYY-MM-DD')
    .option('--customer <no>', 'only this customer\'s codes')
    .option('--code <code>', 'only this standard sales code')
    .addOption(kit.serverOption)
    .action((options: RecurringInvoicesOptions) => kit.withApi(options.server, async (api) => {
      const accepted = kit.expectOk(await api.request('POST', '/api/v1/createRecurringSalesInvoices', {
        orderDate: options.orderDate, postingDate: options.postingDate,
        ...(options.customer ? { customerNo: options.customer } : {}), ...(options.code ? { code: options.code } : {}),
      })) as { job: Job };
      reportJob(kit, await followJob(accepted.job.id, jobFetcher(kit, api, accepted.job.id), { out: kit.io.stderr, db: api.db }));
    }));
}
