/**
 * The seeded model-based test of sales posting (DESIGN §7, STYLE "Tests"): random sequences of
 * document actions through the real HTTP API — orders shipped and invoiced in parts (with prices and
 * invoice discounts changed between the invoices of a line, §4.5), invoices,
 * Undo Shipment, returns and credit memos reversing posted invoice lines, Cancel and Correct — with
 * the books checked after every step against an in-memory model (test/support/posting-model.ts).
 *
 * A failure prints its seed and every step taken. Replay one seed, longer:
 *   MODEL_SEED=7 MODEL_STEPS=60 npx vitest run --project database test/server/sales/posting-model.test.ts
 *
 * Answers with a 4xx business code are part of the game (the model predicts them); a 5xx fails.
 * Where the code parts from the spec and the model can say exactly how, the step is recorded as a
 * known deviation (printed, not failed) — see `knownDeviations` below; anything else fails.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../../support/api.ts';
import { givenInventory, givenPostingCompany } from '../../support/given-posting.ts';
import { givenCustomer } from '../../support/given.ts';
import {
  customerNos, discounts, documentKey, InvariantChecker, invoiceDiscountOf, type InvoiceDocumentLine, itemNos, type Lot, netAmount, type Order, type OrderLine,
  type PostedInvoice, type PostedInvoiceLine, type PostedMoneyDocument, PostingModel, type PriceFacts, type Random, redefault,
  type ReturnDocument, type ReturnLine, seededRandom, shareInvoiceDiscount, unitPrices, vatOf,
} from '../../support/posting-model.ts';
import { type Decimal, dec, sum, ZERO } from '../../../src/core/money/decimal.ts';
import { roundAmount } from '../../../src/core/money/rounding.ts';

const workDate = { 'x-work-date': '2026-01-15' };
const openingStock = { '1000': 12, A: 8, B: 8 };
/** MODEL_SEED=7, MODEL_SEED=4,9 or MODEL_SEED=1-50 to explore; the default three run in CI. */
const seeds = process.env.MODEL_SEED ? parseSeeds(process.env.MODEL_SEED) : [1, 2, 3];
const stepsPerSeed = Number(process.env.MODEL_STEPS ?? 25);

/**
 * Where the posting code parts from the spec in a way the model can name exactly, by deviation
 * kind. Each is reported with a reproduction; the test prints them and passes, so that it guards
 * everything else meanwhile. Remove a kind once its fix lands.
 *
 * A shipment billed by two invoices is one sale entry, and Get Posted Document Lines to Reverse
 * offers each invoice line what that entry still has out (as BC does, per item entry), not what came
 * back through that very line:
 * - `reversible-above-spec`, `over-return`: the first invoice's line is offered (and credited) again
 *   after it was reversed in full while the entry still has the other invoice's quantity out
 *   (spec §17.4 reads "quantity not yet reversed" per line).
 */
const knownDeviations = new Set<string>([
  'reversible-above-spec', 'over-return',
  // - `reverse-without-invoice-discount`: Get Posted Document Lines to Reverse copies an invoice line's
  //   unit price and line discount but not its invoice discount (spec §8 step 4 and §17 copy the
  //   invoice discount as posted); the model credits what the code credits.
  'reverse-without-invoice-discount',
]);


type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
type Expected = 'ok' | string[];

interface Deviation { step: number; kind: string; detail: string }

class ModelRun {
  readonly model = new PostingModel(openingStock);
  readonly steps: string[] = [];
  readonly deviations: Deviation[] = [];
  private readonly seenDeviation = new Set<string>();
  step = 0;

  constructor(readonly api: TestApi, readonly rng: Random) {}

  log(text: string) {
    this.steps.push(`#${this.step} ${text}`);
  }

  deviate(kind: string, detail: string, dedupeKey = `${kind}:${detail}`) {
    if (this.seenDeviation.has(dedupeKey)) return;
    this.seenDeviation.add(dedupeKey);
    this.deviations.push({ step: this.step, kind, detail });
    this.log(`  DEVIATION ${kind}: ${detail}`);
  }

  async send(method: Method, url: string, body?: unknown): Promise<LightMyRequestResponse> {
    const response = await this.api.as('admin')(method, url, body, workDate);
    if (response.statusCode >= 500) throw new Error(`${method} ${url} → ${response.statusCode}: ${response.body}`);
    return response;
  }

  /** Must work: setup-like calls the model does not question. */
  async ok(method: Method, url: string, body?: unknown) {
    const response = await this.send(method, url, body);
    if (response.statusCode >= 300) throw new Error(`${method} ${url} ${JSON.stringify(body ?? null)} → ${response.statusCode}: ${response.body}`);
    return response.body === '' ? null : response.json();
  }

