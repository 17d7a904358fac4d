/**
 * The in-memory model behind the seeded model-based posting test (DESIGN §7, STYLE "Tests"): what
 * the books must say after a sequence of sales document actions, and the invariants the database
 * must satisfy after every step. The model is written from the spec (§7.3–7.10, §17, §18), not from
 * the posting code; where the code makes a choice the spec leaves open (which shipment's item entry
 * an invoice line names), the model mirrors it and says so.
 *
 * Money is Decimal throughout; quantities are small whole numbers (plain integers are exact).
 * Each posting prorates an order line as it is then (§4.5): its price and its share of the header's
 * invoice discount may change between two invoices of the line.
 */
import { expect } from 'vitest';
import { type Decimal, dec, sum, ZERO } from '../../src/core/money/decimal.ts';
import { roundAmount } from '../../src/core/money/rounding.ts';
import type { Executor } from '../../src/server/db/connection.ts';
import {
  customerLedgerEntry, detailedCustomerLedgerEntry, glEntry, glRegister, itemApplicationEntry, itemLedgerEntry, postedSalesHeader, postedSalesLine,
  salesHeader, salesLine, valueEntry, vatEntry,
} from '../../src/server/db/schema/index.ts';

// ------------------------------------------------------------------------------------------ PRNG

/** mulberry32: a tiny seeded generator, so a seed replays the same steps anywhere. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(values: readonly T[]): T => values[int(0, values.length - 1)]!;
  const chance = (probability: number) => next() < probability;
  return { next, int, pick, chance };
}
export type Random = ReturnType<typeof seededRandom>;

// ----------------------------------------------------------------------------------------- model

export const itemNos = ['1000', 'A', 'B'] as const;
export const customerNos = ['C', 'D'] as const;
/** Multiples of 20 with discounts of 0/10/25 %: every share and 25 % VAT is exact to the cent. */
export const unitPrices = ['20', '40', '60', '100', '120'] as const;
export const discounts = ['0', '0', '10', '25'] as const;
export const vatPercent = dec('25');

export interface PriceFacts { type: 'item' | 'glAccount'; no: string; unitPrice: string; lineDiscountPercent: string }

/**
 * Line amount of a quantity of a line (§4.2, §4.5): round(quantity × price) less the line discount
 * on it. The prices make it exact, so the parts of a line add up to the whole.
 */
export function netAmount(line: PriceFacts, quantity: number): Decimal {
  const gross = roundAmount(dec(String(quantity)).times(dec(line.unitPrice)));
  return gross.minus(roundAmount(gross.times(dec(line.lineDiscountPercent)).div(100)));
}
/** VAT of one posting: all lines share one VAT identifier (25 %), rounded once on the posting's total (§4.3, §4.5). */
export const vatOf = (net: Decimal) => roundAmount(net.times(vatPercent).div(100));
/** §4.5: an invoice of `quantity` of a line takes round(Inv. Discount Amount × quantity / Quantity). */
export const invoiceDiscountOf = (line: { quantity: number; invoiceDiscount: Decimal }, quantity: number) =>
  roundAmount(line.invoiceDiscount.times(quantity).div(line.quantity));

/**
 * §10.4 step 5: a header invoice discount amount shared over the lines in proportion to their line
 * amounts (one VAT identifier, all positive), in line order, the remainder carried.
 */
export function shareInvoiceDiscount(amount: Decimal, lineAmounts: readonly Decimal[]): Decimal[] {
  const base = sum([...lineAmounts]);
  let cumulative = ZERO;
  let shared = ZERO;
  return lineAmounts.map((lineAmount) => {
    cumulative = cumulative.plus(lineAmount);
    const target = base.isZero() ? ZERO : roundAmount(amount.times(cumulative).div(base));
    const part = target.minus(shared);
    shared = target;
    return part;
  });
}

