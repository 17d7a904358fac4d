/**
 * Payment tolerance (spec §20.5; BC's Payment Tolerance Management): the Max. Payment Tolerance an
 * invoice or credit memo entry gets at posting, and the decision at application time whether the
 * difference between a payment and what it pays may close the entries as tolerance.
 */
import { type Decimal, ZERO, sum } from '../money/decimal.ts';
import { allocateProportionally } from '../money/allocation.ts';
import { roundAmount } from '../money/rounding.ts';
import type { PostingBatch } from '../posting/entries.ts';
import { toleranceRoundingPrecision } from './application-currency.ts';
import type { ApplicationCurrency, ApplicationEntry, ApplicationRequest, AppliedEntryRequest } from './application-types.ts';
import { discountWindow } from './payment-discount.ts';

export interface MaxPaymentToleranceInput {
  documentType: string;
  /** The entry's amount (document currency) and Amount (LCY). */
  amount: Decimal;
  amountLcy: Decimal;
  currencyCode: string;
  /**
   * Payment Tolerance % and Max. Payment Tolerance Amount of the entry's currency, and its Amount
   * Rounding Precision: the currency's own for an entry in a currency, the G/L setup's in LCY.
   */
  tolerancePercent: Decimal;
  maxToleranceAmount: Decimal;
  amountPrecision: Decimal;
  blockPaymentTolerance: boolean;
}

/**
 * BC's CalcMaxPmtTolerance: invoices and credit memos only, the entry's sign. The percentage of the
 * amount (LCY in LCY, else in the currency), capped by the maximum amount; a maximum of 0 means no
 * cap, a percentage of 0 means the maximum amount itself; never more than the amount. 0 for a
 * customer with Block Payment Tolerance.
 */
export function maxPaymentTolerance(input: MaxPaymentToleranceInput): Decimal {
  if (input.blockPaymentTolerance || (input.documentType !== 'invoice' && input.documentType !== 'creditMemo')) return ZERO;
  const { tolerancePercent: percent, amountPrecision, maxToleranceAmount: maxAmount } = input;
  const base = input.currencyCode === '' ? input.amountLcy : input.amount;
  const byPercent = roundAmount(percent.times(base).div(100), amountPrecision);
  const sign = input.amount.isNegative() ? -1 : 1;
  let tolerance: Decimal;
  if (maxAmount.lt(byPercent.abs()) || percent.isZero()) {
    tolerance = maxAmount.isZero() && percent.gt(0) ? byPercent : maxAmount.times(sign);
  } else {
    tolerance = byPercent;
  }
  return tolerance.abs().gt(input.amount.abs()) ? input.amount : tolerance;
}

/** What the engine decided before applying: tolerance accepted per applied entry, late discounts accepted. */
export interface ToleranceDecision {
  /** Accepted Payment Tolerance per applied entry (its sign: + for an underpaid invoice); ZERO = none. */
  acceptedTolerance: Decimal[];
  /** Accepted Pmt. Disc. Tolerance per applied entry. */
  lateDiscountAccepted: boolean[];
}

/** Payment → invoices, refund → credit memos (BC's CheckPmtTolCust). */
export function toleranceApplies(applying: ApplicationEntry, applied: ApplicationEntry): boolean {
  return (applying.documentType === 'payment' && applied.documentType === 'invoice')
    || (applying.documentType === 'refund' && applied.documentType === 'creditMemo');
}

const opposite = (applying: ApplicationEntry, applied: ApplicationEntry) => applying.remainingAmount.isNegative() !== applied.remainingAmount.isNegative();

/**
 * BC's PmtTolGenJnl / PmtTolCustLedgEntry before posting, on the applied entries as the applying
 * entry's currency sees them: late discounts within the grace period and the payment tolerance over all applied entries. The difference between the applying entry and
 * what the applied entries ask (remaining less the discounts taken) is tolerated when it is not 0
 * and at most Σ Max. Payment Tolerance; then it is spread over the entries with a tolerance in
 * proportion to their amounts (PutCustPmtTolAmount). Never when applying to oldest or blocked.
 */
