/**
 * `ledgerline post-prepayment <invoice|creditMemo> <orderNo>` (spec §26.4–26.5) and
 * `ledgerline update-pending-prepayment-orders` (§26.6), each answering the API's JSON.
 */
import type { Command } from 'commander';
import type { CliCommandKit } from './command-kit.ts';
import { apiPath } from './record-command.ts';

const actions: Record<string, string> = { invoice: 'postPrepaymentInvoice', creditMemo: 'postPrepaymentCreditMemo' };

export function registerPrepaymentCommands(program: Command, kit: CliCommandKit): void {
  program.command('post-prepayment <document> <orderNo>')
    .description('Post a prepayment invoice (`invoice`) or credit memo (`creditMemo`) of a sales order, e.g. `post-prepayment invoice SO000001`')
    .addOption(kit.serverOption)
    .action(async (document: string, orderNo: string, options: { server?: string }) =>
      kit.withApi(options.server, async (api) => {
        const action = actions[document];
        if (!action) throw new Error(`Unknown prepayment document '${document}': use invoice or creditMemo.`);
        kit.print(kit.expectOk(await api.request('POST', apiPath(`salesOrders/${orderNo}/${action}`))));
      }));

  program.command('update-pending-prepayment-orders')
    .description('Release every sales order in Pending Prepayment whose prepayment is invoiced and (with Check Prepmt. when Posting) paid')
    .addOption(kit.serverOption)
    .action(async (options: { server?: string }) =>
      kit.withApi(options.server, async (api) => {
        kit.print(kit.expectOk(await api.request('POST', apiPath('salesOrders/updatePendingPrepayment'))));
      }));
}