  /**
   * Sends an action whose outcome the model predicted: `ok`, or one of the business codes. Logs the
   * outcome; a different outcome is a deviation of `kind`, or a failure if no kind names it.
   */
  async act(label: string, method: Method, url: string, body: unknown, expected: Expected, mirror?: { kind: string; expected: Expected }) {
    const response = await this.send(method, url, body);
    const outcome = response.statusCode < 300 ? 'ok' : `${response.statusCode} ${response.json().code}`;
    this.log(`${label}: ${method} ${url} ${body === undefined ? '' : JSON.stringify(body)} → ${outcome}${expected === 'ok' ? '' : ` (expected ${expected.join('|')})`}`);
    const matches = (prediction: Expected) => (prediction === 'ok' ? response.statusCode < 300
      : response.statusCode >= 400 && prediction.includes(String(response.json().code)));
    if (!matches(expected)) {
      const detail = `${label}: expected ${expected === 'ok' ? 'success' : expected.join('|')}, got ${outcome} ${response.statusCode < 300 ? '' : response.json().detail ?? ''}`;
      if (mirror && matches(mirror.expected)) this.deviate(mirror.kind, detail);
      else throw new Error(`unexpected outcome — ${detail}`);
    }
    return response;
  }
}

// -------------------------------------------------------------------------------------- helpers

function parseSeeds(text: string): number[] {
  return text.split(',').flatMap((part) => {
    const [from, to] = part.split('-').map(Number);
    return to === undefined ? [from!] : Array.from({ length: to - from! + 1 }, (_, index) => from! + index);
  });
}

function randomLines(rng: Random): Array<PriceFacts & { quantity: number }> {
  const lines: Array<PriceFacts & { quantity: number }> = [];
  for (let index = rng.int(1, 3); index > 0; index--) {
    lines.push({ type: 'item', no: rng.pick(itemNos), quantity: rng.int(1, 5), unitPrice: rng.pick(unitPrices), lineDiscountPercent: rng.pick(discounts) });
  }
  if (rng.chance(0.3)) lines.push({ type: 'glAccount', no: '6100', quantity: rng.int(1, 2), unitPrice: rng.pick(unitPrices), lineDiscountPercent: '0' });
  return lines;
}

const lineInput = (line: PriceFacts & { quantity: number }) => ({
  type: line.type, no: line.no, quantity: String(line.quantity), unitPrice: line.unitPrice, lineDiscountPercent: line.lineDiscountPercent,
});
const priceFacts = (line: PriceFacts): PriceFacts => ({ type: line.type, no: line.no, unitPrice: line.unitPrice, lineDiscountPercent: line.lineDiscountPercent });
const describeLines = (lines: ReadonlyArray<PriceFacts & { quantity: number }>) => lines.map((line) => `${line.no}×${line.quantity}@${line.unitPrice}-${line.lineDiscountPercent}%`).join(', ');

/** A posted invoice (credit memo): its lines' amounts less their invoice discount, and the VAT of its total (§4.3, §4.5). */
function postedDocument(
  kind: 'invoice' | 'creditMemo', no: string, customerNo: string, parts: Array<{ line: PriceFacts; quantity: number; invoiceDiscount?: Decimal }>,
): PostedMoneyDocument {
  const netOf = (part: (typeof parts)[number]) => netAmount(part.line, part.quantity).minus(part.invoiceDiscount ?? ZERO);
  const net = sum(parts.map(netOf));
  const itemNet = sum(parts.filter((part) => part.line.type === 'item').map(netOf));
  const vat = vatOf(net);
  const total = net.plus(vat);
  return { kind, no, customerNo, net, itemNet, vat, total, remaining: kind === 'invoice' ? total : total.negated() };
}

/** The lines of a document in the response, in line order, without comment lines. */
const documentLines = (document: { lines: Array<{ type: string; lineNo: number }> }) => document.lines.filter((line) => line.type !== 'comment').sort((a, b) => a.lineNo - b.lineNo);

// -------------------------------------------------------------------------------------- actions

type Action = { name: string; weight: number; run: (run: ModelRun) => Promise<boolean> };

async function createOrder(run: ModelRun): Promise<boolean> {
  const customerNo = run.rng.pick(customerNos);
  const lines = randomLines(run.rng);
  const created = await run.ok('POST', '/api/v1/salesOrders', { sellToCustomerNo: customerNo, lines: lines.map(lineInput) });
  const rows = documentLines(created);
  expect(rows).toHaveLength(lines.length);
  const order: Order = {
    no: created.no, customerNo, invoiceDiscountAmount: ZERO,
    lines: lines.map((line, index) => ({
      ...priceFacts(line), lineNo: rows[index]!.lineNo, quantity: line.quantity, shipped: 0, invoiced: 0, toShip: line.quantity, toInvoice: line.quantity, lots: [],
      invoiceDiscount: ZERO,
    })),
  };
  run.model.orders.set(order.no, order);
  run.log(`create order ${order.no} for ${customerNo}: ${describeLines(order.lines)}`);
  return true;
}

