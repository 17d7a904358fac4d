import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Decimal, ZERO, dec, sum } from '../../../src/core/money/decimal.ts';
import type { GlEntry } from '../../../src/core/posting/entries.ts';
import { type ApplicationResult, planApplication } from '../../../src/core/receivables/application-plan.ts';
import type { ApplicationEntry, CustomerEntryRef, PostedDetailedCustomerEntry } from '../../../src/core/receivables/application-types.ts';
import { planUnapply, type UnapplyEntryState, type UnapplyRequest } from '../../../src/core/receivables/unapply-plan.ts';
import { domainErrorOf } from '../domain-error-helper.ts';
import { accounts, applicationSetup, invoice, invoicePi20, payment, request } from './application-fixture.ts';

const PAYMENT_ENTRY_NO = 100;

/** A small ledger: the entries' states and detailed entries, and the G/L and VAT per transaction. */
class Ledger {
  detailed: PostedDetailedCustomerEntry[] = [];
  gl: { transactionNo: number; entry: GlEntry }[] = [];
  vat: { transactionNo: number; entry: NonNullable<ApplicationResult['vatEntries'][number]> }[] = [];
  states = new Map<number, UnapplyEntryState>();
  private nextDetailedNo = 1;

  constructor(entries: ApplicationEntry[]) {
    for (const entry of entries) {
      const entryNo = entry.entryNo ?? PAYMENT_ENTRY_NO;
      this.states.set(entryNo, {
        entryNo, customerNo: entry.customerNo, customerPostingGroup: entry.customerPostingGroup, remainingAmount: entry.remainingAmount,
        remainingAmountLcy: entry.remainingAmountLcy, originalPaymentDiscountPossible: entry.originalPaymentDiscountPossible,
        pmtDiscGivenLcy: entry.pmtDiscGivenLcy, acceptedPaymentTolerance: entry.acceptedPaymentTolerance, acceptedPmtDiscTolerance: entry.acceptedPmtDiscTolerance,
      });
    }
  }

  entryNo = (ref: CustomerEntryRef) => ('entryNo' in ref ? ref.entryNo : PAYMENT_ENTRY_NO);

  private write(transactionNo: number, entryNo: number, entryType: PostedDetailedCustomerEntry['entryType'], amount: Decimal, amountLcy: Decimal, other: number | null) {
    this.detailed.push({
      entryNo: this.nextDetailedNo++, customerLedgerEntryNo: entryNo, entryType, transactionNo, postingDate: '2026-03-08', documentType: 'payment',
      documentNo: 'P-1', customerNo: 'C10', currencyCode: '', amount, amountLcy, appliedCustomerLedgerEntryNo: other, unapplied: false,
    });
    const state = this.states.get(entryNo)!;
    state.remainingAmount = state.remainingAmount.plus(amount);
    state.remainingAmountLcy = state.remainingAmountLcy.plus(amountLcy);
  }

  post(result: ApplicationResult, transactionNo: number): void {
    for (const plan of result.applications) {
      for (const adjustment of plan.adjustments ?? []) {
        this.write(transactionNo, this.entryNo(adjustment.entry), adjustment.entryType, adjustment.amount, adjustment.amountLcy, this.entryNo(adjustment.other));
      }
      for (const side of [plan.applied, plan.applying]) {
        this.write(transactionNo, this.entryNo(side.entry), 'application', side.amount, side.amountLcy, this.entryNo(side.other));
        const state = this.states.get(this.entryNo(side.entry))!;
        state.pmtDiscGivenLcy = side.pmtDiscGivenLcy ?? state.pmtDiscGivenLcy;
        state.acceptedPaymentTolerance = side.acceptedPaymentTolerance ?? state.acceptedPaymentTolerance;
        state.acceptedPmtDiscTolerance = side.acceptedPmtDiscTolerance ?? state.acceptedPmtDiscTolerance;
      }
    }
    this.gl.push(...result.glEntries.map((entry) => ({ transactionNo, entry })));
    this.vat.push(...result.vatEntries.map((entry) => ({ transactionNo, entry })));
  }

  unapplyRequest(entryNo: number, transactionNo: number, setup = applicationSetup()): UnapplyRequest {
    return {
      entryNo, detailedEntries: this.detailed, entries: this.states, setup,
      transactionGlEntries: this.gl.filter((row) => row.transactionNo === transactionNo).map((row) => row.entry),
      transactionVatEntries: this.vat.filter((row) => row.transactionNo === transactionNo).map((row) => row.entry),
    };
  }

