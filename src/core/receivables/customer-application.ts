/**
 * Applying one customer ledger entry to another (spec §20.3), as a credit memo posted with
 * Applies-to Doc. No. does (spec §17.3, §18.3): planned as data, so a posting's preview shows it and
 * the ledger appends it with the rest. Same currency only (gains and losses come with receivables).
 */
import { DomainError } from '../errors.ts';
import { type Decimal, ZERO } from '../money/decimal.ts';

/** An entry as the application sees it: a loaded open entry, or one the same posting creates. */
export interface ApplicableCustomerEntry {
  /** A new entry of the posting: its index among the posting's customer entries; else null. */
  newEntryIndex: number | null;
  /** An existing entry's number; null for a new one. */
  entryNo: number | null;
  customerNo: string;
  currencyCode: string;
  amount: Decimal;
  amountLcy: Decimal;
  remainingAmount: Decimal;
  remainingAmountLcy: Decimal;
  open: boolean;
}

export type CustomerEntryRef = { newEntryIndex: number } | { entryNo: number };

/** One side of the application: its Application detailed entry and the entry's new derived columns. */
export interface CustomerApplicationSide {
  entry: CustomerEntryRef;
  /** The other entry (Applied Cust. Ledger Entry No. of the detailed entry). */
  other: CustomerEntryRef;
  customerNo: string;
  currencyCode: string;
  /** The detailed entry's amounts: the change of this entry's remaining amount. */
  amount: Decimal;
  amountLcy: Decimal;
  remainingAmount: Decimal;
  remainingAmountLcy: Decimal;
  open: boolean;
  /** Set when the application closes the entry: Closed by Amount (the amount that closed it). */
  closedByAmount: Decimal | null;
}

export interface CustomerApplicationPlan {
  /** The applying entry's document: the Document Type / No. of both detailed entries. */
  documentType: string;
  documentNo: string;
  applied: CustomerApplicationSide;
  applying: CustomerApplicationSide;
}

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
  if (applying.currencyCode !== applied.currencyCode) throw refuse('the entries are in different currencies');
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
  };
}