/** One posted shipment line (a "lot"): what it shipped, what is invoiced, undone, returned. */
export interface Lot {
  shipmentNo: string;
  lineNo: number;
  /** The line it shipped: item or G/L account, and its price. */
  price: PriceFacts;
  quantity: number;
  invoiced: number;
  undone: boolean;
  /** Item lots: how much came back by exact cost reversal (return, credit memo, cancel). */
  returned: number;
  /** Sales Amount (Expected) its item entry still carries: the shipment's share of the line, less what invoices took. */
  expected: Decimal;
  /** Order lots: the order line it came from (undo needs it). */
  order: { no: string; lineNo: number } | null;
}

export interface OrderLine extends PriceFacts {
  lineNo: number;
  quantity: number;
  shipped: number;
  invoiced: number;
  toShip: number;
  toInvoice: number;
  lots: Lot[];
  /** An invoice of this line was cancelled (§18.3 step 5 gave its quantities back). */
  invoiceCancelled?: boolean;
  /** Inv. Discount Amount: the line's share of the header's invoice discount, for its whole Quantity. */
  invoiceDiscount: Decimal;
}
export interface Order {
  no: string;
  customerNo: string;
  lines: OrderLine[];
  /** The invoice discount amount typed on the header (§10.4 step 5); 0 = none. */
  invoiceDiscountAmount: Decimal;
}

export interface InvoiceDocumentLine extends PriceFacts { lineNo: number; quantity: number }
export interface InvoiceDocument { no: string; customerNo: string; lines: InvoiceDocumentLine[] }

export interface PostedInvoiceLine extends PriceFacts {
  lineNo: number;
  quantity: number;
  /** Inv. Discount Amount the invoice took for this line (§4.5); 0 for lines of invoice documents. */
  invoiceDiscount: Decimal;
  /** Spec: the shipment lines this invoice line billed, and how much of each. */
  billed: Array<{ lot: Lot; quantity: number }>;
  /** Returned through this invoice line (Get Posted Document Lines to Reverse, cancel). */
  returnedViaLine: number;
  order: { no: string; lineNo: number } | null;
}
export interface PostedMoneyDocument {
  kind: 'invoice' | 'creditMemo';
  no: string;
  customerNo: string;
  net: Decimal;
  /** The part of `net` on item lines: what the value entries carry as Sales Amount (Actual). */
  itemNet: Decimal;
  /** VAT of this posting: 25 % of its net, rounded once. */
  vat: Decimal;
  total: Decimal;
  /** Signed as the customer ledger entry: invoices positive, credit memos negative. */
  remaining: Decimal;
}
export interface PostedInvoice extends PostedMoneyDocument {
  kind: 'invoice';
  lines: PostedInvoiceLine[];
  fromOrder: string | null;
  cancelled: boolean;
}

export interface ReturnLine extends PriceFacts {
  lineNo: number;
  quantity: number;
  source: { invoiceNo: string; lineNo: number };
  /** The sale lots the quantity comes back to (one return line each), fixed when the lines are fetched. */
  parts: ReturnPart[];
}
export interface ReturnPart { lot: Lot | null; quantity: number }
export interface ReturnDocument {
  kind: 'creditMemo' | 'returnOrder';
  no: string;
  customerNo: string;
  appliesToInvoiceNo: string | null;
  lines: ReturnLine[];
  received: boolean;
}

export class PostingModel {
  readonly stock = new Map<string, number>();
  readonly orders = new Map<string, Order>();
  readonly invoices = new Map<string, InvoiceDocument>();
  readonly returns = new Map<string, ReturnDocument>();
  readonly posted = new Map<string, PostedInvoice | PostedMoneyDocument>();
  readonly lots: Lot[] = [];

  constructor(openingStock: Record<string, number>) {
    for (const itemNo of itemNos) this.stock.set(itemNo, openingStock[itemNo] ?? 0);
  }

