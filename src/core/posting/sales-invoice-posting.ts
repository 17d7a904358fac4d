/**
 * The ledger entries of invoicing a sales document (spec §7.6, §23.2, §23.4): a sales invoice, the
 * invoiced part of an order, and — every sign flipped — a credit memo or the invoiced part of a
 * return order. Pure: the caller loads the document, prorates the lines it invoices
 * (amountsToInvoice, spec §4.5), resolves the setup rows, and passes it all in.
 *
 * What one posting writes, in this order:
 *   1. revenue: one G/L entry per Invoice Posting Buffer line (account + posting groups), with the
 *      discounts on their own accounts by Discount Posting (invoice-posting-buffer.ts);
 *   2. VAT: per VAT posting setup (VAT Bus. × VAT Prod. Posting Group) one VAT entry (base and
 *      VAT, reverse charge with VAT 0) and one G/L entry on its Sales VAT Account when VAT ≠ 0;
 *   3. receivables: one G/L entry on the customer posting group's Receivables Account for the total
 *      incl. VAT, and the customer ledger entry with it.
 * The invoice rounding line (spec §4.7), when Invoice Rounding is on, is a line like the others on
 * the Invoice Rounding Account. G/L entries with amount 0 are left out.
 */
import { type IsoDate, compareDates } from '../dates/calendar-date.ts';
import { calculateDate } from '../dates/date-formula.ts';
import { DomainError } from '../errors.ts';
import { type Decimal, ONE, ZERO, sum } from '../money/decimal.ts';
import { customerLineEntries } from '../journal/customer-line.ts';
import type { JournalLine } from '../journal/journal-line.ts';
import { type RoundingDirection, roundAmount } from '../money/rounding.ts';
import { invoiceRoundingLine } from '../sales/document-totals.ts';
import type { SalesLineType } from '../sales/types.ts';
import type { GlEntry, PostingBatch, VatEntry } from './entries.ts';
import { type BufferLine, type DiscountPosting, type GeneralPostingSetupInvoiceAccounts, type InvoicePostingFamily, fillInvoicePostingBuffer } from './invoice-posting-buffer.ts';
import { vendorLineEntries } from '../journal/vendor-line.ts';
import { type PostingLineAmounts, convertLineAmountsToLcy } from './lcy-amounts.ts';
import {
  type CustomerPostingGroupAccounts,
  type GeneralPostingSetupSalesAccounts,
  type VatPostingSetupSales,
  findVatPostingSetup,
  requireAccount,
} from './posting-setup.ts';

export type { DiscountPosting } from './invoice-posting-buffer.ts';

export interface SalesInvoicePostingInput {
  /**
   * Default sales. A purchase invoice posts every amount with the opposite sign (purchases and VAT
   * debited, the vendor credited), on the purchase accounts, and reverse charge VAT on both sides
   * (purchase-invoice-posting.ts builds this input from a purchase document).
   */
  family?: InvoicePostingFamily;
  /** `invoice` for invoices and orders being invoiced; `creditMemo` for credit memos and return orders. */
  documentType: 'invoice' | 'creditMemo';
  header: SalesPostingHeader;
  /** The lines this posting invoices, in Line No. order; comment lines are skipped. */
  lines: readonly SalesPostingLine[];
  setup: SalesPostingSetup;
  accounts: SalesPostingAccounts;
}

/** The sales header facts the posting reads. */
export interface SalesPostingHeader {
  billToCustomerNo: string;
  /** The header's Gen. Bus. and VAT Bus. Posting Groups; every line posts with them. */
  genBusPostingGroup: string;
  vatBusPostingGroup: string;
  /** Posting Description (e.g. "Order SO-1"): the description of every G/L entry. */
  postingDescription: string;
  postingDate: IsoDate;
  dueDate: IsoDate;
  paymentDiscountPercent: Decimal;
  paymentDiscountDate: IsoDate | null;
  /** '' = LCY. */
  currencyCode: string;
  /** Document-currency units per 1 LCY (BC's Currency Factor); ignored when currencyCode is ''. */
  currencyFactor: Decimal;
  pricesIncludingVat: boolean;
  /** What the customer ledger entry shows beyond its amounts; unset fields are blank. */
  sellToCustomerNo?: string;
  documentNo?: string;
  externalDocumentNo?: string;
  documentDate?: IsoDate | null;
  salespersonCode?: string;
  paymentMethodCode?: string;
}

