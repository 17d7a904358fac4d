/** The money of one posting per line (spec §4.5): what each invoiced line posts, in document currency and LCY. */
import { allocateProportionally } from '../../core/money/allocation.ts';
import { type Decimal, ZERO, dec } from '../../core/money/decimal.ts';
import { roundAmount } from '../../core/money/rounding.ts';
import { type PostingLineAmounts, convertLineAmountsToLcy } from '../../core/posting/lcy-amounts.ts';
import { type AmountsToInvoice, amountsToInvoice } from '../../core/sales/partial-invoicing.ts';
import type { LineToPost, PostingScope } from '../../core/sales/posting-scope.ts';
import type { VatCalculationType } from '../../core/sales/types.ts';
import type { SalesHeaderRow, SalesLineRow } from './sales-document.types.ts';
import type { ItemRow } from './sales-post.types.ts';

/** The line columns the amounts of a posting are worked out from, on a sales or a purchase line. */
export type PostableLine = Pick<SalesLineRow,
  'lineNo' | 'type' | 'no' | 'quantity' | 'quantityInvoiced' | 'lineDiscountPercent' | 'lineDiscountAmount' | 'invoiceDiscountAmount' | 'allowInvoiceDiscount'
  | 'vatPercent' | 'vatIdentifier' | 'vatCalculationType' | 'amount' | 'quantityPerUnitOfMeasure'>;
/** The header columns they read: the currency and whether prices include VAT. */
export type PostableHeader = Pick<SalesHeaderRow, 'currencyCode' | 'currencyFactor' | 'pricesIncludingVat'>;

/** What one line contributes to this posting, after the scope was decided. */
export interface LinePosting<L extends PostableLine = SalesLineRow> {
  line: L;
  posting: LineToPost;
  /** The invoiced amounts of this posting (document currency), when the line is invoiced. */
  amounts: AmountsToInvoice | null;
  inventoryItem: boolean;
}

/**
 * The amounts each invoiced line posts (spec §4.5): the line as it is now, prorated over the
 * quantity this posting invoices, with the VAT of this posting's own lines.
 */
export function linePostingsOf<L extends PostableLine>(
  header: PostableHeader, lines: readonly L[], scope: PostingScope, items: Map<string, Pick<ItemRow, 'type'>>, precision: Decimal,
  /** Unit Price (sales) or Direct Unit Cost (purchase). */
  unitAmountOf: (line: L) => string,
  /** What the posting must bill of a line after invoice discount, where that is fixed (see LineToInvoice.netAmountToInvoice). */
  netAmountToInvoiceOf: (line: L, quantityToInvoice: Decimal) => Decimal | null = () => null,
): LinePosting<L>[] {
  const byLineNo = new Map(lines.map((line) => [line.lineNo, line]));
  const postings = scope.lines.map((posting) => ({ posting, line: byLineNo.get(posting.lineNo)! }));
  const amounts = amountsToInvoice(postings.map(({ line, posting }) => ({
    lineNo: line.lineNo,
    type: line.type as never,
    quantity: dec(line.quantity),
    quantityInvoiced: dec(line.quantityInvoiced),
    quantityToInvoice: posting.invoice,
    unitPrice: dec(unitAmountOf(line)),
    lineDiscountPercent: dec(line.lineDiscountPercent),
    lineDiscountAmount: dec(line.lineDiscountAmount),
    invoiceDiscountAmount: dec(line.invoiceDiscountAmount),
    allowInvoiceDiscount: line.allowInvoiceDiscount,
    vatPercent: dec(line.vatPercent),
    vatIdentifier: line.vatIdentifier,
    vatCalculationType: line.vatCalculationType as VatCalculationType,
    netAmountToInvoice: netAmountToInvoiceOf(line, posting.invoice),
  })), { pricesIncludingVat: header.pricesIncludingVat, amountRoundingPrecision: precision });
  return postings.map(({ line, posting }, index) => ({
    line, posting,
    amounts: posting.invoice.isZero() ? null : amounts[index]!,
    inventoryItem: line.type === 'item' && items.get(line.no)?.type === 'inventory',
  }));
}

