/**
 * The in-memory model behind the seeded model-based posting test (DESIGN §7, STYLE "Tests"): what
 * the books must say after a sequence of sales document actions and customer payments. The model is
 * written from the spec (§4, §7.3–7.10, §10.4, §17, §18, §20.3), not from the posting code; where the code makes a choice the spec
 * leaves open (which shipment's item entry an invoice line names), the model mirrors it and says so.
 * Its money is in posting-model-amounts.ts, the checks against the database in
 * posting-model-invariants.ts and posting-model-receivables.ts, the payment steps in
 * posting-model-payments.ts, the purchase side in posting-model-purchases.ts (its steps in
 * posting-model-purchase-steps.ts, its checks in posting-model-payables.ts), the orders' prepayments
 * (issue 16) in posting-model-prepayments.ts (its steps in posting-model-prepayment-steps.ts), one
 * run's API and log in posting-model-run.ts, the company in given-model-company.ts.
 *
 * Money is Decimal; quantities are whole thousandths (posting-model-amounts.ts), so 0.5, 1.25 and
 * 2.333 add up exactly. Each posting prorates an order line as it is then (§4.5): its price and its
 * share of the header's invoice discount may change between two invoices of the line.
 */
import { Decimal, sum, ZERO } from '../../src/core/money/decimal.ts';
import { roundAmount } from '../../src/core/money/rounding.ts';
import { type CustomerFacts, modelCustomers, openingStock, type PaymentAccount } from './given-model-company.ts';
import {
  netAmount, type PostingAmounts, postingAmounts, type PostingPart, type PriceFacts, type Quantity, quantityOf, toLcy, UNIT,
} from './posting-model-amounts.ts';
import { PurchaseModel } from './posting-model-purchases.ts';

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

/** A quantity up to `max` (thousandths): all of it, none, whole units, half, or any thousandth. */
export function pickPart(rng: Random, max: Quantity): Quantity {
  if (max <= 0) return 0;
  switch (rng.int(0, 4)) {
    case 0: return max;
    case 1: return 0;
    case 2: return Math.min(max, UNIT * rng.int(1, Math.max(1, Math.floor(max / UNIT))));
    case 3: return Math.round(max / 2);
    default: return rng.int(0, max);
  }
}

// ----------------------------------------------------------------------------------------- model

export const itemNos = ['1000', 'A', 'B'] as const;
export const customerNos = modelCustomers.map((customer) => customer.no);
export const customerFacts = (no: string): CustomerFacts => modelCustomers.find((customer) => customer.no === no)!;
/** Unit prices with three to five decimals and line discounts that round: no share comes out even. */
export const unitPrices = ['19.995', '41.3333', '57.12345', '8.125', '99.999', '123.4567'] as const;
export const discounts = ['0', '0', '10', '12.5', '33.333'] as const;
/** Line quantities: whole, halves, quarters and thirds of a unit (in thousandths). */
export const lineQuantities: readonly Quantity[] = [500, 1000, 1250, 2000, 2333, 3000, 3750, 4500];

/** §4.5: an invoice of `quantity` of a line takes round(Inv. Discount Amount × quantity / Quantity). */
export const invoiceDiscountOf = (line: { quantity: Quantity; invoiceDiscount: Decimal }, quantity: Quantity) =>
  roundAmount(line.invoiceDiscount.times(quantity).div(line.quantity));

/** One posted shipment line (a "lot"): what it shipped, what is invoiced, undone, returned. */
export interface Lot {
  shipmentNo: string;
  lineNo: number;
  /** The line it shipped: item or G/L account, and its price. */
  price: PriceFacts;
  quantity: Quantity;
  invoiced: Quantity;
  undone: boolean;
  /** Item lots: how much came back by exact cost reversal (return, credit memo, cancel). */
  returned: Quantity;
  /** Sales Amount (Expected) in LCY its item entry still carries: the shipment's share of the line, less what invoices took. */
  expected: Decimal;
  /** Order lots: the order line it came from (undo needs it). */
  order: { no: string; lineNo: number } | null;
}

/**
 * An order line's prepayment (spec §26.3), in document currency excl. VAT (only LCY orders carry one
 * here, prices excl. VAT): what it requires, what is invoiced as prepayment (net of credit memos) and
 * deducted by invoices, each with its VAT, and the invoiced prepayment incl. VAT not reduced by deductions.
 */
export interface LinePrepayment {
  percent: Decimal;
  /** Prepmt. Line Amount. */
  required: Decimal;
  /** Prepmt. Amt. Inv. and Prepmt. VAT Amount Inv. */
  invoiced: Decimal;
  vatInvoiced: Decimal;
  /** Prepmt. Amount Inv. Incl. VAT. */
  invoicedIncludingVat: Decimal;
  /** Prepmt Amt Deducted and Prepmt VAT Amt Deducted. */
  deducted: Decimal;
  vatDeducted: Decimal;
}
export const noPrepayment = (): LinePrepayment => ({
  percent: ZERO, required: ZERO, invoiced: ZERO, vatInvoiced: ZERO, invoicedIncludingVat: ZERO, deducted: ZERO, vatDeducted: ZERO,
});