/**
 * One line to invoice, with the amounts of this posting in document currency, positive for a sale
 * on an invoice and for a return on a credit memo (the document's own signs; the builder flips).
 * Prices including VAT: lineDiscountAmount and invoiceDiscountAmount include VAT, as on the line.
 */
export interface SalesPostingLine extends PostingLineAmounts {
  lineNo: number;
  type: SalesLineType;
  /** Item No.; on G/L Account lines the G/L account credited. */
  no: string;
  genProdPostingGroup: string;
  vatProdPostingGroup: string;
  /** round(Qty. to Invoice × Unit Cost (LCY)): what Profit (LCY) is measured against; omitted = 0. */
  costAmountLcy?: Decimal;
  /**
   * A prepayment deduction line (spec §26.7.2), negative on an invoice: its VAT is its own VAT entry
   * with the opposite sign, never netted with the sales VAT of the same group.
   */
  prepayment?: boolean;
}

export interface SalesPostingSetup {
  /** Sales & Receivables Setup. */
  discountPosting: DiscountPosting;
  /** General Ledger Setup: Pmt. Disc. Excl. VAT and Payment Discount Grace Period ('' = none). */
  paymentDiscountExcludingVat: boolean;
  paymentDiscountGracePeriod: string;
  /** Amount Rounding Precision of the document currency (G/L Setup's for LCY documents). */
  amountRoundingPrecision: Decimal | string;
  /** General Ledger Setup: Amount Rounding Precision, used for LCY amounts. */
  lcyAmountRoundingPrecision: Decimal | string;
  /** null when Sales & Receivables Setup has Invoice Rounding off. */
  invoiceRounding: InvoiceRoundingPostingSetup | null;
}

export interface InvoiceRoundingPostingSetup {
  /** Inv. Rounding Precision (LCY) and Type, or the document currency's. */
  precision: Decimal | string;
  direction: RoundingDirection;
  /** The Invoice Rounding Account's own Gen. Prod. and VAT Prod. Posting Groups (BC takes them from the G/L account). */
  genProdPostingGroup: string;
  vatProdPostingGroup: string;
}

/** The setup rows the accounts come from, loaded by the caller. */
export interface SalesPostingAccounts {
  /** On a purchase, the vendor posting group: its Payables Account in receivablesAccount. */
  customerPostingGroup: CustomerPostingGroupAccounts;
  generalPostingSetups: readonly (GeneralPostingSetupSalesAccounts | GeneralPostingSetupInvoiceAccounts)[];
  vatPostingSetups: readonly VatPostingSetupSales[];
}

interface LineToPost extends BufferLine {
  amounts: PostingLineAmounts;
  costAmountLcy: Decimal | undefined;
  prepayment?: boolean;
}

export function buildSalesInvoicePosting(input: SalesInvoicePostingInput): PostingBatch {
  const documentLines = documentLinesToPost(input);
  const roundingLine = invoiceRoundingLineToPost(documentLines, input);
  const lines = withLcyAmounts(roundingLine ? [...documentLines, roundingLine] : documentLines, input);
  const partyLine = partyJournalLine(lines, input);
  const { vatEntries, vatGlEntries } = buildVatPostings(lines, input);
  if (sideOf(input).family === 'purchase') {
    const vendor = vendorLineEntries(partyLine, partyAccount(input));
    const glEntries = [...revenueGlEntries(lines, input), ...vatGlEntries, vendor.glEntry].filter((entry) => !entry.amount.isZero());
    return { glEntries, vatEntries, customerLedgerEntries: [], vendorLedgerEntries: [vendor.vendorLedgerEntry] };
  }
  const customer = customerLineEntries(partyLine, partyAccount(input));
  const glEntries = [...revenueGlEntries(lines, input), ...vatGlEntries, customer.glEntry]
    .filter((entry) => !entry.amount.isZero());
  return { glEntries, vatEntries, customerLedgerEntries: [customer.customerLedgerEntry] };
}

type Sign = 1 | -1;

