/**
 * What an application reads of the currencies and the setups besides the G/L setup (spec §20.3,
 * §20.5): per currency its realized gains and losses accounts, precisions, payment tolerance, EMU
 * flag and exchange rates (BC converts applied entries at the rates of the applying entry's
 * posting date); Sales & Receivables Setup's Appln. between Currencies; the G/L setup's LCY code,
 * EMU Currency and Appln. Rounding Precision. Setup tables are small: read whole.
 */
import { asc, eq } from 'drizzle-orm';
import type { IsoDate } from '../../core/dates/calendar-date.ts';
import { type Decimal, dec } from '../../core/money/decimal.ts';
import { toleranceSetupOf } from '../../core/receivables/payment-tolerance.ts';
import type { ApplicationCurrency, ApplicationSetup, CurrencyExchangeRate } from '../../core/receivables/application-types.ts';
import type { Executor } from '../db/connection.ts';
import { currency, currencyExchangeRate, type generalLedgerSetup, salesReceivablesSetup } from '../db/schema/index.ts';

type GlSetup = typeof generalLedgerSetup.$inferSelect;

export type ApplicationCurrencySetup = Pick<ApplicationSetup, 'currencies' | 'applicationBetweenCurrencies' | 'lcyCode' | 'lcyEmuCurrency' | 'applicationRoundingPrecision'>;

export async function loadApplicationCurrencies(tx: Executor, glSetup: GlSetup): Promise<ApplicationCurrencySetup> {
  const rows = await tx.select().from(currency);
  const rates = await tx.select().from(currencyExchangeRate).orderBy(asc(currencyExchangeRate.currencyCode), asc(currencyExchangeRate.startingDate));
  const [sales] = await tx.select({ mode: salesReceivablesSetup.applicationBetweenCurrencies }).from(salesReceivablesSetup).where(eq(salesReceivablesSetup.id, 1));
  const ratesOf = (code: string): CurrencyExchangeRate[] => rates.filter((rate) => rate.currencyCode === code).map((rate) => ({
    startingDate: rate.startingDate as IsoDate, exchangeRateAmount: dec(rate.exchangeRateAmount), relationalExchangeRateAmount: dec(rate.relationalExchangeRateAmount),
  }));
  const currencies = new Map(rows.map((row): [string, ApplicationCurrency] => [row.code, {
    realizedGainsAccount: row.realizedGainsAccount ?? '', realizedLossesAccount: row.realizedLossesAccount ?? '',
    amountPrecision: dec(row.amountRoundingPrecision), applicationRoundingPrecision: dec(row.applnRoundingPrecision), emuCurrency: row.emuCurrency,
    paymentTolerancePercent: dec(row.paymentTolerancePercent), maxPaymentToleranceAmount: dec(row.maxPaymentToleranceAmount),
    exchangeRates: ratesOf(row.code),
  }]));
  const mode = sales?.mode === 'all' || sales?.mode === 'emu' ? sales.mode : 'none';
  return {
    currencies, applicationBetweenCurrencies: mode, lcyCode: glSetup.lcyCode, lcyEmuCurrency: glSetup.emuCurrency,
    applicationRoundingPrecision: dec(glSetup.applnRoundingPrecision),
  };
}

/**
 * The payment tolerance a new invoice or credit memo in `currencyCode` gets (BC's
 * CalcMaxPmtTolerance): the currency's Payment Tolerance % and Max. Payment Tolerance Amount with
 * its Amount Rounding Precision, the G/L setup's in LCY.
 */
export async function paymentToleranceSetup(
  tx: Executor, glSetup: GlSetup, currencyCode: string | null,
): Promise<{ tolerancePercent: Decimal; maxToleranceAmount: Decimal; amountPrecision: Decimal }> {
  const lcy = { tolerancePercent: dec(glSetup.paymentTolerancePercent), maxToleranceAmount: dec(glSetup.maxPaymentToleranceAmount) };
  if (!currencyCode) return { ...lcy, amountPrecision: dec(glSetup.amountRoundingPrecision) };
  const [row] = await tx.select().from(currency).where(eq(currency.code, currencyCode));
  const own = row ? { paymentTolerancePercent: dec(row.paymentTolerancePercent), maxPaymentToleranceAmount: dec(row.maxPaymentToleranceAmount) } : undefined;
  return {
    ...toleranceSetupOf(currencyCode, lcy, own ? { realizedGainsAccount: '', realizedLossesAccount: '', ...own } : undefined),
    amountPrecision: dec(row?.amountRoundingPrecision ?? glSetup.amountRoundingPrecision),
  };
}
