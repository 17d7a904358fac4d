/**
 * `ledgerline paypal …` (spec §21.1, §21.4): the PayPal Payments Standard setup, its notification
 * log, a new notify secret, and the payment link of a posted invoice, through the API.
 */
import type { Command } from 'commander';
import type { CliCommandKit } from './command-kit.ts';
import { apiPath } from './record-command.ts';

interface PayPalOptions {
  server?: string; accountId?: string; enabled?: boolean; alwaysInclude?: boolean; sandbox?: boolean; targetUrl?: string;
  termsUrl?: string; notifyBaseUrl?: string; balAccountType?: string; balAccountNo?: string; name?: string; description?: string;
}

/** Only what was given: commander leaves an option it did not see undefined. */
function setupChanges(options: PayPalOptions): Record<string, unknown> {
  const fields: Array<[string, unknown]> = [
    ['name', options.name], ['description', options.description], ['accountId', options.accountId], ['enabled', options.enabled],
    ['alwaysIncludeOnDocuments', options.alwaysInclude], ['sandbox', options.sandbox], ['targetUrl', options.targetUrl],
    ['termsOfServiceUrl', options.termsUrl], ['notifyBaseUrl', options.notifyBaseUrl], ['balAccountType', options.balAccountType],
    ['balAccountNo', options.balAccountNo === '' ? null : options.balAccountNo],
  ];
  return Object.fromEntries(fields.filter(([, value]) => value !== undefined));
}

export function registerPaymentServiceCommands(program: Command, kit: CliCommandKit): void {
  const paypal = program.command('paypal').description('PayPal Payments Standard: the "Pay with PayPal" link on invoices and its payment notifications');
  paypal.command('show').description('Show the PayPal setup (never its secret)').addOption(kit.serverOption)
    .action(async (options: { server?: string }) => kit.withApi(options.server, async (api) => {
      kit.print(kit.expectOk(await api.request('GET', '/api/v1/paymentServices/PAYPAL')));
    }));
  paypal.command('set')
    .description('Change the PayPal setup: `paypal set --account-id sales@contoso.com --enable --always-include`')
    .option('--account-id <email>', 'the PayPal business e-mail payments go to')
    .option('--enable', 'offer the link on documents').option('--disable', 'offer it no more')
    .option('--always-include', 'new quotes, orders and invoices carry PayPal').option('--no-always-include', 'new documents do not carry it')
    .option('--sandbox', "use PayPal's sandbox (test invoices, no money transferred)").option('--no-sandbox', 'use PayPal for real')
    .option('--target-url <url>', "PayPal's payment address (https; blank: the production address)")
    .option('--terms-url <url>', 'the terms of service of the payment service')
    .option('--notify-base-url <url>', 'the address PayPal reaches this server at, for automatic payment registration (blank: none)')
    .option('--bal-account-type <glAccount|bankAccount>', 'where notified payments are balanced').option('--bal-account-no <no>')
    .option('--name <name>').option('--description <text>')
    .addOption(kit.serverOption)
    .action(async (options: PayPalOptions & { enable?: boolean; disable?: boolean }) => kit.withApi(options.server, async (api) => {
      if (options.enable && options.disable) throw new Error('Give --enable or --disable, not both.');
      const enabled = options.enable ? true : options.disable ? false : undefined;
      kit.print(kit.expectOk(await api.request('PATCH', '/api/v1/paymentServices/PAYPAL', setupChanges({ ...options, enabled }))));
    }));
  paypal.command('notifications').description('The payment notifications PayPal sent, newest first, accepted or refused with the reason')
    .option('--limit <n>', 'at most this many', '50').addOption(kit.serverOption)
    .action(async (options: { limit: string; server?: string }) => kit.withApi(options.server, async (api) => {
      kit.print(kit.expectOk(await api.request('GET', `/api/v1/paymentServices/PAYPAL/notifications?limit=${encodeURIComponent(options.limit)}`)));
    }));
  paypal.command('regenerate-secret').description('Replace the notify secret: links already sent can no longer register payments')
    .addOption(kit.serverOption)
    .action(async (options: { server?: string }) => kit.withApi(options.server, async (api) => {
      kit.print(kit.expectOk(await api.request('POST', '/api/v1/paymentServices/PAYPAL/regenerateNotifySecret')));
    }));
  paypal.command('link <invoiceNo>').description('Print the "Pay with PayPal" link of a posted sales invoice').addOption(kit.serverOption)
    .action(async (invoiceNo: string, options: { server?: string }) => kit.withApi(options.server, async (api) => {
      const { items } = kit.expectOk(await api.request('GET', apiPath(`postedSalesInvoices/${invoiceNo}/paymentLinks`))) as { items: Array<{ url: string }> };
      if (items.length === 0) throw new Error(`Posted sales invoice ${invoiceNo.toUpperCase()} shows no payment link (no enabled service in its Payment Service Set).`);
      for (const link of items) kit.io.stdout.write(`${link.url}\n`);
    }));
}
