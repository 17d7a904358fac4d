/**
 * The purchase steps of the seeded model-based test (issue 14): a purchase order for a random vendor
 * with one to three item lines, received in parts (Receive, or Receive and Invoice at once with the
 * lines' Qty. to Receive / Qty. to Invoice), invoiced in parts (Invoice), and a purchase invoice
 * posted directly (it receives and invoices). The goods received are the stock the sales steps then
 * sell. The model (posting-model-purchases.ts) predicts every receipt, invoice and refusal.
 */
import { expect } from 'vitest';
import { itemNos, pickPart, type Random } from './posting-model.ts';
import {
  directUnitCosts, type PurchaseLineFacts, type PurchaseOrder, type PurchaseOrderLine, purchaseQuantities, type Receipt, vendorNos,
} from './posting-model-purchases.ts';
import { type Quantity, quantityText } from './posting-model-amounts.ts';
import { type Expected, type ModelRun } from './posting-model-run.ts';

const lineDiscounts = ['0', '0', '5', '12.5', '33.333'] as const;

type NewPurchaseLine = PurchaseLineFacts & { quantity: Quantity };

function randomPurchaseLines(rng: Random): NewPurchaseLine[] {
  return Array.from({ length: rng.int(1, 3) }, () => ({
    itemNo: rng.pick(itemNos), quantity: rng.pick(purchaseQuantities), directUnitCost: rng.pick(directUnitCosts), lineDiscountPercent: rng.pick(lineDiscounts),
  }));
}

const lineInput = (line: NewPurchaseLine) => ({
  type: 'item', no: line.itemNo, quantity: quantityText(line.quantity), directUnitCost: line.directUnitCost, lineDiscountPercent: line.lineDiscountPercent,
});
const describeLines = (lines: readonly NewPurchaseLine[]) => lines.map((line) => `${line.itemNo}×${quantityText(line.quantity)}@${line.directUnitCost}-${line.lineDiscountPercent}%`).join(', ');

/** The item lines of a purchase document in the response, in line order. */
const documentLines = (document: { lines: Array<{ type: string; lineNo: number }> }) => document.lines.filter((line) => line.type !== 'comment').sort((a, b) => a.lineNo - b.lineNo);

/** A new purchase document of random lines, with the line numbers the API gave them. */
async function createPurchaseDocument(run: ModelRun, resource: 'purchaseOrders' | 'purchaseInvoices', extra: Record<string, unknown> = {}) {
  const vendorNo = run.rng.pick(vendorNos);
  const lines = randomPurchaseLines(run.rng);
  const created = await run.ok('POST', `/api/v1/${resource}`, { buyFromVendorNo: vendorNo, ...extra, lines: lines.map(lineInput) });
  const rows = documentLines(created);
  expect(rows, `${resource} ${created.no}: one line per line sent`).toHaveLength(lines.length);
  run.log(`create purchase ${resource === 'purchaseOrders' ? 'order' : 'invoice'} ${created.no} for ${vendorNo}: ${describeLines(lines)}`);
  return { no: created.no as string, vendorNo, lines: lines.map((line, index) => ({ ...line, lineNo: rows[index]!.lineNo })) };
}

export async function createPurchaseOrder(run: ModelRun): Promise<boolean> {
  const { no, vendorNo, lines } = await createPurchaseDocument(run, 'purchaseOrders');
  // Default Qty. to Receive = Remainder; Qty. to Invoice follows it (BC InitQtyToReceive, InitQtyToInvoice).
  run.model.purchases.orders.set(no, {
    no, vendorNo, lines: lines.map((line) => ({ ...line, received: 0, invoiced: 0, toReceive: line.quantity, toInvoice: line.quantity, receipts: [] })),
  });
  return true;
}

/** Qty. to Receive and Qty. to Invoice of the lines, sent only where they change. */
async function setLineQuantities(run: ModelRun, order: PurchaseOrder, wanted: (line: PurchaseOrderLine) => { toReceive: Quantity; toInvoice: Quantity }) {
  for (const line of order.lines) {
    const { toReceive, toInvoice } = wanted(line);
    if (toReceive === line.toReceive && toInvoice === line.toInvoice) continue;
    await run.act('set purchase quantities', 'PATCH', `/api/v1/purchaseOrders/${order.no}/lines/${line.lineNo}`, {
      quantityToReceive: quantityText(toReceive), quantityToInvoice: quantityText(toInvoice),
    }, 'ok');
    Object.assign(line, { toReceive, toInvoice });
  }
}

