import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dec, sum } from '../../../src/core/money/decimal.ts';
import { testApi, type TestApi } from '../../support/api.ts';
import { accountTotals } from '../../support/given-posting.ts';
import { givenPurchasingCompany } from '../../support/given-purchasing.ts';

/**
 * Cost adjustment (BC's Adjust Cost – Item Entries, as with Automatic Cost Adjustment = Always): a
 * purchase order for item 1000 (FIFO) received at 10.00 (expected 100.00 for 10), 4 of them sold,
 * then the order invoiced at 12.00 (actual 120.00). The sale's cost follows, 8.00 more, dated and
 * documented as the value entry it corrects. Accounts of the test company: 3000 Inventory, 3010
 * Inventory (Interim), 7000 COGS, 7010 COGS (Interim), 7090 Direct Cost Applied, 1480 Invt. Accrual
 * (Interim); Automatic Cost Posting on. After every step the inventory accounts hold what the item's
 * value entries say: 3000 = Σ Cost Amount (Actual), 3010 = Σ Cost Amount (Expected) when expected
 * cost is posted to the G/L (0 otherwise).
 */
type Entry = { glAccountNo: string; debitAmount: string; creditAmount: string; amount: string; postingDate: string; documentNo: string; transactionNo: number };
type Value = { itemLedgerEntryNo: number; costAmountActual: string; costAmountExpected: string; adjustment: boolean; postingDate: string; documentType: string; documentNo: string; transactionNo: number };

