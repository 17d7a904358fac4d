/**
 * `ledgerline post | preview <documentType> <no>`, `combine-shipments` and `job <id>`: posting sales
 * documents, and following the background jobs that batch posting runs as.
 */
import type { Command } from 'commander';
import type { Job } from '../jobs/job-queue.ts';
import type { ApiClient } from './api-client.ts';
import type { CliCommandKit } from './command-kit.ts';
import { followJob } from './progress.ts';
import { apiPath } from './record-command.ts';

const postableResources: Record<string, string> = { order: 'salesOrders', invoice: 'salesInvoices', creditMemo: 'salesCreditMemos', returnOrder: 'salesReturnOrders' };
/** Purchase documents post and preview too: `post purchaseOrder PO0001 --receive --invoice`. */
const purchaseResources: Record<string, string> = {
  purchaseOrder: 'purchaseOrders', purchaseInvoice: 'purchaseInvoices', purchaseCreditMemo: 'purchaseCreditMemos', purchaseReturnOrder: 'purchaseReturnOrders',
};

interface PostOptions { ship?: boolean; receive?: boolean; invoice?: boolean; server?: string }
interface CombineOptions { postingDate: string; documentDate?: string; customer?: string; post?: boolean; calcInvoiceDiscount?: boolean; server?: string }

export function registerPostingCommands(program: Command, kit: CliCommandKit): void {
  program.command('job <id>')
    .description('Show a background job; with --wait, follow it to the end with a progress bar')
    .option('--wait', 'wait until the job has finished (without a server, run it here)')
    .addOption(kit.serverOption)
    .action(async (id: string, options: { wait?: boolean; server?: string }) =>
      kit.withApi(options.server, async (api) => {
        const fetchJob = jobFetcher(kit, api, id);
        reportJob(kit, options.wait ? await followJob(id, fetchJob, { out: kit.io.stderr, db: api.db }) : await fetchJob());
      }));

  for (const [name, summary] of [['post', 'Post'], ['preview', 'Preview posting (nothing is kept) of']] as const) {
    program.command(`${name} <documentType> <no>`)
      .description(`${summary} a document: order, invoice, creditMemo or returnOrder (sales), purchaseOrder, purchaseInvoice, purchaseCreditMemo or purchaseReturnOrder, `
        + `e.g. \`${name} order SO000001 --ship --invoice\`, \`${name} purchaseOrder PO0001 --receive\``)
      .option('--ship', 'orders: post the shipment; purchase return orders: post the return shipment')
      .option('--receive', 'return orders: post the return receipt; purchase orders: post the receipt')
      .option('--invoice', 'post the invoice (credit memo)')
      .addOption(kit.serverOption)
      .action(async (documentType: string, no: string, options: PostOptions) =>
        kit.withApi(options.server, async (api) => {
          const resource = postableResources[documentType] ?? purchaseResources[documentType];
          if (!resource) {
            throw new Error(`Unknown document type '${documentType}': use order, invoice, creditMemo, returnOrder, purchaseOrder, purchaseInvoice, purchaseCreditMemo or purchaseReturnOrder.`);
          }
          const body = { ...(options.ship ? { ship: true } : {}), ...(options.receive ? { receive: true } : {}), ...(options.invoice ? { invoice: true } : {}) };
          kit.print(kit.expectOk(await api.request('POST', apiPath(`${resource}/${no}/${name}`), body)));
        }));
  }

  program.command('combine-shipments')
    .description('Combine Shipments: one invoice per customer for shipped, not yet invoiced order lines (orders with Combine Shipments), with a progress bar')
    .requiredOption('--posting-date <date>', 'posting date of the invoices, YYYY-MM-DD')
    .option('--document-date <date>', 'document date of the invoices (default: the posting date)')
    .option('--customer <no>', 'only this sell-to customer')
    .option('--post', 'post the invoices as well')
    .option('--calc-invoice-discount', 'calculate the invoice discount on each invoice')
    .addOption(kit.serverOption)
    .action((options: CombineOptions) => kit.withApi(options.server, (api) => combineShipments(kit, api, options)));
}

async function combineShipments(kit: CliCommandKit, api: ApiClient, options: CombineOptions): Promise<void> {
  const accepted = kit.expectOk(await api.request('POST', '/api/v1/combineShipments', {
    postingDate: options.postingDate, documentDate: options.documentDate ?? options.postingDate,
    ...(options.customer ? { sellToCustomerNo: options.customer } : {}),
    postInvoices: options.post ?? false, calcInvoiceDiscount: options.calcInvoiceDiscount ?? false,
  })) as { job: Job };
  reportJob(kit, await followJob(accepted.job.id, jobFetcher(kit, api, accepted.job.id), { out: kit.io.stderr, db: api.db }));
}

export function jobFetcher(kit: CliCommandKit, api: ApiClient, id: string): () => Promise<Job> {
  return async () => kit.expectOk(await api.request('GET', `/api/v1/jobs/${encodeURIComponent(id)}`)) as Job;
}

/** The job as JSON; a job that did not get everything done fails the command. */
export function reportJob(kit: CliCommandKit, job: Job): void {
  kit.print(job);
  if (job.status === 'failed' || job.status === 'incomplete') kit.setExitCode(1);
}
