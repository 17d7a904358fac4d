/**
 * How much of a statement line goes to one entry (BC's Applied Payment Entry: SuggestAmtToApply,
 * SuggestDiscToApply and InclPmtDisc): the smaller of what is left of the line and what is left of
 * the entry, the entry's payment discount granted when the payment is in time and covers the
 * discounted remainder (spec §20.4).
 */
import type { Decimal } from '../../money/decimal.ts';
import { ZERO } from '../../money/decimal.ts';
import type { PreparedEntry } from './engine-types.ts';

export interface EntryApplication {
  /** Statement money applied to the entry. */
  appliedAmount: Decimal;
  appliedPaymentDiscount: Decimal;
  /** What the entry's remaining amount goes down by: applied amount + discount. */
  closingAmount: Decimal;
}

/**
 * `lineRemaining`: what is left of the statement amount; `appliedByOtherLines`: what other lines
 * already close of this entry (BC's GetAmtAppliedToOtherStmtLines). All amounts carry the entry's
 * sign, which is the statement's. Null when nothing can be applied.
 */
export function applicationToEntry(
  entry: PreparedEntry,
  transactionDate: string,
  lineRemaining: Decimal,
  appliedByOtherLines: Decimal,
): EntryApplication | null {
  const remaining = entry.entry.remainingAmount;
  const available = remaining.minus(appliedByOtherLines);
  if (lineRemaining.isZero() || available.isZero() || available.isNegative() !== remaining.isNegative()) return null;
  const discount = grantedDiscount(entry, transactionDate, lineRemaining.plus(appliedByOtherLines));
  if (!discount.isZero()) {
    const closingAmount = absoluteMinimum(available, lineRemaining.plus(discount));
    const appliedAmount = closingAmount.minus(discount);
    // A discount larger than what is left to pay is not granted (only when others already paid most of it).
    if (!appliedAmount.isZero() && appliedAmount.isNegative() === remaining.isNegative()) {
      return { appliedAmount, appliedPaymentDiscount: discount, closingAmount };
    }
  }
  const closingAmount = absoluteMinimum(available, lineRemaining);
  return { appliedAmount: closingAmount, appliedPaymentDiscount: ZERO, closingAmount };
}

/**
 * BC's InclPmtDisc: invoices and credit memos, transaction on or before the Pmt. Discount Date, and
 * the payment (with what other lines paid) at least the remaining amount less the discount. A late
 * payment within the grace period gets no discount here: accepting it is the user's choice (§20.4).
 */
function grantedDiscount(entry: PreparedEntry, transactionDate: string, paid: Decimal): Decimal {
  const { documentType, paymentDiscountDate, remainingPaymentDiscountPossible: discount, remainingAmount } = entry.entry;
  if (discount.isZero() || paymentDiscountDate === null) return ZERO;
  if (documentType !== 'invoice' && documentType !== 'creditMemo') return ZERO;
  // ISO dates compare as text.
  if (transactionDate > paymentDiscountDate) return ZERO;
  return paid.abs().gte(remainingAmount.minus(discount).abs()) ? discount : ZERO;
}

/** BC's AbsMin: the one nearer to zero (the first when equal). */
function absoluteMinimum(first: Decimal, second: Decimal): Decimal {
  return first.abs().lt(second.abs()) ? first : second;
}
