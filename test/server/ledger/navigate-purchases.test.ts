import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dec, sum } from '../../../src/core/money/decimal.ts';
import { testApi, type TestApi } from '../../support/api.ts';
import { givenPurchasingCompany } from '../../support/given-purchasing.ts';

/**
 * Issue 14: Find entries (BC's Navigate) across both sides: a purchase order received and invoiced,
 * a sales shipment that shares the receipt's number, and a vendor payment from a bank account.
 * Test company: VAT 25 %, Expected Cost Posting off, vendor V, customer C, bank account GIRO.
 */
const workDate = { 'x-work-date': '2026-01-15' };
const ledgerOrder = [
  'glEntries', 'vatEntries', 'customerLedgerEntries', 'detailedCustomerLedgerEntries', 'vendorLedgerEntries', 'detailedVendorLedgerEntries',
  'bankAccountLedgerEntries', 'itemLedgerEntries', 'valueEntries',
];
const none = Object.fromEntries(ledgerOrder.map((name) => [name, 0]));

describe('navigate (find entries) on the purchase side', () => {
  let api: TestApi;
  const send = (method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) => api.as('admin')(method, url, body, workDate);

  async function ok(method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) {
    const response = await send(method, url, body);
    expect(response.statusCode, `${url}: ${response.body}`).toBeLessThan(300);
    return response.json();
  }
  const navigate = (documentNo: string) => ok('GET', `/api/v1/navigate?documentNo=${documentNo}`);

  beforeEach(async () => {
    api = await testApi();
    await givenPurchasingCompany(api);
    await ok('POST', '/api/v1/glAccounts', { no: '2910', name: 'Bank', incomeBalance: 'balanceSheet' });
    await ok('POST', '/api/v1/bankAccountPostingGroups', { code: 'CHECKING', glAccountNo: '2910' });
    await ok('POST', '/api/v1/bankAccounts', { no: 'GIRO', name: 'Giro', bankAccPostingGroup: 'CHECKING' });
    // Receipts numbered like sales shipments: the user's series may make a purchase and a sales document share a number.
    await ok('POST', '/api/v1/noSeries', { code: 'P-RCPT-S', manualNos: true });
    await ok('POST', '/api/v1/noSeries/P-RCPT-S/lines', { startingNo: 'PS0001' });
    await ok('PATCH', '/api/v1/purchasesPayablesSetup', { postedReceiptNos: 'P-RCPT-S' });
  });
  afterEach(async () => api.close());

  it('finds a posted purchase invoice, its vendor entries, and the payment that closed it with its bank entry', async () => {
    const order = await ok('POST', '/api/v1/purchaseOrders', { buyFromVendorNo: 'V', vendorInvoiceNo: 'VI-1', lines: [{ type: 'item', no: '1000', quantity: '10', directUnitCost: '60' }] });
    expect(await ok('POST', `/api/v1/purchaseOrders/${order.no}/post`, { receive: true, invoice: true })).toMatchObject({ receiptNo: 'PS0001', invoiceNo: 'PPI0001' });
    const payment = { postingDate: '2026-01-15', documentType: 'payment', documentNo: 'VP-1', accountType: 'vendor', accountNo: 'V', balAccountType: 'bankAccount', balAccountNo: 'GIRO' };
    await ok('POST', '/api/v1/generalJournal/post', { lines: [{ ...payment, amount: '750', appliesToDocType: 'invoice', appliesToDocNo: 'PPI0001' }] });

    const invoice = await navigate('ppi0001');
    expect(invoice.postedDocuments).toEqual([{ documentType: 'purchaseInvoice', resource: 'postedPurchaseInvoices', no: 'PPI0001', postingDate: '2026-01-15' }]);
    expect(Object.keys(invoice.counts)).toEqual(ledgerOrder);
    expect(Object.keys(invoice.entries)).toEqual(ledgerOrder);
    // G/L: Purchases, Purchase VAT and Payables; Inventory and Direct Cost Applied (Automatic Cost Posting).
    expect(invoice.counts).toEqual({ ...none, glEntries: 5, vatEntries: 1, vendorLedgerEntries: 1, detailedVendorLedgerEntries: 1, valueEntries: 1 });
    for (const [ledger, count] of Object.entries(invoice.counts)) expect(invoice.entries[ledger], ledger).toHaveLength(count as number);
    expect(sum(invoice.entries.glEntries.map((entry: { amount: string }) => dec(entry.amount))).isZero()).toBe(true);
    expect(invoice.entries.vendorLedgerEntries[0]).toMatchObject({ vendorNo: 'V', documentType: 'invoice', amount: '-750.00', remainingAmount: '0.00', open: false });
    expect(invoice.entries.detailedVendorLedgerEntries[0]).toMatchObject({ entryType: 'initialEntry', amount: '-750.00' });
    expect(invoice.entries.vatEntries[0]).toMatchObject({ type: 'purchase', base: '600.00', amount: '150.00' });

    const paid = await navigate('VP-1');
    expect(paid.postedDocuments).toEqual([]);
    expect(paid.counts).toEqual({ ...none, glEntries: 2, vendorLedgerEntries: 1, detailedVendorLedgerEntries: 3, bankAccountLedgerEntries: 1 });
    expect(paid.entries.bankAccountLedgerEntries[0]).toMatchObject({ bankAccountNo: 'GIRO', documentType: 'payment', documentNo: 'VP-1', amount: '-750.00' });
    expect(paid.entries.vendorLedgerEntries[0]).toMatchObject({ documentType: 'payment', amount: '750.00', open: false });
    expect((await ok('GET', '/api/v1/navigate?documentNo=VP-1&postingDate=2026-01-16')).counts).toEqual(none);
  });

  it('lists a sales and a purchase document that share a number, sales first, with the item entries of both', async () => {
    const order = await ok('POST', '/api/v1/purchaseOrders', { buyFromVendorNo: 'V', vendorInvoiceNo: 'VI-2', lines: [{ type: 'item', no: '1000', quantity: '5', directUnitCost: '60' }] });
    expect(await ok('POST', `/api/v1/purchaseOrders/${order.no}/post`, { receive: true })).toMatchObject({ receiptNo: 'PS0001', invoiceNo: null });
    const sale = await ok('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: '1000', quantity: '2', unitPrice: '100' }] });
    expect(await ok('POST', `/api/v1/salesOrders/${sale.no}/post`, { ship: true })).toMatchObject({ shipmentNo: 'PS0001' });

    const found = await navigate('PS0001');
    expect(found.postedDocuments).toEqual([
      { documentType: 'shipment', resource: 'postedSalesShipments', no: 'PS0001', postingDate: '2026-01-15' },
      { documentType: 'purchaseReceipt', resource: 'postedPurchaseReceipts', no: 'PS0001', postingDate: '2026-01-15' },
    ]);
    expect(found.counts).toEqual({ ...none, itemLedgerEntries: 2, valueEntries: 2 });
    expect(found.entries.itemLedgerEntries.map((entry: { documentType: string; quantity: string }) => [entry.documentType, entry.quantity])).toEqual([
      ['purchaseReceipt', '5.00000'], ['salesShipment', '-2.00000'],
    ]);
  });
});
