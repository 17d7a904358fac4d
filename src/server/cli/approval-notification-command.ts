/**
 * `ledgerline notifications` (the signed-in user's approval notifications, spec §19.7),
 * `notifications mark-read`, and `ledgerline approval send-overdue-notifications` /
 * `approval delegate-due` (§19.5). The in-process CLI acts as the user `cli`, who receives no
 * notifications: to read a person's, sign in as them (`ledgerline login`) or give --server.
 */
import { type Command, Option } from 'commander';
import type { CliCommandKit } from './command-kit.ts';
import { apiPath } from './record-command.ts';

const ids = (values: string[]) => values.map((value) => {
  if (!/^\d{1,9}$/.test(value)) throw new Error(`'${value}' is not a notification id.`);
  return Number.parseInt(value, 10);
});

export function registerApprovalNotificationCommands(program: Command, approval: Command, kit: CliCommandKit): void {
  const notifications = program.command('notifications')
    .description("Your approval notifications, newest first, with the unread count (in-process the user is `cli`: use `login` or --server to read a person's)")
    .option('--unread', 'only the unread ones').addOption(new Option('--limit <n>', 'at most this many (default 50)')).addOption(kit.serverOption)
    .action(async (options: { unread?: boolean; limit?: string; server?: string }) => kit.withApi(options.server, async (api) => {
      const query = new URLSearchParams({ ...(options.unread ? { unread: 'true' } : {}), ...(options.limit ? { limit: options.limit } : {}) }).toString();
      kit.print(kit.expectOk(await api.request('GET', `${apiPath('notifications')}${query ? `?${query}` : ''}`)));
    }));
  notifications.command('mark-read [ids...]').description('Mark notifications read: these ids, or --all')
    .option('--all', 'every unread notification').addOption(kit.serverOption)
    .action(async (values: string[], options: { all?: boolean; server?: string }) => kit.withApi(options.server, async (api) => {
      if (!options.all && values.length === 0) throw new Error('Give notification ids or --all.');
      kit.print(kit.expectOk(await api.request('POST', apiPath('notifications/markRead'), options.all ? { all: true } : { ids: ids(values) })));
    }));

  approval.command('send-overdue-notifications')
    .description('Send Overdue Approval Notifications: for each open entry due before the work date, notify its approver, their approver and the sender (once a day)')
    .addOption(kit.serverOption)
    .action(async (options: { server?: string }) => kit.withApi(options.server, async (api) => {
      kit.print(kit.expectOk(await api.request('POST', apiPath('approvalRequests/sendOverdueNotifications'))));
    }));
  approval.command('delegate-due')
    .description('Automatic delegation now: delegate every open entry whose Delegate After delay has passed by the work date (`serve` does this by itself)')
    .addOption(kit.serverOption)
    .action(async (options: { server?: string }) => kit.withApi(options.server, async (api) => {
      kit.print(kit.expectOk(await api.request('POST', apiPath('approvalRequests/delegateDue'))));
    }));
}
