/**
 * `ledgerline einvoice <postedInvoice|postedCreditMemo> <no> --out file.xml` (issue 17): downloads the
 * document's Peppol BIS Billing 3.0 e-invoice through the API and writes it to the file (or to
 * "<caption> <no>.xml").
 */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { CliCommandKit } from './command-kit.ts';
import { apiPath } from './record-command.ts';

const resources: Record<string, { resource: string; caption: string }> = {
  postedInvoice: { resource: 'postedSalesInvoices', caption: 'Sales Invoice' },
  postedCreditMemo: { resource: 'postedSalesCreditMemos', caption: 'Sales Credit Memo' },
};

export function registerEInvoiceCommand(program: Command, kit: CliCommandKit): void {
  program.command('einvoice <document> <no>')
    .description('Save a posted invoice or credit memo as a Peppol BIS Billing 3.0 e-invoice: `einvoice postedInvoice PSI000001 --out invoice.xml`')
    .option('--out <file>', 'the file to write (default: "<document caption> <no>.xml" in the current directory)')
    .addOption(kit.serverOption)
    .action(async (document: string, no: string, options: { out?: string; server?: string }) =>
      kit.withApi(options.server, async (api) => {
        const target = resources[document];
        if (!target) throw new Error(`Unknown document '${document}': use ${Object.keys(resources).join(', ')}.`);
        const body = kit.expectOk(await api.request('GET', apiPath(`${target.resource}/${no}/eInvoice`)));
        const xml = Buffer.isBuffer(body) ? body : typeof body === 'string' ? Buffer.from(body, 'utf8') : null;
        if (!xml || !xml.subarray(0, 64).toString('utf8').startsWith('<?xml')) throw new Error('The server did not answer with an XML document.');
        const file = options.out ?? `${target.caption} ${no.toUpperCase()}.xml`;
        writeFileSync(file, xml);
        kit.io.stdout.write(`${file} (${xml.length} bytes)\n`);
      }));
}
