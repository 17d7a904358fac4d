/**
 * The application engine (spec §20.3; BC's ApplyCustLedgEntry → PostApply): applies one entry (a
 * payment of the posting, or an open entry) to others, one at a time in the given order. Each
 * applied entry is first seen in the applying entry's currency (application-currency.ts). Per
 * applied entry, as BC: the accepted payment tolerance, the payment discount (on time) or the
 * payment discount tolerance (late, accepted), each on the applying entry with its VAT parts when
 * Adjust for Payment Discount is on; the application rounding left between two currencies; the
 * amount applied (FindAmtForAppln), the realized gain or loss on each entry in a currency; the
 * Application pair; and a Correction of Remaining Amount where the remaining amount (LCY) no longer
 * matches the remaining amount at the entry's rate (CalcAmtLCYAdjustment). Plans the detailed
 * entries, the G/L and VAT entries and every touched entry's derived columns; writes nothing.
 */
import { DomainError } from '../errors.ts';
import { type Decimal, ZERO } from '../money/decimal.ts';
import { roundAmount } from '../money/rounding.ts';
import type { GlEntry, VatEntry } from '../posting/entries.ts';
import { applicationRoundingPrecision, currencyRefusal, exchangeAmount, factorOf, inApplyingCurrency } from './application-currency.ts';
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

/** One step: the applied entry, as it is and as the applying entry's currency sees it, and what the step writes before the pair. */
interface Step {
  old: ApplicationEntry;
  view: AppliedEntryRequest;
  after: ApplicationEntry;
  adjustments: DetailedCustomerEntryDraft[];
}

export const entryRef = (entry: ApplicationEntry): CustomerEntryRef =>
  (entry.newEntryIndex !== null ? { newEntryIndex: entry.newEntryIndex } : { entryNo: entry.entryNo! });

export function planApplication(request: ApplicationRequest): ApplicationResult {
  checkRequest(request);
  const views = request.applied.map((item) => inApplyingCurrency(request.setup, item, request.applying));
  const run: Run = {
    request, decision: decideTolerance({ ...request, applied: views }), applying: { ...request.applying },
    applications: [], glEntries: [], vatEntries: [], receivables: new ReceivablesTotals(),
  };
  const applied = request.applied.map((item, index) => {
    if (run.applying.remainingAmount.isZero()) return item.entry;
    return applyOne(run, item.entry, views[index]!, index);
  });
  correctApplying(run);
  run.glEntries.push(...run.receivables.glEntries(request.applying.customerNo, request.document, request.setup.party));
  return { applications: run.applications, glEntries: run.glEntries, vatEntries: run.vatEntries, applying: run.applying, applied };
}

function checkRequest(request: ApplicationRequest): void {
  const { applying, setup } = request;
  const refuse = (reason: string) => new DomainError('APPLICATION_INVALID', { reason });
  for (const { entry, amountToApply } of request.applied) {
    const name = `${entry.documentType || 'entry'} ${entry.documentNo}`;
    if (entry.customerNo !== applying.customerNo) throw refuse(`${name} belongs to ${setup.party ?? 'customer'} ${entry.customerNo}, not ${applying.customerNo}`);
    const currency = currencyRefusal(setup, applying.currencyCode, entry.currencyCode);
    if (currency) throw refuse(`${name}: ${currency}`);
    if (!entry.open || entry.remainingAmount.isZero()) throw refuse(`${name} is already closed`);
    const sameSign = entry.remainingAmount.isNegative() === applying.remainingAmount.isNegative();
    if (sameSign && request.mode !== 'appliesToId') throw refuse(`${name} has the same sign as the applying entry: a payment cannot be applied to another payment`);
    if (!amountToApply.isZero() && (amountToApply.isNegative() !== entry.remainingAmount.isNegative() || amountToApply.abs().gt(entry.remainingAmount.abs()))) {
      throw refuse(`the Amount to Apply ${amountToApply.toString()} of ${name} must have the sign of its remaining amount ${entry.remainingAmount.toString()} and not exceed it`);
    }
  }
  if (!applying.open || applying.remainingAmount.isZero()) throw refuse('the applying entry is already closed');
}

