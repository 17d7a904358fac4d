/**
 * Applying one customer ledger entry to another (spec §20.3), as a credit memo posted with
 * Applies-to Doc. No. does (spec §17.3, §18.3): planned as data, so a posting's preview shows it and
 * the ledger appends it with the rest. Same currency only; payments apply through the engine of
 * application-plan.ts (discounts, tolerance, gains and losses, other currencies).
 */
import { DomainError } from '../errors.ts';
import { type Decimal, ZERO } from '../money/decimal.ts';
import type {
  ApplicableCustomerEntry, CustomerApplicationPlan, CustomerApplicationSide, CustomerEntryRef,
} from './application-types.ts';

export type {
  ApplicableCustomerEntry, CustomerApplicationPlan, CustomerApplicationSide, CustomerEntryRef,
} from './application-types.ts';

const refOf = (entry: ApplicableCustomerEntry): CustomerEntryRef =>
  (entry.newEntryIndex !== null ? { newEntryIndex: entry.newEntryIndex } : { entryNo: entry.entryNo! });

/**
 * Applies `applying` (e.g. the new credit memo) to `applied` (the invoice) for as much as both have
 * open: min(|remaining|); opposite signs required.
 */
export function planCustomerApplication(
  applying: ApplicableCustomerEntry, applied: ApplicableCustomerEntry, document: { documentType: string; documentNo: string },
): CustomerApplicationPlan {
  const refuse = (reason: string) => new DomainError('APPLICATION_INVALID', { reason });
  if (applying.customerNo !== applied.customerNo) throw refuse('the entries belong to different customers');
  if (applying.currencyCode !== applied.currencyCode) {
    throw refuse(`the entries are in different currencies (${applying.currencyCode || 'local currency'} and ${applied.currencyCode || 'local currency'})`);
  }
  if (!applied.open || applied.remainingAmount.isZero()) throw refuse(`entry ${applied.entryNo ?? 'new'} is already closed`);
  if (applying.remainingAmount.gt(ZERO) === applied.remainingAmount.gt(ZERO)) throw refuse('entries with the same sign cannot be applied to each other');
  // What the applied entry gives up, in its own sign; the applying entry moves by the opposite.
  const amount = applying.remainingAmount.abs().lessThan(applied.remainingAmount.abs()) ? applying.remainingAmount.negated() : applied.remainingAmount;
  const amountLcy = lcyShare(applied, amount);
  return {
    ...document,
    applied: side(applied, applying, amount.negated(), amountLcy.negated()),
    applying: side(applying, applied, amount, amountLcy),
  };
}

// The LCY part of an amount of the entry, at the entry's own rate.
function lcyShare(entry: ApplicableCustomerEntry, value: Decimal): Decimal {
  return entry.amount.isZero() ? value : value.times(entry.amountLcy).div(entry.amount).toDecimalPlaces(2);
}

function side(entry: ApplicableCustomerEntry, other: ApplicableCustomerEntry, change: Decimal, changeLcy: Decimal): CustomerApplicationSide {
  const remainingAmount = entry.remainingAmount.plus(change);
  const closes = remainingAmount.isZero();
  return {
    entry: refOf(entry), other: refOf(other), customerNo: entry.customerNo, currencyCode: entry.currencyCode,
    amount: change, amountLcy: changeLcy,
    remainingAmount, remainingAmountLcy: entry.remainingAmountLcy.plus(changeLcy), open: !closes,
    closedByAmount: closes ? change.negated() : null,
    // A closed entry offers no discount any more (BC's CalcRemainingPmtDisc).
    ...(closes ? { remainingPaymentDiscountPossible: ZERO } : {}),
  };
}
