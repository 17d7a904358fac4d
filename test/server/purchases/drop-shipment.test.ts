import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dec, sum } from '../../../src/core/money/decimal.ts';
import { testApi, type TestApi } from '../../support/api.ts';
import { accountTotals } from '../../support/given-posting.ts';
import { givenPurchasingCompany } from '../../support/given-purchasing.ts';

/**
 * Spec §15.1, worked example 6: sales order SO-20, item D 5 pcs @ 150.00, drop shipment; purchase
 * order PO-7 from vendor V by Get Sales Orders, D 5 pcs @ 90.00. Shipping SO-20 receives PO-7 in the
 * same transaction; stock of D does not move; invoicing PO-7 before SO-20 is refused.
 * Accounts of the test company: 1300 Receivables, 8000 Sales, 2310 Sales VAT, 7000 COGS, 3000
 * Inventory, 7060 Purchases, 2320 Purchase VAT, 5400 Payables, 7090 Direct Cost Applied.
 */
const workDate = { 'x-work-date': '2026-01-15' };
type Entry = { glAccountNo: string; debitAmount: string; creditAmount: string };

describe('drop shipment (worked example 6)', () => {
  let api: TestApi;
  const send = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) => api.as('admin')(method, url, body, workDate);
  const items = async (url: string) => (await send('GET', url)).json().items;
  async function ok(method: 'POST' | 'PATCH', url: string, body?: unknown, status = method === 'POST' ? 201 : 200) {
    const response = await send(method, url, body);
    expect(response.statusCode, response.body).toBe(status);
    return response.json();
  }

  beforeEach(async () => {
    api = await testApi();
    await givenPurchasingCompany(api);
    await ok('POST', '/api/v1/purchasingCodes', { code: 'DROP SHIP', dropShipment: true });
    await ok('POST', '/api/v1/items', {
      no: 'D', description: 'Drop-shipped desk', baseUnitOfMeasure: 'PCS', genProdPostingGroup: 'RETAIL', vatProdPostingGroup: 'VAT25',
      inventoryPostingGroup: 'RESALE', unitPrice: '150', lastDirectCost: '90', vendorNo: 'V', purchasingCode: 'DROP SHIP',
    });
  });
  afterEach(async () => api.close());

  it('ships the sale and receives the purchase together, inventory unchanged; sales invoice first, then the purchase invoice', async () => {
    const so = await ok('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', externalDocumentNo: 'CUST-20', lines: [{ type: 'item', no: 'D', quantity: '5' }] });
    expect(so.lines[0]).toMatchObject({ dropShipment: true, purchasingCode: 'DROP SHIP', unitPrice: '150.00000' });
    const unlinked = await send('POST', `/api/v1/salesOrders/${so.no}/post`, { ship: true });
    expect(unlinked.json()).toMatchObject({ code: 'DROP_SHIPMENT_NOT_LINKED' });

    const po = await ok('POST', '/api/v1/purchaseOrders', { buyFromVendorNo: 'V', vendorInvoiceNo: 'V-INV-7' });
    const linked = await ok('POST', `/api/v1/purchaseOrders/${po.no}/getSalesOrders`, { salesOrderNo: so.no }, 200);
    expect(linked).toMatchObject({ sellToCustomerNo: 'C', shipToName: 'Customer C' });
    expect(linked.lines).toEqual([expect.objectContaining({
      no: 'D', quantity: '5.00000', directUnitCost: '90.00000', lineAmount: '450.00', dropShipment: true, salesOrderNo: so.no, salesOrderLineNo: 10000,
    })]);
    expect((await send('GET', `/api/v1/salesOrders/${so.no}`)).json().lines[0]).toMatchObject({ purchaseOrderNo: po.no, purchaseOrderLineNo: 10000 });
    const again = await send('POST', `/api/v1/purchaseOrders/${po.no}/getSalesOrders`, { salesOrderNo: so.no });
    expect(again.json()).toMatchObject({ code: 'NO_SALES_LINES_TO_PURCHASE' });
    const inOneStep = await send('POST', `/api/v1/purchaseOrders/${po.no}/post`, { receive: true, invoice: true });
    expect(inOneStep.json()).toMatchObject({ code: 'DROP_SHIPMENT_RECEIVE_AND_INVOICE' });

    const shipped = await ok('POST', `/api/v1/salesOrders/${so.no}/post`, { ship: true });
    expect(shipped).toMatchObject({ shipmentNo: 'PS0001', invoiceNo: null });
    const [receipt] = await items(`/api/v1/postedPurchaseReceipts?sourceDocumentNo=${po.no}`);
    expect(receipt).toMatchObject({ no: 'PR0001', buyFromVendorNo: 'V', sellToCustomerNo: 'C' });
    const entries = await items('/api/v1/itemLedgerEntries?itemNo=D');
    const purchase = entries.find((entry: { entryType: string }) => entry.entryType === 'purchase');
    const sale = entries.find((entry: { entryType: string }) => entry.entryType === 'sale');
    expect(purchase).toMatchObject({ quantity: '5.00000', remainingQuantity: '0.00000', dropShipment: true, documentNo: 'PR0001', open: false });
    expect(sale).toMatchObject({ quantity: '-5.00000', remainingQuantity: '0.00000', dropShipment: true, documentNo: 'PS0001', appliesToEntry: purchase.entryNo });
    expect(sum(entries.map((entry: { quantity: string }) => dec(entry.quantity))).toFixed(5)).toBe('0.00000');
    const purchaseValues = await items(`/api/v1/valueEntries?itemLedgerEntryNo=${purchase.entryNo}`);
    expect(purchaseValues[0]).toMatchObject({ costAmountExpected: '450.00', costAmountActual: '0.00' });
    const poAfterShip = (await send('GET', `/api/v1/purchaseOrders/${po.no}`)).json();
    expect(poAfterShip.lines[0]).toMatchObject({ quantityReceived: '5.00000', quantityToReceive: '0.00000', quantityReceivedNotInvoiced: '5.00000' });
    expect(poAfterShip.lastReceivingNo).toBe('PR0001');

    const tooEarly = await send('POST', `/api/v1/purchaseOrders/${po.no}/post`, { invoice: true });
    expect(tooEarly.statusCode).toBe(422);
    expect(tooEarly.json()).toMatchObject({ code: 'DROP_SHIPMENT_PURCHASE_ORDERING' });

    const salesInvoice = await ok('POST', `/api/v1/salesOrders/${so.no}/post`, { invoice: true });
    const [customerEntry] = await items(`/api/v1/customerLedgerEntries?documentNo=${salesInvoice.invoiceNo}`);
    expect(customerEntry).toMatchObject({ amount: '937.50' });
    const salesGl = (await items(`/api/v1/glEntries?documentNo=${salesInvoice.invoiceNo}`)) as Entry[];
    expect(accountTotals(salesGl, '8000')).toEqual({ debit: '0.00', credit: '750.00' });
    expect(accountTotals(salesGl, '7000')).toEqual({ debit: '450.00', credit: '0.00' });

    const purchaseInvoice = await ok('POST', `/api/v1/purchaseOrders/${po.no}/post`, { invoice: true });
    expect(purchaseInvoice).toMatchObject({ invoiceNo: 'PPI0001', documentDeleted: true });
    const [vendorEntry] = await items('/api/v1/vendorLedgerEntries?vendorNo=V');
    expect(vendorEntry).toMatchObject({ amount: '-562.50', externalDocumentNo: 'V-INV-7' });
    const all = (await items('/api/v1/glEntries?limit=1000')) as Entry[];
    expect(accountTotals(all, '7060')).toEqual({ debit: '450.00', credit: '0.00' });
    // The goods passed through: inventory is debited by the purchase and credited by the sale, 450.00 each.
    expect(accountTotals(all, '3000')).toEqual({ debit: '450.00', credit: '450.00' });
    expect(accountTotals(all, '7090')).toEqual({ debit: '0.00', credit: '450.00' });
    expect(accountTotals(all, '5400')).toEqual({ debit: '0.00', credit: '562.50' });
    const values = await items(`/api/v1/valueEntries?itemLedgerEntryNo=${purchase.entryNo}`);
    expect(sum(values.map((value: { costAmountActual: string }) => dec(value.costAmountActual))).toFixed(2)).toBe('450.00');
    expect(sum(values.map((value: { costAmountExpected: string }) => dec(value.costAmountExpected))).toFixed(2)).toBe('0.00');
  });

  it('receiving the purchase order first ships the sales order in the same transaction', async () => {
    const so = await ok('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', externalDocumentNo: 'CUST-21', lines: [{ type: 'item', no: 'D', quantity: '5' }] });
    const po = await ok('POST', '/api/v1/purchaseOrders', { buyFromVendorNo: 'V', vendorInvoiceNo: 'V-INV-8' });
    await ok('POST', `/api/v1/purchaseOrders/${po.no}/getSalesOrders`, { salesOrderNo: so.no }, 200);
    await ok('PATCH', `/api/v1/purchaseOrders/${po.no}/lines/10000`, { quantityToReceive: '3' });
    const received = await ok('POST', `/api/v1/purchaseOrders/${po.no}/post`, { receive: true });
    expect(received).toMatchObject({ receiptNo: 'PR0001', invoiceNo: null, documentDeleted: false });
    const [shipment] = await items(`/api/v1/postedSalesShipments?sourceDocumentNo=${so.no}`);
    expect(shipment).toMatchObject({ no: 'PS0001', sellToCustomerNo: 'C' });
    const salesOrder = (await send('GET', `/api/v1/salesOrders/${so.no}`)).json();
    expect(salesOrder.lines[0]).toMatchObject({ quantityShipped: '3.00000', quantityToShip: '2.00000', quantityToInvoice: '5.00000' });
    expect(salesOrder.lastShippingNo).toBe('PS0001');
    const entries = await items('/api/v1/itemLedgerEntries?itemNo=D');
    const purchase = entries.find((entry: { entryType: string }) => entry.entryType === 'purchase');
    expect(entries.map((entry: Record<string, unknown>) => [entry.entryType, entry.quantity, entry.remainingQuantity, entry.dropShipment, entry.documentNo]))
      .toEqual([['purchase', '3.00000', '0.00000', true, 'PR0001'], ['sale', '-3.00000', '0.00000', true, 'PS0001']]);
    expect(entries[1].appliesToEntry).toBe(purchase.entryNo);
    const [saleValue] = await items(`/api/v1/valueEntries?itemLedgerEntryNo=${entries[1].entryNo}`);
    expect(saleValue).toMatchObject({ costAmountExpected: '-270.00', salesAmountExpected: '450.00' });
    // The rest ships from the sales side, receiving the rest of the purchase; then both are invoiced in order.
    const rest = await ok('POST', `/api/v1/salesOrders/${so.no}/post`, { ship: true, invoice: true });
    expect(rest).toMatchObject({ shipmentNo: 'PS0002', documentDeleted: true });
    const invoiced = await ok('POST', `/api/v1/purchaseOrders/${po.no}/post`, { invoice: true });
    expect(invoiced).toMatchObject({ invoiceNo: 'PPI0001', documentDeleted: true });
    const all = (await items('/api/v1/glEntries?limit=1000')) as Entry[];
    expect(accountTotals(all, '7000')).toEqual({ debit: '450.00', credit: '0.00' });
    expect(accountTotals(all, '3000')).toEqual({ debit: '450.00', credit: '450.00' });
  });

  it('keeps the linked purchase line: its item and quantity cannot change, and neither order line can be deleted', async () => {
    const so = await ok('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', externalDocumentNo: 'X', lines: [{ type: 'item', no: 'D', quantity: '2' }] });
    const po = await ok('POST', '/api/v1/purchaseOrders', { buyFromVendorNo: 'V' });
    await ok('POST', `/api/v1/purchaseOrders/${po.no}/getSalesOrders`, { salesOrderNo: so.no }, 200);
    const quantity = await send('PATCH', `/api/v1/purchaseOrders/${po.no}/lines/10000`, { quantity: '3' });
    expect(quantity.json()).toMatchObject({ code: 'PURCHASE_LINE_LINKED_TO_SALES', errors: [{ field: 'quantity' }] });
    const deletePurchase = await send('DELETE', `/api/v1/purchaseOrders/${po.no}/lines/10000`);
    expect(deletePurchase.json()).toMatchObject({ code: 'PURCHASE_LINE_LINKED_TO_SALES_DELETE' });
    const deleteSales = await send('DELETE', `/api/v1/salesOrders/${so.no}/lines/10000`);
    expect(deleteSales.json()).toMatchObject({ code: 'SALES_LINE_LINKED_TO_PURCHASE_DELETE' });
    // A purchase order going to the customer takes no line for our own stock… and a stock order no drop shipment.
    const stockOrder = await ok('POST', '/api/v1/purchaseOrders', { buyFromVendorNo: 'V', lines: [{ type: 'item', no: 'A', quantity: '1' }] });
    const so2 = await ok('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: 'D', quantity: '1' }] });
    const mixed = await send('POST', `/api/v1/purchaseOrders/${stockOrder.no}/getSalesOrders`, { salesOrderNo: so2.no });
    expect(mixed.json()).toMatchObject({ code: 'PURCHASE_SHIP_TO_DIFFERS' });
  });
});