async function createInvoice(run: ModelRun): Promise<boolean> {
  const customerNo = run.rng.pick(customerNos);
  const lines = randomLines(run.rng);
  const created = await run.ok('POST', '/api/v1/salesInvoices', { sellToCustomerNo: customerNo, lines: lines.map(lineInput) });
  const rows = documentLines(created);
  expect(rows).toHaveLength(lines.length);
  run.model.invoices.set(created.no, { no: created.no, customerNo, lines: lines.map((line, index) => ({ ...priceFacts(line), lineNo: rows[index]!.lineNo, quantity: line.quantity })) });
  run.log(`create invoice ${created.no} for ${customerNo}: ${describeLines(lines)}`);
  return true;
}

/** Qty. to Ship and Qty. to Invoice within their bounds (spec §4.1); now and then one beyond, which must be refused. */
async function setQuantities(run: ModelRun): Promise<boolean> {
  const candidates = [...run.model.orders.values()].flatMap((order) => order.lines.map((line) => ({ order, line })))
    .filter(({ line }) => line.shipped < line.quantity || line.invoiced < line.shipped);
  if (candidates.length === 0) return false;
  const { order, line } = run.rng.pick(candidates);
  const url = `/api/v1/salesOrders/${order.no}/lines/${line.lineNo}`;
  const outstanding = line.quantity - line.shipped;
  if (run.rng.chance(0.1)) {
    await run.act('set too much to ship', 'PATCH', url, { quantityToShip: String(outstanding + 1) }, ['SHIP_MORE_THAN_OUTSTANDING']);
    return true;
  }
  const toShip = run.rng.int(0, outstanding);
  const toInvoice = run.rng.int(0, line.shipped + toShip - line.invoiced);
  await run.act('set quantities', 'PATCH', url, { quantityToShip: String(toShip), quantityToInvoice: String(toInvoice) }, 'ok');
  Object.assign(line, { toShip, toInvoice });
  return true;
}

/** Spec §7.3–7.8: Ship, Invoice or both with the lines' Qty. to Ship / Qty. to Invoice. */
async function postOrder(run: ModelRun): Promise<boolean> {
  const orders = [...run.model.orders.values()];
  if (orders.length === 0) return false;
  const order = run.rng.pick(orders);
  const mode: { ship?: boolean; invoice?: boolean } = run.rng.pick([{ ship: true }, { invoice: true }, { ship: true, invoice: true }, { ship: true, invoice: true }]);
  await postOrderAs(run, order, mode);
  return true;
}

