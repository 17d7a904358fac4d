import { beforeAll, describe, expect, it } from 'vitest';
import { runLedgerline, useCliWorkspace } from '../../support/cli.ts';

// `ledgerline paypal …` on the demo company: set PayPal up, post an invoice, print its link.
const workspace = useCliWorkspace('ledgerline-paypal-cli-');
const ledgerline = (...args: string[]) => runLedgerline(workspace.environment(), ['--work-date', '2026-11-25', ...args]);

async function ok(...args: string[]) {
  const run = await ledgerline(...args);
  expect(run.status, `ledgerline ${args.join(' ')}: ${run.stderr}`).toBe(0);
  return run;
}

describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('ledgerline paypal', () => {
  beforeAll(async () => { await ok('demo'); }, 600_000);

  it('sets PayPal up, refuses a bad account ID, and prints the link of a posted invoice', { timeout: 600_000 }, async () => {
    const refused = await ledgerline('paypal', 'set', '--account-id', 'not-an-email');
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('accountId');
    const setup = (await ok('paypal', 'set', '--account-id', 'sales@contoso.com', '--enable', '--always-include', '--sandbox')).json();
    expect(setup).toMatchObject({ code: 'PAYPAL', enabled: true, alwaysIncludeOnDocuments: true, sandbox: true, accountId: 'sales@contoso.com' });
    expect((await ok('paypal', 'show')).json()).toMatchObject({ enabled: true, notifyTokenSet: true });

    const invoice = (await ok('create', 'salesInvoices', '--data', JSON.stringify({
      sellToCustomerNo: 'C00060', lines: [{ type: 'glAccount', no: '8040', quantity: '1', unitPrice: '100' }],
    }))).json();
    expect(invoice.paymentServiceSet).toEqual(['PAYPAL']);
    const invoiceNo = (await ok('post', 'invoice', invoice.no)).json().invoiceNo as string;
    const link = (await ok('paypal', 'link', invoiceNo)).stdout.trim();
    expect(link).toMatch(/^https:\/\/www\.sandbox\.paypal\.com\/cgi-bin\/webscr\?cmd=_xclick&charset=UTF-8&page_style=primary&business=sales%40contoso\.com&amount=\d+(\.\d+)?&/);
    expect(link).toContain(`&item_name=Invoice%20${invoiceNo}&invoice=${invoiceNo}&currency_code=`);

    await ok('paypal', 'set', '--disable');
    const none = await ledgerline('paypal', 'link', invoiceNo);
    expect(none.status).not.toBe(0);
    expect(none.stderr).toContain('shows no payment link');
    expect((await ok('paypal', 'notifications')).json()).toEqual({ items: [] });
  });
});
