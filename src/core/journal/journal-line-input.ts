/**
 * A general journal line as sent (general-journal.schemas.ts) → the JournalLine core/journal posts:
 * blanks filled in, Amount (LCY) calculated when not sent (Amount / Currency Factor, rounded to the
 * local currency, as BC's Gen. Journal Line does on validating Amount), the payment terms of an
 * invoice-like line.
 */
import { calculateDate } from '../dates/date-formula.ts';
import { DomainError } from '../errors.ts';
import { columnLimits, fitsColumn } from '../money/column-limits.ts';
import { type Decimal, ONE, dec } from '../money/decimal.ts';
import { roundAmount } from '../money/rounding.ts';
import type { GeneralJournalLineInput } from './general-journal.schemas.ts';
import type { JournalLine, JournalLineTerms } from './journal-line.ts';

export interface JournalLineRounding {
  /** The line's currency factor: the one sent, else the exchange rate the shell looked up; 1 for LCY. */
  currencyFactor: Decimal;
  /** Amount Rounding Precision of the local currency (G/L Setup). */
  lcyAmountPrecision: Decimal;
  /** Amount Rounding Precision of the line's currency (its payment discount). */
  amountPrecision: Decimal;
  /** G/L Setup: Payment Discount Grace Period; Pmt. Disc. Tolerance Date = Pmt. Discount Date + it (spec §11.2). Unset = none. */
  paymentDiscountGracePeriod?: string;
}

export function journalLineFromInput(input: GeneralJournalLineInput, index: number, rounding: JournalLineRounding): JournalLine {
  const currencyCode = input.currencyCode ?? '';
  const currencyFactor = currencyCode === '' ? ONE : rounding.currencyFactor;
  const amount = dec(input.amount);
  const amountLcy = input.amountLcy !== undefined ? dec(input.amountLcy) : lcyAmount(amount, currencyFactor, rounding.lcyAmountPrecision, index);
  return {
    lineNo: index + 1,
    postingDate: input.postingDate,
    documentType: input.documentType ?? '',
    documentNo: input.documentNo,
    externalDocumentNo: input.externalDocumentNo ?? '',
    documentDate: input.documentDate ?? input.postingDate,
    accountType: input.accountType,
    accountNo: input.accountNo,
    description: input.description ?? '',
    currencyCode,
    currencyFactor,
    amount,
    amountLcy,
    balAccountType: input.balAccountType ?? null,
    balAccountNo: input.balAccountNo ?? '',
    appliesToDocType: input.appliesToDocType ?? null,
    appliesToDocNo: input.appliesToDocNo ?? null,
    appliesToId: input.appliesToId ?? null,
    genPostingType: '',
    genBusPostingGroup: '',
    genProdPostingGroup: '',
    vatBusPostingGroup: '',
    vatProdPostingGroup: '',
    terms: termsOf(input, amount, rounding),
    party: null,
  };
}

// A line in a currency: Amount (LCY) at the line's factor. An amount the ledger's columns cannot hold is refused by field.
function lcyAmount(amount: Decimal, currencyFactor: Decimal, precision: Decimal, index: number): Decimal {
  if (!currencyFactor.gt(0)) return amount;
  const amountLcy = roundAmount(amount.div(currencyFactor), precision);
  if (!fitsColumn(amountLcy, columnLimits.amount)) {
    throw new DomainError('INVALID_INPUT', {
      detail: `Amount / Currency Factor (${amount.toString()} / ${currencyFactor.toString()}) is larger than an amount can be (${columnLimits.amount.integerDigits} digits before the decimal point)`,
    }, `lines.${index}.currencyFactor`);
  }
  return amountLcy;
}

/** Terms only when the line sends some: a payment's entry is due on its posting date, with no discount. */
function termsOf(input: GeneralJournalLineInput, amount: Decimal, rounding: JournalLineRounding): JournalLineTerms | null {
  if (input.dueDate === undefined && input.paymentDiscountDate === undefined && input.paymentDiscountPercent === undefined) return null;
  const percent = dec(input.paymentDiscountPercent ?? '0');
  const discountDate = input.paymentDiscountDate ?? null;
  return {
    dueDate: input.dueDate ?? input.documentDate ?? input.postingDate,
    paymentDiscountDate: discountDate,
    paymentDiscountToleranceDate: discountDate === null || !rounding.paymentDiscountGracePeriod ? discountDate : calculateDate(rounding.paymentDiscountGracePeriod, discountDate),
    paymentDiscountPossible: roundAmount(amount.times(percent).div(100), rounding.amountPrecision),
  };
}