/** Posts the order as the model has its lines' Qty. to Ship / Qty. to Invoice; true when it posted. */
async function postOrderAs(run: ModelRun, order: Order, mode: { ship?: boolean; invoice?: boolean }): Promise<boolean> {
  const ship = (mode.ship ?? false) && order.lines.some((line) => line.toShip !== 0);
  const invoice = (mode.invoice ?? false) && order.lines.some((line) => line.toInvoice !== 0);
  const tooMuch = invoice && order.lines.some((line) => line.toInvoice > line.shipped + (ship ? line.toShip : 0) - line.invoiced);
  const expected: Expected = !ship && !invoice ? ['NOTHING_TO_POST'] : tooMuch ? ['INVOICE_MORE_THAN_SHIPPED'] : 'ok';
  const state = order.lines.map((line) => `${line.lineNo}:ship ${line.toShip}/inv ${line.toInvoice}`).join(' ');
  const response = await run.act(`post order ${order.no} [${state}]`, 'POST', `/api/v1/salesOrders/${order.no}/post`, mode, expected);
  if (response.statusCode >= 300) return false;
  const result = response.json();
  expect(result.shipmentNo !== null, 'a shipment exactly when something ships').toBe(ship);
  expect(result.invoiceNo !== null, 'an invoice exactly when something is invoiced').toBe(invoice);
  const invoiceLines: PostedInvoiceLine[] = [];
  for (const line of order.lines) {
    const shipNow = ship ? line.toShip : 0;
    const invoiceNow = invoice ? line.toInvoice : 0;
    if (shipNow === 0 && invoiceNow === 0) continue;
    const earlier = line.lots.filter((lot) => !lot.undone && lot.invoiced < lot.quantity);
    let lot: Lot | null = null;
    if (shipNow > 0) {
      // Sales Amount (Expected): the line's share (after invoice discount) for what this posting ships but does not invoice.
      const notInvoiced = shipNow - Math.min(invoiceNow, shipNow);
      const expected = roundAmount(netAmount(line, line.quantity).minus(line.invoiceDiscount).times(notInvoiced).div(line.quantity));
      lot = run.model.newLot({ shipmentNo: result.shipmentNo, lineNo: line.lineNo, price: priceFacts(line), quantity: shipNow, order: { no: order.no, lineNo: line.lineNo } }, expected);
      line.lots.push(lot);
      if (line.type === 'item') run.model.moveStock(line.no, -shipNow);
    }
    if (invoiceNow > 0) {
      // BC bills what this posting ships first, then the oldest earlier shipments.
      const billed: PostedInvoiceLine['billed'] = [];
      const ofThis = Math.min(invoiceNow, shipNow);
      if (ofThis > 0) billed.push({ lot: lot!, quantity: ofThis });
      let rest = invoiceNow - ofThis;
      for (const earlierLot of earlier) {
        if (rest === 0) break;
        const take = Math.min(rest, earlierLot.quantity - earlierLot.invoiced);
        billed.push({ lot: earlierLot, quantity: take });
        rest -= take;
      }
      expect(rest, `order ${order.no} line ${line.lineNo}: the model found the shipments to bill`).toBe(0);
      for (const bill of billed) {
        if (bill.lot === lot) bill.lot.invoiced += bill.quantity;
        else run.model.bill(bill.lot, bill.quantity);
      }
      // §4.5: the line as it is now — its current price and its invoice discount's share for this quantity.
      invoiceLines.push({
        ...priceFacts(line), lineNo: line.lineNo, quantity: invoiceNow, invoiceDiscount: invoiceDiscountOf(line, invoiceNow),
        billed, returnedViaLine: 0, order: { no: order.no, lineNo: line.lineNo },
      });
    }
    line.shipped += shipNow;
    line.invoiced += invoiceNow;
    redefault(line);
  }
  if (invoice) {
    const document = postedDocument('invoice', result.invoiceNo, order.customerNo, invoiceLines.map((line) => ({ line, quantity: line.quantity, invoiceDiscount: line.invoiceDiscount })));
    run.model.posted.set(documentKey('invoice', result.invoiceNo), { ...document, kind: 'invoice', lines: invoiceLines, fromOrder: order.no, cancelled: false });
  }
  const complete = order.lines.every((line) => line.shipped === line.quantity && line.invoiced === line.quantity);
  expect(result.documentDeleted, `order ${order.no} deleted exactly when completely shipped and invoiced`).toBe(complete);
  if (complete) run.model.orders.delete(order.no);
  return true;
}

/** Spec §7.6: an invoice posts in full; Shipment on Invoice writes its shipment too. */
async function postInvoice(run: ModelRun): Promise<boolean> {
  const invoices = [...run.model.invoices.values()];
  if (invoices.length === 0) return false;
  const document = run.rng.pick(invoices);
  const response = await run.act(`post invoice ${document.no}`, 'POST', `/api/v1/salesInvoices/${document.no}/post`, undefined, 'ok');
  const result = response.json();
  expect(result.documentDeleted).toBe(true);
  expect(result.shipmentNo, 'Shipment on Invoice').not.toBeNull();
  const lines: PostedInvoiceLine[] = document.lines.map((line) => {
    const lot = run.model.newLot({ shipmentNo: result.shipmentNo, lineNo: line.lineNo, price: priceFacts(line), quantity: line.quantity, order: null });
    lot.invoiced = line.quantity;
    if (line.type === 'item') run.model.moveStock(line.no, -line.quantity);
    return {
      ...priceFacts(line), lineNo: line.lineNo, quantity: line.quantity, invoiceDiscount: ZERO, billed: [{ lot, quantity: line.quantity }],
      returnedViaLine: 0, order: null,
    };
  });
  const posted = postedDocument('invoice', result.invoiceNo, document.customerNo, lines.map((line) => ({ line, quantity: line.quantity })));
  run.model.posted.set(documentKey('invoice', result.invoiceNo), { ...posted, kind: 'invoice', lines, fromOrder: null, cancelled: false });
  run.model.invoices.delete(document.no);
  return true;
}

