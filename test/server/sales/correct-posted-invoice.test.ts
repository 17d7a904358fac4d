import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../../support/api.ts';
import { givenInventory, givenPostingCompany } from '../../support/given-posting.ts';

const workDate = { 'x-work-date': '2026-01-15' };

/**
 * Correct follows current BC (spec §18.2 item 12, §18.4; codeunit 1322 "Correct PstdSalesInv
 * (Yes/No)"): what it does depends on the orders the invoice's lines came from, and a dry run says
 * which case applies before anything happens.
 */
describe('Correct a posted sales invoice by where it came from (spec §18.4)', () => {
  let api: TestApi;

  beforeEach(async () => {
    api = await testApi();
    const admin = await givenPostingCompany(api);
    await givenInventory(admin, '2026-01-01', [{ itemNo: 'A', quantity: '10', unitCost: '55' }, { itemNo: 'B', quantity: '10', unitCost: '30' }]);
  });
  afterEach(async () => api.close());

  const send = (method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) => api.as('admin')(method, url, body, workDate);
  const get = async (url: string) => (await send('GET', url)).json();
  async function ok(method: 'POST' | 'PATCH', url: string, body?: unknown) {
    const response = await send(method, url, body);
    expect(response.statusCode, `${url}: ${response.body}`).toBeLessThan(300);
    return response.json();
  }
  const inventory = async (itemNo: string) => Number((await get(`/api/v1/items/${itemNo}/inventory`)).inventory);
  const orderLine = async (orderNo: string) => (await get(`/api/v1/salesOrders/${orderNo}`)).lines[0];
  const openInvoices = async () => (await get('/api/v1/salesInvoices')).items;
  const order = async (itemNo: string, quantity: string) =>
    (await ok('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: itemNo, quantity, unitPrice: '100' }] })).no as string;
  /** An invoice built with Get Shipment Lines from the first line of each shipment, posted. */
  async function invoiceShipments(shipmentNos: string[]) {
    const invoice = await ok('POST', '/api/v1/salesInvoices', { sellToCustomerNo: 'C' });
    await ok('POST', `/api/v1/salesInvoices/${invoice.no}/getShipmentLines`, { lines: shipmentNos.map((documentNo) => ({ documentNo, lineNo: 10000 })) });
    return (await ok('POST', `/api/v1/salesInvoices/${invoice.no}/post`)).invoiceNo as string;
  }
  const reverted = (quantity: string) => ({ quantityShipped: '0.00000', quantityInvoiced: '0.00000', quantityToShip: quantity, quantityToInvoice: quantity });

  it('from one order: a dry run says so and changes nothing; Correct cancels, reverts and opens the order, and makes no new invoice', async () => {
    const orderNo = await order('A', '5');
    await ok('PATCH', `/api/v1/salesOrders/${orderNo}/lines/10000`, { quantityToShip: '2' });
    const posted = await ok('POST', `/api/v1/salesOrders/${orderNo}/post`, { ship: true, invoice: true });
    expect(posted.documentDeleted).toBe(false);
    expect(await inventory('A')).toBe(8);

    const dryRun = await send('POST', `/api/v1/postedSalesInvoices/${posted.invoiceNo}/correct`, { dryRun: true });
    expect(dryRun.statusCode, dryRun.body).toBe(200);
    expect(dryRun.json()).toMatchObject({
      action: 'correct', dryRun: true, origin: 'order', orderNos: [orderNo], nextStep: 'correctOrder', creditMemoNo: null, postedCreditMemoNo: null, newInvoiceNo: null,
    });
    expect(dryRun.json().message).toContain(`posted from order ${orderNo}`);
    expect(dryRun.json().message).toContain('No new invoice is created');
    expect((await get(`/api/v1/postedSalesInvoices/${posted.invoiceNo}`)).cancelled).toBe(false);
    expect(await orderLine(orderNo)).toMatchObject({ quantityShipped: '2.00000', quantityInvoiced: '2.00000' });

    const corrected = await send('POST', `/api/v1/postedSalesInvoices/${posted.invoiceNo}/correct`);
    expect(corrected.statusCode, corrected.body).toBe(201);
    // The dry run drew no number: the credit memo is the first.
    expect(corrected.json()).toMatchObject({ dryRun: false, origin: 'order', orderNos: [orderNo], nextStep: 'correctOrder', postedCreditMemoNo: 'PCM0001', newInvoiceNo: null });
    expect((await get(`/api/v1/postedSalesInvoices/${posted.invoiceNo}`)).cancelled).toBe(true);
    expect(await inventory('A')).toBe(10);
    expect(await orderLine(orderNo)).toMatchObject(reverted('5.00000'));
    expect(await openInvoices()).toHaveLength(0);
    // The corrected order ships and invoices the goods once.
    expect((await ok('POST', `/api/v1/salesOrders/${orderNo}/post`, { ship: true, invoice: true })).documentDeleted).toBe(true);
    expect(await inventory('A')).toBe(5);
  });

  it('from shipments of one order (Get Shipment Lines): the order is reverted, and the shipment cannot be billed again', async () => {
    const orderNo = await order('A', '4');
    const { shipmentNo } = await ok('POST', `/api/v1/salesOrders/${orderNo}/post`, { ship: true });
    const invoiceNo = await invoiceShipments([shipmentNo]);
    expect((await orderLine(orderNo)).quantityInvoiced).toBe('4.00000');

    const corrected = await ok('POST', `/api/v1/postedSalesInvoices/${invoiceNo}/correct`);
    expect(corrected).toMatchObject({ origin: 'order', orderNos: [orderNo], nextStep: 'correctOrder', newInvoiceNo: null });
    expect(await orderLine(orderNo)).toMatchObject(reverted('4.00000'));
    expect(await inventory('A')).toBe(10);
    expect(await openInvoices()).toHaveLength(0);
    // The goods came back with the credit memo: the old shipment is no longer offered for invoicing.
    const invoice = await ok('POST', '/api/v1/salesInvoices', { sellToCustomerNo: 'C' });
    expect((await get(`/api/v1/salesInvoices/${invoice.no}/shipmentLines`)).items).toHaveLength(0);
    await ok('POST', `/api/v1/salesOrders/${orderNo}/post`, { ship: true, invoice: true });
    expect(await inventory('A')).toBe(6);
  });

  it('from an order since deleted: cancel only', async () => {
    const orderNo = await order('A', '2');
    const posted = await ok('POST', `/api/v1/salesOrders/${orderNo}/post`, { ship: true, invoice: true });
    expect(posted.documentDeleted).toBe(true);

    const dryRun = await ok('POST', `/api/v1/postedSalesInvoices/${posted.invoiceNo}/correct`, { dryRun: true });
    expect(dryRun).toMatchObject({ origin: 'deletedOrder', orderNos: [], nextStep: 'copyDocument' });
    expect(dryRun.message).toContain('Copy Document');
    const corrected = await ok('POST', `/api/v1/postedSalesInvoices/${posted.invoiceNo}/correct`);
    expect(corrected).toMatchObject({ origin: 'deletedOrder', postedCreditMemoNo: 'PCM0001', newInvoiceNo: null });
    expect((await get(`/api/v1/postedSalesInvoices/${posted.invoiceNo}`)).cancelled).toBe(true);
    expect(await inventory('A')).toBe(10);
    expect(await openInvoices()).toHaveLength(0);
    expect((await get('/api/v1/salesOrders')).items).toHaveLength(0);
  });

  it('from several orders: cancel only, the lines of every order reverted', async () => {
    const first = await order('A', '3');
    const second = await order('B', '2');
    const shipments = [];
    for (const orderNo of [first, second]) shipments.push((await ok('POST', `/api/v1/salesOrders/${orderNo}/post`, { ship: true })).shipmentNo as string);
    const invoiceNo = await invoiceShipments(shipments);

    const dryRun = await ok('POST', `/api/v1/postedSalesInvoices/${invoiceNo}/correct`, { dryRun: true });
    expect(dryRun).toMatchObject({ origin: 'severalOrders', orderNos: [first, second].sort(), nextStep: 'correctOrders', newInvoiceNo: null });
    const corrected = await ok('POST', `/api/v1/postedSalesInvoices/${invoiceNo}/correct`);
    expect(corrected).toMatchObject({ origin: 'severalOrders', orderNos: [first, second].sort(), newInvoiceNo: null });
    expect(corrected.postedCreditMemoNo).toBeTruthy();
    expect(await orderLine(first)).toMatchObject(reverted('3.00000'));
    expect(await orderLine(second)).toMatchObject(reverted('2.00000'));
    expect([await inventory('A'), await inventory('B')]).toEqual([10, 10]);
    expect(await openInvoices()).toHaveLength(0);
  });

  it('a sales invoice not from an order: cancel and a new invoice with the same lines, as before', async () => {
    const invoice = await ok('POST', '/api/v1/salesInvoices', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: 'A', quantity: '2', unitPrice: '250' }] });
    const { invoiceNo } = await ok('POST', `/api/v1/salesInvoices/${invoice.no}/post`);
    const dryRun = await ok('POST', `/api/v1/postedSalesInvoices/${invoiceNo}/correct`, { dryRun: true });
    expect(dryRun).toMatchObject({ origin: 'invoice', orderNos: [], nextStep: 'editNewInvoice', newInvoiceNo: null });
    expect(dryRun.message).toContain('a new sales invoice with the same lines will be created');

    const corrected = await ok('POST', `/api/v1/postedSalesInvoices/${invoiceNo}/correct`);
    expect(corrected).toMatchObject({ origin: 'invoice', nextStep: 'editNewInvoice', postedCreditMemoNo: 'PCM0001' });
    const newInvoice = await get(`/api/v1/salesInvoices/${corrected.newInvoiceNo}`);
    expect(newInvoice.lines[0]).toMatchObject({ no: 'A', quantity: '2.00000', unitPrice: '250.00000', shipmentNo: null });
    expect(await inventory('A')).toBe(10);
    await ok('POST', `/api/v1/salesInvoices/${corrected.newInvoiceNo}/post`);
    expect(await inventory('A')).toBe(8);
  });

  it('Cancel of an invoice from an order says the order gets its quantities back, and gives them back', async () => {
    const orderNo = await order('A', '5');
    await ok('PATCH', `/api/v1/salesOrders/${orderNo}/lines/10000`, { quantityToShip: '3' });
    const { invoiceNo } = await ok('POST', `/api/v1/salesOrders/${orderNo}/post`, { ship: true, invoice: true });
    const dryRun = await ok('POST', `/api/v1/postedSalesInvoices/${invoiceNo}/cancel`, { dryRun: true });
    expect(dryRun).toMatchObject({ action: 'cancel', origin: 'order', orderNos: [orderNo], nextStep: 'none' });
    expect(dryRun.message).toContain(`the lines of order ${orderNo} get their shipped and invoiced quantities back`);
    const cancelled = await ok('POST', `/api/v1/postedSalesInvoices/${invoiceNo}/cancel`);
    expect(cancelled).toMatchObject({ newInvoiceNo: null, postedCreditMemoNo: 'PCM0001' });
    expect(cancelled.message).toContain('was cancelled');
    expect(await orderLine(orderNo)).toMatchObject(reverted('5.00000'));
  });

  it('refusals answer one well-formed code per reason, on a dry run as on the action', async () => {
    const invoice = await ok('POST', '/api/v1/salesInvoices', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: 'A', quantity: '3', unitPrice: '100' }] });
    const { invoiceNo } = await ok('POST', `/api/v1/salesInvoices/${invoice.no}/post`);
    await ok('PATCH', '/api/v1/customers/C', { blocked: 'invoice' });
    for (const body of [{ dryRun: true }, undefined]) {
      const refused = await send('POST', `/api/v1/postedSalesInvoices/${invoiceNo}/correct`, body);
      expect(refused.statusCode).toBe(422);
      expect(refused.json()).toMatchObject({ code: 'CANNOT_CORRECT_CUSTOMER_BLOCKED', type: 'urn:ledgerline:problem:CANNOT_CORRECT_CUSTOMER_BLOCKED' });
      expect(refused.json().detail).toBe(`You cannot correct posted invoice ${invoiceNo} because customer C is blocked.`);
    }
    await ok('PATCH', '/api/v1/customers/C', { blocked: 'none' });

    const creditMemo = await ok('POST', '/api/v1/salesCreditMemos', { sellToCustomerNo: 'C' });
    await ok('POST', `/api/v1/salesCreditMemos/${creditMemo.no}/getPostedDocumentLinesToReverse`, {
      lines: [{ documentType: 'invoice', documentNo: invoiceNo, lineNo: 10000, quantity: '1' }],
    });
    await ok('POST', `/api/v1/salesCreditMemos/${creditMemo.no}/post`);
    const returned = await send('POST', `/api/v1/postedSalesInvoices/${invoiceNo}/cancel`, { dryRun: true });
    // The credit memo is not applied to the invoice, so the invoice is still unpaid: the return refuses it.
    expect(returned.json()).toMatchObject({ code: 'CANNOT_CORRECT_ITEM_RETURNED' });
    expect(returned.json().detail).toBe(`You cannot cancel posted invoice ${invoiceNo} because item A has already been fully or partially returned.`);
  });
});
