import { describe, expect, it } from 'vitest';
import { runLedgerline, useCliWorkspace } from '../../support/cli.ts';

// `ledgerline post`, `preview`, `combine-shipments` and `post-prepayment` as a user runs them on the demo company.
const workspace = useCliWorkspace('ledgerline-post-cli-');
const ledgerline = (...args: string[]) => runLedgerline(workspace.environment(), ['--work-date', '2026-11-25', ...args]);

describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('ledgerline post / preview / combine-shipments', () => {
  it('previews and posts a demo order, then runs Combine Shipments with a progress report', { timeout: 240_000 }, async () => {
    expect((await ledgerline('demo')).status).toBe(0);
    const created = await ledgerline('create', 'salesOrders', '--data', JSON.stringify({ sellToCustomerNo: 'C00010', lines: [{ type: 'item', no: '1000', quantity: '2' }] }));
    expect(created.status, created.stderr).toBe(0);
    const orderNo = created.json().no as string;

    const preview = await ledgerline('preview', 'order', orderNo, '--ship', '--invoice');
    expect(preview.status, preview.stderr).toBe(0);
    expect(preview.json().glEntries.length).toBeGreaterThan(0);

    const posted = await ledgerline('post', 'order', orderNo, '--ship', '--invoice');
    expect(posted.status, posted.stderr).toBe(0);
    expect(posted.json()).toMatchObject({ documentDeleted: true });
    expect(posted.json().invoiceNo).toMatch(/^PSI/);

    const again = await ledgerline('post', 'order', orderNo, '--ship');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('DOCUMENT_ALREADY_POSTED');
    expect((await ledgerline('post', 'quote', 'X')).stderr).toContain('Unknown document type');

    const combined = await ledgerline('combine-shipments', '--posting-date', '2026-11-30', '--post');
    expect(combined.status, combined.stderr).toBe(0);
    expect(combined.json()).toMatchObject({ status: 'succeeded', result: { invoicesCreated: 0 } });

    // A purchase order, received then invoiced (issue 14).
    const purchase = await ledgerline('create', 'purchaseOrders', '--data', JSON.stringify({ buyFromVendorNo: 'V00010', lines: [{ type: 'item', no: '1000', quantity: '3' }] }));
    expect(purchase.status, purchase.stderr).toBe(0);
    const purchaseNo = purchase.json().no as string;
    const received = await ledgerline('post', 'purchaseOrder', purchaseNo, '--receive');
    expect(received.status, received.stderr).toBe(0);
    expect(received.json()).toMatchObject({ invoiceNo: null, documentDeleted: false });
    const noVendorInvoice = await ledgerline('post', 'purchaseOrder', purchaseNo, '--invoice');
    expect(noVendorInvoice.status).toBe(1);
    expect(noVendorInvoice.stderr).toContain('VENDOR_DOCUMENT_NO_REQUIRED');
    expect((await ledgerline('update', `purchaseOrders/${purchaseNo}`, '--data', '{"vendorInvoiceNo":"V-77"}')).status).toBe(0);
    const invoiced = await ledgerline('post', 'purchaseOrder', purchaseNo, '--invoice');
    expect(invoiced.status, invoiced.stderr).toBe(0);
    expect(invoiced.json()).toMatchObject({ documentDeleted: true });
    const vendorEntries = await ledgerline('list', 'vendorLedgerEntries', '--filter', 'externalDocumentNo=V-77');
    expect(vendorEntries.json()).toEqual([expect.objectContaining({ documentType: 'invoice', documentNo: invoiced.json().invoiceNo })]);
  });

  it('invoices a 50 % prepayment of a demo order, refuses shipping before, releases it with the batch', { timeout: 240_000 }, async () => {
    // The demo company of the test before.
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