/** What differs between a sales and a purchase invoice's entries (BC Sales-Post vs Purch.-Post). */
interface PostingSide {
  family: InvoicePostingFamily;
  /** The party's sign on an invoice: the customer owes (+), the vendor is owed (−). */
  invoiceSign: Sign;
  genPostingType: 'sale' | 'purchase';
  sourceType: 'customer' | 'vendor';
  accountType: 'customer' | 'vendor';
  postingGroup: string;
  partyAccountCaption: string;
  vatAccountField: 'salesVatAccount' | 'purchaseVatAccount';
  vatAccountCaption: string;
}

const sides: Readonly<Record<InvoicePostingFamily, PostingSide>> = {
  sales: {
    family: 'sales', invoiceSign: 1, genPostingType: 'sale', sourceType: 'customer', accountType: 'customer',
    postingGroup: 'customer posting group', partyAccountCaption: 'Receivables Account', vatAccountField: 'salesVatAccount', vatAccountCaption: 'Sales VAT Account',
  },
  purchase: {
    family: 'purchase', invoiceSign: -1, genPostingType: 'purchase', sourceType: 'vendor', accountType: 'vendor',
    postingGroup: 'vendor posting group', partyAccountCaption: 'Payables Account', vatAccountField: 'purchaseVatAccount', vatAccountCaption: 'Purchase VAT Account',
  },
};

const sideOf = (input: SalesInvoicePostingInput): PostingSide => sides[input.family ?? 'sales'];

/** The sign of the party's side (customer + on a sales invoice, vendor − on a purchase invoice); the lines and VAT take the other. */
function customerSign(input: SalesInvoicePostingInput): Sign {
  const sign = sideOf(input).invoiceSign;
  return input.documentType === 'invoice' ? sign : (-sign as Sign);
}

function revenueAndVatSign(input: SalesInvoicePostingInput): Sign {
  return -customerSign(input) as Sign;
}

// The non-comment lines with their VAT setup; amountsLcy holds the document amounts until
// withLcyAmounts converts them (for an LCY document they are the same).
function documentLinesToPost(input: SalesInvoicePostingInput): LineToPost[] {
  const { header, accounts } = input;
  const lines: LineToPost[] = [];
  input.lines.forEach((line, index) => {
    if (line.type === 'comment') return;
    const vat = supportedVat(
      findVatPostingSetup(accounts.vatPostingSetups, header.vatBusPostingGroup, line.vatProdPostingGroup, `lines.${index}.vatProdPostingGroup`),
      line.lineNo,
    );
    lines.push({
      lineNo: line.lineNo,
      type: line.type,
      no: line.no,
      genBusPostingGroup: header.genBusPostingGroup,
      genProdPostingGroup: line.genProdPostingGroup,
      vatBusPostingGroup: header.vatBusPostingGroup,
      vatProdPostingGroup: line.vatProdPostingGroup,
      vat,
      amounts: pickAmounts(line),
      amountsLcy: pickAmounts(line),
      costAmountLcy: line.costAmountLcy,
      inputPath: `lines.${index}`,
      ...(line.prepayment ? { prepayment: true } : {}),
    });
  });
  return lines;
}

/**
 * BC's InvoiceRounding (Sales-Post): a system-created G/L Account line on the Invoice Rounding
 * Account whose Amount Including VAT is the rounding difference of the lines' total; its Amount is
 * that less the VAT of the account's own VAT posting setup.
 */
function invoiceRoundingLineToPost(lines: readonly LineToPost[], input: SalesInvoicePostingInput): LineToPost | null {
  const { header, setup, accounts } = input;
  if (!setup.invoiceRounding) return null;
  const total = sum(lines.map((line) => line.amounts.amountIncludingVat));
  const amountIncludingVat = invoiceRoundingLine(total, {
    precision: setup.invoiceRounding.precision,
    direction: setup.invoiceRounding.direction,
    amountRoundingPrecision: setup.amountRoundingPrecision,
  });
  if (amountIncludingVat.isZero()) return null;
  const accountNo = requireAccount(
    accounts.customerPostingGroup.invoiceRoundingAccount,
    `customer posting group '${accounts.customerPostingGroup.code}'`,
    'Invoice Rounding Account',
    'accounts.customerPostingGroup.invoiceRoundingAccount',
  );
  const { genProdPostingGroup, vatProdPostingGroup } = setup.invoiceRounding;
  const lineNo = Math.max(0, ...input.lines.map((line) => line.lineNo)) + 10000;
  const vat = supportedVat(
    findVatPostingSetup(accounts.vatPostingSetups, header.vatBusPostingGroup, vatProdPostingGroup, 'setup.invoiceRounding.vatProdPostingGroup'),
    lineNo,
  );
  const amount = amountExcludingVat(amountIncludingVat, vat, setup.amountRoundingPrecision);
  const amounts = { amount, amountIncludingVat, vatBaseAmount: amount, lineDiscountAmount: ZERO, invoiceDiscountAmount: ZERO };
  return {
    lineNo,
    type: 'glAccount',
    no: accountNo,
    genBusPostingGroup: header.genBusPostingGroup,
    genProdPostingGroup,
    vatBusPostingGroup: header.vatBusPostingGroup,
    vatProdPostingGroup,
    vat,
    amounts,
    amountsLcy: amounts,
    costAmountLcy: undefined,
    inputPath: 'setup.invoiceRounding',
  };
}

