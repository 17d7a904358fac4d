import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dec, sum } from '../../../src/core/money/decimal.ts';
import { testApi, type TestApi } from '../../support/api.ts';
import { accountTotals } from '../../support/given-posting.ts';
import { givenPurchasingCompany } from '../../support/given-purchasing.ts';

/**
 * Spec §15.1: undo of a drop shipment undoes both sides (BC Undo Sales Shipment Line on a drop
 * shipment, Undo Purchase Receipt Line on its receipt), from either side, in one transaction.
 * Worked example 6: item D 5 pcs, sold @ 150.00, bought @ 90.00. Expected Cost Posting to G/L is on,
 * so shipping posts 3010 Inventory (Interim) against 7010 COGS (Interim) and 1480 Invt. Accrual
 * (Interim), and the undo must take all of it back.
 */
const workDate = { 'x-work-date': '2026-01-15' };
type Entry = { glAccountNo: string; debitAmount: string; creditAmount: string };
type ItemEntry = { entryNo: number; entryType: string; quantity: string; remainingQuantity: string; open: boolean; dropShipment: boolean; correction: boolean; appliesToEntry: number | null; documentNo: string };
type Application = { itemLedgerEntryNo: number; inboundItemEntryNo: number; outboundItemEntryNo: number | null; quantity: string };