  balance(customerNo: string): Decimal {
    return sum([...this.posted.values()].filter((document) => document.customerNo === customerNo)
      .map((document) => (document.kind === 'invoice' ? document.total : document.total.negated())));
  }
  /** Net sales of everything posted: invoices less credit memos. */
  netSales(): Decimal {
    return sum([...this.posted.values()].map((document) => (document.kind === 'invoice' ? document.net : document.net.negated())));
  }
  /** Sales VAT of everything posted, each posting's VAT rounded on its own total. */
  salesVat(): Decimal {
    return sum([...this.posted.values()].map((document) => (document.kind === 'invoice' ? document.vat : document.vat.negated())));
  }
  /** Σ Sales Amount (Actual) of the value entries: item lines invoiced less item lines credited. */
  itemSalesActual(): Decimal {
    return sum([...this.posted.values()].map((document) => (document.kind === 'invoice' ? document.itemNet : document.itemNet.negated())));
  }
  /** Σ Sales Amount (Expected): item shipments not yet invoiced (and not undone), less returns received not yet credited. */
  itemSalesExpected(): Decimal {
    const shipped = this.lots.filter((lot) => lot.price.type === 'item' && !lot.undone).map((lot) => lot.expected);
    const received = [...this.returns.values()].filter((document) => document.received)
      .flatMap((document) => document.lines.filter((line) => line.type === 'item').map((line) => netAmount(line, line.quantity)));
    return sum(shipped).minus(sum(received));
  }
  postedInvoices(): PostedInvoice[] {
    return [...this.posted.values()].filter((document): document is PostedInvoice => document.kind === 'invoice');
  }
  moveStock(itemNo: string, change: number) {
    this.stock.set(itemNo, this.stock.get(itemNo)! + change);
  }
  newLot(lot: Omit<Lot, 'invoiced' | 'undone' | 'returned' | 'expected'>, expected: Decimal = ZERO): Lot {
    const created: Lot = { ...lot, invoiced: 0, undone: false, returned: 0, expected };
    this.lots.push(created);
    return created;
  }

  /**
   * What may still be returned through an invoice line, as the spec reads (§17.4): its quantity less
   * what came back through it, and no more than its shipments still have out.
   */
  specReversible(line: PostedInvoiceLine): number {
    if (line.type !== 'item') return line.quantity;
    const out = line.billed.reduce((total, bill) => total + bill.lot.quantity - bill.lot.returned, 0);
    return Math.max(0, Math.min(line.quantity - line.returnedViaLine, out));
  }

  /** Spec §18.2 item 7: cancel is refused once any of the invoice's shipped quantity came back. */
  invoiceGoodsReturned(invoice: PostedInvoice): boolean {
    return invoice.lines.some((line) => line.type === 'item' && line.billed.some((bill) => bill.lot.returned > 0));
  }

  /**
   * How a return of `quantity` through an invoice line is spread over the shipments the line billed:
   * oldest lot first, each taking no more than the line billed of it and the lot still has out
   * (posted-lines.commands.ts splitOverEntries). What no lot can take comes back without a link.
   */
  returnSplit(line: PostedInvoiceLine, quantity: number): ReturnPart[] {
    if (line.type !== 'item') return [{ lot: null, quantity }];
    const parts: ReturnPart[] = [];
    let rest = quantity;
    for (const bill of [...line.billed].sort((a, b) => this.lots.indexOf(a.lot) - this.lots.indexOf(b.lot))) {
      const take = Math.min(rest, bill.quantity, bill.lot.quantity - bill.lot.returned);
      if (take > 0) parts.push({ lot: bill.lot, quantity: take });
      rest -= take;
    }
    if (rest > 0) parts.push({ lot: null, quantity: rest });
    return parts;
  }

  /**
   * An invoice bills `quantity` of a lot shipped earlier: its item entry's Sales Amount (Expected)
   * goes down by that share of what is still expected (§7.6, reversal of the expected amounts).
   */
  bill(lot: Lot, quantity: number) {
    lot.expected = lot.expected.minus(roundAmount(lot.expected.times(quantity).div(lot.quantity - lot.invoiced)));
    lot.invoiced += quantity;
  }