type SupportedVatPostingSetup = VatPostingSetupSales & { vatCalculationType: 'normal' | 'reverseCharge' | 'fullVat' };

function supportedVat(vat: VatPostingSetupSales, lineNo: number): SupportedVatPostingSetup {
  if (vat.vatCalculationType === 'salesTax') throw new DomainError('SALES_TAX_NOT_SUPPORTED', { lineNo });
  return vat as SupportedVatPostingSetup;
}

// Sales Line, Validate "Amount Including VAT": Amount = round(AIV / (1 + VAT %)) for Normal VAT.
function amountExcludingVat(amountIncludingVat: Decimal, vat: SupportedVatPostingSetup, precision: Decimal | string): Decimal {
  switch (vat.vatCalculationType) {
    case 'normal': return roundAmount(amountIncludingVat.div(vat.vatPercent.div(100).plus(1)), precision);
    case 'reverseCharge': return amountIncludingVat;
    case 'fullVat': return ZERO;
  }
}

function withLcyAmounts(lines: LineToPost[], input: SalesInvoicePostingInput): LineToPost[] {
  if (input.header.currencyCode === '') return lines;
  const lcy = convertLineAmountsToLcy(
    lines.map((line) => line.amounts),
    input.header.currencyFactor,
    input.setup.lcyAmountRoundingPrecision,
  );
  return lines.map((line, index) => ({ ...line, amountsLcy: lcy[index]! }));
}

function revenueGlEntries(lines: readonly LineToPost[], input: SalesInvoicePostingInput): GlEntry[] {
  const revenueSign = revenueAndVatSign(input);
  const buffer = fillInvoicePostingBuffer(lines, {
    family: sideOf(input).family,
    documentType: input.documentType,
    pricesIncludingVat: input.header.pricesIncludingVat,
    discountPosting: input.setup.discountPosting,
    generalPostingSetups: input.accounts.generalPostingSetups,
    lcyAmountRoundingPrecision: input.setup.lcyAmountRoundingPrecision,
  });
  return buffer.map((entry) => ({
    accountNo: entry.accountNo,
    amount: signed(entry.amount, revenueSign),
    description: input.header.postingDescription,
    vatAmount: signed(entry.vatAmount, revenueSign),
    genPostingType: sideOf(input).genPostingType,
    genBusPostingGroup: entry.genBusPostingGroup,
    genProdPostingGroup: entry.genProdPostingGroup,
    vatBusPostingGroup: entry.vatBusPostingGroup,
    vatProdPostingGroup: entry.vatProdPostingGroup,
    sourceType: sideOf(input).sourceType,
    sourceNo: input.header.billToCustomerNo,
  }));
}

interface VatTotal {
  vat: VatPostingSetupSales;
  base: Decimal;
  vatAmount: Decimal;
}

/**
 * One VAT entry per VAT posting setup used (spec §7.6), and its G/L entry on the Sales (Purchase) VAT
 * Account. Reverse charge on a purchase (BC GenJnlPostLine InsertVAT): the document carries no VAT,
 * the buyer accounts for it: VAT = round(base × VAT %), debited to the Purchase VAT Account and
 * credited to the Reverse Chrg. VAT Acc., so the vendor's amount is unchanged.
 */