/** Spec §7.10: undo shipment lines not yet invoiced; now and then an invoiced or undone one, which must be refused. */
async function undoShipment(run: ModelRun): Promise<boolean> {
  const orderLineOf = (lot: Lot) => (lot.order ? run.model.orders.get(lot.order.no)?.lines.find((line) => line.lineNo === lot.order!.lineNo) : undefined);
  const undoable = run.model.lots.filter((lot) => !lot.undone && lot.invoiced === 0 && orderLineOf(lot));
  const refusable = run.model.lots.filter((lot) => lot.order && (lot.undone || lot.invoiced > 0));
  if (refusable.length > 0 && (undoable.length === 0 || run.rng.chance(0.15))) {
    const lot = run.rng.pick(refusable);
    await run.act('undo refused', 'POST', `/api/v1/postedSalesShipments/${lot.shipmentNo}/undo`, { lineNos: [lot.lineNo] }, ['UNDO_NOT_ALLOWED']);
    return true;
  }
  if (undoable.length === 0) return false;
  const first = run.rng.pick(undoable);
  const chosen = run.rng.chance(0.5) ? undoable.filter((lot) => lot.shipmentNo === first.shipmentNo) : [first];
  await run.act('undo shipment', 'POST', `/api/v1/postedSalesShipments/${first.shipmentNo}/undo`, { lineNos: chosen.map((lot) => lot.lineNo) }, 'ok');
  for (const lot of chosen) {
    lot.undone = true;
    if (lot.price.type === 'item') run.model.moveStock(lot.price.no, lot.quantity);
    const line = orderLineOf(lot)!;
    line.shipped -= lot.quantity;
    redefault(line);
  }
  return true;
}

/** What the API offers to reverse, compared with the spec's reading (§17.4). */
async function reversibleLines(run: ModelRun, resource: string, no: string, customerNo: string) {
  const offered = (await run.ok('GET', `${resource}/${no}/postedDocumentLines?documentType=invoice`)).items as Array<{ documentNo: string; lineNo: number; reversibleQuantity: string }>;
  const result: Array<{ invoice: PostedInvoice; line: PostedInvoiceLine; reversible: number }> = [];
  for (const invoice of run.model.postedInvoices().filter((candidate) => candidate.customerNo === customerNo)) {
    for (const line of invoice.lines) {
      const row = offered.find((candidate) => candidate.documentNo === invoice.no && candidate.lineNo === line.lineNo);
      expect(row, `invoice ${invoice.no} line ${line.lineNo} offered for reversal`).toBeDefined();
      const reversible = Number(row!.reversibleQuantity);
      const spec = run.model.specReversible(line);
      if (reversible !== spec) {
        run.deviate(reversible > spec ? 'reversible-above-spec' : 'reversible-below-spec', `invoice ${invoice.no} line ${line.lineNo} (${line.no} × ${line.quantity}, billed ${line.billed.map((bill) => `${bill.lot.shipmentNo}/${bill.lot.lineNo}×${bill.quantity}`).join('+')}): offered ${reversible}, spec ${spec}`, `reversible:${invoice.no}:${line.lineNo}:${reversible}:${spec}`);
      }
      result.push({ invoice, line, reversible });
    }
  }
  return result;
}

/** Spec §17.3–17.5: a credit memo or return order from posted invoice lines, exact cost, maybe applied to the invoice; posted. */
async function createReturn(run: ModelRun): Promise<boolean> {
  const customers = customerNos.filter((customerNo) => run.model.postedInvoices().some((invoice) => invoice.customerNo === customerNo));
  if (customers.length === 0) return false;
  const customerNo = run.rng.pick(customers);
  const kind = run.rng.pick(['creditMemo', 'returnOrder'] as const);
  const resource = kind === 'creditMemo' ? '/api/v1/salesCreditMemos' : '/api/v1/salesReturnOrders';
  const created = await run.ok('POST', resource, { sellToCustomerNo: customerNo });
  const candidates = (await reversibleLines(run, resource, created.no, customerNo)).filter((candidate) => candidate.reversible > 0);
  if (candidates.length === 0) {
    await run.ok('DELETE', `${resource}/${created.no}`);
    run.log(`${kind} for ${customerNo}: nothing left to reverse`);
    return true;
  }
  const picks = [...new Set([run.rng.pick(candidates), run.rng.pick(candidates)].slice(0, run.rng.int(1, 2)))]
    .map((candidate) => ({ ...candidate, quantity: run.rng.int(1, candidate.reversible) }));
  for (const pick of picks) {
    if (!pick.line.invoiceDiscount.isZero()) {
      run.deviate('reverse-without-invoice-discount', `invoice ${pick.invoice.no} line ${pick.line.lineNo} carried an invoice discount of ${pick.line.invoiceDiscount.toFixed(2)}; the return line gets none`);
    }
    if (pick.quantity > run.model.specReversible(pick.line)) {
      run.deviate('over-return', `${pick.quantity} of invoice ${pick.invoice.no} line ${pick.line.lineNo} offered and taken, the spec allows ${run.model.specReversible(pick.line)}`);
    }
  }
  const openInvoice = picks.find((pick) => pick.invoice.remaining.gt(0))?.invoice;
  const appliesTo = openInvoice && run.rng.chance(0.5) ? openInvoice.no : null;
  if (appliesTo) await run.ok('PATCH', `${resource}/${created.no}`, { appliesToDocumentType: 'invoice', appliesToDocumentNo: appliesTo });
  const filled = await run.ok('POST', `${resource}/${created.no}/getPostedDocumentLinesToReverse`, {
    lines: picks.map((pick) => ({ documentType: 'invoice', documentNo: pick.invoice.no, lineNo: pick.line.lineNo, quantity: String(pick.quantity) })),
  });
  const rows = documentLines(filled);
  // A line per sale entry the quantity comes back to (exact cost per shipment).
  const split = picks.map((pick) => run.model.returnSplit(pick.line, pick.quantity));
  expect(rows, 'one line per part of a reversed invoice line').toHaveLength(split.flat().length);
  let row = 0;
  const document: ReturnDocument = {
    kind, no: created.no, customerNo, appliesToInvoiceNo: appliesTo, received: false,
    lines: picks.map((pick, index): ReturnLine => {
      const lineNo = rows[row]!.lineNo;
      row += split[index]!.length;
      return { ...priceFacts(pick.line), lineNo, quantity: pick.quantity, source: { invoiceNo: pick.invoice.no, lineNo: pick.line.lineNo }, parts: split[index]! };
    }),
  };
  run.model.returns.set(document.no, document);
  run.log(`${kind} ${document.no} for ${customerNo}${appliesTo ? ` applied to ${appliesTo}` : ''}: ${document.lines.map((line) => `${line.source.invoiceNo}/${line.source.lineNo} ${line.no}×${line.quantity}`).join(', ')}`);
  const receiveOnly = kind === 'returnOrder' && run.rng.chance(0.3);
  await postReturn(run, document, receiveOnly ? { receive: true } : kind === 'returnOrder' ? { receive: true, invoice: true } : undefined);
  return true;
}