/** One applied entry (BC's PostApply); returns the applied entry after it. */
function applyOne(run: Run, old: ApplicationEntry, view: AppliedEntryRequest, index: number): ApplicationEntry {
  const step: Step = { old, view, after: { ...old }, adjustments: [] };
  const sameSign = old.remainingAmount.isNegative() === run.applying.remainingAmount.isNegative();
  const discountTaken = !sameSign && toleranceAndDiscount(run, step, index);
  roundAcrossCurrencies(run, step);
  const { applied, oldApplied, appliedLcy } = amountsApplied(run, step, discountTaken, sameSign);
  const applyingGain = realizedGainLoss(run, step, run.applying, applied, appliedLcy);
  const oldGain = realizedGainLoss(run, step, old, oldApplied.negated(), appliedLcy.negated());
  step.after = { ...step.after, remainingAmountLcy: old.remainingAmountLcy.plus(oldGain) };
  const applyingBefore = { ...run.applying, remainingAmountLcy: run.applying.remainingAmountLcy.plus(applyingGain) };
  const appliedSide = sideAfter(step.after, run.applying, oldApplied, appliedLcy, old.maxPaymentTolerance);
  const applyingSide = sideAfter(applyingBefore, old, applied.negated(), appliedLcy.negated(), run.request.applying.maxPaymentTolerance);
  run.receivables.add(postingGroupOf(run.request.setup, old.customerPostingGroup), appliedLcy);
  run.receivables.add(postingGroupOf(run.request.setup, run.applying.customerPostingGroup), appliedLcy.negated());
  const trailing = correction(run, old, run.applying, appliedSide);
  run.applications.push({
    documentType: run.request.document.documentType, documentNo: run.request.document.documentNo,
    applied: appliedSide, applying: applyingSide, adjustments: step.adjustments, trailing,
  });
  run.applying = entryAfter(applyingBefore, applyingSide);
  return entryAfter(step.after, appliedSide);
}

/** The accepted payment tolerance, then the payment discount on time or accepted late; true when a discount was taken. */
function toleranceAndDiscount(run: Run, step: Step, index: number): boolean {
  const { old, view } = step;
  const tolerance = run.decision.acceptedTolerance[index]!;
  if (!tolerance.isZero()) {
    adjust(run, old, 'paymentTolerance', tolerance.negated(), step.adjustments);
    step.after.acceptedPaymentTolerance = tolerance;
  }
  const window = discountWindow(run.applying, view.entry);
  const onTime = window === 'onTime' && discountCovered(run.applying.remainingAmount, view.entry, view.amountToApply);
  const late = window === 'late' && run.decision.lateDiscountAccepted[index]!;
  if (!onTime && !late) return false;
  const discount = view.entry.remainingPaymentDiscountPossible.negated();
  const givenLcy = adjust(run, old, onTime ? 'paymentDiscount' : 'paymentDiscountTolerance', discount, step.adjustments);
  step.after.pmtDiscGivenLcy = old.pmtDiscGivenLcy.minus(givenLcy);
  if (late) step.after.acceptedPmtDiscTolerance = true;
  return true;
}

/**
 * BC's CalcCurrencyApplnRounding: between two currencies, a difference between what the applying
 * entry has left and what the applied entry asks (in the applying currency) of at most the
 * Appln. Rounding Precision goes onto the applying entry, so the two close each other.
 */
function roundAcrossCurrencies(run: Run, step: Step): void {
  const { applying, request } = run;
  if (applying.currencyCode === step.old.currencyCode) return;
  const rounding = applying.remainingAmount.plus(step.view.entry.remainingAmount).negated();
  const precision = applicationRoundingPrecision(request.setup, applying.currencyCode, step.old.currencyCode);
  if (rounding.isZero() || rounding.abs().gt(precision)) return;
  const roundingLcy = roundAmount(rounding.div(factorOf(applying)), request.setup.lcyAmountPrecision);
  step.adjustments.push(detailedDraft(run, applying, step.old, 'applicationRounding', rounding, roundingLcy));
  postOwnGl(run, step.adjustments.at(-1)!, undefined);
  run.applying = {
    ...applying, remainingAmount: applying.remainingAmount.plus(rounding), remainingAmountLcy: applying.remainingAmountLcy.plus(roundingLcy),
  };
}