  /** Writes the unapply as appendPosting would: reversals flagged, the undone entries flagged, states restored. */
  postUnapply(unapply: ReturnType<typeof planUnapply>, transactionNo: number): void {
    for (const reversal of unapply.plan.reversals) {
      this.detailed.push({
        entryNo: this.nextDetailedNo++, customerLedgerEntryNo: reversal.customerLedgerEntryNo, entryType: reversal.entryType, transactionNo,
        postingDate: unapply.postingDate, documentType: 'payment', documentNo: 'P-1', customerNo: reversal.customerNo, currencyCode: reversal.currencyCode,
        amount: reversal.amount, amountLcy: reversal.amountLcy, appliedCustomerLedgerEntryNo: reversal.appliedCustomerLedgerEntryNo, unapplied: true,
      });
      this.detailed.find((entry) => entry.entryNo === reversal.undoes)!.unapplied = true;
    }
    for (const restore of unapply.plan.entries) Object.assign(this.states.get(restore.entryNo)!, restore);
    this.gl.push(...unapply.glEntries.map((entry) => ({ transactionNo, entry })));
  }

  glByAccount(): Map<string, string> {
    const totals = new Map<string, Decimal>();
    for (const { entry } of this.gl) totals.set(entry.accountNo, (totals.get(entry.accountNo) ?? ZERO).plus(entry.amount));
    return new Map([...totals].filter(([, total]) => !total.isZero()).map(([account, total]) => [account, total.toFixed(2)]));
  }
}

describe('planUnapply', () => {
  it('undoes the discount application of worked example 13 with VAT adjustment: entries reopen, G/L and VAT reversed', () => {
    const pi20 = invoicePi20();
    const pay = payment('-950', '2026-03-08');
    const setup = applicationSetup({ adjustForPaymentDiscount: true });
    const ledger = new Ledger([pi20, pay]);
    ledger.post(planApplication(request(pay, [pi20], { setup })), 7);
    expect(ledger.glByAccount().size).toBeGreaterThan(0);
    const unapply = planUnapply(ledger.unapplyRequest(1, 7, setup));
    expect(unapply.transactionNo).toBe(7);
    expect(unapply.postingDate).toBe('2026-03-08');
    expect(unapply.plan.reversals.map((entry) => [entry.entryType, entry.amount.toFixed(2), entry.amountLcy.toFixed(2)])).toEqual([
      ['paymentDiscountVatExcl', '0.00', '40.00'], ['paymentDiscountVatAdjustment', '0.00', '10.00'], ['paymentDiscount', '50.00', '0.00'],
      ['application', '1000.00', '1000.00'], ['application', '-1000.00', '-1000.00'],
    ]);
    expect(unapply.glEntries.map((entry) => [entry.accountNo, entry.amount.toFixed(2)])).toEqual([
      [accounts.salesPaymentDiscountDebit, '-40.00'], [accounts.salesVat, '-10.00'], [accounts.receivables, '50.00'],
    ]);
    expect(unapply.vatEntries.map((entry) => [entry.base.toFixed(2), entry.amount.toFixed(2)])).toEqual([['-40.00', '-10.00']]);
    const invoiceAfter = unapply.plan.entries.find((entry) => entry.entryNo === 1)!;
    expect([invoiceAfter.remainingAmount.toFixed(2), invoiceAfter.open, invoiceAfter.remainingPaymentDiscountPossible.toFixed(2), invoiceAfter.pmtDiscGivenLcy.toFixed(2)])
      .toEqual(['1000.00', true, '50.00', '0.00']);
    const paymentAfter = unapply.plan.entries.find((entry) => entry.entryNo === PAYMENT_ENTRY_NO)!;
    expect(paymentAfter.remainingAmount.toFixed(2)).toBe('-950.00');
    ledger.postUnapply(unapply, 8);
    expect(ledger.glByAccount().size).toBe(0);
  });

  it('resets the accepted tolerance and reverses it on the tolerance account', () => {
    const invoiceEntry = invoice(1, 'PI-30', '1000', { maxPaymentTolerance: dec('5') });
    const pay = payment('-996', '2026-03-08');
    const ledger = new Ledger([invoiceEntry, pay]);
    ledger.post(planApplication(request(pay, [invoiceEntry])), 7);
    expect(ledger.states.get(1)!.acceptedPaymentTolerance.toFixed(2)).toBe('4.00');
    const unapply = planUnapply(ledger.unapplyRequest(PAYMENT_ENTRY_NO, 7));
    expect(unapply.glEntries.map((entry) => [entry.accountNo, entry.amount.toFixed(2)])).toEqual([[accounts.paymentToleranceDebit, '-4.00'], [accounts.receivables, '4.00']]);
    expect(unapply.plan.entries.find((entry) => entry.entryNo === 1)!.acceptedPaymentTolerance.isZero()).toBe(true);
  });

  it('refuses while a later application of an involved entry exists, and when there is nothing to unapply', () => {
    const invoiceEntry = invoice(1, 'PI-1', '1000');
    const first = payment('-300', '2026-03-08');
    const ledger = new Ledger([invoiceEntry, first, invoice(2, 'PAY-2', '-200', { documentType: 'payment' })]);
    const afterFirst = planApplication(request(first, [invoiceEntry]));
    ledger.post(afterFirst, 7);
    // A second payment (entry 2) applied to what is left of the invoice, in transaction 9.
    const second = invoice(2, 'PAY-2', '-200', { documentType: 'payment', postingDate: '2026-03-09' });
    ledger.post(planApplication(request({ ...second, newEntryIndex: null }, [afterFirst.applied[0]!])), 9);
    const error = domainErrorOf(() => planUnapply(ledger.unapplyRequest(PAYMENT_ENTRY_NO, 7)));
    expect(error.code).toBe('APPLICATION_NOT_LATEST');
    expect(error.params).toMatchObject({ entryNo: 1, transactionNo: 9 });
    expect(domainErrorOf(() => planUnapply(ledger.unapplyRequest(99, 7))).code).toBe('NOTHING_TO_UNAPPLY');
    expect(domainErrorOf(() => planUnapply({ ...ledger.unapplyRequest(2, 9), postingDate: '2026-03-01' })).code).toBe('UNAPPLY_POSTING_DATE_TOO_EARLY');
    // The later one first, then the earlier one.
    ledger.postUnapply(planUnapply(ledger.unapplyRequest(2, 9)), 10);
    expect(planUnapply(ledger.unapplyRequest(1, 7)).transactionNo).toBe(7);
  });
});