function sourceLine(run: ModelRun, line: ReturnLine): PostedInvoiceLine {
  const invoice = run.model.posted.get(documentKey('invoice', line.source.invoiceNo)) as PostedInvoice;
  return invoice.lines.find((candidate) => candidate.lineNo === line.source.lineNo)!;
}

async function postReturn(run: ModelRun, document: ReturnDocument, body: { receive?: boolean; invoice?: boolean } | undefined) {
  const receive = !document.received && (body === undefined || body.receive === true);
  const invoice = body === undefined || body.invoice === true;
  // Exact cost reversal comes back to the lots fixed when the lines were fetched; they must still have that much out.
  const needed = new Map<Lot, number>();
  if (receive) {
    for (const part of document.lines.flatMap((line) => line.parts)) if (part.lot) needed.set(part.lot, (needed.get(part.lot) ?? 0) + part.quantity);
  }
  const overReturned = [...needed].some(([lot, quantity]) => lot.quantity - lot.returned < quantity);
  const appliesTo = document.appliesToInvoiceNo ? run.model.posted.get(documentKey('invoice', document.appliesToInvoiceNo))! : null;
  const expected: Expected = overReturned || (invoice && appliesTo && appliesTo.remaining.isZero()) ? ['APPLICATION_INVALID'] : 'ok';
  const resource = document.kind === 'creditMemo' ? 'salesCreditMemos' : 'salesReturnOrders';
  const response = await run.act(`post ${document.kind} ${document.no}`, 'POST', `/api/v1/${resource}/${document.no}/post`, body, expected);
  if (response.statusCode >= 300) return;
  const result = response.json();
  if (receive) {
    for (const line of document.lines) run.model.recordReturn(sourceLine(run, line), line.quantity, line.parts);
    document.received = true;
  }
  if (invoice) {
    expect(result.creditMemoNo).not.toBeNull();
    const posted = postedDocument('creditMemo', result.creditMemoNo, document.customerNo, document.lines.map((line) => ({ line, quantity: line.quantity })));
    run.model.posted.set(documentKey('creditMemo', posted.no), posted);
    if (appliesTo) run.model.apply(posted, appliesTo);
    run.model.returns.delete(document.no);
  }
  expect(result.documentDeleted).toBe(invoice);
}

async function invoiceReceivedReturn(run: ModelRun): Promise<boolean> {
  const received = [...run.model.returns.values()].filter((document) => document.received);
  if (received.length === 0) return false;
  await postReturn(run, run.rng.pick(received), { invoice: true });
  return true;
}

