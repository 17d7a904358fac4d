import { describe, expect, it } from 'vitest';
import { runLedgerline, useCliWorkspace } from '../../support/cli.ts';

// `ledgerline get-recurring-lines` and `create-recurring-sales-invoices` as a user runs them on the demo company.
const workspace = useCliWorkspace('ledgerline-recurring-cli-');
const ledgerline = (...args: string[]) => runLedgerline(workspace.environment(), ['--work-date', '2026-11-25', ...args]);

describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('ledgerline get-recurring-lines / create-recurring-sales-invoices', () => {
  it('lists and inserts a customer\'s recurring lines, and runs the batch twice with a progress report', { timeout: 240_000 }, async () => {
    expect((await ledgerline('demo')).status).toBe(0);
    for (const [resource, data] of [
      ['standardSalesCodes', { code: 'MONTHLY', description: 'Monthly bicycles' }],
      ['standardSalesCodes/MONTHLY/lines', { type: 'item', no: '1000', quantity: '2' }],
      ['standardCustomerSalesCodes', { customerNo: 'C00010', code: 'MONTHLY' }],
    ] as const) {
      const made = await ledgerline('create', resource, '--data', JSON.stringify(data));
      expect(made.status, made.stderr).toBe(0);
    }
    const invoiceNo = (await ledgerline('create', 'salesInvoices', '--data', JSON.stringify({ sellToCustomerNo: 'C00010' }))).json().no as string;

    const offered = await ledgerline('get-recurring-lines', 'invoice', invoiceNo);
    expect(offered.status, offered.stderr).toBe(0);
    expect(offered.json().items).toEqual([expect.objectContaining({ code: 'MONTHLY', description: 'Monthly bicycles', mode: 'manual' })]);
    const inserted = await ledgerline('get-recurring-lines', 'invoice', invoiceNo, '--code', 'monthly');
    expect(inserted.status, inserted.stderr).toBe(0);
    expect(inserted.json().lines).toEqual([expect.objectContaining({ type: 'item', no: '1000', quantity: '2.00000' })]);
    const unknown = await ledgerline('get-recurring-lines', 'invoice', invoiceNo, '--code', 'NOPE');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('RELATED_RECORD_NOT_FOUND');
    expect((await ledgerline('get-recurring-lines', 'postedInvoice', 'X')).stderr).toContain('Unknown document type');

    const first = await ledgerline('create-recurring-sales-invoices', '--order-date', '2026-11-01', '--posting-date', '2026-11-30');
    expect(first.status, first.stderr).toBe(0);
    expect(first.json()).toMatchObject({ status: 'succeeded', result: { invoicesCreated: 1, skipped: [] } });
    expect(first.stderr).toContain('1/1 1 invoice(s) were created');
    const second = await ledgerline('create-recurring-sales-invoices', '--order-date', '2026-11-01', '--posting-date', '2026-11-30', '--customer', 'C00010');
    expect(second.json()).toMatchObject({ status: 'succeeded', result: { invoicesCreated: 0, alreadyCreated: [expect.objectContaining({ code: 'MONTHLY' })] } });
  });
});