/**
 * BC's FindAmtForAppln. `applied` is in the applying entry's currency and sign; `oldApplied` the
 * same in the applied entry's currency (its whole remaining amount when it closes); `appliedLcy`
 * the pair's LCY: at the applied entry's rate, or the applying amount itself when that one is LCY.
 */
function amountsApplied(run: Run, step: Step, discountTaken: boolean, sameSign: boolean) {
  const { applying, request } = run;
  const { old } = step;
  const { entry: converted, amountToApply } = step.view;
  const remaining = converted.remainingAmount;
  const lcy = (value: Decimal) => roundAmount(value, request.setup.lcyAmountPrecision);
  const absMin = (a: Decimal, b: Decimal) => (a.abs().lt(b.abs()) ? a : b);
  let applied: Decimal;
  if (sameSign) applied = (amountToApply.isZero() ? remaining : amountToApply).negated();
  else if (amountToApply.isZero()) applied = absMin(applying.remainingAmount, remaining.negated());
  else applied = discountTaken ? remaining.negated() : absMin(applying.remainingAmount, amountToApply.negated());
  const precision = applicationRoundingPrecision(request.setup, applying.currencyCode, old.currencyCode);
  if (!amountToApply.isZero() && !precision.isZero() && remaining.minus(amountToApply).abs().lt(precision)) {
    applied = applied.minus(remaining.minus(amountToApply));
  }
  if (applying.currencyCode === old.currencyCode) return { applied, oldApplied: applied, appliedLcy: lcy(applied.div(factorOf(old))) };
  const oldApplied = applied.eq(remaining.negated())
    ? old.remainingAmount.negated()
    : exchangeAmount(request.setup, applied, applying.currencyCode, old.currencyCode, applying.postingDate);
  const appliedLcy = applying.currencyCode !== '' ? lcy(oldApplied.div(factorOf(old))) : lcy(applied.div(factorOf(applying)));
  return { applied, oldApplied, appliedLcy };
}

/**
 * BC's CalcCurrencyRealizedGainLoss for one side: on an entry in a currency, what the pair's LCY
 * gives it beyond its own rate's share of `amount` (in its sign), as Realized Gain (+) or Loss (−).
 * Returns the LCY written.
 */
function realizedGainLoss(run: Run, step: Step, entry: ApplicationEntry, amount: Decimal, amountLcy: Decimal): Decimal {
  if (entry.currencyCode === '') return ZERO;
  const ownLcy = roundAmount(amount.div(factorOf(entry)), run.request.setup.lcyAmountPrecision);
  const gainLossLcy = amountLcy.minus(ownLcy);
  if (gainLossLcy.isZero()) return ZERO;
  const other = entry === step.old ? run.applying : step.old;
  step.adjustments.push(detailedDraft(run, entry, other, gainLossLcy.gt(ZERO) ? 'realizedGain' : 'realizedLoss', ZERO, gainLossLcy));
  postOwnGl(run, step.adjustments.at(-1)!, undefined);
  return gainLossLcy;
}

/**
 * BC's CalcAmtLCYAdjustment on the applied entry of a step: in a currency, its remaining amount
 * (LCY) is brought to its remaining amount at its rate, as a Correction of Remaining Amount.
 */
function correction(run: Run, entry: ApplicationEntry, other: ApplicationEntry, side: CustomerApplicationSide): DetailedCustomerEntryDraft[] {
  if (entry.currencyCode === '') return [];
  const adjusted = roundAmount(side.remainingAmount.div(factorOf(entry)), run.request.setup.lcyAmountPrecision);
  const difference = adjusted.minus(side.remainingAmountLcy);
  if (difference.isZero()) return [];
  const draft = detailedDraft(run, entry, other, 'correctionOfRemainingAmount', ZERO, difference);
  postOwnGl(run, draft, undefined);
  side.remainingAmountLcy = adjusted;
  return [draft];
}

/** The same for the applying entry, once after its last step (BC corrects it after the loop). */
function correctApplying(run: Run): void {
  const last = run.applications.at(-1);
  if (!last) return;
  const drafts = correction(run, run.applying, run.request.applying, last.applying);
  if (drafts.length === 0) return;
  last.trailing = [...(last.trailing ?? []), ...drafts.map((draft) => ({ ...draft, other: last.applied.entry }))];
  run.applying = { ...run.applying, remainingAmountLcy: last.applying.remainingAmountLcy };
}