/** Receive part or all of an order's lines; now and then invoice in the same posting. */
export async function receivePurchaseOrder(run: ModelRun): Promise<boolean> {
  const orders = [...run.model.purchases.orders.values()].filter((order) => order.lines.some((line) => line.received < line.quantity));
  if (orders.length === 0) return false;
  const order = run.rng.pick(orders);
  const invoice = run.rng.chance(0.4);
  await setLineQuantities(run, order, (line) => {
    const toReceive = pickPart(run.rng, line.quantity - line.received);
    // Qty. to Invoice ≤ received not invoiced + Qty. to Receive, or the line refuses it.
    const invoiceable = line.received - line.invoiced + toReceive;
    return { toReceive, toInvoice: invoice ? pickPart(run.rng, invoiceable) : invoiceable };
  });
  await postPurchaseOrder(run, order, invoice ? { receive: true, invoice: true } : { receive: true });
  return true;
}

/** Invoice part or all of what an order received; now and then with a Vendor Invoice No. the vendor used before, which is refused. */
export async function invoicePurchaseOrder(run: ModelRun): Promise<boolean> {
  const orders = [...run.model.purchases.orders.values()].filter((order) => order.lines.some((line) => line.invoiced < line.received));
  if (orders.length === 0) return false;
  const order = run.rng.pick(orders);
  await setLineQuantities(run, order, (line) => ({ toReceive: line.toReceive, toInvoice: pickPart(run.rng, line.received - line.invoiced) }));
  const used = [...run.model.purchases.invoices.values()].filter((invoice) => invoice.vendorNo === order.vendorNo);
  if (used.length > 0 && order.lines.some((line) => line.toInvoice > 0) && run.rng.chance(0.1)) {
    const { vendorInvoiceNo } = run.rng.pick(used);
    await run.ok('PATCH', `/api/v1/purchaseOrders/${order.no}`, { vendorInvoiceNo });
    await run.act(`invoice purchase order ${order.no} as ${vendorInvoiceNo} again`, 'POST', `/api/v1/purchaseOrders/${order.no}/post`, { invoice: true }, ['VENDOR_DOCUMENT_NO_USED']);
  }
  await postPurchaseOrder(run, order, { invoice: true });
  return true;
}

/**
 * Posts the order as the model has its lines' Qty. to Receive / Qty. to Invoice (a new Vendor
 * Invoice No. when it invoices), and takes the receipt and invoice into the model.
 */
async function postPurchaseOrder(run: ModelRun, order: PurchaseOrder, mode: { receive?: boolean; invoice?: boolean }) {
  const { purchases } = run.model;
  const receive = (mode.receive ?? false) && order.lines.some((line) => line.toReceive > 0);
  const invoice = (mode.invoice ?? false) && order.lines.some((line) => line.toInvoice > 0);
  const vendorInvoiceNo = invoice ? purchases.nextVendorInvoiceNo() : '';
  if (invoice) await run.ok('PATCH', `/api/v1/purchaseOrders/${order.no}`, { vendorInvoiceNo });
  const expected: Expected = !receive && !invoice ? ['NOTHING_TO_POST'] : 'ok';
  const state = order.lines.map((line) => `${line.lineNo}:rcv ${quantityText(line.toReceive)}/inv ${quantityText(line.toInvoice)}`).join(' ');
  const response = await run.act(`post purchase order ${order.no} [${state}]`, 'POST', `/api/v1/purchaseOrders/${order.no}/post`, mode, expected);
  if (response.statusCode >= 300) return;
  const result = response.json();
  expect(result.receiptNo !== null, 'a receipt exactly when something is received').toBe(receive);
  expect(result.invoiceNo !== null, 'a purchase invoice exactly when something is invoiced').toBe(invoice);
  // A line this posting leaves alone keeps its quantities to handle, as on the sales side (the code
  // re-defaults only the lines it posts; BC's PostUpdateOrderLine re-initialises every line).
  const handled = order.lines.map((line) => lineHandling(order, line, receive ? line.toReceive : 0, invoice ? line.toInvoice : 0))
    .filter((handling) => handling.receiveNow > 0 || handling.invoiceNow > 0);
  const amounts = invoice ? purchases.invoiceAmounts(order.vendorNo, handled.filter((handling) => handling.invoiceNow > 0)
    .map(({ line, invoiceNow }) => ({ line, lineNo: line.lineNo, quantity: invoiceNow, of: line.quantity }))) : null;
  for (const handling of handled) takeLineHandling(run, order, handling, result.receiptNo);
  if (invoice) purchases.invoices.set(result.invoiceNo, { no: result.invoiceNo, vendorNo: order.vendorNo, vendorInvoiceNo, amounts: amounts! });
  const complete = order.lines.every((line) => line.received === line.quantity && line.invoiced === line.quantity);
  expect(result.documentDeleted, `purchase order ${order.no} deleted exactly when completely received and invoiced`).toBe(complete);
  if (complete) purchases.orders.delete(order.no);
}

