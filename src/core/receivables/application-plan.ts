/**
 * The application engine (spec §20.3–§20.5; BC's ApplyCustLedgEntry → PostApply): applies one
 * entry (a payment of the posting, or an open entry) to others, one at a time in the given order.
 * Per applied entry, as BC: the accepted payment tolerance, the payment discount (on time) or the
 * payment discount tolerance (late, accepted), each as a detailed entry on the applying entry with
 * its VAT parts when Adjust for Payment Discount is on; then the amount applied, the realized gain
 * or loss when the two entries have different exchange rates, and the Application pair. Plans the
 * detailed entries, the G/L and VAT entries and every touched entry's derived columns; writes nothing.
 */
import { DomainError } from '../errors.ts';
import { type Decimal, ZERO } from '../money/decimal.ts';
import { roundAmount } from '../money/rounding.ts';
import type { GlEntry, VatEntry } from '../posting/entries.ts';
import {
  adjustmentVatEntry, detailedEntryAccount, detailedEntryGlEntry, postingGroupOf, ReceivablesTotals,
} from './application-gl.ts';
import type {
  ApplicationEntry, ApplicationRequest, AppliedEntryRequest, CustomerApplicationPlan, CustomerApplicationSide, CustomerEntryRef,
  DetailedCustomerEntryDraft, DetailedCustomerEntryType,
} from './application-types.ts';
import { discountCovered, discountWindow, splitForVat } from './payment-discount.ts';
import { decideTolerance, type ToleranceDecision } from './payment-tolerance.ts';

export interface ApplicationResult {
  /** One step per applied entry that was applied (entries left over once the applying entry is used up are not). */
  applications: CustomerApplicationPlan[];
  glEntries: GlEntry[];
  vatEntries: VatEntry[];
  /** The applying entry and the applied entries (request order) as the application leaves them. */
  applying: ApplicationEntry;
  applied: ApplicationEntry[];
}

/** The running state of one application. */
interface Run {
  request: ApplicationRequest;
  decision: ToleranceDecision;
  applying: ApplicationEntry;
  applications: CustomerApplicationPlan[];
  glEntries: GlEntry[];
  vatEntries: VatEntry[];
  receivables: ReceivablesTotals;
}

export const entryRef = (entry: ApplicationEntry): CustomerEntryRef =>
  (entry.newEntryIndex !== null ? { newEntryIndex: entry.newEntryIndex } : { entryNo: entry.entryNo! });

export function planApplication(request: ApplicationRequest): ApplicationResult {
  checkRequest(request);
  const run: Run = {
    request, decision: decideTolerance(request), applying: { ...request.applying },
    applications: [], glEntries: [], vatEntries: [], receivables: new ReceivablesTotals(),
  };
  const applied = request.applied.map((item, index) => {
    if (run.applying.remainingAmount.isZero()) return item.entry;
    return applyOne(run, item, index);
  });
  run.glEntries.push(...run.receivables.glEntries(request.applying.customerNo, request.document));
  return { applications: run.applications, glEntries: run.glEntries, vatEntries: run.vatEntries, applying: run.applying, applied };
}

function checkRequest(request: ApplicationRequest): void {
  const { applying } = request;
  const refuse = (reason: string) => new DomainError('APPLICATION_INVALID', { reason });
  for (const { entry, amountToApply } of request.applied) {
    const name = `${entry.documentType || 'entry'} ${entry.documentNo}`;
    if (entry.customerNo !== applying.customerNo) throw refuse(`${name} belongs to customer ${entry.customerNo}, not ${applying.customerNo}`);
    if (entry.currencyCode !== applying.currencyCode) {
      throw refuse(`${name} is in ${entry.currencyCode || 'local currency'} and the applying entry in ${applying.currencyCode || 'local currency'}; entries in different currencies are not applied to each other`);
    }
    if (!entry.open || entry.remainingAmount.isZero()) throw refuse(`${name} is already closed`);
    const sameSign = entry.remainingAmount.isNegative() === applying.remainingAmount.isNegative();
    if (sameSign && request.mode !== 'appliesToId') throw refuse(`${name} has the same sign as the applying entry: a payment cannot be applied to another payment`);
    if (!amountToApply.isZero() && (amountToApply.isNegative() !== entry.remainingAmount.isNegative() || amountToApply.abs().gt(entry.remainingAmount.abs()))) {
      throw refuse(`the Amount to Apply ${amountToApply.toString()} of ${name} must have the sign of its remaining amount ${entry.remainingAmount.toString()} and not exceed it`);
    }
  }
  if (!applying.open || applying.remainingAmount.isZero()) throw refuse('the applying entry is already closed');
}

