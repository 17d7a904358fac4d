/**
 * Payment discount at application (spec §20.4; BC's CheckCalcPmtDisc, CheckPmtDiscTolCust and
 * CalcPmtDiscIfAdjVAT): whether a payment is on time for an entry's discount or within its grace
 * period, and how a discount (or tolerance) in LCY splits into the net part and the output VAT it
 * reverses when Adjust for Payment Discount is on.
 */
import { compareDates, type IsoDate } from '../dates/calendar-date.ts';
import { type Decimal, ZERO } from '../money/decimal.ts';
import { roundAmount } from '../money/rounding.ts';
import type { ApplicationEntry, VatBucket } from './application-types.ts';

export type DiscountWindow = 'onTime' | 'late' | null;

const onOrBefore = (date: IsoDate, limit: IsoDate | null) => limit !== null && compareDates(date, limit) <= 0;

/**
 * 'onTime' when a payment (refund) is posted on or before the Pmt. Discount Date of the invoice or
 * credit memo (refund: credit memo) it applies to, 'late' when after it but on or before the Pmt.
 * Disc. Tolerance Date, else null. Only entries with a Remaining Pmt. Disc. Possible qualify.
 */
export function discountWindow(applying: ApplicationEntry, applied: ApplicationEntry): DiscountWindow {
  if (applied.remainingPaymentDiscountPossible.isZero()) return null;
  const payment = applying.documentType === 'payment' && (applied.documentType === 'invoice' || applied.documentType === 'creditMemo');
  const refund = applying.documentType === 'refund' && applied.documentType === 'creditMemo';
  if (!payment && !refund) return null;
  if (onOrBefore(applying.postingDate, applied.paymentDiscountDate)) return 'onTime';
  if (applied.paymentDiscountDate !== null && onOrBefore(applying.postingDate, applied.paymentDiscountToleranceDate)) return 'late';
  return null;
}

/**
 * Spec §20.4: the discount is granted when the applying entry (what is left of it, tolerance
 * included) covers the remaining amount less the discount, and so does an Amount to Apply set on
 * the entry (BC's CalcPmtDisc).
 */
export function discountCovered(applyingRemaining: Decimal, applied: ApplicationEntry, amountToApply: Decimal): boolean {
  const discounted = applied.remainingAmount.minus(applied.remainingPaymentDiscountPossible).abs();
  return applyingRemaining.abs().gte(discounted) && (amountToApply.isZero() || amountToApply.abs().gte(discounted));
}

/** One VAT bucket's share of a discount or tolerance: the net part and the VAT part (LCY, the applying entry's sign). */
export interface VatShare {
  bucket: VatBucket;
  /** VAT Excl. part: the detailed entry's Amount (LCY). */
  netLcy: Decimal;
  /** VAT Adjustment part: the detailed entry's Amount (LCY); the VAT entry reverses −vatLcy of output VAT on −netLcy of base. */
  vatLcy: Decimal;
}

export interface VatSplit {
  shares: VatShare[];
  /** What stays on the Payment Discount (Payment Tolerance …) entry itself, LCY. */
  remainderLcy: Decimal;
}

/**
 * BC's CalcPmtDiscIfAdjVAT: `amountLcy` (the discount on the applying entry, e.g. −50.00) is spread
 * over the VAT buckets of the applied entry's document in proportion to their base and VAT, with
 * running rounding so the parts and the remainder add up to it exactly. Buckets without Adjust for
 * Payment Discount keep their share in the remainder. Reverse charge VAT reverses no output VAT.
 */
export function splitForVat(amountLcy: Decimal, applied: ApplicationEntry, lcyPrecision: Decimal): VatSplit {
  if (applied.amountLcy.isZero() || amountLcy.isZero()) return { shares: [], remainderLcy: amountLcy };
  const factor = amountLcy.div(applied.amountLcy);
  let rounding = amountLcy;
  let remainder = amountLcy;
  const shares: VatShare[] = [];
  for (const bucket of applied.vatBuckets) {
    if (!bucket.adjustForPaymentDiscount) continue;
    rounding = rounding.plus(bucket.base.times(factor));
    const base = roundAmount(rounding.minus(remainder), lcyPrecision);
    remainder = remainder.plus(base);
    let vat = ZERO;
    const outputVat = bucket.vatCalculationType === 'normal' || bucket.vatCalculationType === 'fullVat';
    if (outputVat && !bucket.amount.isZero() && !(bucket.base.isZero() && bucket.vatCalculationType !== 'fullVat')) {
      rounding = rounding.plus(bucket.amount.times(factor));
      vat = roundAmount(rounding.minus(remainder), lcyPrecision);
      remainder = remainder.plus(vat);
    }
    if (!base.isZero() || !vat.isZero()) shares.push({ bucket, netLcy: base.negated(), vatLcy: vat.negated() });
  }
  return { shares, remainderLcy: remainder };
}
