import { describe, expect, it } from 'vitest';
import { ZERO, dec, sum } from '../../../src/core/money/decimal.ts';
import { type ApplicationResult, planApplication } from '../../../src/core/receivables/application-plan.ts';
import type { CustomerEntryRef } from '../../../src/core/receivables/application-types.ts';
import { domainErrorOf } from '../domain-error-helper.ts';
import { accounts, applicationSetup, invoice, invoicePi20, payment, request, vatBucket } from './application-fixture.ts';

const key = (ref: CustomerEntryRef) => ('entryNo' in ref ? `#${ref.entryNo}` : `new${ref.newEntryIndex}`);

/** Every detailed entry of the result as [entry, type, amount, amountLcy], in writing order. */
function detailed(result: ApplicationResult): string[][] {
  return result.applications.flatMap((plan) => [
    ...(plan.adjustments ?? []).map((entry) => [key(entry.entry), entry.entryType, entry.amount.toFixed(2), entry.amountLcy.toFixed(2)]),
    [key(plan.applied.entry), 'application', plan.applied.amount.toFixed(2), plan.applied.amountLcy.toFixed(2)],
    [key(plan.applying.entry), 'application', plan.applying.amount.toFixed(2), plan.applying.amountLcy.toFixed(2)],
  ]);
}
const gl = (result: ApplicationResult) => result.glEntries.map((entry) => [entry.accountNo, entry.amount.toFixed(2)]);
const balance = (result: ApplicationResult) => sum(result.glEntries.map((entry) => entry.amount));

describe('worked example 13 (spec §20.4): payment discount', () => {
  it('950.00 on 2026-03-08 closes PI-20 with the 50.00 discount: Dr payment discount 50.00, Cr receivables 50.00 besides the payment', () => {
    const result = planApplication(request(payment('-950', '2026-03-08'), [invoicePi20()]));
    // BC writes the discount on the payment entry; the application then takes the invoice's whole 1000.00.
    expect(detailed(result)).toEqual([
      ['new0', 'paymentDiscount', '-50.00', '-50.00'],
      ['#1', 'application', '-1000.00', '-1000.00'],
      ['new0', 'application', '1000.00', '1000.00'],
    ]);
    expect(result.applied[0]).toMatchObject({ open: false });
    expect(result.applied[0]!.remainingAmount.isZero()).toBe(true);
    expect(result.applied[0]!.remainingPaymentDiscountPossible.isZero()).toBe(true);
    expect(result.applied[0]!.pmtDiscGivenLcy.toFixed(2)).toBe('50.00');
    expect(result.applying.remainingAmount.isZero() && !result.applying.open).toBe(true);
    expect(gl(result)).toEqual([[accounts.paymentDiscountDebit, '50.00'], [accounts.receivables, '-50.00']]);
    expect(result.vatEntries).toEqual([]);
    expect(result.applications[0]!.applied.closedByAmount!.toFixed(2)).toBe('1000.00');
  });

  it('with Adjust for Payment Discount: 40.00 to the sales payment discount account and 10.00 of output VAT reversed', () => {
    const result = planApplication(request(payment('-950', '2026-03-08'), [invoicePi20()], { setup: applicationSetup({ adjustForPaymentDiscount: true }) }));
    expect(detailed(result)).toEqual([
      ['new0', 'paymentDiscountVatExcl', '0.00', '-40.00'],
      ['new0', 'paymentDiscountVatAdjustment', '0.00', '-10.00'],
      ['new0', 'paymentDiscount', '-50.00', '0.00'],
      ['#1', 'application', '-1000.00', '-1000.00'],
      ['new0', 'application', '1000.00', '1000.00'],
    ]);
    expect(gl(result)).toEqual([[accounts.salesPaymentDiscountDebit, '40.00'], [accounts.salesVat, '10.00'], [accounts.receivables, '-50.00']]);
    expect(result.glEntries[0]).toMatchObject({ genPostingType: 'sale', genBusPostingGroup: 'DOMESTIC', genProdPostingGroup: 'RETAIL', vatProdPostingGroup: 'VAT25' });
    expect(result.vatEntries).toHaveLength(1);
    expect([result.vatEntries[0]!.base.toFixed(2), result.vatEntries[0]!.amount.toFixed(2)]).toEqual(['40.00', '10.00']);
    expect(result.vatEntries[0]).toMatchObject({ type: 'sale', vatIdentifier: 'VAT25', billToCustomerNo: 'C10' });
    expect(result.applied[0]!.pmtDiscGivenLcy.toFixed(2)).toBe('50.00');
  });

  it('the same payment on 2026-03-12 (no grace period): no discount, PI-20 stays open with 50.00', () => {
    const result = planApplication(request(payment('-950', '2026-03-12'), [invoicePi20()]));
    expect(detailed(result)).toEqual([['#1', 'application', '-950.00', '-950.00'], ['new0', 'application', '950.00', '950.00']]);
    expect(result.applied[0]!.remainingAmount.toFixed(2)).toBe('50.00');
    expect(result.applied[0]!.open).toBe(true);
    expect(result.applied[0]!.remainingPaymentDiscountPossible.toFixed(2)).toBe('50.00');
    expect(result.glEntries).toEqual([]);
  });

  it('900.00 on 2026-03-08: 900 + 50 < 1000, no discount, 100.00 remains', () => {
    const result = planApplication(request(payment('-900', '2026-03-08'), [invoicePi20()]));
    expect(result.applied[0]!.remainingAmount.toFixed(2)).toBe('100.00');
    expect(result.applications[0]!.adjustments).toEqual([]);
  });

  it('a payment of the full 1000.00 on time takes the discount and leaves 50.00 on the payment', () => {
    const result = planApplication(request(payment('-1000', '2026-03-08'), [invoicePi20()]));
    expect(result.applied[0]!.open).toBe(false);
    expect(result.applying.remainingAmount.toFixed(2)).toBe('-50.00');
    expect(result.applying.open).toBe(true);
  });
});

