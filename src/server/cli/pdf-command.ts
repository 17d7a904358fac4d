/**
 * `ledgerline pdf <document> <no> --out file.pdf` (spec §21): downloads the document's PDF through
 * the API and writes it to the file (or to "<caption> <no>.pdf"). The documents: postedInvoice,
 * postedCreditMemo, postedShipment and postedReturnReceipt (packing slips), quote, order (the order
 * confirmation), proFormaOrder and proFormaInvoice (the pro forma invoice of an unposted order or
 * invoice), and statement (the customer statement of customer <no>, with --from and --to).
 */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { CliCommandKit } from './command-kit.ts';
import { apiPath } from './record-command.ts';

/** The API path under /api/v1 of each document's PDF, and the caption of its default file name. */
const resources: Record<string, { path: (no: string) => string; caption: string; period?: true }> = {
  postedInvoice: { path: (no) => `postedSalesInvoices/${no}/pdf`, caption: 'Sales Invoice' },
  postedCreditMemo: { path: (no) => `postedSalesCreditMemos/${no}/pdf`, caption: 'Sales Credit Memo' },
  postedShipment: { path: (no) => `postedSalesShipments/${no}/pdf`, caption: 'Sales Shipment' },
  postedReturnReceipt: { path: (no) => `postedReturnReceipts/${no}/pdf`, caption: 'Sales Return Receipt' },
  quote: { path: (no) => `salesQuotes/${no}/pdf`, caption: 'Sales Quote' },
  order: { path: (no) => `salesOrders/${no}/pdf`, caption: 'Order Confirmation' },
  proFormaOrder: { path: (no) => `salesOrders/${no}/proForma/pdf`, caption: 'Pro Forma Invoice' },
  proFormaInvoice: { path: (no) => `salesInvoices/${no}/proForma/pdf`, caption: 'Pro Forma Invoice' },
  statement: { path: (no) => `customers/${no}/statement/pdf`, caption: 'Customer Statement', period: true },
};

interface PdfOptions { out?: string; from?: string; to?: string; server?: string }

export function registerPdfCommand(program: Command, kit: CliCommandKit): void {
  program.command('pdf <document> <no>')
    .description(`Save a document as PDF: \`pdf postedInvoice PSI000001 --out invoice.pdf\`, \`pdf statement C00010 --from 2026-01-01 --to 2026-01-31\` (${Object.keys(resources).join(', ')})`)
    .option('--out <file>', 'the file to write (default: "<document caption> <no>.pdf" in the current directory)')
    .option('--from <date>', 'statement only: the first posting date of the period, YYYY-MM-DD')
    .option('--to <date>', 'statement only: the last posting date of the period (the statement date), YYYY-MM-DD')
    .addOption(kit.serverOption)
    .action(async (document: string, no: string, options: PdfOptions) =>
      kit.withApi(options.server, async (api) => {
        const target = resources[document];
        if (!target) throw new Error(`Unknown document '${document}': use ${Object.keys(resources).join(', ')}.`);
        let query = '';
        if (target.period) {
          if (!options.from || !options.to) throw new Error(`A ${document} needs its period: --from <date> and --to <date>.`);
          query = `?${new URLSearchParams({ from: options.from, to: options.to }).toString()}`;
        }
        const body = kit.expectOk(await api.request('GET', `${apiPath(target.path(no))}${query}`));
        if (!Buffer.isBuffer(body)) throw new Error('The server did not answer with a PDF.');
        const period = target.period ? ` ${options.from} ${options.to}` : '';
        const file = options.out ?? `${target.caption} ${no.toUpperCase()}${period}.pdf`;
        writeFileSync(file, body);
        kit.io.stdout.write(`${file} (${body.length} bytes)\n`);
      }));
}
