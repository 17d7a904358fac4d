import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Decimal, ZERO, dec, sum } from '../../../src/core/money/decimal.ts';
import { roundAmount } from '../../../src/core/money/rounding.ts';
import {
  applicationRoundingPrecision, currencyRefusal, exchangeAmount, toleranceRoundingPrecision,
} from '../../../src/core/receivables/application-currency.ts';
import { planApplication } from '../../../src/core/receivables/application-plan.ts';
import type { ApplicationCurrency, ApplicationSetup } from '../../../src/core/receivables/application-types.ts';
import { domainErrorOf } from '../domain-error-helper.ts';
import { accounts, applicationSetup, domesticGroup, invoice, payment, request } from './application-fixture.ts';

// USD: 110 per 100 EUR from 03-01, 120 from 03-20; CHF: 90 per 100 EUR from 03-01; NLG (EMU) 220.371.
const rates = (...pairs: [string, string][]) => pairs.map(([startingDate, amount]) => ({
  startingDate, exchangeRateAmount: dec(amount), relationalExchangeRateAmount: dec('100'),
}));
const currency = (overrides: Partial<ApplicationCurrency>): ApplicationCurrency => ({
  realizedGainsAccount: accounts.realizedGains, realizedLossesAccount: accounts.realizedLosses, amountPrecision: dec('0.01'), ...overrides,
});

function setup(overrides: Partial<ApplicationSetup> = {}): ApplicationSetup {
  return applicationSetup({
    applicationBetweenCurrencies: 'all', lcyCode: 'EUR',
    customerPostingGroups: new Map([['DOMESTIC', {
      ...domesticGroup, debitCurrencyApplicationRoundingAccount: '9330', creditCurrencyApplicationRoundingAccount: '9331',
      debitRoundingAccount: '9340', creditRoundingAccount: '9341',
    }]]),
    currencies: new Map([
      ['USD', currency({ exchangeRates: rates(['2026-03-01', '110'], ['2026-03-20', '120']) })],
      ['CHF', currency({ exchangeRates: rates(['2026-03-01', '90']) })],
      ['NLG', currency({ emuCurrency: true, exchangeRates: rates(['2026-01-01', '220.371']) })],
    ]),
    ...overrides,
  });
}

describe('converting and allowing currencies (BC ExchangeAmount, CheckAgainstApplnCurrency, GetApplnRoundPrecision)', () => {
  it('converts through LCY at the rates valid on the date, rounding once, to the target currency', () => {
    const s = setup();
    expect(exchangeAmount(s, dec('110'), 'USD', '', '2026-03-08').toFixed(2)).toBe('100.00');
    expect(exchangeAmount(s, dec('100'), 'USD', '', '2026-03-20').toFixed(2)).toBe('83.33');
    expect(exchangeAmount(s, dec('-45'), 'CHF', 'USD', '2026-03-08').toFixed(2)).toBe('-55.00');
    expect(exchangeAmount(s, dec('100'), 'USD', 'CHF', '2026-03-20').toFixed(2)).toBe('75.00');
    expect(domainErrorOf(() => exchangeAmount(s, dec('1'), 'USD', '', '2026-02-01')).code).toBe('EXCHANGE_RATE_MISSING');
  });

  it('None allows one currency, EMU two EMU currencies (LCY when the G/L setup says so), All any two', () => {
    expect(currencyRefusal(setup({ applicationBetweenCurrencies: 'none' }), '', 'USD')).toContain('(the local currency EUR and USD)');
    expect(currencyRefusal(setup({ applicationBetweenCurrencies: 'none' }), 'USD', 'USD')).toBeNull();
    expect(currencyRefusal(setup({ applicationBetweenCurrencies: 'emu' }), '', 'NLG')).toContain('not both EMU');
    expect(currencyRefusal(setup({ applicationBetweenCurrencies: 'emu', lcyEmuCurrency: true }), '', 'NLG')).toBeNull();
    expect(currencyRefusal(setup({ applicationBetweenCurrencies: 'emu', lcyEmuCurrency: true }), 'USD', 'NLG')).toContain('not both EMU');
    expect(currencyRefusal(setup(), 'CHF', 'USD')).toBeNull();
  });

  it('rounds with the applying currency\'s precision (the applied one\'s from LCY), else the G/L setup\'s; none between LCY entries', () => {
    const s = setup({ applicationRoundingPrecision: dec('0.10') });
    const own = setup({ currencies: new Map([['USD', currency({ applicationRoundingPrecision: dec('0.05') })]]) });
    expect(applicationRoundingPrecision(own, '', 'USD').toFixed(2)).toBe('0.05');
    expect(applicationRoundingPrecision(s, 'CHF', 'USD').toFixed(2)).toBe('0.10');
    expect(applicationRoundingPrecision(s, '', '').toFixed(2)).toBe('0.00');
    expect(toleranceRoundingPrecision(own, 'USD', ['USD']).toFixed(2)).toBe('0.00');
    expect(toleranceRoundingPrecision(s, '', ['USD']).toFixed(2)).toBe('0.10');
  });
});