export interface OrderLine extends PriceFacts {
  lineNo: number;
  quantity: Quantity;
  shipped: Quantity;
  invoiced: Quantity;
  toShip: Quantity;
  toInvoice: Quantity;
  lots: Lot[];
  /** Inv. Discount Amount: the line's share of the header's invoice discount, for its whole Quantity. */
  invoiceDiscount: Decimal;
  prepayment: LinePrepayment;
}
/** An open order or invoice; `discountPercent` when its invoice discount is a % from Calculate Invoice Discount. */
export interface OpenDocument<L> { no: string; customerNo: string; lines: L[]; discountPercent: Decimal | null }
/** Spec §3, §26.6: Open, Released (by posting or the Update Pending Prepayment batch), Pending Prepayment (after a prepayment document). */
export type OrderStatus = 'open' | 'released' | 'pendingPrepayment';
export interface Order extends OpenDocument<OrderLine> { status: OrderStatus }

export interface InvoiceDocumentLine extends PriceFacts { lineNo: number; quantity: Quantity; invoiceDiscount: Decimal }
export type InvoiceDocument = OpenDocument<InvoiceDocumentLine>;

export interface PostedInvoiceLine extends PriceFacts {
  lineNo: number;
  quantity: Quantity;
  /** Inv. Discount Amount the invoice took for this line (§4.5). */
  invoiceDiscount: Decimal;
  /** Spec: the shipment lines this invoice line billed, and how much of each. */
  billed: Array<{ lot: Lot; quantity: Quantity }>;
  /** Returned through this invoice line (Get Posted Document Lines to Reverse, cancel). */
  returnedViaLine: Quantity;
  order: { no: string; lineNo: number } | null;
}
export interface PostedMoneyDocument {
  kind: 'invoice' | 'creditMemo';
  no: string;
  customerNo: string;
  /** In document currency and LCY, per line where the model knows its lines (not for corrective credit memos). */
  amounts: PostingAmounts;
  linesKnown: boolean;
  /** In document currency, signed as the customer ledger entry: invoices positive, credit memos negative. */
  remaining: Decimal;
  /** A prepayment invoice or credit memo: its order (spec §26.4–26.5). */
  prepaymentOrderNo?: string;
}
/** What an order's invoice deducted of each order line's prepayment (spec §26.7.2): cancelling it puts that back (§26.9.2). */
export interface Deduction { orderNo: string; lineNo: number; amount: Decimal; vat: Decimal }
export interface PostedInvoice extends PostedMoneyDocument {
  kind: 'invoice';
  lines: PostedInvoiceLine[];
  fromOrder: string | null;
  cancelled: boolean;
  /** The invoice's deduction line (Line No. and the deductions it sums), if it deducted prepayment. */
  deduction?: { lineNo: number; of: Deduction[] };
}

/**
 * A customer payment posted through the general journal (spec §20.2 item 1), in the customer's
 * currency at its exchange rate; signed as its customer ledger entry: amounts and remaining ≤ 0.
 */
export interface PostedPayment {
  kind: 'payment';
  no: string;
  customerNo: string;
  amount: Decimal;
  amountLcy: Decimal;
  /** Where the money went: bank account GIRO or the cash G/L account. */
  account: PaymentAccount;
  remaining: Decimal;
}
/** Any customer ledger entry the model follows: invoice and payment or credit memo, with its remaining amount. */
export type ModelEntry = PostedMoneyDocument | PostedPayment;

/**
 * One application (spec §20.3): the applying entry against each applied entry in turn, each pair
 * taking the smaller of the two remaining amounts off both. Unapply (§20.3) gives it all back.
 */
export interface Application {
  pairs: Array<{ applying: ModelEntry; applied: ModelEntry; amount: Decimal }>;
  live: boolean;
}
/** The entry's own direction: an invoice's remaining amount is ≥ 0, a credit memo's and a payment's ≤ 0. */
const entrySign = (entry: ModelEntry) => (entry.kind === 'invoice' ? 1 : -1);

/** A line of a return document per sale entry the quantity comes back to (exact cost per shipment). */
export interface ReturnPart { lot: Lot | null; quantity: Quantity; lineNo: number }
/** What was picked from one posted invoice line, and the document lines it became. */
export interface ReturnLine extends PriceFacts {
  quantity: Quantity;
  source: { invoiceNo: string; lineNo: number };
  parts: ReturnPart[];
}
export interface ReturnDocument {
  kind: 'creditMemo' | 'returnOrder';
  no: string;
  customerNo: string;
  appliesToInvoiceNo: string | null;
  lines: ReturnLine[];
  received: boolean;
}