/** One applied entry: tolerance, discount, amount, gain or loss, the Application pair; returns the applied entry after it. */
function applyOne(run: Run, item: AppliedEntryRequest, index: number): ApplicationEntry {
  const old = item.entry;
  const adjustments: DetailedCustomerEntryDraft[] = [];
  const after = { ...old };
  const sameSign = old.remainingAmount.isNegative() === run.applying.remainingAmount.isNegative();
  let discountTaken = false;
  if (!sameSign) {
    const tolerance = run.decision.acceptedTolerance[index]!;
    if (!tolerance.isZero()) {
      adjust(run, old, 'paymentTolerance', tolerance.negated(), adjustments);
      after.acceptedPaymentTolerance = tolerance;
    }
    const window = discountWindow(run.applying, old);
    const onTime = window === 'onTime' && discountCovered(run.applying.remainingAmount, old, item.amountToApply);
    const late = window === 'late' && run.decision.lateDiscountAccepted[index]!;
    if (onTime || late) {
      const givenLcy = adjust(run, old, onTime ? 'paymentDiscount' : 'paymentDiscountTolerance', old.remainingPaymentDiscountPossible.negated(), adjustments);
      after.pmtDiscGivenLcy = old.pmtDiscGivenLcy.minus(givenLcy);
      if (late) after.acceptedPmtDiscTolerance = true;
      discountTaken = true;
    }
  }
  const amount = appliedAmount(run.applying, old, item.amountToApply, discountTaken, sameSign);
  const { amountLcy, gainLossLcy } = applicationLcy(run.applying, old, amount, run.request.setup.lcyAmountPrecision);
  if (!gainLossLcy.isZero()) {
    adjustments.push(detailedDraft(run, old, gainLossLcy.gt(ZERO) ? 'realizedGain' : 'realizedLoss', ZERO, gainLossLcy));
    postOwnGl(run, adjustments.at(-1)!, undefined);
  }
  const appliedSide = sideAfter(old, after, run.applying, amount.negated(), amountLcy.negated(), ZERO);
  const applyingSide = sideAfter(run.applying, run.applying, old, amount, amountLcy, gainLossLcy);
  run.receivables.add(postingGroupOf(run.request.setup, old.customerPostingGroup), amountLcy.negated());
  run.receivables.add(postingGroupOf(run.request.setup, run.applying.customerPostingGroup), amountLcy);
  run.applications.push({
    documentType: run.request.document.documentType, documentNo: run.request.document.documentNo,
    applied: appliedSide, applying: applyingSide, adjustments,
  });
  run.applying = entryAfter(run.applying, applyingSide);
  return entryAfter(after, appliedSide);
}

/**
 * BC's FindAmtForAppln, in the applied entry's sign: with a discount taken, its whole remaining
 * amount; else the Amount to Apply (or the remaining amount), no more than the applying entry has
 * left. An entry of the applying entry's own sign (Applies-to ID) is taken whole.
 */
function appliedAmount(applying: ApplicationEntry, old: ApplicationEntry, amountToApply: Decimal, discountTaken: boolean, sameSign: boolean): Decimal {
  const target = amountToApply.isZero() || discountTaken ? old.remainingAmount : amountToApply;
  if (sameSign) return target;
  const capacity = applying.remainingAmount.negated();
  return target.abs().lte(capacity.abs()) ? target : capacity;
}

/**
 * The Application pair's Amount (LCY), at the applied entry's rate, and the applying entry's
 * realized gain (+) or loss (−) against its own rate (BC's CalcCurrencyRealizedGainLoss). An entry
 * the step closes gives up its whole remaining LCY, so no rounding residue stays on a closed entry.
 */
export function applicationLcy(applying: ApplicationEntry, old: ApplicationEntry, amount: Decimal, lcyPrecision: Decimal): { amountLcy: Decimal; gainLossLcy: Decimal } {
  const atRate = (value: Decimal, entry: ApplicationEntry) => (entry.currencyCode === '' ? value : roundAmount(value.div(entry.currencyFactor), lcyPrecision));
  const amountLcy = amount.eq(old.remainingAmount) ? old.remainingAmountLcy : atRate(amount, old);
  const share = amount.negated().eq(applying.remainingAmount) ? applying.remainingAmountLcy.negated() : atRate(amount, applying);
  return { amountLcy, gainLossLcy: applying.currencyCode === '' ? ZERO : share.minus(amountLcy) };
}

/**
 * A tolerance or discount (`amount`, applying entry's sign) on the applying entry: its LCY at the
 * applying entry's rate (BC: round((Original Amount + amount) / factor) − Original Amt. (LCY)), split
 * into VAT parts when Adjust for Payment Discount is on. Returns the amount's LCY.
 */