  /** A return through an invoice line, in the parts fixed for it (or split now). */
  recordReturn(line: PostedInvoiceLine, quantity: number, parts: ReturnPart[] = this.returnSplit(line, quantity)) {
    line.returnedViaLine += quantity;
    if (line.type !== 'item') return;
    this.moveStock(line.no, quantity);
    for (const part of parts) if (part.lot) part.lot.returned += part.quantity;
  }

  /** Applies a new credit memo entry to an invoice entry: min of both remaining amounts (spec §20.3). */
  apply(creditMemo: PostedMoneyDocument, invoice: PostedMoneyDocument) {
    const amount = creditMemo.remaining.abs().lessThan(invoice.remaining.abs()) ? creditMemo.remaining.abs() : invoice.remaining.abs();
    invoice.remaining = invoice.remaining.minus(amount);
    creditMemo.remaining = creditMemo.remaining.plus(amount);
  }
}

/** Qty. to Ship and Qty. to Invoice re-defaulted after a posting (spec §4.1, Default Qty. to Ship = Remainder). */
export function redefault(line: OrderLine) {
  line.toShip = line.quantity - line.shipped;
  line.toInvoice = line.quantity - line.invoiced;
}

// ------------------------------------------------------------------------------------ invariants

const d = (value: string | null | undefined) => dec(value ?? '0');
const key = (...parts: unknown[]) => parts.join('|');

/**
 * Rows that may never change once written: whole rows of the append-only tables, and the
 * non-derived columns of those with documented derived columns (schema ledgers.ts, posted-documents.ts).
 */
async function immutableRows(db: Executor): Promise<Map<string, string>> {
  const rows = new Map<string, string>();
  const add = (table: string, id: string, row: Record<string, unknown>, derived: readonly string[] = []) => {
    const kept = Object.fromEntries(Object.entries(row).filter(([column]) => !derived.includes(column)));
    rows.set(`${table}#${id}`, JSON.stringify(kept));
  };
  for (const row of await db.select().from(postedSalesHeader)) add('posted_sales_header', key(row.documentType, row.no), row);
  for (const row of await db.select().from(postedSalesLine)) {
    add('posted_sales_line', key(row.documentType, row.documentNo, row.lineNo), row, ['quantityInvoiced', 'quantityNotInvoiced', 'correction']);
  }
  for (const row of await db.select().from(glRegister)) add('gl_register', String(row.no), row);
  for (const row of await db.select().from(glEntry)) add('gl_entry', String(row.entryNo), row);
  for (const row of await db.select().from(vatEntry)) add('vat_entry', String(row.entryNo), row);
  for (const row of await db.select().from(valueEntry)) add('value_entry', String(row.entryNo), row);
  for (const row of await db.select().from(itemApplicationEntry)) add('item_application_entry', String(row.entryNo), row);
  for (const row of await db.select().from(detailedCustomerLedgerEntry)) add('detailed_customer_ledger_entry', String(row.entryNo), row);
  for (const row of await db.select().from(itemLedgerEntry)) {
    add('item_ledger_entry', String(row.entryNo), row, ['remainingQuantity', 'invoicedQuantity', 'open', 'completelyInvoiced', 'shippedQuantityNotReturned']);
  }
  for (const row of await db.select().from(customerLedgerEntry)) {
    add('customer_ledger_entry', String(row.entryNo), row, [
      'remainingAmount', 'remainingAmountLcy', 'open', 'closedByEntryNo', 'closedAtDate', 'closedByAmount', 'remainingPaymentDiscountPossible',
    ]);
  }
  return rows;
}

/** Carries the snapshot of immutable rows from one step to the next. */
export class InvariantChecker {
  private snapshot = new Map<string, string>();

