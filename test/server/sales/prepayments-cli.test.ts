import { describe, expect, it } from 'vitest';
import { runLedgerline, useCliWorkspace } from '../../support/cli.ts';

// `ledgerline post-prepayment` and `update-pending-prepayment-orders` (issue 16) on the demo company.
const workspace = useCliWorkspace('ledgerline-prepayment-cli-');
const ledgerline = (...args: string[]) => runLedgerline(workspace.environment(), ['--work-date', '2026-11-25', ...args]);

describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('ledgerline post-prepayment', () => {
  it('invoices a 50 % prepayment of a demo order, refuses shipping before, releases it with the batch', { timeout: 240_000 }, async () => {
    expect((await ledgerline('demo')).status).toBe(0);
    const created = await ledgerline('create', 'salesOrders', '--data', JSON.stringify({
      sellToCustomerNo: 'C00010', prepaymentPercent: '50', lines: [{ type: 'item', no: '1000', quantity: '2', unitPrice: '100' }],
    }));
    expect(created.status, created.stderr).toBe(0);
    const orderNo = created.json().no as string;
    expect(created.json().lines[0]).toMatchObject({ prepaymentPercent: '50.00000', prepmtLineAmount: '100.00' });

    const early = await ledgerline('post', 'order', orderNo, '--ship');
    expect(early.status).toBe(1);
    expect(early.stderr).toContain('PREPAYMENT_NOT_INVOICED');

    const posted = await ledgerline('post-prepayment', 'invoice', orderNo);
    expect(posted.status, posted.stderr).toBe(0);
    expect(posted.json()).toMatchObject({ postedNo: 'PSP000001', amount: '100.00', amountIncludingVat: '121.00', document: { status: 'pendingPrepayment' } });
    expect((await ledgerline('post-prepayment', 'bill', orderNo)).stderr).toContain("Unknown prepayment document 'bill'");

    const released = await ledgerline('update-pending-prepayment-orders');
    expect(released.status, released.stderr).toBe(0);
    expect(released.json()).toEqual({ released: [orderNo] });
    const shipped = await ledgerline('post', 'order', orderNo, '--ship', '--invoice');
    expect(shipped.status, shipped.stderr).toBe(0);
    expect(shipped.json()).toMatchObject({ documentDeleted: true });
  });
});