describe('payment discount tolerance (late discount within the grace period)', () => {
  const late = invoicePi20({ paymentDiscountToleranceDate: '2026-03-14' });

  it('with the warning off the late discount is taken automatically, as Payment Discount Tolerance on the discount accounts', () => {
    const result = planApplication(request(payment('-950', '2026-03-12'), [late]));
    expect(detailed(result)[0]).toEqual(['new0', 'paymentDiscountTolerance', '-50.00', '-50.00']);
    expect(result.applied[0]).toMatchObject({ open: false, acceptedPmtDiscTolerance: true });
    expect(gl(result)).toEqual([[accounts.paymentDiscountDebit, '50.00'], [accounts.receivables, '-50.00']]);
  });

  it('with the warning on: accepted posts it (on the tolerance accounts when so set up); declined or unanswered leaves 50.00', () => {
    const setup = applicationSetup({ paymentDiscountToleranceWarning: true, paymentDiscountTolerancePosting: 'paymentToleranceAccounts' });
    const accepted = planApplication(request(payment('-950', '2026-03-12'), [late], { setup, choices: { acceptPaymentDiscountTolerance: true } }));
    expect(accepted.applied[0]!.open).toBe(false);
    expect(gl(accepted)[0]).toEqual([accounts.paymentToleranceDebit, '50.00']);
    for (const choices of [{ acceptPaymentDiscountTolerance: false }, {}]) {
      const declined = planApplication(request(payment('-950', '2026-03-12'), [late], { setup, choices }));
      expect(declined.applied[0]!.remainingAmount.toFixed(2)).toBe('50.00');
      expect(declined.applied[0]!.acceptedPmtDiscTolerance).toBe(false);
      expect(declined.glEntries).toEqual([]);
    }
  });

  it('after the tolerance date, or for a customer with Block Payment Tolerance, nothing late is granted', () => {
    expect(planApplication(request(payment('-950', '2026-03-15'), [late])).applied[0]!.remainingAmount.toFixed(2)).toBe('50.00');
    expect(planApplication(request(payment('-950', '2026-03-12'), [late], { blockPaymentTolerance: true })).applied[0]!.remainingAmount.toFixed(2)).toBe('50.00');
  });
});

