/**
 * `ledgerline make-order <documentType> <no>`: Make Order on a blanket sales order (spec §14.2) or a
 * sales quote (§7.1), the new order as JSON. Other blanket order actions go through `action`, e.g.
 * `action salesBlanketOrders/deleteInvoiced`.
 */
import { type Command, Option } from 'commander';
import type { CliCommandKit } from './command-kit.ts';
import { apiPath } from './record-command.ts';

/** The documents an order is made from, by the name the command takes. */
const sources: Record<string, string> = { blanketOrder: 'salesBlanketOrders', quote: 'salesQuotes' };

export function registerMakeOrderCommand(program: Command, kit: CliCommandKit): void {
  program.command('make-order <documentType> <no>')
    .description('Make a sales order from a blanket order (the lines with a Qty. to Ship; the blanket order stays) or a quote (the quote is deleted), '
      + 'e.g. `make-order blanketOrder BO0001`')
    .addOption(new Option('--archive-quote', 'quotes: archive the quote first (Archive Quotes = Question)'))
    .addOption(kit.serverOption)
    .action(async (documentType: string, no: string, options: { archiveQuote?: boolean; server?: string }) =>
      kit.withApi(options.server, async (api) => {
        const resource = sources[documentType];
        if (!resource) throw new Error(`Unknown document type '${documentType}': an order is made from a blanketOrder or a quote.`);
        const body = documentType === 'quote' && options.archiveQuote ? { archiveQuote: true } : undefined;
        kit.print(kit.expectOk(await api.request('POST', apiPath(`${resource}/${no}/makeOrder`), body)));
      }));
}