export function decideTolerance(request: ApplicationRequest): ToleranceDecision {
  const { applying, applied, choices, setup } = request;
  const none = { acceptedTolerance: applied.map(() => ZERO), lateDiscountAccepted: applied.map(() => false) };
  if (request.blockPaymentTolerance || request.mode === 'applyToOldest') return none;
  const candidates = applied.map((item) => opposite(applying, item.entry));
  const maxTolerances = applied.map((item, index) => (candidates[index] && toleranceApplies(applying, item.entry) ? item.entry.maxPaymentTolerance : ZERO));
  const maxTolerance = sum(maxTolerances);
  const lateDiscountAccepted = applied.map((item, index) => candidates[index]!
    && lateDiscountAcceptable(request, item, maxTolerance)
    && (!setup.paymentDiscountToleranceWarning || choices.acceptPaymentDiscountTolerance === true));
  const discounts = applied.map((item, index) => (candidates[index] && (lateDiscountAccepted[index]
    || discountCountedForTolerance(request, item, maxTolerance)) ? item.entry.remainingPaymentDiscountPossible : ZERO));
  const appliedAmount = sum(applied.filter((_, index) => candidates[index]).map((item) => item.entry.remainingAmount));
  const asked = appliedAmount.minus(sum(discounts));
  const toApply = sum(applied.map((item, index) => {
    if (!candidates[index]) return ZERO;
    return item.amountToApply.isZero() ? item.entry.remainingAmount.minus(discounts[index]!) : item.amountToApply;
  }));
  const difference = asked.plus(applying.remainingAmount);
  // Across currencies a difference within the Appln. Rounding Precision is application rounding, not tolerance (BC's PmtTolCustLedgEntry).
  const precision = toleranceRoundingPrecision(setup, applying.currencyCode, applied.map((item) => item.entry.currencyCode));
  const tolerated = !maxTolerance.isZero() && difference.abs().gt(precision) && difference.abs().minus(precision).lte(maxTolerance.abs())
    && toApply.abs().gte(asked.minus(maxTolerance).abs());
  const accepted = tolerated && (!setup.paymentToleranceWarning || choices.acceptPaymentTolerance === true);
  return {
    acceptedTolerance: accepted ? spreadTolerance(difference, applied, maxTolerances, setup.amountPrecision) : none.acceptedTolerance,
    lateDiscountAccepted,
  };
}

/** BC's CheckCustLedgAmt for a discount on time: the payment (with the tolerance) covers remaining less discount. */
function discountCountedForTolerance(request: ApplicationRequest, item: AppliedEntryRequest, maxTolerance: Decimal): boolean {
  if (discountWindow(request.applying, item.entry) !== 'onTime') return false;
  const asked = item.entry.remainingAmount.minus(item.entry.remainingPaymentDiscountPossible).minus(maxTolerance);
  return request.applying.amount.abs().gte(asked.abs());
}

/** BC's CheckPmtDiscTolCust: paid after the discount date, within the grace period, covering the discounted remainder (or within tolerance). */
function lateDiscountAcceptable(request: ApplicationRequest, item: AppliedEntryRequest, maxTolerance: Decimal): boolean {
  if (discountWindow(request.applying, item.entry) !== 'late') return false;
  const available = item.amountToApply.isZero() ? request.applying.remainingAmount.abs() : item.amountToApply.abs();
  const shortfall = available.minus(item.entry.remainingAmount.minus(item.entry.remainingPaymentDiscountPossible).abs());
  return !shortfall.isNegative() || maxTolerance.abs().gte(shortfall.abs());
}

// In proportion to the entries' amounts, among those with a Max. Payment Tolerance; rounded, summing exactly.
function spreadTolerance(difference: Decimal, applied: readonly AppliedEntryRequest[], maxTolerances: readonly Decimal[], precision: Decimal): Decimal[] {
  const weights = applied.map((item, index) => (maxTolerances[index]!.isZero() ? ZERO : item.entry.amount));
  return allocateProportionally(difference, weights, precision);
}

/** The tolerance setup of the batch's currency (the G/L setup's in LCY) for its new invoice and credit memo entries. */
export type MaxPaymentToleranceSetup = Pick<MaxPaymentToleranceInput, 'tolerancePercent' | 'maxToleranceAmount' | 'amountPrecision' | 'blockPaymentTolerance'>;

/**
 * The batch with Max. Payment Tolerance set on its customer and vendor entries (spec §20.5: at
 * posting; applications cap it; BC's CalcMaxPmtTolerance runs in PostCust and PostVend alike).
 */
export function withMaxPaymentTolerance(batch: PostingBatch, setup: MaxPaymentToleranceSetup): PostingBatch {
  const withTolerance = <T extends Pick<MaxPaymentToleranceInput, 'documentType' | 'amount' | 'amountLcy' | 'currencyCode'>>(draft: T) => ({
    ...draft,
    maxPaymentTolerance: maxPaymentTolerance({
      ...setup, documentType: draft.documentType, amount: draft.amount, amountLcy: draft.amountLcy, currencyCode: draft.currencyCode,
    }),
  });
  return {
    ...batch,
    customerLedgerEntries: batch.customerLedgerEntries.map(withTolerance),
    ...(batch.vendorLedgerEntries ? { vendorLedgerEntries: batch.vendorLedgerEntries.map(withTolerance) } : {}),
  };
}

/**
 * The Payment Tolerance % and Max. Payment Tolerance Amount an entry in `currencyCode` gets: the
 * currency's own (nothing set up = none), the G/L setup's in LCY.
 */
export function toleranceSetupOf(
  currencyCode: string, lcy: { tolerancePercent: Decimal; maxToleranceAmount: Decimal }, currency: ApplicationCurrency | undefined,
): { tolerancePercent: Decimal; maxToleranceAmount: Decimal } {
  if (currencyCode === '') return lcy;
  return { tolerancePercent: currency?.paymentTolerancePercent ?? ZERO, maxToleranceAmount: currency?.maxPaymentToleranceAmount ?? ZERO };
}