describe('payment tolerance (spec §20.5): 1 %, max 5.00', () => {
  const tolerant = () => invoice(1, 'PI-30', '1000', { maxPaymentTolerance: dec('5') });

  it('996.00 closes the invoice with 4.00 payment tolerance: Dr Payment Tolerance Debit Acc. 4.00', () => {
    const result = planApplication(request(payment('-996', '2026-03-08'), [tolerant()]));
    expect(detailed(result)).toEqual([
      ['new0', 'paymentTolerance', '-4.00', '-4.00'],
      ['#1', 'application', '-1000.00', '-1000.00'],
      ['new0', 'application', '1000.00', '1000.00'],
    ]);
    expect(result.applied[0]).toMatchObject({ open: false });
    expect(result.applied[0]!.acceptedPaymentTolerance.toFixed(2)).toBe('4.00');
    expect(gl(result)).toEqual([[accounts.paymentToleranceDebit, '4.00'], [accounts.receivables, '-4.00']]);
  });

  it('994.00: 6.00 is more than 5.00, the invoice stays open with 6.00', () => {
    const result = planApplication(request(payment('-994', '2026-03-08'), [tolerant()]));
    expect(result.applied[0]!.remainingAmount.toFixed(2)).toBe('6.00');
    expect(result.glEntries).toEqual([]);
  });

  it('overpayment 1004.00: 4.00 credited as tolerance, both entries closed', () => {
    const result = planApplication(request(payment('-1004', '2026-03-08'), [tolerant()]));
    expect(detailed(result)[0]).toEqual(['new0', 'paymentTolerance', '4.00', '4.00']);
    expect(result.applying.remainingAmount.isZero() && result.applied[0]!.remainingAmount.isZero()).toBe(true);
    expect(gl(result)).toEqual([[accounts.paymentToleranceCredit, '-4.00'], [accounts.receivables, '4.00']]);
  });

  it('with the warning on: accepted closes, declined or unanswered leaves the balance; Payment Discount Accounts posting', () => {
    const setup = applicationSetup({ paymentToleranceWarning: true });
    expect(planApplication(request(payment('-996', '2026-03-08'), [tolerant()], { setup, choices: { acceptPaymentTolerance: true } })).applied[0]!.open).toBe(false);
    expect(planApplication(request(payment('-996', '2026-03-08'), [tolerant()], { setup, choices: { acceptPaymentTolerance: false } })).applied[0]!.remainingAmount.toFixed(2)).toBe('4.00');
    expect(planApplication(request(payment('-996', '2026-03-08'), [tolerant()], { setup })).applied[0]!.remainingAmount.toFixed(2)).toBe('4.00');
    const onDiscount = planApplication(request(payment('-996', '2026-03-08'), [tolerant()], { setup: applicationSetup({ paymentTolerancePosting: 'paymentDiscountAccounts' }) }));
    expect(gl(onDiscount)[0]).toEqual([accounts.paymentDiscountDebit, '4.00']);
  });

  it('no tolerance when applying to oldest, or for a blocked customer', () => {
    expect(planApplication(request(payment('-996', '2026-03-08'), [tolerant()], { mode: 'applyToOldest' })).applied[0]!.remainingAmount.toFixed(2)).toBe('4.00');
    expect(planApplication(request(payment('-996', '2026-03-08'), [tolerant()], { blockPaymentTolerance: true })).applied[0]!.remainingAmount.toFixed(2)).toBe('4.00');
  });

  it('tolerance lets a short payment take the discount: 947.00 on PI-20 with 5.00 tolerance → 3.00 tolerance and 50.00 discount', () => {
    const result = planApplication(request(payment('-947', '2026-03-08'), [invoicePi20({ maxPaymentTolerance: dec('5') })]));
    expect(detailed(result).slice(0, 2)).toEqual([['new0', 'paymentTolerance', '-3.00', '-3.00'], ['new0', 'paymentDiscount', '-50.00', '-50.00']]);
    expect(result.applied[0]!.open || result.applying.open).toBe(false);
  });
});

describe('several invoices, partial payments, Amount to Apply', () => {
  const invoices = () => [invoice(11, 'PI-1', '300', { dueDate: '2026-03-10' }), invoice(12, 'PI-2', '500', { dueDate: '2026-03-20' })];

  it('a partial payment leaves the invoice open with the rest; an overpayment leaves the payment open', () => {
    const partial = planApplication(request(payment('-120', '2026-03-08'), [invoices()[0]!]));
    expect(partial.applied[0]!.remainingAmount.toFixed(2)).toBe('180.00');
    expect(partial.applying.open).toBe(false);
    const over = planApplication(request(payment('-450', '2026-03-08'), [invoices()[0]!]));
    expect(over.applied[0]!.open).toBe(false);
    expect(over.applying.remainingAmount.toFixed(2)).toBe('-150.00');
  });

  it('applies to the invoices in order with the Amount to Apply of each; stops when the payment is used up', () => {
    const [first, second] = invoices();
    const result = planApplication(request(payment('-700', '2026-03-08'), [], {
      mode: 'appliesToId',
      applied: [{ entry: first!, amountToApply: dec('200') }, { entry: second!, amountToApply: ZERO }],
    }));
    expect(result.applied.map((entry) => entry.remainingAmount.toFixed(2))).toEqual(['100.00', '0.00']);
    expect(result.applying.open).toBe(false);
    const short = planApplication(request(payment('-250', '2026-03-08'), [first!, second!], { mode: 'appliesToId' }));
    expect(short.applications).toHaveLength(1);
    expect(short.applied.map((entry) => entry.remainingAmount.toFixed(2))).toEqual(['50.00', '500.00']);
  });

  it('a credit memo marked with the invoices adds to the payment first', () => {
    const creditMemo = invoice(13, 'PCM-1', '-100', { documentType: 'creditMemo' });
    const result = planApplication(request(payment('-700', '2026-03-08'), [creditMemo, ...invoices()], { mode: 'appliesToId' }));
    expect(result.applied.map((entry) => entry.remainingAmount.toFixed(2))).toEqual(['0.00', '0.00', '0.00']);
    expect(result.applying.remainingAmount.isZero()).toBe(true);
    expect(balance(result).isZero()).toBe(true);
  });

  it('refuses another customer, another currency, a closed entry, a same-sign entry by document, an Amount to Apply larger than the remaining', () => {
    const cases = [
      request(payment('-10', '2026-03-08'), [invoice(1, 'X', '10', { customerNo: 'OTHER' })]),
      request(payment('-10', '2026-03-08'), [invoice(1, 'X', '10', { currencyCode: 'USD' })]),
      request(payment('-10', '2026-03-08'), [invoice(1, 'X', '10', { open: false })]),
      request(payment('-10', '2026-03-08'), [invoice(1, 'X', '-10', { documentType: 'payment' })]),
      request(payment('-10', '2026-03-08'), [], { applied: [{ entry: invoice(1, 'X', '10'), amountToApply: dec('11') }] }),
    ];
    for (const item of cases) expect(domainErrorOf(() => planApplication(item)).code).toBe('APPLICATION_INVALID');
  });
});