  constructor(private readonly db: Executor, private readonly model: PostingModel) {}

  async check(): Promise<void> {
    await this.checkImmutable();
    await this.checkGeneralLedger();
    await this.checkCustomers();
    await this.checkItems();
    await this.checkDocuments();
  }

  /** Posted rows unchanged: every row seen before is still there, byte for byte; only new rows appear. */
  private async checkImmutable() {
    const now = await immutableRows(this.db);
    const changed = [...this.snapshot].filter(([id, row]) => now.get(id) !== row).map(([id, row]) => `${id}\n  before ${row}\n  after  ${now.get(id) ?? '(gone)'}`);
    expect(changed, 'posted rows changed or disappeared').toEqual([]);
    this.snapshot = now;
  }

  private async checkGeneralLedger() {
    const entries = await this.db.select().from(glEntry);
    const byTransaction = new Map<number, Decimal>();
    for (const entry of entries) {
      byTransaction.set(entry.transactionNo, (byTransaction.get(entry.transactionNo) ?? ZERO).plus(d(entry.amount)));
      expect(d(entry.debitAmount).minus(d(entry.creditAmount)).equals(d(entry.amount)), `G/L entry ${entry.entryNo}: debit − credit = amount`).toBe(true);
    }
    const unbalanced = [...byTransaction].filter(([, total]) => !total.isZero()).map(([transactionNo, total]) => `transaction ${transactionNo}: ${total.toFixed(2)}`);
    expect(unbalanced, 'every G/L transaction balances').toEqual([]);

    const balanceOf = (...accounts: string[]) => sum(entries.filter((entry) => accounts.includes(entry.glAccountNo)).map((entry) => d(entry.amount)));
    const values = await this.db.select().from(valueEntry);
    const costActual = sum(values.map((value) => d(value.costAmountActual)));
    expect(sum(values.map((value) => d(value.salesAmountActual))).toFixed(2), 'Σ value entries Sales Amount (Actual) = item sales invoiced − credited (model)')
      .toBe(this.model.itemSalesActual().toFixed(2));
    expect(sum(values.map((value) => d(value.salesAmountExpected))).toFixed(2), 'Σ value entries Sales Amount (Expected) = shipped not invoiced − received not credited (model)')
      .toBe(this.model.itemSalesExpected().toFixed(2));
    expect(balanceOf('3000').toFixed(2), 'G/L inventory (3000) = Σ value entries Cost Amount (Actual)').toBe(costActual.toFixed(2));
    expect(balanceOf('3010', '7010').toFixed(2), 'no interim postings: Expected Cost Posting to G/L is off').toBe('0.00');
    const customerEntries = await this.db.select().from(customerLedgerEntry);
    expect(balanceOf('1300').toFixed(2), 'G/L receivables (1300) = Σ customer ledger entry amounts').toBe(sum(customerEntries.map((entry) => d(entry.amountLcy))).toFixed(2));
    const expectedNet = this.model.netSales();
    expect(balanceOf('8000', '8100', '6100').negated().toFixed(2), 'net sales on 8000/8100/6100 = model').toBe(expectedNet.toFixed(2));
    const vats = await this.db.select().from(vatEntry);
    expect(balanceOf('2310').toFixed(2), 'G/L sales VAT (2310) = Σ VAT entries').toBe(sum(vats.map((entry) => d(entry.amount))).toFixed(2));
    expect(balanceOf('2310').negated().toFixed(2), 'sales VAT = Σ VAT of each posting (model)').toBe(this.model.salesVat().toFixed(2));
  }