/**
 * A tolerance or discount (`amount`, applying entry's currency and sign) on the applying entry: its
 * LCY at the applying entry's rate (BC: round((Original Amount + amount) / factor) − Original Amt.
 * (LCY)), split into VAT parts when Adjust for Payment Discount is on. Returns the amount's LCY.
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
      detailedDraft(run, applying, old, `${entryType}VatExcl`, ZERO, share.netLcy), detailedDraft(run, applying, old, `${entryType}VatAdjustment`, ZERO, share.vatLcy),
    ].filter((part) => !part.amountLcy.isZero());
    for (const part of parts) {
      into.push(part);
      postOwnGl(run, part, share.bucket);
    }
    run.vatEntries.push(adjustmentVatEntry(share.bucket, share.netLcy.negated(), share.vatLcy.negated(), applying.customerNo, request.document, request.setup.party));
  }
  into.push(detailedDraft(run, applying, old, entryType, amount, split.remainderLcy));
  postOwnGl(run, into.at(-1)!, undefined);
  run.applying = {
    ...applying,
    remainingAmount: applying.remainingAmount.plus(amount),
    remainingAmountLcy: applying.remainingAmountLcy.plus(amountLcy),
  };
  return amountLcy;
}

function detailedDraft(
  run: Run, entry: ApplicationEntry, other: ApplicationEntry, entryType: DetailedCustomerEntryType, amount: Decimal, amountLcy: Decimal,
): DetailedCustomerEntryDraft {
  return { entry: entryRef(entry), other: entryRef(other), entryType, customerNo: run.applying.customerNo, currencyCode: entry.currencyCode, amount, amountLcy };
}

// The detailed entry's own G/L entry (none when its LCY is 0) and its share of the receivables; as
// BC, on the applying entry's posting group whichever entry it is on (only Application pairs split).
function postOwnGl(run: Run, draft: DetailedCustomerEntryDraft, bucket: Parameters<typeof detailedEntryGlEntry>[4]): void {
  if (draft.amountLcy.isZero()) return;
  const { setup, document } = run.request;
  const group = postingGroupOf(setup, run.applying.customerPostingGroup);
  const accountNo = detailedEntryAccount(draft.entryType, draft.amountLcy.isNegative(), { setup, group, currencyCode: draft.currencyCode, bucket });
  run.glEntries.push(detailedEntryGlEntry(accountNo, draft.amountLcy, draft.customerNo, document, bucket, setup.party));
  run.receivables.add(group, draft.amountLcy);
}

/**
 * A side of the Application pair (`amount` and `amountLcy` change the entry's remaining amounts)
 * and the entry's derived columns after the step. As BC's CalcRemainingPmtDisc, Max. Payment
 * Tolerance is capped at the remaining amount, and a closed entry has neither discount nor tolerance left.
 */
function sideAfter(before: ApplicationEntry, other: ApplicationEntry, amount: Decimal, amountLcy: Decimal, previousMax: Decimal): CustomerApplicationSide {
  const remainingAmount = before.remainingAmount.plus(amount);
  const closes = remainingAmount.isZero();
  const capped = before.maxPaymentTolerance.abs().gt(remainingAmount.abs()) ? remainingAmount : before.maxPaymentTolerance;
  return {
    entry: entryRef(before), other: entryRef(other), customerNo: before.customerNo, currencyCode: before.currencyCode,
    amount, amountLcy,
    remainingAmount, remainingAmountLcy: before.remainingAmountLcy.plus(amountLcy), open: !closes,
    closedByAmount: closes ? amount.negated() : null,
    remainingPaymentDiscountPossible: closes ? ZERO : before.remainingPaymentDiscountPossible,
    pmtDiscGivenLcy: before.pmtDiscGivenLcy,
    acceptedPaymentTolerance: before.acceptedPaymentTolerance,
    acceptedPmtDiscTolerance: before.acceptedPmtDiscTolerance,
    maxPaymentTolerance: closes ? ZERO : capped,
    previousMaxPaymentTolerance: previousMax,
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
    maxPaymentTolerance: side.maxPaymentTolerance ?? entry.maxPaymentTolerance,
  };
}