/**
 * `quantity` of a line in one posting, with its invoice discount; `of` is the line's Quantity when this
 * is only part of it. A line whose amounts are given (a prepayment line, §26) carries `net` and `fixedVat`.
 */
export interface PostedPart { line: PriceFacts; lineNo: number; quantity: Quantity; invoiceDiscount?: Decimal; of?: Quantity; net?: Decimal; fixedVat?: Decimal }
/** What one posting of a customer's lines comes to (§4.3–4.6): `quantity` of each, less its invoice discount. */
export function postingOf(customerNo: string, parts: readonly PostedPart[]): PostingAmounts {
  return postingAmounts(parts.map((part): PostingPart => ({
    lineNo: part.lineNo, type: part.line.type, no: part.line.no,
    net: part.net ?? netAmount(part.line, part.quantity, part.of).minus(part.invoiceDiscount ?? ZERO),
    ...(part.fixedVat ? { fixedVat: part.fixedVat } : {}),
  })), customerFacts(customerNo).factor);
}

const signed = (document: PostedMoneyDocument, value: Decimal) => (document.kind === 'invoice' ? value : value.negated());

export class PostingModel {
  readonly stock = new Map<string, Quantity>();
  readonly orders = new Map<string, Order>();
  readonly invoices = new Map<string, InvoiceDocument>();
  readonly returns = new Map<string, ReturnDocument>();
  readonly posted = new Map<string, PostedInvoice | PostedMoneyDocument>();
  readonly lots: Lot[] = [];
  readonly payments = new Map<string, PostedPayment>();
  readonly applications: Application[] = [];
  /** Purchase orders, receipts and purchase invoices (issue 14); their receipts add to `stock`. */
  readonly purchases = new PurchaseModel();
  /**
   * LCY excl. VAT on the Sales Prepayments Account (spec §26), from the documents: prepayment invoices
   * less prepayment credit memos less deductions, plus what corrective credit memos put back.
   */
  prepaymentHeld = ZERO;
  /** The part of it no open order line accounts for: put back by cancelling an invoice of an order since deleted (or left by a deviation). */
  prepaymentUnattributed = ZERO;
  /** Sales & Receivables Setup: Check Prepmt. when Posting (spec §26.6). */
  checkPrepaymentWhenPosting = false;

  constructor() {
    for (const itemNo of itemNos) this.stock.set(itemNo, quantityOf(openingStock[itemNo]));
  }

