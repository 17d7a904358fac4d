/**
 * `ledgerline pdf <postedInvoice|postedCreditMemo|quote|order> <no> --out file.pdf` (spec §21):
 * downloads the document's PDF through the API and writes it to the file (or to "<caption> <no>.pdf").
 */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { CliCommandKit } from './command-kit.ts';
import { apiPath } from './record-command.ts';

const resources: Record<string, { resource: string; caption: string }> = {
  postedInvoice: { resource: 'postedSalesInvoices', caption: 'Sales Invoice' },
  postedCreditMemo: { resource: 'postedSalesCreditMemos', caption: 'Sales Credit Memo' },
  quote: { resource: 'salesQuotes', caption: 'Sales Quote' },
  order: { resource: 'salesOrders', caption: 'Order Confirmation' },
};

export function registerPdfCommand(program: Command, kit: CliCommandKit): void {
  program.command('pdf <document> <no>')
    .description('Save a document as PDF: `pdf postedInvoice PSI000001 --out invoice.pdf` (postedInvoice, postedCreditMemo, quote, order)')
    .option('--out <file>', 'the file to write (default: "<document caption> <no>.pdf" in the current directory)')
    .addOption(kit.serverOption)
    .action(async (document: string, no: string, options: { out?: string; server?: string }) =>
      kit.withApi(options.server, async (api) => {
        const target = resources[document];
        if (!target) throw new Error(`Unknown document '${document}': use ${Object.keys(resources).join(', ')}.`);
        const body = kit.expectOk(await api.request('GET', apiPath(`${target.resource}/${no}/pdf`)));
        if (!Buffer.isBuffer(body)) throw new Error('The server did not answer with a PDF.');
        const file = options.out ?? `${target.caption} ${no.toUpperCase()}.pdf`;
        writeFileSync(file, body);
        kit.io.stdout.write(`${file} (${body.length} bytes)\n`);
      }));
}
