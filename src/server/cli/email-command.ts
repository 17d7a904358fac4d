/**
 * Email from the command line (spec §21): `ledgerline email send postedInvoice PSI000001 --to x@y`
 * queues the document's email and, without a running server, sends it at once; `ledgerline outbox
 * list|retry|cancel|deliver` works the outbox; `ledgerline smtp show|set` the SMTP setup (the
 * password from --password or $LEDGERLINE_SMTP_PASSWORD, stored encrypted by the server).
 */
import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import type { CliCommandKit } from './command-kit.ts';
import { apiPath } from './record-command.ts';

const documents: Record<string, string> = {
  quote: 'salesQuotes', order: 'salesOrders', invoice: 'salesInvoices',
  postedInvoice: 'postedSalesInvoices', postedCreditMemo: 'postedSalesCreditMemos',
};

interface SendOptions { to?: string; cc?: string; subject?: string; body?: string; profile?: boolean; queueOnly?: boolean; server?: string }

export function registerEmailCommands(program: Command, kit: CliCommandKit): void {
  const email = program.command('email').description('Send documents by email');
  email.command('send <document> <no>')
    .description(`Send a document with its PDF: \`email send postedInvoice PSI000001 --to ap@customer.example\` (${Object.keys(documents).join(', ')})`)
    .option('--to <addresses>', 'recipients, separated by ";" (default: the customer\'s E-Mail)')
    .option('--cc <addresses>', 'copy recipients, separated by ";"')
    .option('--subject <text>', 'subject (default: "<Company> - <Document> <No.>")')
    .option('--body <text>', 'your own text instead of the standard body with lines and totals')
    .option('--profile', 'follow the customer\'s document sending profile (Send) instead of sending by email in any case')
    .option('--queue-only', 'only put the email in the outbox; the server\'s email worker sends it')
    .addOption(kit.serverOption)
    .action(async (document: string, no: string, options: SendOptions) => kit.withApi(options.server, async (api) => {
      const resource = documents[document];
      if (!resource) throw new Error(`Unknown document '${document}': use ${Object.keys(documents).join(', ')}.`);
      const posted = resource.startsWith('posted');
      const action = options.profile ? (posted ? 'send' : 'sendByEmail') : 'sendByEmail';
      const body = {
        ...(options.to !== undefined ? { to: options.to } : {}), ...(options.cc !== undefined ? { cc: options.cc } : {}),
        ...(options.subject !== undefined ? { subject: options.subject } : {}), ...(options.body !== undefined ? { body: options.body } : {}),
        idempotencyKey: randomUUID(),
      };
      const queued = kit.expectOk(await api.request('POST', apiPath(`${resource}/${no}/${action}`), body)) as { message: { id: string } };
      if (!options.queueOnly && api.db !== undefined) kit.expectOk(await api.request('POST', '/api/v1/emailOutbox/deliver'));
      const message = kit.expectOk(await api.request('GET', apiPath(`emailOutbox/${queued.message.id}`))) as { status: string; lastError: string };
      kit.print(message);
      if (message.status === 'failed') kit.setExitCode(1);
    }));

  const outbox = program.command('outbox').description('The email outbox: sent, queued and failed emails');
  outbox.command('list')
    .description('List emails, newest first')
    .option('--status <statuses>', 'queued, sending, sent, failed, cancelled (comma-separated)')
    .option('--document-no <no>', 'only the emails of this document')
    .addOption(kit.serverOption)
    .action(async (options: { status?: string; documentNo?: string; server?: string }) => kit.withApi(options.server, async (api) => {
      const query = new URLSearchParams();
      if (options.status) query.set('status', options.status);
      if (options.documentNo) query.set('documentNo', options.documentNo);
      const page = kit.expectOk(await api.request('GET', `/api/v1/emailOutbox${query.size ? `?${query}` : ''}`)) as { items: unknown[] };
      kit.print(page.items);
    }));
  for (const [action, description] of [['retry', 'Send a failed email again'], ['cancel', 'Cancel an email not sent yet']] as const) {
    const command = outbox.command(`${action} <id>`).description(description);
    if (action === 'retry') command.option('--to <addresses>', 'send to these addresses instead');
    command.addOption(kit.serverOption)
      .action(async (id: string, options: { to?: string; server?: string }) => kit.withApi(options.server, async (api) => {
        kit.print(kit.expectOk(await api.request('POST', apiPath(`emailOutbox/${id}/${action}`), options.to !== undefined ? { to: options.to } : {})));
        if (action === 'retry' && api.db !== undefined) kit.expectOk(await api.request('POST', '/api/v1/emailOutbox/deliver'));
      }));
  }
  outbox.command('deliver')
    .description('Send every email that is due now')
    .addOption(kit.serverOption)
    .action(async (options: { server?: string }) => kit.withApi(options.server, async (api) => {
      kit.print(kit.expectOk(await api.request('POST', '/api/v1/emailOutbox/deliver')));
    }));

  registerSmtpCommands(program, kit);
}

interface SmtpOptions { host?: string; port?: string; security?: string; username?: string; password?: string; sender?: string; senderName?: string; server?: string }

function registerSmtpCommands(program: Command, kit: CliCommandKit): void {
  const smtp = program.command('smtp').description('The outgoing mail server');
  smtp.command('show').description('Show the SMTP setup (never the password)').addOption(kit.serverOption)
    .action(async (options: { server?: string }) => kit.withApi(options.server, async (api) => {
      kit.print(kit.expectOk(await api.request('GET', '/api/v1/smtpSetup')));
    }));
  smtp.command('set')
    .description('Change the SMTP setup: `smtp set --host smtp.example.com --port 587 --security starttls --username u --sender invoices@example.com`')
    .option('--host <host>').option('--port <port>').option('--security <none|starttls|tls>')
    .option('--username <name>').option('--password <password>', 'the password (default: $LEDGERLINE_SMTP_PASSWORD when set)')
    .option('--sender <address>', 'the From address').option('--sender-name <name>', 'the From name')
    .addOption(kit.serverOption)
    .action(async (options: SmtpOptions) => kit.withApi(options.server, async (api) => {
      const password = options.password ?? kit.io.env.LEDGERLINE_SMTP_PASSWORD;
      const port = options.port === undefined ? undefined : Number.parseInt(options.port, 10);
      if (port !== undefined && !Number.isInteger(port)) throw new Error(`--port must be a number, not '${options.port}'.`);
      const body = {
        ...(options.host !== undefined ? { host: options.host } : {}), ...(port !== undefined ? { port } : {}),
        ...(options.security !== undefined ? { security: options.security } : {}), ...(options.username !== undefined ? { username: options.username } : {}),
        ...(password !== undefined ? { password } : {}), ...(options.sender !== undefined ? { senderAddress: options.sender } : {}),
        ...(options.senderName !== undefined ? { senderName: options.senderName } : {}),
      };
      kit.print(kit.expectOk(await api.request('PATCH', '/api/v1/smtpSetup', body)));
    }));
}