describe('undo of a drop shipment', () => {
  let api: TestApi;
  const send = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) => api.as('admin')(method, url, body, workDate);
  const items = async (url: string) => (await send('GET', url)).json().items;
  async function ok(method: 'POST' | 'PATCH', url: string, body?: unknown, status = method === 'POST' ? 201 : 200) {
    const response = await send(method, url, body);
    expect(response.statusCode, response.body).toBe(status);
    return response.json();
  }
  const net = (entries: Entry[], accountNo: string) => {
    const totals = accountTotals(entries, accountNo);
    return dec(totals.debit).minus(dec(totals.credit)).toFixed(2);
  };

  beforeEach(async () => {
    api = await testApi();
    await givenPurchasingCompany(api);
    await ok('POST', '/api/v1/glAccounts', { no: '1480', name: 'Invt. accrual (interim)', incomeBalance: 'balanceSheet' });
    const general = (await items('/api/v1/generalPostingSetups?genProdPostingGroup=RETAIL'))
      .find((row: { genBusPostingGroup: string | null }) => row.genBusPostingGroup === 'DOMESTIC');
    await ok('PATCH', `/api/v1/generalPostingSetups/${general.id}`, { inventoryAccrualAccountInterim: '1480' });
    await ok('PATCH', '/api/v1/inventorySetup', { expectedCostPostingToGl: true });
    await ok('POST', '/api/v1/purchasingCodes', { code: 'DROP SHIP', dropShipment: true });
    await ok('POST', '/api/v1/items', {
      no: 'D', description: 'Drop-shipped desk', baseUnitOfMeasure: 'PCS', genProdPostingGroup: 'RETAIL', vatProdPostingGroup: 'VAT25',
      inventoryPostingGroup: 'RESALE', unitPrice: '150', lastDirectCost: '90', vendorNo: 'V', purchasingCode: 'DROP SHIP',
    });
  });
  afterEach(async () => api.close());

  /** SO for C with D × 5 as a drop shipment, and its PO from V by Get Sales Orders. */
  async function linkedOrders(quantity = '5') {
    const so = await ok('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', externalDocumentNo: 'CUST-20', lines: [{ type: 'item', no: 'D', quantity }] });
    const po = await ok('POST', '/api/v1/purchaseOrders', { buyFromVendorNo: 'V', vendorInvoiceNo: 'V-INV-7' });
    await ok('POST', `/api/v1/purchaseOrders/${po.no}/getSalesOrders`, { salesOrderNo: so.no }, 200);
    return { so: so.no as string, po: po.no as string };
  }

  /** The item entries of D, the original pair and the two corrections applied to them; stock and value back to 0. */
  async function expectBothSidesUndone() {
    const entries = (await items('/api/v1/itemLedgerEntries?itemNo=D')) as ItemEntry[];
    const find = (entryType: string, correction: boolean) => entries.find((entry) => entry.entryType === entryType && entry.correction === correction)!;
    const [purchase, sale, saleBack, purchaseBack] = [find('purchase', false), find('sale', false), find('sale', true), find('purchase', true)];
    expect(entries).toHaveLength(4);
    expect(saleBack).toMatchObject({ quantity: '5.00000', appliesToEntry: sale.entryNo, documentNo: 'PS0001', dropShipment: true, remainingQuantity: '0.00000', open: false });
    expect(purchaseBack).toMatchObject({ quantity: '-5.00000', appliesToEntry: purchase.entryNo, documentNo: 'PR0001', dropShipment: true, remainingQuantity: '0.00000', open: false });
    for (const entry of [purchase, sale]) expect(entry).toMatchObject({ remainingQuantity: '0.00000', open: false, dropShipment: true });
    // The sale is taken off the purchase (a reversing application row) and applied to its correction; the purchase's correction takes the purchase.
    const applications = (await items('/api/v1/itemApplicationEntries?limit=1000')) as Application[];
    const rows = (entry: ItemEntry) => applications.filter((row) => row.itemLedgerEntryNo === entry.entryNo)
      .map((row) => [row.inboundItemEntryNo, row.outboundItemEntryNo, row.quantity]);
    expect(rows(sale)).toEqual([[purchase.entryNo, sale.entryNo, '-5.00000'], [purchase.entryNo, sale.entryNo, '5.00000']]);
    expect(rows(saleBack)).toEqual([[saleBack.entryNo, sale.entryNo, '5.00000'], [saleBack.entryNo, sale.entryNo, '-5.00000']]);
    expect(rows(purchaseBack)).toEqual([[purchase.entryNo, purchaseBack.entryNo, '-5.00000']]);
    const values = async (entry: ItemEntry) => (await items(`/api/v1/valueEntries?itemLedgerEntryNo=${entry.entryNo}`))[0];
    expect(await values(saleBack)).toMatchObject({ costAmountExpected: '450.00', salesAmountExpected: '-750.00', costAmountActual: '0.00' });
    expect(await values(purchaseBack)).toMatchObject({ costAmountExpected: '-450.00', salesAmountExpected: '0.00', costAmountActual: '0.00' });
    expect((await send('GET', '/api/v1/items/D/inventory')).json()).toMatchObject({ inventory: '0', inventoryValue: '0.00' });
    const all = (await items('/api/v1/glEntries?limit=1000')) as Entry[];
    for (const accountNo of ['3010', '7010', '1480']) expect(net(all, accountNo)).toBe('0.00');
    expect(accountTotals(all, '3010')).toEqual({ debit: '900.00', credit: '900.00' });
    return { purchase, sale };
  }

  async function expectOrdersOpenAgain(so: string, po: string) {
    const salesOrder = (await send('GET', `/api/v1/salesOrders/${so}`)).json();
    expect(salesOrder.lines[0]).toMatchObject({ quantityShipped: '0.00000', quantityToShip: '5.00000', quantityShippedNotInvoiced: '0.00000' });
    const purchaseOrder = (await send('GET', `/api/v1/purchaseOrders/${po}`)).json();
    expect(purchaseOrder.lines[0]).toMatchObject({ quantityReceived: '0.00000', quantityToReceive: '5.00000', quantityReceivedNotInvoiced: '0.00000' });
  }

  async function expectCorrectionLines() {
    const shipment = (await send('GET', '/api/v1/postedSalesShipments/PS0001')).json();
    expect(shipment.lines.map((line: Record<string, unknown>) => [line.lineNo, line.quantity, line.correction])).toEqual([[10000, '5.00000', true], [10001, '-5.00000', true]]);
    const receipt = (await send('GET', '/api/v1/postedPurchaseReceipts/PR0001')).json();
    expect(receipt.lines.map((line: Record<string, unknown>) => [line.lineNo, line.quantity, line.correction])).toEqual([[10000, '5.00000', true], [10001, '-5.00000', true]]);
  }

  it('undoing the sales shipment line undoes the purchase receipt line with it', async () => {
    const { so, po } = await linkedOrders();
    await ok('POST', `/api/v1/salesOrders/${so}/post`, { ship: true });
    const undone = await ok('POST', '/api/v1/postedSalesShipments/PS0001/undo', { lineNos: [10000] }, 200);
    expect(undone).toMatchObject({ shipmentNo: 'PS0001', orderNo: so, undoneLines: [10000] });
    await expectCorrectionLines();
    await expectBothSidesUndone();
    await expectOrdersOpenAgain(so, po);
    const register = (await items(`/api/v1/glEntries?transactionNo=${undone.transactionNo}`)) as Entry[];
    expect(accountTotals(register, '7010')).toEqual({ debit: '0.00', credit: '450.00' });
    expect(accountTotals(register, '1480')).toEqual({ debit: '450.00', credit: '0.00' });
    // Neither side can be undone twice.
    for (const url of ['/api/v1/postedSalesShipments/PS0001/undo', '/api/v1/postedPurchaseReceipts/PR0001/undo']) {
      const again = await send('POST', url, { lineNos: [10000] });
      expect(again.json()).toMatchObject({ code: 'UNDO_NOT_ALLOWED' });
      expect(again.json().detail).toContain('already been undone');
    }
  });

  it('undoing the purchase receipt line undoes the sales shipment line with it', async () => {
    const { so, po } = await linkedOrders();
    const received = await ok('POST', `/api/v1/purchaseOrders/${po}/post`, { receive: true });
    expect(received).toMatchObject({ receiptNo: 'PR0001' });
    const undone = await ok('POST', '/api/v1/postedPurchaseReceipts/PR0001/undo', { lineNos: [10000] }, 200);
    expect(undone).toMatchObject({ receiptNo: 'PR0001', orderNo: po, undoneLines: [10000] });
    await expectCorrectionLines();
    await expectBothSidesUndone();
    await expectOrdersOpenAgain(so, po);
    const register = (await send('GET', `/api/v1/glRegisters/${undone.transactionNo}`)).json();
    expect(register).toMatchObject({ sourceCode: 'UNDORCPTLN', documentNo: 'PR0001' });
  });

  it('a partial drop shipment undone, then shipped in full and invoiced on both sides to the cent', async () => {
    const { so, po } = await linkedOrders();
    await ok('PATCH', `/api/v1/salesOrders/${so}/lines/10000`, { quantityToShip: '3' });
    await ok('POST', `/api/v1/salesOrders/${so}/post`, { ship: true });
    const shippedThree = (await send('GET', `/api/v1/purchaseOrders/${po}`)).json();
    expect(shippedThree.lines[0]).toMatchObject({ quantityReceived: '3.00000', quantityToReceive: '2.00000' });
    await ok('POST', '/api/v1/postedSalesShipments/PS0001/undo', { lineNos: [10000] }, 200);
    await expectOrdersOpenAgain(so, po);

    const shipped = await ok('POST', `/api/v1/salesOrders/${so}/post`, { ship: true });
    expect(shipped).toMatchObject({ shipmentNo: 'PS0002' });
    const salesInvoice = await ok('POST', `/api/v1/salesOrders/${so}/post`, { invoice: true });
    const [customerEntry] = await items(`/api/v1/customerLedgerEntries?documentNo=${salesInvoice.invoiceNo}`);
    expect(customerEntry).toMatchObject({ amount: '937.50' });
    const purchaseInvoice = await ok('POST', `/api/v1/purchaseOrders/${po}/post`, { invoice: true });
    expect(purchaseInvoice).toMatchObject({ invoiceNo: 'PPI0001', documentDeleted: true });
    const [vendorEntry] = await items('/api/v1/vendorLedgerEntries?vendorNo=V');
    expect(vendorEntry).toMatchObject({ amount: '-562.50' });

    const all = (await items('/api/v1/glEntries?limit=1000')) as Entry[];
    expect(sum(all.map((entry) => dec(entry.debitAmount).minus(dec(entry.creditAmount)))).toFixed(2)).toBe('0.00');
    expect(accountTotals(all, '8000')).toEqual({ debit: '0.00', credit: '750.00' });
    expect(accountTotals(all, '7000')).toEqual({ debit: '450.00', credit: '0.00' });
    expect(accountTotals(all, '3000')).toEqual({ debit: '450.00', credit: '450.00' });
    expect(accountTotals(all, '7090')).toEqual({ debit: '0.00', credit: '450.00' });
    expect(accountTotals(all, '7060')).toEqual({ debit: '450.00', credit: '0.00' });
    expect(accountTotals(all, '5400')).toEqual({ debit: '0.00', credit: '562.50' });
    for (const accountNo of ['3010', '7010', '1480']) expect(net(all, accountNo)).toBe('0.00');
    const entries = (await items('/api/v1/itemLedgerEntries?itemNo=D')) as ItemEntry[];
    expect(entries.map((entry) => [entry.entryType, entry.quantity, entry.correction, entry.documentNo])).toEqual([
      ['purchase', '3.00000', false, 'PR0001'], ['sale', '-3.00000', false, 'PS0001'],
      ['sale', '3.00000', true, 'PS0001'], ['purchase', '-3.00000', true, 'PR0001'],
      ['purchase', '5.00000', false, 'PR0002'], ['sale', '-5.00000', false, 'PS0002'],
    ]);
    expect(entries.every((entry) => entry.remainingQuantity === '0.00000' && !entry.open)).toBe(true);
    expect((await send('GET', '/api/v1/items/D/inventory')).json()).toMatchObject({ inventory: '0', inventoryValue: '0.00' });
  });

  it('is refused, with nothing written, once either side is invoiced', async () => {
    const { so } = await linkedOrders();
    await ok('POST', `/api/v1/salesOrders/${so}/post`, { ship: true });
    await ok('POST', `/api/v1/salesOrders/${so}/post`, { invoice: true });
    const before = { entries: (await items('/api/v1/itemLedgerEntries?itemNo=D')).length, gl: (await items('/api/v1/glEntries?limit=1000')).length };

    const fromSales = await send('POST', '/api/v1/postedSalesShipments/PS0001/undo', { lineNos: [10000] });
    expect(fromSales.statusCode).toBe(422);
    expect(fromSales.json()).toMatchObject({ code: 'UNDO_NOT_ALLOWED' });
    expect(fromSales.json().detail).toContain('has been invoiced');
    const fromPurchase = await send('POST', '/api/v1/postedPurchaseReceipts/PR0001/undo', { lineNos: [10000] });
    expect(fromPurchase.statusCode).toBe(422);
    expect(fromPurchase.json()).toMatchObject({ code: 'UNDO_NOT_ALLOWED' });
    expect(fromPurchase.json().detail).toBe("Line 10000 of receipt PR0001 cannot be undone: its drop shipment's sales shipment PS0001 line 10000 has been invoiced.");

    expect((await items('/api/v1/itemLedgerEntries?itemNo=D')).length).toBe(before.entries);
    expect((await items('/api/v1/glEntries?limit=1000')).length).toBe(before.gl);
    const receipt = (await send('GET', '/api/v1/postedPurchaseReceipts/PR0001')).json();
    expect(receipt.lines[0]).toMatchObject({ correction: false, quantityNotInvoiced: '5.00000' });
  });

  it('undoes a drop-shipment line and a line shipped from stock in one request, or nothing of either', async () => {
    // Item A from stock, in its own inventory posting group: one the undo can be made to fail on.
    await ok('POST', '/api/v1/inventoryPostingGroups', { code: 'OTHER' });
    const other = await ok('POST', '/api/v1/inventoryPostingSetups', { inventoryPostingGroup: 'OTHER', inventoryAccount: '3000', inventoryAccountInterim: '3010' });
    await ok('PATCH', '/api/v1/items/A', { inventoryPostingGroup: 'OTHER' });
    await ok('POST', '/api/v1/itemJournal/post', { lines: [{ postingDate: '2026-01-15', entryType: 'positiveAdjustment', documentNo: 'OPEN1', itemNo: 'A', quantity: '10', unitCost: '40' }] });
    const so = await ok('POST', '/api/v1/salesOrders', {
      sellToCustomerNo: 'C', externalDocumentNo: 'CUST-22', lines: [{ type: 'item', no: 'D', quantity: '5' }, { type: 'item', no: 'A', quantity: '2' }],
    });
    const po = await ok('POST', '/api/v1/purchaseOrders', { buyFromVendorNo: 'V' });
    await ok('POST', `/api/v1/purchaseOrders/${po.no}/getSalesOrders`, { salesOrderNo: so.no }, 200);
    await ok('POST', `/api/v1/salesOrders/${so.no}/post`, { ship: true });
    const shipment = (await send('GET', '/api/v1/postedSalesShipments/PS0001')).json();
    expect(shipment.lines.map((line: { lineNo: number; no: string }) => [line.lineNo, line.no])).toEqual([[10000, 'D'], [20000, 'A']]);
    const books = async () => ({
      entries: (await items('/api/v1/itemLedgerEntries?limit=1000')).length, gl: (await items('/api/v1/glEntries?limit=1000')).length,
      receipt: (await send('GET', '/api/v1/postedPurchaseReceipts/PR0001')).json().lines.length,
    });
    const before = await books();

    // The stock line's undo fails on its missing account after the drop shipment's undo is written: nothing stays.
    await ok('PATCH', `/api/v1/inventoryPostingSetups/${other.id}`, { inventoryAccountInterim: null });
    const failing = await send('POST', '/api/v1/postedSalesShipments/PS0001/undo', { lineNos: [10000, 20000] });
    expect(failing.statusCode, failing.body).toBe(422);
    expect(failing.json().detail).toContain('Inventory Account (Interim)');
    expect(await books()).toEqual(before);

    await ok('PATCH', `/api/v1/inventoryPostingSetups/${other.id}`, { inventoryAccountInterim: '3010' });
    const undone = await ok('POST', '/api/v1/postedSalesShipments/PS0001/undo', { lineNos: [10000, 20000] }, 200);
    expect(undone).toMatchObject({ undoneLines: [10000, 20000] });
    expect((await send('GET', '/api/v1/items/D/inventory')).json()).toMatchObject({ inventory: '0', inventoryValue: '0.00' });
    expect((await send('GET', '/api/v1/items/A/inventory')).json()).toMatchObject({ inventory: '10', inventoryValue: '400.00' });
    const receipt = (await send('GET', '/api/v1/postedPurchaseReceipts/PR0001')).json();
    expect(receipt.lines.map((line: Record<string, unknown>) => [line.lineNo, line.quantity, line.correction])).toEqual([[10000, '5.00000', true], [10001, '-5.00000', true]]);
    const salesOrder = (await send('GET', `/api/v1/salesOrders/${so.no}`)).json();
    expect(salesOrder.lines.map((line: Record<string, unknown>) => [line.no, line.quantityShipped, line.quantityToShip])).toEqual([['D', '0.00000', '5.00000'], ['A', '0.00000', '2.00000']]);
  });
});