function adjust(run: Run, old: ApplicationEntry, entryType: 'paymentTolerance' | 'paymentDiscount' | 'paymentDiscountTolerance', amount: Decimal, into: DetailedCustomerEntryDraft[]): Decimal {
  const { applying, request } = run;
  const { setup } = request;
  const amountLcy = applying.currencyCode === ''
    ? amount
    : roundAmount(applying.amount.plus(amount).div(applying.currencyFactor), setup.lcyAmountPrecision).minus(applying.amountLcy);
  const split = setup.adjustForPaymentDiscount && !setup.paymentDiscountExcludingVat
    ? splitForVat(amountLcy, old, setup.lcyAmountPrecision) : { shares: [], remainderLcy: amountLcy };
  for (const share of split.shares) {
    const parts = [
      detailedDraft(run, old, `${entryType}VatExcl`, ZERO, share.netLcy), detailedDraft(run, old, `${entryType}VatAdjustment`, ZERO, share.vatLcy),
    ].filter((part) => !part.amountLcy.isZero());
    for (const part of parts) {
      into.push(part);
      postOwnGl(run, part, share.bucket);
    }
    run.vatEntries.push(adjustmentVatEntry(share.bucket, share.netLcy.negated(), share.vatLcy.negated(), applying.customerNo, request.document));
  }
  into.push(detailedDraft(run, old, entryType, amount, split.remainderLcy));
  postOwnGl(run, into.at(-1)!, undefined);
  run.applying = {
    ...applying,
    remainingAmount: applying.remainingAmount.plus(amount),
    remainingAmountLcy: applying.remainingAmountLcy.plus(amountLcy),
  };
  return amountLcy;
}

function detailedDraft(run: Run, old: ApplicationEntry, entryType: DetailedCustomerEntryType, amount: Decimal, amountLcy: Decimal): DetailedCustomerEntryDraft {
  const { applying } = run;
  return { entry: entryRef(applying), other: entryRef(old), entryType, customerNo: applying.customerNo, currencyCode: applying.currencyCode, amount, amountLcy };
}

// The detailed entry's own G/L entry (none when its LCY is 0) and its share of the receivables.
function postOwnGl(run: Run, draft: DetailedCustomerEntryDraft, bucket: Parameters<typeof detailedEntryGlEntry>[4]): void {
  if (draft.amountLcy.isZero()) return;
  const { setup, document } = run.request;
  const group = postingGroupOf(setup, run.applying.customerPostingGroup);
  const accountNo = detailedEntryAccount(draft.entryType, draft.amountLcy.isNegative(), { setup, group, currencyCode: draft.currencyCode, bucket });
  run.glEntries.push(detailedEntryGlEntry(accountNo, draft.amountLcy, draft.customerNo, document, bucket));
  run.receivables.add(group, draft.amountLcy);
}

/** A side of the Application pair and the entry's derived columns after the step. */
function sideAfter(
  before: ApplicationEntry, facts: ApplicationEntry, other: ApplicationEntry, amount: Decimal, amountLcy: Decimal, gainLossLcy: Decimal,
): CustomerApplicationSide {
  const remainingAmount = before.remainingAmount.plus(amount);
  const closes = remainingAmount.isZero();
  return {
    entry: entryRef(before), other: entryRef(other), customerNo: before.customerNo, currencyCode: before.currencyCode,
    amount, amountLcy,
    remainingAmount, remainingAmountLcy: before.remainingAmountLcy.plus(amountLcy).plus(gainLossLcy), open: !closes,
    closedByAmount: closes ? amount.negated() : null,
    remainingPaymentDiscountPossible: closes ? ZERO : facts.remainingPaymentDiscountPossible,
    pmtDiscGivenLcy: facts.pmtDiscGivenLcy,
    acceptedPaymentTolerance: facts.acceptedPaymentTolerance,
    acceptedPmtDiscTolerance: facts.acceptedPmtDiscTolerance,
  };
}

function entryAfter(entry: ApplicationEntry, side: CustomerApplicationSide): ApplicationEntry {
  return {
    ...entry,
    remainingAmount: side.remainingAmount, remainingAmountLcy: side.remainingAmountLcy, open: side.open,
    remainingPaymentDiscountPossible: side.remainingPaymentDiscountPossible ?? entry.remainingPaymentDiscountPossible,
    pmtDiscGivenLcy: side.pmtDiscGivenLcy ?? entry.pmtDiscGivenLcy,
    acceptedPaymentTolerance: side.acceptedPaymentTolerance ?? entry.acceptedPaymentTolerance,
    acceptedPmtDiscTolerance: side.acceptedPmtDiscTolerance ?? entry.acceptedPmtDiscTolerance,
  };
}