describe('cost adjustment: a purchase invoiced at another cost than it was received at', () => {
  let api: TestApi;
  const at = (date: string) => (method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) => api.as('admin')(method, url, body, { 'x-work-date': date });
  const send = at('2026-01-31');
  const items = async (url: string) => (await send('GET', url)).json().items;
  async function ok(date: string, method: 'POST' | 'PATCH', url: string, body?: unknown) {
    const response = await at(date)(method, url, body);
    expect(response.statusCode, response.body).toBe(method === 'POST' ? 201 : 200);
    return response.json();
  }

  beforeEach(async () => {
    api = await testApi();
    await givenPurchasingCompany(api);
  });
  afterEach(async () => api.close());

  /** Receives PO 10 × 1000 at 10.00 on 5 January; the order, not yet invoiced. */
  async function received() {
    const order = await ok('2026-01-05', 'POST', '/api/v1/purchaseOrders', {
      buyFromVendorNo: 'V', vendorInvoiceNo: 'V-ADJ-1', lines: [{ type: 'item', no: '1000', quantity: '10', directUnitCost: '10' }],
    });
    await ok('2026-01-05', 'POST', `/api/v1/purchaseOrders/${order.no}/post`, { receive: true });
    return order;
  }

  /** Invoices the order on 20 January at 12.00 a unit. */
  async function invoicedAt12(orderNo: string) {
    // Posting released the order: reopened for the price the vendor invoices.
    const reopened = await at('2026-01-20')('POST', `/api/v1/purchaseOrders/${orderNo}/reopen`);
    expect(reopened.statusCode, reopened.body).toBe(200);
    await ok('2026-01-20', 'PATCH', `/api/v1/purchaseOrders/${orderNo}`, { postingDate: '2026-01-20' });
    await ok('2026-01-20', 'PATCH', `/api/v1/purchaseOrders/${orderNo}/lines/10000`, { directUnitCost: '12' });
    return ok('2026-01-20', 'POST', `/api/v1/purchaseOrders/${orderNo}/post`, { invoice: true });
  }

  async function saleEntry() {
    const [entry] = await items('/api/v1/itemLedgerEntries?itemNo=1000&entryType=sale');
    return entry as { entryNo: number; costAmountActual: string; costAmountExpected: string };
  }

  /** The inventory accounts equal the item's value entries, to the cent. */
  async function expectInventoryReconciled(expectedCostPosted: boolean) {
    const values = (await items('/api/v1/valueEntries?itemNo=1000&limit=1000')) as Value[];
    const gl = (await items('/api/v1/glEntries?limit=1000')) as Entry[];
    const balance = (accountNo: string) => sum(gl.filter((entry) => entry.glAccountNo === accountNo).map((entry) => dec(entry.amount))).toFixed(2);
    expect(balance('3000')).toBe(sum(values.map((value) => dec(value.costAmountActual))).toFixed(2));
    expect(balance('3010')).toBe(expectedCostPosted ? sum(values.map((value) => dec(value.costAmountExpected))).toFixed(2) : '0.00');
  }

  it('the sale invoiced first: its cost goes from 40.00 to 48.00 on its invoice (COGS 8.00 / Inventory 8.00), dated as that invoice', async () => {
    const order = await received();
    await expectInventoryReconciled(false);
    const salesOrder = await ok('2026-01-10', 'POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', externalDocumentNo: 'C-1', lines: [{ type: 'item', no: '1000', quantity: '4' }] });
    const sold = await ok('2026-01-10', 'POST', `/api/v1/salesOrders/${salesOrder.no}/post`, { ship: true, invoice: true });
    expect(accountTotals((await items(`/api/v1/glEntries?documentNo=${sold.invoiceNo}`)) as Entry[], '7000')).toEqual({ debit: '40.00', credit: '0.00' });
    await expectInventoryReconciled(false);

    const invoiced = await invoicedAt12(order.no);
    expect(invoiced).toMatchObject({ invoiceNo: 'PPI0001' });
    const sale = await saleEntry();
    expect(sale).toMatchObject({ costAmountActual: '-48.00', costAmountExpected: '0.00' });
    const saleValues = (await items(`/api/v1/valueEntries?itemLedgerEntryNo=${sale.entryNo}`)) as Value[];
    const adjustment = saleValues.find((value) => value.adjustment);
    expect(saleValues.filter((value) => value.adjustment)).toHaveLength(1);
    expect(adjustment).toMatchObject({
      costAmountActual: '-8.00', costAmountExpected: '0.00', postingDate: '2026-01-10', documentType: 'salesInvoice', documentNo: sold.invoiceNo,
      itemLedgerEntryQuantity: '0.00000', invoicedQuantity: '0.00000', valuedQuantity: '-4.00000', costPerUnit: '2.00000', costPostedToGl: '-8.00', entryType: 'directCost',
    });
    expect(await items(`/api/v1/valueEntries?itemNo=1000&adjustment=true`)).toHaveLength(1);

    // The adjustment's G/L: in the purchase invoice's transaction, on the sales invoice and its date.
    const purchaseGl = (await items('/api/v1/glEntries?documentNo=PPI0001')) as Entry[];
    const adjustmentGl = ((await items(`/api/v1/glEntries?documentNo=${sold.invoiceNo}`)) as Entry[]).filter((entry) => entry.transactionNo === adjustment!.transactionNo);
    expect(purchaseGl.every((entry) => entry.transactionNo === adjustment!.transactionNo)).toBe(true);
    expect(accountTotals(purchaseGl, '3000')).toEqual({ debit: '120.00', credit: '0.00' });
    expect(accountTotals(purchaseGl, '7090')).toEqual({ debit: '0.00', credit: '120.00' });
    expect(adjustmentGl.map((entry) => [entry.glAccountNo, entry.debitAmount, entry.creditAmount, entry.postingDate]).sort())
      .toEqual([['3000', '0.00', '8.00', '2026-01-10'], ['7000', '8.00', '0.00', '2026-01-10']]);
    const all = (await items('/api/v1/glEntries?limit=1000')) as Entry[];
    expect(accountTotals(all, '7000')).toEqual({ debit: '48.00', credit: '0.00' });
    expect(accountTotals(all, '3000')).toEqual({ debit: '120.00', credit: '48.00' });
    await expectInventoryReconciled(false);

    // The 6 left cost what the invoice says: 72.00, nothing left in inventory.
    const rest = await ok('2026-01-25', 'POST', '/api/v1/salesInvoices', { sellToCustomerNo: 'C', externalDocumentNo: 'C-2', lines: [{ type: 'item', no: '1000', quantity: '6' }] });
    const restSold = await ok('2026-01-25', 'POST', `/api/v1/salesInvoices/${rest.no}/post`);
    expect(accountTotals((await items(`/api/v1/glEntries?documentNo=${restSold.invoiceNo}`)) as Entry[], '7000')).toEqual({ debit: '72.00', credit: '0.00' });
    expect(accountTotals((await items('/api/v1/glEntries?limit=1000')) as Entry[], '3000')).toEqual({ debit: '120.00', credit: '120.00' });
    await expectInventoryReconciled(false);
  });

  it('the sale only shipped: its expected cost goes to 48.00 on the shipment (interim accounts), and invoicing it later costs 48.00', async () => {
    await send('PATCH', '/api/v1/inventorySetup', { expectedCostPostingToGl: true });
    await ok('2026-01-05', 'POST', '/api/v1/glAccounts', { no: '1480', name: 'Invt. accrual (interim)', incomeBalance: 'balanceSheet' });
    const general = (await items('/api/v1/generalPostingSetups?genProdPostingGroup=RETAIL'))
      .find((row: { genBusPostingGroup: string | null }) => row.genBusPostingGroup === 'DOMESTIC');
    await ok('2026-01-05', 'PATCH', `/api/v1/generalPostingSetups/${general.id}`, { inventoryAccrualAccountInterim: '1480' });
    const order = await received();
    await expectInventoryReconciled(true);
    const salesOrder = await ok('2026-01-10', 'POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', externalDocumentNo: 'C-3', lines: [{ type: 'item', no: '1000', quantity: '4' }] });
    const shipped = await ok('2026-01-10', 'POST', `/api/v1/salesOrders/${salesOrder.no}/post`, { ship: true });
    await expectInventoryReconciled(true);

    await invoicedAt12(order.no);
    const sale = await saleEntry();
    expect(sale).toMatchObject({ costAmountActual: '0.00', costAmountExpected: '-48.00' });
    const [adjustment] = (await items(`/api/v1/valueEntries?itemLedgerEntryNo=${sale.entryNo}&adjustment=true`)) as Value[];
    expect(adjustment).toMatchObject({
      costAmountActual: '0.00', costAmountExpected: '-8.00', postingDate: '2026-01-10', documentType: 'salesShipment', documentNo: shipped.shipmentNo,
      expectedCostPostedToGl: '-8.00', costPostedToGl: '0.00',
    });
    const adjustmentGl = ((await items(`/api/v1/glEntries?documentNo=${shipped.shipmentNo}`)) as Entry[]).filter((entry) => entry.transactionNo === adjustment!.transactionNo);
    expect(adjustmentGl.map((entry) => [entry.glAccountNo, entry.debitAmount, entry.creditAmount, entry.postingDate]).sort())
      .toEqual([['3010', '0.00', '8.00', '2026-01-10'], ['7010', '8.00', '0.00', '2026-01-10']]);
    await expectInventoryReconciled(true);

    const invoicedSale = await ok('2026-01-25', 'POST', `/api/v1/salesOrders/${salesOrder.no}/post`, { invoice: true });
    const saleGl = (await items(`/api/v1/glEntries?documentNo=${invoicedSale.invoiceNo}`)) as Entry[];
    expect(accountTotals(saleGl, '7000')).toEqual({ debit: '48.00', credit: '0.00' });
    expect(accountTotals(saleGl, '7010')).toEqual({ debit: '0.00', credit: '48.00' });
    expect(await saleEntry()).toMatchObject({ costAmountActual: '-48.00', costAmountExpected: '0.00' });
    await expectInventoryReconciled(true);
  });

  it('flows on to a return at exact cost: the 1 returned of the 4 comes back at 12.00 as well (Inventory 2.00 / COGS 2.00 on the credit memo)', async () => {
    const order = await received();
    const invoice = await ok('2026-01-10', 'POST', '/api/v1/salesInvoices', { sellToCustomerNo: 'C', externalDocumentNo: 'C-6', lines: [{ type: 'item', no: '1000', quantity: '4' }] });
    const { invoiceNo } = await ok('2026-01-10', 'POST', `/api/v1/salesInvoices/${invoice.no}/post`);
    const returnOrder = await ok('2026-01-14', 'POST', '/api/v1/salesReturnOrders', { sellToCustomerNo: 'C' });
    const reversed = await at('2026-01-14')('POST', `/api/v1/salesReturnOrders/${returnOrder.no}/getPostedDocumentLinesToReverse`, {
      lines: [{ documentType: 'invoice', documentNo: invoiceNo, lineNo: 10000, quantity: '1' }],
    });
    expect(reversed.statusCode, reversed.body).toBe(200);
    const { creditMemoNo } = await ok('2026-01-14', 'POST', `/api/v1/salesReturnOrders/${returnOrder.no}/post`, { receive: true, invoice: true });
    await expectInventoryReconciled(false);

    await invoicedAt12(order.no);
    const adjustments = (await items('/api/v1/valueEntries?itemNo=1000&adjustment=true')) as Value[];
    expect(adjustments.map((value) => [value.costAmountActual, value.documentType, value.documentNo, value.postingDate])).toEqual([
      ['-8.00', 'salesInvoice', invoiceNo, '2026-01-10'], ['2.00', 'salesCreditMemo', creditMemoNo, '2026-01-14'],
    ]);
    const creditMemoGl = ((await items(`/api/v1/glEntries?documentNo=${creditMemoNo}`)) as Entry[]).filter((entry) => entry.transactionNo === adjustments[1]!.transactionNo);
    expect(creditMemoGl.map((entry) => [entry.glAccountNo, entry.debitAmount, entry.creditAmount]).sort()).toEqual([['3000', '2.00', '0.00'], ['7000', '0.00', '2.00']]);
    await expectInventoryReconciled(false);
    // 7 on hand at 12.00: 84.00 in inventory.
    expect(sum(((await items('/api/v1/glEntries?glAccountNo=3000&limit=1000')) as Entry[]).map((entry) => dec(entry.amount))).toFixed(2)).toBe('84.00');
  });

  it('a drop shipment (spec §15.1): the purchase invoiced at 95.00 instead of 90.00 moves the invoiced sale\'s COGS to 475.00, once', async () => {
    await ok('2026-01-05', 'POST', '/api/v1/purchasingCodes', { code: 'DROP SHIP', dropShipment: true });
    await ok('2026-01-05', 'POST', '/api/v1/items', {
      no: 'D', description: 'Drop-shipped desk', baseUnitOfMeasure: 'PCS', genProdPostingGroup: 'RETAIL', vatProdPostingGroup: 'VAT25',
      inventoryPostingGroup: 'RESALE', unitPrice: '150', lastDirectCost: '90', vendorNo: 'V', purchasingCode: 'DROP SHIP',
    });
    const salesOrder = await ok('2026-01-10', 'POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', externalDocumentNo: 'C-5', lines: [{ type: 'item', no: 'D', quantity: '5' }] });
    const order = await ok('2026-01-10', 'POST', '/api/v1/purchaseOrders', { buyFromVendorNo: 'V', vendorInvoiceNo: 'V-DS-1' });
    expect((await at('2026-01-10')('POST', `/api/v1/purchaseOrders/${order.no}/getSalesOrders`, { salesOrderNo: salesOrder.no })).statusCode).toBe(200);
    await ok('2026-01-10', 'POST', `/api/v1/salesOrders/${salesOrder.no}/post`, { ship: true });
    await ok('2026-01-12', 'PATCH', `/api/v1/salesOrders/${salesOrder.no}`, { postingDate: '2026-01-12' });
    const sold = await ok('2026-01-12', 'POST', `/api/v1/salesOrders/${salesOrder.no}/post`, { invoice: true });
    expect(accountTotals((await items(`/api/v1/glEntries?documentNo=${sold.invoiceNo}`)) as Entry[], '7000')).toEqual({ debit: '450.00', credit: '0.00' });

    const reopened = await at('2026-01-20')('POST', `/api/v1/purchaseOrders/${order.no}/reopen`);
    expect(reopened.statusCode, reopened.body).toBe(200);
    await ok('2026-01-20', 'PATCH', `/api/v1/purchaseOrders/${order.no}/lines/10000`, { directUnitCost: '95' });
    await ok('2026-01-20', 'POST', `/api/v1/purchaseOrders/${order.no}/post`, { invoice: true });
    const adjustments = (await items('/api/v1/valueEntries?itemNo=D&adjustment=true')) as Value[];
    expect(adjustments.map((value) => [value.costAmountActual, value.documentNo, value.postingDate])).toEqual([['-25.00', sold.invoiceNo, '2026-01-12']]);
    const all = (await items('/api/v1/glEntries?limit=1000')) as Entry[];
    expect(accountTotals(all, '7000')).toEqual({ debit: '475.00', credit: '0.00' });
    // The goods passed through: inventory debited by the purchase and credited by the sale, 475.00 each.
    expect(accountTotals(all, '3000')).toEqual({ debit: '475.00', credit: '475.00' });
    expect(accountTotals(all, '7090')).toEqual({ debit: '0.00', credit: '475.00' });
  });

  it('invoiced at the cost it was received at: no adjustment', async () => {
    const order = await received();
    const salesOrder = await ok('2026-01-10', 'POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', externalDocumentNo: 'C-4', lines: [{ type: 'item', no: '1000', quantity: '4' }] });
    await ok('2026-01-10', 'POST', `/api/v1/salesOrders/${salesOrder.no}/post`, { ship: true, invoice: true });
    await ok('2026-01-20', 'POST', `/api/v1/purchaseOrders/${order.no}/post`, { invoice: true });
    expect(await items('/api/v1/valueEntries?itemNo=1000&adjustment=true')).toEqual([]);
    expect(await saleEntry()).toMatchObject({ costAmountActual: '-40.00' });
    await expectInventoryReconciled(false);
  });
});