function buildVatPostings(
  lines: readonly LineToPost[],
  input: SalesInvoicePostingInput,
): { vatEntries: VatEntry[]; vatGlEntries: GlEntry[] } {
  const totals = new Map<string, VatTotal>();
  for (const line of lines) {
    const key = line.prepayment ? `${line.vatProdPostingGroup}|prepayment` : line.vatProdPostingGroup;
    const total = totals.get(key) ?? { vat: line.vat, base: ZERO, vatAmount: ZERO };
    total.base = total.base.plus(line.amountsLcy.vatBaseAmount);
    total.vatAmount = total.vatAmount.plus(line.amountsLcy.amountIncludingVat.minus(line.amountsLcy.amount));
    totals.set(key, total);
  }
  const side = sideOf(input);
  const vatSign = revenueAndVatSign(input);
  for (const total of totals.values()) {
    if (side.family === 'purchase' && total.vat.vatCalculationType === 'reverseCharge') {
      total.vatAmount = roundAmount(total.base.times(total.vat.vatPercent).div(100), input.setup.lcyAmountRoundingPrecision);
    }
  }
  const used = [...totals.values()].filter((total) => !total.base.isZero() || !total.vatAmount.isZero());
  const vatEntries = used.map((total): VatEntry => ({
    type: side.genPostingType,
    base: signed(total.base, vatSign),
    amount: signed(total.vatAmount, vatSign),
    vatCalculationType: total.vat.vatCalculationType,
    vatIdentifier: total.vat.vatIdentifier,
    vatPercent: total.vat.vatPercent,
    vatBusPostingGroup: total.vat.vatBusPostingGroup,
    vatProdPostingGroup: total.vat.vatProdPostingGroup,
    billToCustomerNo: input.header.billToCustomerNo,
  }));
  const vatGlEntries = used
    .filter((total) => !total.vatAmount.isZero())
    .flatMap((total) => vatGlEntriesOf(total, signed(total.vatAmount, vatSign), input));
  return { vatEntries, vatGlEntries };
}

function vatGlEntriesOf(total: VatTotal, amount: Decimal, input: SalesInvoicePostingInput): GlEntry[] {
  const { vatBusPostingGroup, vatProdPostingGroup } = total.vat;
  const side = sideOf(input);
  const setupName = `VAT posting setup '${vatBusPostingGroup}' × '${vatProdPostingGroup}'`;
  const accountNo = requireAccount(total.vat[side.vatAccountField] ?? '', setupName, side.vatAccountCaption, 'accounts.vatPostingSetups');
  const entry = nonRevenueGlEntry(accountNo, amount, input);
  if (side.family !== 'purchase' || total.vat.vatCalculationType !== 'reverseCharge') return [entry];
  const reverseCharge = requireAccount(total.vat.reverseChargeVatAccount ?? '', setupName, 'Reverse Chrg. VAT Acc.', 'accounts.vatPostingSetups');
  return [entry, nonRevenueGlEntry(reverseCharge, amount.negated(), input)];
}

/** The customer (vendor) posting group's Receivables (Payables) Account. */
function partyAccount(input: SalesInvoicePostingInput): string {
  const group = input.accounts.customerPostingGroup;
  const side = sideOf(input);
  return requireAccount(group.receivablesAccount, `${side.postingGroup} '${group.code}'`, side.partyAccountCaption, 'accounts.customerPostingGroup.receivablesAccount');
}

// BC sets Gen. Posting Type and the posting groups only on the revenue lines it posts as G/L
// accounts; the VAT and receivables entries it derives carry none.
function nonRevenueGlEntry(accountNo: string, amount: Decimal, input: SalesInvoicePostingInput): GlEntry {
  return {
    accountNo,
    amount,
    description: input.header.postingDescription,
    genPostingType: '',
    genBusPostingGroup: '',
    genProdPostingGroup: '',
    vatBusPostingGroup: '',
    vatProdPostingGroup: '',
    sourceType: sideOf(input).sourceType,
    sourceNo: input.header.billToCustomerNo,
  };
}

/**
 * The invoice's customer (vendor) side as a journal line (BC's Sales-Post PostLedgerEntry): the total
 * incl. VAT on the bill-to customer (pay-to vendor), with Sales (Purchase) (LCY), Profit (LCY), Inv.
 * Discount (LCY) and the terms.
 */