/** Spec §18.2–18.4: Cancel or Correct a posted invoice; the model predicts the refusals in the code's order of checks. */
async function cancelOrCorrect(run: ModelRun, action: 'cancel' | 'correct'): Promise<boolean> {
  const invoices = run.model.postedInvoices();
  if (invoices.length === 0) return false;
  const fresh = invoices.filter((invoice) => !invoice.cancelled);
  const invoice = fresh.length > 0 && run.rng.chance(0.85) ? run.rng.pick(fresh) : run.rng.pick(invoices);
  const predict = (): Expected => {
    if (invoice.cancelled) return ['INVOICE_ALREADY_CANCELLED'];
    if (!invoice.remaining.equals(invoice.total)) return ['INVOICE_PAID'];
    if (run.model.invoiceGoodsReturned(invoice)) return ['CANNOT_CORRECT_ITEM_RETURNED'];
    return 'ok';
  };
  const response = await run.act(`${action} ${invoice.no}${invoice.fromOrder ? ` (from order ${invoice.fromOrder})` : ''}`, 'POST', `/api/v1/postedSalesInvoices/${invoice.no}/${action}`, undefined, predict());
  if (response.statusCode >= 300) return true;
  const result = response.json();
  // The corrective credit memo: the same lines, exact cost from the entries each invoice line billed, applied to the invoice.
  // It takes the invoice's discount amount as its header's (§18.3), shared over its lines by line amount (§10.4).
  const discounts = shareInvoiceDiscount(sum(invoice.lines.map((line) => line.invoiceDiscount)), invoice.lines.map((line) => netAmount(line, line.quantity)));
  const creditMemo = postedDocument('creditMemo', result.postedCreditMemoNo, invoice.customerNo, invoice.lines.map((line, index) => ({ line, quantity: line.quantity, invoiceDiscount: discounts[index] })));
  run.model.posted.set(documentKey('creditMemo', creditMemo.no), creditMemo);
  run.model.apply(creditMemo, invoice);
  invoice.cancelled = true;
  for (const line of invoice.lines) {
    run.model.recordReturn(line, line.quantity);
    // §18.3 step 5: the order line gets its shipped and invoiced quantity back, if the order is still there.
    const orderLine = line.order && run.model.orders.get(line.order.no)?.lines.find((candidate) => candidate.lineNo === line.order!.lineNo);
    if (orderLine) {
      orderLine.invoiceCancelled = true;
      orderLine.shipped -= line.quantity;
      orderLine.invoiced -= line.quantity;
      redefault(orderLine);
    }
  }
  // §18.4, as current BC: Correct of an invoice from an order reverts the order instead of making a new invoice.
  expect(result.newInvoiceNo === null, `${action} ${invoice.no}: a new invoice exactly when correcting one not from an order`).toBe(action === 'cancel' || invoice.fromOrder !== null);
  if (action === 'correct' && !invoice.fromOrder) {
    const created = await run.ok('GET', `/api/v1/salesInvoices/${result.newInvoiceNo}`);
    const rows = documentLines(created);
    expect(rows).toHaveLength(invoice.lines.length);
    const lines: InvoiceDocumentLine[] = invoice.lines.map((line, index) => ({ ...priceFacts(line), lineNo: rows[index]!.lineNo, quantity: line.quantity }));
    run.model.invoices.set(created.no, { no: created.no, customerNo: invoice.customerNo, lines });
  }
  return true;
}

/**
 * Spec §4.5: a partly invoiced order line gets a new unit price and the order a new invoice discount
 * amount (reopen, change); the line's next invoice takes them as they are then, not what is left.
 * A line not yet partly invoiced is first invoiced in part (Ship and Invoice), so the step comes often.
 */
async function changePriceAndInvoiceDiscount(run: ModelRun): Promise<boolean> {
  const partly = (line: OrderLine) => line.invoiced > 0 && line.invoiced < line.quantity;
  const candidates = [...run.model.orders.values()].flatMap((order) => order.lines.map((line) => ({ order, line })))
    .filter(({ line }) => partly(line) || line.quantity - line.invoiced >= 2);
  if (candidates.length === 0) return false;
  const { order, line } = run.rng.pick(candidates);
  if (!partly(line)) {
    // Ship at least one unit not yet invoiced, invoice some but not all of what is left.
    const toShip = run.rng.int(Math.max(0, 1 - (line.shipped - line.invoiced)), line.quantity - line.shipped);
    const toInvoice = run.rng.int(1, Math.min(line.shipped + toShip - line.invoiced, line.quantity - line.invoiced - 1));
    await run.act('invoice part', 'PATCH', `/api/v1/salesOrders/${order.no}/lines/${line.lineNo}`, { quantityToShip: String(toShip), quantityToInvoice: String(toInvoice) }, 'ok');
    Object.assign(line, { toShip, toInvoice });
    if (!(await postOrderAs(run, order, { ship: true, invoice: true })) || !partly(line)) return true;
  }
  const unitPrice = run.rng.pick(unitPrices.filter((price) => price !== line.unitPrice));
  await run.act(`reopen order ${order.no}`, 'POST', `/api/v1/salesOrders/${order.no}/reopen`, undefined, 'ok');
  await run.act(`new price for line ${line.lineNo}`, 'PATCH', `/api/v1/salesOrders/${order.no}/lines/${line.lineNo}`, { unitPrice }, 'ok');
  line.unitPrice = unitPrice;
  // An odd share of the order's line amounts, so the lines' shares and their invoiced parts round.
  const lineAmounts = order.lines.map((candidate) => netAmount(candidate, candidate.quantity));
  const amount = roundAmount(sum(lineAmounts).times(dec(run.rng.pick(['0', '1.7', '3.33', '7.5', '12.35']))).div(100));
  await run.act('new invoice discount amount', 'PATCH', `/api/v1/salesOrders/${order.no}`, { invoiceDiscountAmount: amount.toFixed(2) }, 'ok');
  order.invoiceDiscountAmount = amount;
  shareInvoiceDiscount(amount, lineAmounts).forEach((share, index) => {
    order.lines[index]!.invoiceDiscount = share;
  });
  run.log(`  order ${order.no}: line ${line.lineNo} (invoiced ${line.invoiced} of ${line.quantity}) now at ${unitPrice}; invoice discounts ${order.lines.map((candidate) => candidate.invoiceDiscount.toFixed(2)).join(' / ')}`);
  return true;
}