  private async checkCustomers() {
    const entries = await this.db.select().from(customerLedgerEntry);
    const details = await this.db.select().from(detailedCustomerLedgerEntry);
    const detailSum = new Map<number, Decimal>();
    for (const detail of details) detailSum.set(detail.customerLedgerEntryNo, (detailSum.get(detail.customerLedgerEntryNo) ?? ZERO).plus(d(detail.amount)));
    for (const entry of entries) {
      const label = `customer ledger entry ${entry.entryNo} (${entry.documentType} ${entry.documentNo})`;
      expect(d(entry.remainingAmount).toFixed(2), `${label}: remaining = Σ detailed entries`).toBe((detailSum.get(entry.entryNo) ?? ZERO).toFixed(2));
      expect(entry.open, `${label}: open ⇔ remaining ≠ 0`).toBe(!d(entry.remainingAmount).isZero());
      const document = this.model.posted.get(key(entry.documentType, entry.documentNo));
      expect(document, `${label}: a document the model posted`).toBeDefined();
      const signed = document!.kind === 'invoice' ? document!.total : document!.total.negated();
      expect(d(entry.amount).toFixed(2), `${label}: amount`).toBe(signed.toFixed(2));
      expect(d(entry.remainingAmount).toFixed(2), `${label}: remaining amount`).toBe(document!.remaining.toFixed(2));
      expect(entry.customerNo, `${label}: customer`).toBe(document!.customerNo);
    }
    expect(entries.length, 'one customer ledger entry per posted invoice and credit memo').toBe(this.model.posted.size);
    for (const customerNo of customerNos) {
      const remaining = sum(entries.filter((entry) => entry.customerNo === customerNo).map((entry) => d(entry.remainingAmount)));
      const detailed = sum(details.filter((detail) => detail.customerNo === customerNo).map((detail) => d(detail.amount)));
      expect(remaining.toFixed(2), `customer ${customerNo}: Σ remaining = Σ detailed entries`).toBe(detailed.toFixed(2));
      expect(remaining.toFixed(2), `customer ${customerNo}: balance = Σ invoices − Σ credit memos (model)`).toBe(this.model.balance(customerNo).toFixed(2));
    }
  }

  private async checkItems() {
    const entries = await this.db.select().from(itemLedgerEntry);
    const values = await this.db.select().from(valueEntry);
    const invoicedOf = new Map<number, Decimal>();
    for (const value of values) invoicedOf.set(value.itemLedgerEntryNo, (invoicedOf.get(value.itemLedgerEntryNo) ?? ZERO).plus(d(value.invoicedQuantity)));
    for (const itemNo of itemNos) {
      const of = entries.filter((entry) => entry.itemNo === itemNo);
      const inventory = sum(of.map((entry) => d(entry.quantity)));
      expect(inventory.toString(), `item ${itemNo}: inventory = model (opening − shipped + returned + undone)`).toBe(String(this.model.stock.get(itemNo)));
      expect(sum(of.map((entry) => d(entry.remainingQuantity))).toString(), `item ${itemNo}: Σ remaining quantity = inventory`).toBe(inventory.toString());
      const openInbound = of.filter((entry) => entry.open && entry.positive);
      const openOutbound = of.filter((entry) => entry.open && !entry.positive);
      expect(openInbound.length > 0 && openOutbound.length > 0, `item ${itemNo}: no open inbound while a shortage is open`).toBe(false);
      if (!inventory.isNegative()) {
        expect(sum(openInbound.map((entry) => d(entry.remainingQuantity))).toString(), `item ${itemNo}: Σ open inbound remaining = inventory`).toBe(inventory.toString());
      }
      for (const entry of of) {
        const label = `item ledger entry ${entry.entryNo}`;
        const quantity = d(entry.quantity);
        const within = (value: Decimal) => (quantity.isNegative() ? value.lte(0) && value.gte(quantity) : value.gte(0) && value.lte(quantity));
        expect(within(d(entry.remainingQuantity)), `${label}: remaining ${entry.remainingQuantity} within 0..${entry.quantity}`).toBe(true);
        expect(within(d(entry.invoicedQuantity)), `${label}: invoiced ${entry.invoicedQuantity} within 0..${entry.quantity}`).toBe(true);
        expect(entry.open, `${label}: open ⇔ remaining ≠ 0`).toBe(!d(entry.remainingQuantity).isZero());
        expect(d(entry.invoicedQuantity).toString(), `${label}: invoiced quantity = Σ its value entries`).toBe((invoicedOf.get(entry.entryNo) ?? ZERO).toString());
        expect(entry.completelyInvoiced, `${label}: completely invoiced ⇔ invoiced = quantity`).toBe(d(entry.invoicedQuantity).equals(quantity));
        if (entry.entryType === 'sale' && quantity.isNegative()) {
          expect(within(d(entry.shippedQuantityNotReturned)), `${label}: shipped not returned ${entry.shippedQuantityNotReturned} within 0..${entry.quantity}`).toBe(true);
        }
      }
    }
  }