function partyJournalLine(lines: readonly LineToPost[], input: SalesInvoicePostingInput): JournalLine {
  const { header } = input;
  const sign = customerSign(input);
  const total = (pick: (line: LineToPost) => Decimal) => signed(sum(lines.map(pick)), sign);
  const amount = total((line) => line.amounts.amountIncludingVat);
  const amountLcy = total((line) => line.amountsLcy.amountIncludingVat);
  const salesLcy = total((line) => line.amountsLcy.amount);
  const costs = lines.flatMap((line) => (line.costAmountLcy ? [line.costAmountLcy] : []));
  return {
    lineNo: 0, postingDate: header.postingDate, documentType: input.documentType, documentNo: header.documentNo ?? '',
    externalDocumentNo: header.externalDocumentNo ?? '', documentDate: header.documentDate ?? null,
    accountType: sideOf(input).accountType, accountNo: header.billToCustomerNo, description: header.postingDescription,
    currencyCode: header.currencyCode, currencyFactor: header.currencyCode === '' ? ONE : header.currencyFactor,
    amount, amountLcy, balAccountType: null, balAccountNo: '', appliesToDocType: null, appliesToDocNo: null,
    genPostingType: '', genBusPostingGroup: '', genProdPostingGroup: '', vatBusPostingGroup: '', vatProdPostingGroup: '',
    terms: {
      dueDate: header.dueDate,
      paymentDiscountDate: header.paymentDiscountDate,
      paymentDiscountToleranceDate: paymentDiscountToleranceDate(input),
      paymentDiscountPossible: originalPaymentDiscountPossible(amount, amountLcy, salesLcy, input),
    },
    party: {
      sellToBuyFromNo: header.sellToCustomerNo ?? header.billToCustomerNo,
      salesPurchaseLcy: salesLcy,
      ...(costs.length > 0 ? { profitLcy: salesLcy.minus(signed(sum(costs), sign)) } : {}),
      invoiceDiscountLcy: total((line) => line.amountsLcy.invoiceDiscountAmount),
      salespersonPurchaserCode: header.salespersonCode ?? '',
      paymentMethodCode: header.paymentMethodCode ?? '',
      postingGroup: input.accounts.customerPostingGroup.code,
    },
  };
}

/**
 * BC's CalcPmtDiscPossible (Gen. Jnl.-Post Line): round(base × Payment Discount % / 100) in the
 * document currency, base = Amount incl. VAT, or with Pmt. Disc. Excl. VAT the Sales (LCY) brought
 * back to the document currency (Sales (LCY) × Amount / Amount (LCY)). Nothing is possible when
 * the discount date, grace period included, lies before the posting date.
 */
function originalPaymentDiscountPossible(
  amount: Decimal,
  amountLcy: Decimal,
  salesLcy: Decimal,
  input: SalesInvoicePostingInput,
): Decimal {
  const { header, setup } = input;
  if (amountLcy.isZero()) return ZERO;
  const lastDiscountDate = paymentDiscountToleranceDate(input);
  if (lastDiscountDate !== null && compareDates(lastDiscountDate, header.postingDate) < 0) return ZERO;
  const base = setup.paymentDiscountExcludingVat ? salesLcy.times(amount).div(amountLcy) : amount;
  return roundAmount(base.times(header.paymentDiscountPercent).div(100), setup.amountRoundingPrecision);
}

/** Pmt. Disc. Tolerance Date = Pmt. Discount Date + Payment Discount Grace Period (spec §11.2). */
function paymentDiscountToleranceDate(input: SalesInvoicePostingInput): IsoDate | null {
  const { paymentDiscountDate } = input.header;
  return paymentDiscountDate === null ? null : calculateDate(input.setup.paymentDiscountGracePeriod, paymentDiscountDate);
}

function pickAmounts(amounts: PostingLineAmounts): PostingLineAmounts {
  return {
    amount: amounts.amount,
    amountIncludingVat: amounts.amountIncludingVat,
    vatBaseAmount: amounts.vatBaseAmount,
    lineDiscountAmount: amounts.lineDiscountAmount,
    invoiceDiscountAmount: amounts.invoiceDiscountAmount,
  };
}

// A zero is never −0.
function signed(value: Decimal, sign: Sign): Decimal {
  if (value.isZero()) return ZERO;
  return sign === 1 ? value : value.negated();
}