  private total(pick: (document: PostedMoneyDocument) => Decimal, of: (document: PostedMoneyDocument) => boolean = () => true): Decimal {
    return sum([...this.posted.values()].filter(of).map((document) => signed(document, pick(document))));
  }
  /** In the customer's currency: Σ invoices − Σ credit memos − Σ payments. */
  balance(customerNo: string): Decimal {
    const paid = sum([...this.payments.values()].filter((payment) => payment.customerNo === customerNo).map((payment) => payment.amount));
    return this.total((document) => document.amounts.total, (document) => document.customerNo === customerNo).plus(paid);
  }
  /** LCY: what the receivables account must hold. Payments are applied at the rate they were invoiced at, so no gain or loss. */
  receivablesLcy(): Decimal {
    return this.total((document) => document.amounts.totalLcy).plus(sum([...this.payments.values()].map((payment) => payment.amountLcy)));
  }
  /** LCY received through one payment account: what its G/L account must hold. */
  receivedLcy(account: PaymentAccount): Decimal {
    return sum([...this.payments.values()].filter((payment) => payment.account === account).map((payment) => payment.amountLcy)).negated();
  }
  /** The entry of a posted document or payment, by the customer ledger entry's Document Type and No. */
  entryOf(documentType: string, documentNo: string): ModelEntry | undefined {
    return documentType === 'payment' ? this.payments.get(documentNo) : this.posted.get(documentKey(documentType, documentNo));
  }
  /** LCY net sales of everything posted: invoices less credit memos, without what went to the Sales Prepayments Account. */
  netSalesLcy(): Decimal {
    return this.total((document) => document.amounts.netLcy.minus(document.amounts.prepaymentNetLcy));
  }
  /** LCY VAT base and VAT of one identifier, as the VAT entries carry them (sales negative). */
  vatLcy(identifier: string): { base: Decimal; amount: Decimal } {
    const of = (field: 'base' | 'amount') => this.total((document) => document.amounts.vatByIdentifier.get(identifier)?.[field] ?? ZERO).negated();
    return { base: of('base'), amount: of('amount') };
  }
  /** Σ Sales Amount (Actual) of the value entries: item lines invoiced less item lines credited, LCY. */
  itemSalesActual(): Decimal {
    return this.total((document) => document.amounts.itemNetLcy);
  }
  /** Σ Sales Amount (Expected): item shipments not yet invoiced (and not undone), less returns received not yet credited (LCY). */
  itemSalesExpected(): Decimal {
    const shipped = this.lots.filter((lot) => lot.price.type === 'item' && !lot.undone).map((lot) => lot.expected);
    const received = [...this.returns.values()].filter((document) => document.received).flatMap((document) => {
      const { factor } = customerFacts(document.customerNo);
      return document.lines.filter((line) => line.type === 'item').flatMap((line) => line.parts.map((part) => toLcy(netAmount(line, part.quantity), factor)));
    });
    return sum(shipped).minus(sum(received));
  }
  postedInvoices(): PostedInvoice[] {
    return [...this.posted.values()].filter((document): document is PostedInvoice => document.kind === 'invoice');
  }
  moveStock(itemNo: string, change: Quantity) {
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
  specReversible(line: PostedInvoiceLine): Quantity {
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
  returnSplit(line: PostedInvoiceLine, quantity: Quantity): Array<Omit<ReturnPart, 'lineNo'>> {
    if (line.type !== 'item') return [{ lot: null, quantity }];
    const parts: Array<Omit<ReturnPart, 'lineNo'>> = [];
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
  bill(lot: Lot, quantity: Quantity) {
    lot.expected = lot.expected.minus(roundAmount(lot.expected.times(quantity).div(lot.quantity - lot.invoiced)));
    lot.invoiced += quantity;
  }

  /** A return through an invoice line, in the parts fixed for it (or split now). */
  recordReturn(line: PostedInvoiceLine, quantity: Quantity, parts: ReadonlyArray<Omit<ReturnPart, 'lineNo'>> = this.returnSplit(line, quantity)) {
    line.returnedViaLine += quantity;
    if (line.type !== 'item') return;
    this.moveStock(line.no, quantity);
    for (const part of parts) if (part.lot) part.lot.returned += part.quantity;
  }

  /** Applies a new credit memo entry to an invoice entry (spec §20.3). */
  apply(creditMemo: PostedMoneyDocument, invoice: PostedMoneyDocument) {
    this.applyEntries(creditMemo, [invoice]);
  }

  /**
   * Spec §20.3: the applied entries in order, each for min(|remaining of the applying entry|,
   * |remaining of the applied entry|); an entry the applying one no longer reaches is left out.
   */
  applyEntries(applying: ModelEntry, applied: readonly ModelEntry[]): Application {
    const application: Application = { pairs: [], live: true };
    for (const entry of applied) {
      const amount = Decimal.min(applying.remaining.abs(), entry.remaining.abs());
      if (amount.isZero()) continue;
      applying.remaining = applying.remaining.minus(amount.times(entrySign(applying)));
      entry.remaining = entry.remaining.minus(amount.times(entrySign(entry)));
      application.pairs.push({ applying, applied: entry, amount });
    }
    this.applications.push(application);
    return application;
  }

  private touches = (application: Application, entry: ModelEntry) => application.pairs.some((pair) => pair.applying === entry || pair.applied === entry);

  /**
   * Spec §20.3, Unapply: the entry's latest application, unless a later one applies any entry it
   * touched (that one must be unapplied first).
   */
  unapplyOutcome(entry: ModelEntry): Application | 'NOTHING_TO_UNAPPLY' | 'APPLICATION_NOT_LATEST' {
    const live = this.applications.filter((application) => application.live);
    const latest = live.filter((application) => this.touches(application, entry)).at(-1);
    if (!latest) return 'NOTHING_TO_UNAPPLY';
    const after = live.slice(live.indexOf(latest) + 1);
    const touched = latest.pairs.flatMap((pair) => [pair.applying, pair.applied]);
    return after.some((application) => touched.some((candidate) => this.touches(application, candidate))) ? 'APPLICATION_NOT_LATEST' : latest;
  }

  unapply(application: Application) {
    for (const pair of application.pairs) {
      pair.applying.remaining = pair.applying.remaining.plus(pair.amount.times(entrySign(pair.applying)));
      pair.applied.remaining = pair.applied.remaining.plus(pair.amount.times(entrySign(pair.applied)));
    }
    application.live = false;
  }
}

/** Qty. to Ship and Qty. to Invoice re-defaulted after a posting (spec §4.1, Default Qty. to Ship = Remainder). */
export function redefault(line: OrderLine) {
  line.toShip = line.quantity - line.shipped;
  line.toInvoice = line.quantity - line.invoiced;
}

export const documentKey = (...parts: unknown[]) => parts.join('|');
