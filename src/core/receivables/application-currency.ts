/**
 * Applying entries in different currencies (spec §20.3; BC's Sales & Receivables Setup "Appln.
 * between Currencies", Gen. Jnl.-Apply CheckAgainstApplnCurrency, Currency Exchange Rate
 * ExchangeAmount, Gen. Jnl.-Post Line GetApplnRoundPrecision): which currencies may meet in one
 * application, how an amount converts between two currencies, and within which precision a
 * difference left between them is closed as application rounding. '' is the local currency.
 */
import { compareDates, type IsoDate } from '../dates/calendar-date.ts';
import { DomainError } from '../errors.ts';
import { type Decimal, ONE, ZERO, dec } from '../money/decimal.ts';
import { roundAmount } from '../money/rounding.ts';
import type { ApplicationEntry, ApplicationSetup, AppliedEntryRequest } from './application-types.ts';

const caption = (setup: ApplicationSetup, code: string) => (code === '' ? `the local currency${setup.lcyCode ? ` ${setup.lcyCode}` : ''}` : code);

const isEmu = (setup: ApplicationSetup, code: string) =>
  (code === '' ? setup.lcyEmuCurrency === true : setup.currencies.get(code)?.emuCurrency === true);

/**
 * Why entries in these two currencies may not be applied to each other, or null when they may:
 * None allows one currency only, EMU any two EMU currencies (the local currency counts when the
 * G/L setup says it is one), All any two.
 */
export function currencyRefusal(setup: ApplicationSetup, applyingCode: string, appliedCode: string): string | null {
  if (applyingCode === appliedCode) return null;
  const both = `${caption(setup, applyingCode)} and ${caption(setup, appliedCode)}`;
  const mode = setup.applicationBetweenCurrencies ?? 'none';
  if (mode === 'none') {
    return `the entries are in different currencies (${both}) and Appln. between Currencies in the Sales & Receivables Setup is None`;
  }
  if (mode === 'emu' && !(isEmu(setup, applyingCode) && isEmu(setup, appliedCode))) {
    return `the entries are in different currencies (${both}) that are not both EMU currencies, and Appln. between Currencies is EMU`;
  }
  return null;
}

export const currenciesMayMeet = (setup: ApplicationSetup, applyingCode: string, appliedCode: string) =>
  currencyRefusal(setup, applyingCode, appliedCode) === null;

/** The currency's rate valid on the date (the latest starting on or before it). */
function rateOn(setup: ApplicationSetup, code: string, date: IsoDate) {
  const rates = setup.currencies.get(code)?.exchangeRates ?? [];
  const valid = rates.filter((rate) => compareDates(rate.startingDate, date) <= 0);
  const rate = valid.reduce<(typeof valid)[number] | undefined>((latest, candidate) =>
    (!latest || compareDates(candidate.startingDate, latest.startingDate) > 0 ? candidate : latest), undefined);
  if (!rate) throw new DomainError('EXCHANGE_RATE_MISSING', { currencyCode: code, date });
  return rate;
}

export function amountPrecisionOf(setup: ApplicationSetup, code: string): Decimal {
  return code === '' ? setup.lcyAmountPrecision : setup.currencies.get(code)?.amountPrecision ?? dec('0.01');
}

/**
 * BC's ExchangeAmount: an amount of one currency in another, through LCY at the rates valid on the
 * date, unrounded on the way and rounded to the target currency's Amount Rounding Precision.
 */
export function exchangeAmount(setup: ApplicationSetup, amount: Decimal, fromCode: string, toCode: string, date: IsoDate): Decimal {
  if (fromCode === toCode || amount.isZero()) return amount;
  let value = amount;
  if (fromCode !== '') {
    const from = rateOn(setup, fromCode, date);
    value = value.times(from.relationalExchangeRateAmount).div(from.exchangeRateAmount);
  }
  if (toCode !== '') {
    const to = rateOn(setup, toCode, date);
    value = value.times(to.exchangeRateAmount).div(to.relationalExchangeRateAmount);
  }
  return roundAmount(value, amountPrecisionOf(setup, toCode));
}

/**
 * BC's GetApplnRoundPrecision: the Appln. Rounding Precision of the applying entry's currency (of the
 * applied entry's when the applying one is in LCY), else the G/L setup's; 0 when both are in LCY.
 */
export function applicationRoundingPrecision(setup: ApplicationSetup, applyingCode: string, appliedCode: string): Decimal {
  const code = applyingCode !== '' ? applyingCode : appliedCode;
  if (code === '') return ZERO;
  const own = setup.currencies.get(code)?.applicationRoundingPrecision ?? ZERO;
  return own.isZero() ? setup.applicationRoundingPrecision ?? ZERO : own;
}

/**
 * The precision the payment tolerance check leaves to application rounding (BC's Payment Tolerance
 * Management GetApplicationRoundingPrecisionFor…): none within one currency; across currencies the
 * applying currency's Appln. Rounding Precision, the G/L setup's for an applying entry in LCY.
 */
export function toleranceRoundingPrecision(setup: ApplicationSetup, applyingCode: string, appliedCodes: readonly string[]): Decimal {
  if (appliedCodes.every((code) => code === applyingCode)) return ZERO;
  if (applyingCode === '') return setup.applicationRoundingPrecision ?? ZERO;
  return setup.currencies.get(applyingCode)?.applicationRoundingPrecision ?? ZERO;
}

/** Units of the currency per 1 LCY of an entry (its Original Currency Factor; 1 in LCY). */
export const factorOf = (entry: ApplicationEntry): Decimal => (entry.currencyCode === '' || entry.currencyFactor.isZero() ? ONE : entry.currencyFactor);

/**
 * An applied entry as the applying entry's currency sees it (BC's RecalculateAmounts and
 * UpdateAmountsForApplication at the applying entry's posting date): amount, remaining amount,
 * remaining discount, Max. Payment Tolerance and Amount to Apply converted; the rest unchanged.
 */
export function inApplyingCurrency(setup: ApplicationSetup, item: AppliedEntryRequest, applying: ApplicationEntry): AppliedEntryRequest {
  const { entry } = item;
  if (entry.currencyCode === applying.currencyCode) return item;
  const convert = (value: Decimal) => exchangeAmount(setup, value, entry.currencyCode, applying.currencyCode, applying.postingDate);
  return {
    entry: {
      ...entry, amount: convert(entry.amount), remainingAmount: convert(entry.remainingAmount),
      remainingPaymentDiscountPossible: convert(entry.remainingPaymentDiscountPossible), maxPaymentTolerance: convert(entry.maxPaymentTolerance),
    },
    amountToApply: convert(item.amountToApply),
  };
}