export function lcy(amount: Decimal, header: PostableHeader): Decimal {
  return header.currencyCode ? roundAmount(amount.div(dec(header.currencyFactor))) : amount;
}

/** The LCY sales amount of a quantity of the line: its share of the line's Amount (what a shipment expects). */
export function salesAmountOf(line: PostableLine, quantity: Decimal, header: PostableHeader): Decimal {
  const total = dec(line.quantity);
  if (total.isZero()) return ZERO;
  return lcy(roundAmount(dec(line.amount).times(quantity).div(total)), header);
}

export function discountAmountOf(line: PostableLine, quantity: Decimal, header: PostableHeader): Decimal {
  const total = dec(line.quantity);
  if (total.isZero()) return ZERO;
  return lcy(roundAmount(dec(line.lineDiscountAmount).plus(dec(line.invoiceDiscountAmount)).times(quantity).div(total)), header);
}

/** The invoiced LCY sales and discount amounts a value entry takes (positive for a sale, as on the invoice). */
export interface InvoicedValue { salesAmount: Decimal; discountAmount: Decimal }

/**
 * The invoiced lines' amounts in LCY as the G/L gets them (running-total conversion, spec §4.6),
 * in the order of `invoiced`, which is the order buildSalesInvoicePosting receives them in.
 */
export function invoicedAmountsLcy(invoiced: readonly LinePosting<PostableLine>[], header: PostableHeader, lcyPrecision: Decimal | string): PostingLineAmounts[] {
  const amounts = invoiced.map((entry) => entry.amounts!);
  return header.currencyCode ? convertLineAmountsToLcy(amounts, dec(header.currencyFactor), lcyPrecision) : amounts;
}

/**
 * Spec §7.6: the value entries of an invoiced item line carry what the invoice posts for it. The
 * line's LCY Amount (and discounts) is shared over the item entries it invoices — the part of this
 * posting's own shipment first, then each earlier shipment billed — by quantity, remainder carried
 * (BC Sales-Post PostItemJnlLine's RemAmt), so they add up to the posted line to the cent.
 * Keys: the line no. for this posting's own movement, `lineNo:shipmentNo:shipmentLineNo` for a bill.
 */
export function invoicedValuesOf(
  invoiced: readonly LinePosting<PostableLine>[], amountsLcy: readonly PostingLineAmounts[],
  bills: ReadonlyArray<{ lineNo: number; shipmentNo: string; shipmentLineNo: number; quantity: Decimal; itemLedgerEntryNo: number | null }>,
  lcyPrecision: Decimal | string,
): Map<string, InvoicedValue> {
  const result = new Map<string, InvoicedValue>();
  invoiced.forEach((entry, index) => {
    const pieces: Array<{ key: string; quantity: Decimal }> = [];
    if (entry.inventoryItem && !entry.posting.invoiceOfThisShipment.isZero()) {
      pieces.push({ key: String(entry.line.lineNo), quantity: entry.posting.invoiceOfThisShipment });
    }
    for (const bill of bills.filter((candidate) => candidate.lineNo === entry.line.lineNo && candidate.itemLedgerEntryNo !== null)) {
      pieces.push({ key: `${bill.lineNo}:${bill.shipmentNo}:${bill.shipmentLineNo}`, quantity: bill.quantity });
    }
    if (pieces.length === 0) return;
    const lcyAmounts = amountsLcy[index]!;
    const weights = pieces.map((piece) => piece.quantity.abs());
    const sales = allocateProportionally(lcyAmounts.amount, weights, lcyPrecision);
    const discounts = allocateProportionally(lcyAmounts.lineDiscountAmount.plus(lcyAmounts.invoiceDiscountAmount), weights, lcyPrecision);
    pieces.forEach((piece, at) => result.set(piece.key, { salesAmount: sales[at]!, discountAmount: discounts[at]! }));
  });
  return result;
}