describe('property: apply then unapply restores every entry and nets the G/L to zero', () => {
  const cents = (min: number, max: number) => fc.integer({ min, max }).map((value) => dec(value.toString()).div(100));

  it('for random invoices, payments, discounts, tolerances, warnings and answers', () => {
    fc.assert(fc.property(
      fc.array(fc.record({ amount: cents(100, 500_000), discount: cents(0, 5_000), tolerance: cents(0, 1_000) }), { minLength: 1, maxLength: 4 }),
      cents(1, 2_000_000), fc.boolean(), fc.boolean(), fc.option(fc.boolean(), { nil: undefined }), fc.integer({ min: 5, max: 12 }),
      (invoices, paid, adjust, warning, answer, day) => {
        const entries = invoices.map((item, index) => invoicePi20({
          entryNo: index + 1, documentNo: `PI-${index + 1}`, amount: item.amount, amountLcy: item.amount, remainingAmount: item.amount, remainingAmountLcy: item.amount,
          originalPaymentDiscountPossible: item.discount, remainingPaymentDiscountPossible: item.discount,
          maxPaymentTolerance: item.tolerance, paymentDiscountToleranceDate: '2026-03-11',
        }));
        const pay = payment(paid.negated().toString(), `2026-03-${String(day).padStart(2, '0')}`);
        const setup = applicationSetup({ adjustForPaymentDiscount: adjust, paymentToleranceWarning: warning, paymentDiscountToleranceWarning: warning });
        const ledger = new Ledger([...entries, pay]);
        const before = new Map([...ledger.states].map(([no, state]) => [no, [state.remainingAmount.toFixed(2), state.remainingAmountLcy.toFixed(2)]]));
        const result = planApplication(request(pay, entries, {
          mode: 'appliesToId', setup, choices: { acceptPaymentTolerance: answer, acceptPaymentDiscountTolerance: answer },
        }));
        expect(sum(result.glEntries.map((entry) => entry.amount)).isZero()).toBe(true);
        ledger.post(result, 7);
        ledger.postUnapply(planUnapply(ledger.unapplyRequest(PAYMENT_ENTRY_NO, 7, setup)), 8);
        for (const [no, state] of ledger.states) expect([state.remainingAmount.toFixed(2), state.remainingAmountLcy.toFixed(2)]).toEqual(before.get(no));
        expect([...ledger.states.values()].every((state) => state.pmtDiscGivenLcy.isZero() && state.acceptedPaymentTolerance.isZero())).toBe(true);
        expect(ledger.glByAccount().size).toBe(0);
      },
    ), { numRuns: 300 });
  });
});