describe('realized gain and loss (same currency, different exchange rates)', () => {
  // USD 110.00 invoiced at 1.1 USD per EUR (100.00 LCY).
  const usdInvoice = () => invoice(21, 'PI-USD', '110', { currencyCode: 'USD', currencyFactor: dec('1.1'), amountLcy: dec('100'), remainingAmountLcy: dec('100') });

  it('paid at 1.0 (110.00 LCY): realized gain 10.00 on the payment, Cr gains', () => {
    const usdPayment = payment('-110', '2026-03-08', { currencyCode: 'USD', currencyFactor: dec('1'), amountLcy: dec('-110'), remainingAmountLcy: dec('-110') });
    const result = planApplication(request(usdPayment, [usdInvoice()]));
    expect(detailed(result)).toEqual([
      ['new0', 'realizedGain', '0.00', '10.00'],
      ['#21', 'application', '-110.00', '-100.00'],
      ['new0', 'application', '110.00', '100.00'],
    ]);
    expect(gl(result)).toEqual([[accounts.realizedGains, '-10.00'], [accounts.receivables, '10.00']]);
    expect(result.applying.remainingAmountLcy.isZero() && result.applied[0]!.remainingAmountLcy.isZero()).toBe(true);
  });

  it('paid at 1.25 (88.00 LCY): realized loss 12.00, Dr losses; a partial payment realizes its share only', () => {
    const usdPayment = payment('-110', '2026-03-08', { currencyCode: 'USD', currencyFactor: dec('1.25'), amountLcy: dec('-88'), remainingAmountLcy: dec('-88') });
    const result = planApplication(request(usdPayment, [usdInvoice()]));
    expect(detailed(result)[0]).toEqual(['new0', 'realizedLoss', '0.00', '-12.00']);
    expect(gl(result)).toEqual([[accounts.realizedLosses, '12.00'], [accounts.receivables, '-12.00']]);
    const half = payment('-55', '2026-03-08', { currencyCode: 'USD', currencyFactor: dec('1.25'), amountLcy: dec('-44'), remainingAmountLcy: dec('-44') });
    const partial = planApplication(request(half, [usdInvoice()]));
    expect(detailed(partial)[0]).toEqual(['new0', 'realizedLoss', '0.00', '-6.00']);
    expect(partial.applied[0]!.remainingAmountLcy.toFixed(2)).toBe('50.00');
  });
});

describe('every application balances', () => {
  it('the G/L of each scenario nets to zero', () => {
    const scenarios = [
      request(payment('-950', '2026-03-08'), [invoicePi20()], { setup: applicationSetup({ adjustForPaymentDiscount: true }) }),
      request(payment('-996', '2026-03-08'), [invoice(1, 'PI', '1000', { maxPaymentTolerance: dec('5') })]),
      request(payment('-950', '2026-03-08'), [invoicePi20({ vatBuckets: [vatBucket({ base: dec('-333.33'), amount: dec('-83.33') }), vatBucket({ genProdPostingGroup: 'SERVICES', base: dec('-466.67'), amount: dec('-116.67') })] })],
        { setup: applicationSetup({ adjustForPaymentDiscount: true }) }),
    ];
    for (const scenario of scenarios) expect(balance(planApplication(scenario)).isZero()).toBe(true);
  });
});