describe('the engine across currencies', () => {
  // USD 100.00 invoiced at 1.1: 90.91 LCY.
  const usdInvoice = () => invoice(21, 'PI-USD', '100', { currencyCode: 'USD', currencyFactor: dec('1.1'), amountLcy: dec('90.91'), remainingAmountLcy: dec('90.91') });

  it('a partial USD payment at another rate: gain on the payment, a correction of -0.01 on the invoice after the pair (BC CalcAmtLCYAdjustment)', () => {
    const usdPayment = payment('-50', '2026-03-08', { currencyCode: 'USD', currencyFactor: dec('1'), amountLcy: dec('-50'), remainingAmountLcy: dec('-50') });
    const result = planApplication(request(usdPayment, [usdInvoice()], { setup: setup() }));
    const plan = result.applications[0]!;
    expect(plan.adjustments!.map((entry) => [entry.entryType, entry.amountLcy.toFixed(2)])).toEqual([['realizedGain', '4.55']]);
    expect([plan.applied.amount.toFixed(2), plan.applied.amountLcy.toFixed(2), plan.applied.remainingAmountLcy.toFixed(2)]).toEqual(['-50.00', '-45.45', '45.45']);
    expect(plan.trailing!.map((entry) => [entry.entryType, entry.amountLcy.toFixed(2)])).toEqual([['correctionOfRemainingAmount', '-0.01']]);
    expect(result.glEntries.map((entry) => [entry.accountNo, entry.amount.toFixed(2)])).toEqual([
      [accounts.realizedGains, '-4.55'], ['9340', '0.01'], [accounts.receivables, '4.54'],
    ]);
  });

  it('an LCY payment within the precision closes the invoice with application rounding; refused between currencies under None', () => {
    const s = setup({ currencies: new Map([['USD', currency({ applicationRoundingPrecision: dec('0.05'), exchangeRates: rates(['2026-03-20', '120']) })]]) });
    const result = planApplication(request(payment('-83.30', '2026-03-20'), [usdInvoice()], { setup: s }));
    expect(result.applications[0]!.adjustments!.map((entry) => [entry.entryType, entry.amount.toFixed(2), entry.amountLcy.toFixed(2)])).toEqual([
      ['applicationRounding', '-0.03', '-0.03'], ['realizedLoss', '0.00', '-7.58'],
    ]);
    expect(result.applied[0]!.open || result.applying.open).toBe(false);
    const none = request(payment('-83.30', '2026-03-20'), [usdInvoice()], { setup: setup({ applicationBetweenCurrencies: 'none' }) });
    expect(domainErrorOf(() => planApplication(none)).code).toBe('APPLICATION_INVALID');
  });

  it('property: any payment in EUR, USD or CHF applied to a USD invoice balances, and every entry in a currency keeps remaining (LCY) = remaining at its rate', () => {
    const cents = (low: number, high: number) => fc.integer({ min: low, max: high }).map((value) => dec(String(value)).div(100));
    fc.assert(fc.property(cents(1, 1_000_000), cents(1, 1_000_000), fc.constantFrom('', 'USD', 'CHF'), fc.integer({ min: 80, max: 150 }),
      (invoiced, paid, code, factorPercent) => {
        const factor = dec(String(factorPercent)).div(100);
        const lcy = (value: Decimal, f: Decimal) => roundAmount(value.div(f), dec('0.01'));
        const entry = invoice(21, 'PI', invoiced.toString(), { currencyCode: 'USD', currencyFactor: factor, amountLcy: lcy(invoiced, factor), remainingAmountLcy: lcy(invoiced, factor) });
        const payFactor = code === '' ? dec('1') : code === 'USD' ? dec('1.1') : dec('0.9');
        const applying = payment(paid.negated().toString(), '2026-03-08', {
          currencyCode: code, currencyFactor: payFactor, amountLcy: lcy(paid.negated(), payFactor), remainingAmountLcy: lcy(paid.negated(), payFactor),
        });
        const result = planApplication(request(applying, [entry], { setup: setup() }));
        expect(sum(result.glEntries.map((gl) => gl.amount)).isZero()).toBe(true);
        for (const after of [result.applied[0]!, result.applying]) {
          if (after.currencyCode !== '') expect(after.remainingAmountLcy.toFixed(2)).toBe(lcy(after.remainingAmount, after.currencyFactor).toFixed(2));
          expect(after.remainingAmount.isZero() ? ZERO.toFixed(2) : 'open').toBe(after.open ? 'open' : '0.00');
        }
      }), { numRuns: 200 });
  });
});