interface LineHandling { line: PurchaseOrderLine; receiveNow: Quantity; invoiceNow: Quantity; ofThisReceipt: Quantity; bills: Array<{ receipt: Receipt; quantity: Quantity }> }

/**
 * What one posting does with a line: an invoiced line bills what this posting receives first, then
 * its earlier receipts oldest first (BC Purch.-Post, purchase-post.receipts.ts).
 */
function lineHandling(order: PurchaseOrder, line: PurchaseOrderLine, receiveNow: Quantity, invoiceNow: Quantity): LineHandling {
  const ofThisReceipt = Math.min(invoiceNow, receiveNow);
  const bills: LineHandling['bills'] = [];
  let rest = invoiceNow - ofThisReceipt;
  for (const receipt of line.receipts) {
    const take = Math.min(rest, receipt.quantity - receipt.invoiced);
    if (take > 0) bills.push({ receipt, quantity: take });
    rest -= take;
  }
  expect(rest, `purchase order ${order.no} line ${line.lineNo}: the model found the receipts to bill`).toBe(0);
  return { line, receiveNow, invoiceNow, ofThisReceipt, bills };
}

/** The receipt and the bills of one line. */
function takeLineHandling(run: ModelRun, order: PurchaseOrder, handling: LineHandling, receiptNo: string) {
  const { line, receiveNow, invoiceNow, ofThisReceipt, bills } = handling;
  const { purchases } = run.model;
  if (receiveNow > 0) {
    const receipt = purchases.receive(order.vendorNo, receiptNo, line, receiveNow, ofThisReceipt);
    line.receipts.push(receipt);
    run.model.moveStock(line.itemNo, receiveNow);
  }
  for (const bill of bills) purchases.bill(bill.receipt, bill.quantity);
  line.received += receiveNow;
  line.invoiced += invoiceNow;
  // BC InitQtyToReceive / InitQtyToInvoice after posting: the remainder, and what is received not invoiced plus that.
  line.toReceive = line.quantity - line.received;
  line.toInvoice = line.quantity - line.invoiced;
}

/** A purchase invoice posted at once: Receipt on Invoice receives its lines and the invoice bills them in full. */
export async function postPurchaseInvoice(run: ModelRun): Promise<boolean> {
  const { purchases } = run.model;
  const vendorInvoiceNo = purchases.nextVendorInvoiceNo();
  const { no, vendorNo, lines } = await createPurchaseDocument(run, 'purchaseInvoices', { vendorInvoiceNo });
  const response = await run.act(`post purchase invoice ${no}`, 'POST', `/api/v1/purchaseInvoices/${no}/post`, undefined, 'ok');
  const result = response.json();
  expect({ deleted: result.documentDeleted, receipt: result.receiptNo !== null }, `purchase invoice ${no}: posted in full, with its receipt`).toEqual({ deleted: true, receipt: true });
  const amounts = purchases.invoiceAmounts(vendorNo, lines.map((line) => ({ line, lineNo: line.lineNo, quantity: line.quantity, of: line.quantity })));
  for (const line of lines) {
    purchases.receive(vendorNo, result.receiptNo, line, line.quantity, line.quantity);
    run.model.moveStock(line.itemNo, line.quantity);
  }
  purchases.invoices.set(result.invoiceNo, { no: result.invoiceNo, vendorNo, vendorInvoiceNo, amounts });
  return true;
}