  /** Unposted documents and posted documents against the model. */
  private async checkDocuments() {
    const headers = await this.db.select().from(salesHeader);
    const lines = await this.db.select().from(salesLine);
    const numbers = (type: string) => headers.filter((header) => header.documentType === type).map((header) => header.no).sort();
    expect(numbers('order'), 'open orders').toEqual([...this.model.orders.keys()].sort());
    expect(numbers('invoice'), 'open invoices').toEqual([...this.model.invoices.keys()].sort());
    expect([...numbers('creditMemo'), ...numbers('returnOrder')].sort(), 'open credit memos and return orders').toEqual([...this.model.returns.keys()].sort());
    for (const order of this.model.orders.values()) {
      for (const line of order.lines) {
        const row = lines.find((candidate) => candidate.documentType === 'order' && candidate.documentNo === order.no && candidate.lineNo === line.lineNo);
        const label = `order ${order.no} line ${line.lineNo}`;
        expect(row, label).toBeDefined();
        const actual = {
          quantity: d(row!.quantity).toNumber(), shipped: d(row!.quantityShipped).toNumber(), invoiced: d(row!.quantityInvoiced).toNumber(),
          toShip: d(row!.quantityToShip).toNumber(), toInvoice: d(row!.quantityToInvoice).toNumber(),
        };
        expect(actual, `${label}: quantities`).toEqual({ quantity: line.quantity, shipped: line.shipped, invoiced: line.invoiced, toShip: line.toShip, toInvoice: line.toInvoice });
        expect(actual.invoiced <= actual.shipped && actual.shipped <= actual.quantity, `${label}: invoiced ≤ shipped ≤ quantity`).toBe(true);
      }
    }
    const postedHeaders = await this.db.select().from(postedSalesHeader);
    for (const document of this.model.posted.values()) {
      const row = postedHeaders.find((header) => header.documentType === document.kind && header.no === document.no);
      expect(row, `posted ${document.kind} ${document.no}`).toBeDefined();
      expect({ amount: d(row!.amount).toFixed(2), amountIncludingVat: d(row!.amountIncludingVat).toFixed(2) }, `posted ${document.kind} ${document.no}: totals`)
        .toEqual({ amount: document.net.toFixed(2), amountIncludingVat: document.total.toFixed(2) });
    }
    const shipmentLines = (await this.db.select().from(postedSalesLine)).filter((line) => line.documentType === 'shipment');
    for (const lot of this.model.lots) {
      const row = shipmentLines.find((line) => line.documentNo === lot.shipmentNo && line.lineNo === lot.lineNo);
      const label = `shipment ${lot.shipmentNo} line ${lot.lineNo}`;
      expect(row, label).toBeDefined();
      expect({ quantity: d(row!.quantity).toNumber(), invoiced: d(row!.quantityInvoiced).toNumber(), notInvoiced: d(row!.quantityNotInvoiced).toNumber(), correction: row!.correction }, label)
        .toEqual({ quantity: lot.quantity, invoiced: lot.invoiced, notInvoiced: lot.undone ? 0 : lot.quantity - lot.invoiced, correction: lot.undone });
    }
  }
}

export const documentKey = key;