const actions: Action[] = [
  { name: 'create order', weight: 3, run: createOrder },
  { name: 'create invoice', weight: 1.5, run: createInvoice },
  { name: 'set quantities', weight: 2.5, run: setQuantities },
  { name: 'post order', weight: 3.5, run: postOrder },
  { name: 'change price and invoice discount', weight: 1.5, run: changePriceAndInvoiceDiscount },
  { name: 'post invoice', weight: 2, run: postInvoice },
  { name: 'undo shipment', weight: 1.5, run: undoShipment },
  { name: 'return', weight: 2.5, run: createReturn },
  { name: 'invoice received return', weight: 1, run: invoiceReceivedReturn },
  { name: 'cancel', weight: 1.5, run: (run) => cancelOrCorrect(run, 'cancel') },
  { name: 'correct', weight: 0.7, run: (run) => cancelOrCorrect(run, 'correct') },
];

function pickAction(rng: Random, excluded: Set<string>): Action | undefined {
  const available = actions.filter((action) => !excluded.has(action.name));
  const total = available.reduce((sum, action) => sum + action.weight, 0);
  let point = rng.next() * total;
  for (const action of available) {
    point -= action.weight;
    if (point < 0) return action;
  }
  return available.at(-1);
}

// ------------------------------------------------------------------------------------------ test

describe('seeded model-based test of sales posting (DESIGN §7)', () => {
  let api: TestApi;

  beforeEach(async () => {
    api = await testApi();
    const admin = await givenPostingCompany(api);
    await givenCustomer(admin, 'D');
    await givenInventory(admin, '2026-01-01', Object.entries(openingStock).map(([itemNo, quantity]) => ({ itemNo, quantity: String(quantity), unitCost: itemNo === 'B' ? '30' : '55' })));
  });
  afterEach(async () => api.close());

  for (const seed of seeds) {
    it(`seed ${seed}, ${stepsPerSeed} steps: the books agree with the model after every step`, async () => {
      const run = new ModelRun(api, seededRandom(seed));
      const checker = new InvariantChecker(api.db, run.model);
      try {
        await checker.check();
        for (run.step = 1; run.step <= stepsPerSeed; run.step++) {
          const tried = new Set<string>();
          for (let action = pickAction(run.rng, tried); action; action = pickAction(run.rng, tried)) {
            if (await action.run(run)) break;
            tried.add(action.name);
          }
          run.log(`  stock ${[...run.model.stock].map(([itemNo, quantity]) => `${itemNo}=${quantity}`).join(' ')}`);
          await checker.check();
        }
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new Error(`model-based posting test failed — seed ${seed} at step ${run.step} (replay: MODEL_SEED=${seed} MODEL_STEPS=${run.step})\n`
          + `${run.steps.join('\n')}\n${message}`, { cause: error });
      }
      if (process.env.MODEL_VERBOSE) console.log(`seed ${seed}\n${run.steps.join('\n')}`);
      const unknown = run.deviations.filter((deviation) => !knownDeviations.has(deviation.kind));
      if (run.deviations.length > 0) {
        console.warn(`seed ${seed}: deviations from the spec\n${run.deviations.map((deviation) => `  step ${deviation.step} ${deviation.kind}: ${deviation.detail}`).join('\n')}`);
      }
      expect(unknown, `seed ${seed}: deviations from the spec not known yet\n${run.steps.join('\n')}`).toEqual([]);
    });
  }
});
