/**
 * Entries, setup and accounts for application engine tests: worked example 13 (spec §20.4) — VAT
 * 25 %, invoice PI-20 of 800.00 + 200.00 VAT, 5 % discount until 2026-03-09 — and the §20.5
 * tolerance setup. Accounts: receivables 2310, bank 2910, payment discount 7910/7911, payment
 * tolerance 7920/7921, sales payment discount 7930/7931, sales tolerance 7940/7941, sales VAT 5610,
 * realized gains/losses 9310/9320.
 */
import { type Decimal, ONE, ZERO, dec } from '../../../src/core/money/decimal.ts';
import type {
  ApplicationEntry, ApplicationRequest, ApplicationSetup, CustomerPostingGroupApplicationAccounts, VatBucket,
} from '../../../src/core/receivables/application-types.ts';

export const accounts = {
  receivables: '2310', paymentDiscountDebit: '7910', paymentDiscountCredit: '7911', paymentToleranceDebit: '7920', paymentToleranceCredit: '7921',
  salesPaymentDiscountDebit: '7930', salesPaymentDiscountCredit: '7931', salesToleranceDebit: '7940', salesToleranceCredit: '7941',
  salesVat: '5610', realizedGains: '9310', realizedLosses: '9320',
} as const;

export const domesticGroup: CustomerPostingGroupApplicationAccounts = {
  code: 'DOMESTIC', receivablesAccount: accounts.receivables,
  paymentDiscountDebitAccount: accounts.paymentDiscountDebit, paymentDiscountCreditAccount: accounts.paymentDiscountCredit,
  paymentToleranceDebitAccount: accounts.paymentToleranceDebit, paymentToleranceCreditAccount: accounts.paymentToleranceCredit,
};

export function applicationSetup(overrides: Partial<ApplicationSetup> = {}): ApplicationSetup {
  return {
    adjustForPaymentDiscount: false, paymentDiscountExcludingVat: false,
    paymentToleranceWarning: false, paymentDiscountToleranceWarning: false,
    paymentTolerancePosting: 'paymentToleranceAccounts', paymentDiscountTolerancePosting: 'paymentDiscountAccounts',
    amountPrecision: dec('0.01'), lcyAmountPrecision: dec('0.01'),
    customerPostingGroups: new Map([['DOMESTIC', domesticGroup]]),
    currencies: new Map([['USD', { realizedGainsAccount: accounts.realizedGains, realizedLossesAccount: accounts.realizedLosses }]]),
    ...overrides,
  };
}

/** The invoice's VAT: base −800.00, VAT −200.00 (an invoice's VAT entry is negative). */
export function vatBucket(overrides: Partial<VatBucket> = {}): VatBucket {
  return {
    genBusPostingGroup: 'DOMESTIC', genProdPostingGroup: 'RETAIL', vatBusPostingGroup: 'DOMESTIC', vatProdPostingGroup: 'VAT25',
    vatCalculationType: 'normal', vatIdentifier: 'VAT25', vatPercent: dec('25'), base: dec('-800'), amount: dec('-200'),
    adjustForPaymentDiscount: true, salesVatAccount: accounts.salesVat,
    salesPaymentDiscountDebitAccount: accounts.salesPaymentDiscountDebit, salesPaymentDiscountCreditAccount: accounts.salesPaymentDiscountCredit,
    salesPaymentToleranceDebitAccount: accounts.salesToleranceDebit, salesPaymentToleranceCreditAccount: accounts.salesToleranceCredit,
    ...overrides,
  };
}

function entry(overrides: Partial<ApplicationEntry> & { amount: Decimal }): ApplicationEntry {
  const { amount } = overrides;
  const amountLcy = overrides.amountLcy ?? amount;
  return {
    newEntryIndex: null, entryNo: 1, customerNo: 'C10', currencyCode: '', documentType: 'invoice', documentNo: 'PI-20',
    amountLcy, remainingAmount: amount, remainingAmountLcy: amountLcy, open: true,
    postingDate: '2026-03-01', dueDate: '2026-03-31', currencyFactor: ONE,
    paymentDiscountDate: null, paymentDiscountToleranceDate: null, originalPaymentDiscountPossible: ZERO, remainingPaymentDiscountPossible: ZERO,
    maxPaymentTolerance: ZERO, pmtDiscGivenLcy: ZERO, acceptedPaymentTolerance: ZERO, acceptedPmtDiscTolerance: false,
    customerPostingGroup: 'DOMESTIC', vatBuckets: [],
    ...overrides,
  };
}

/** PI-20 of worked example 13: 1000.00, discount 50.00 until 2026-03-09 (tolerance date as given). */
export function invoicePi20(overrides: Partial<ApplicationEntry> = {}): ApplicationEntry {
  return entry({
    amount: dec('1000'), paymentDiscountDate: '2026-03-09', paymentDiscountToleranceDate: '2026-03-09',
    originalPaymentDiscountPossible: dec('50'), remainingPaymentDiscountPossible: dec('50'), vatBuckets: [vatBucket()], ...overrides,
  });
}

export function invoice(entryNo: number, documentNo: string, amount: string, overrides: Partial<ApplicationEntry> = {}): ApplicationEntry {
  return entry({ entryNo, documentNo, amount: dec(amount), ...overrides });
}

/** A payment of the posting (new entry 0), amount negative. */
export function payment(amount: string, postingDate: string, overrides: Partial<ApplicationEntry> = {}): ApplicationEntry {
  return entry({
    newEntryIndex: 0, entryNo: null, documentType: 'payment', documentNo: 'P-1', amount: dec(amount), postingDate, dueDate: postingDate, ...overrides,
  });
}

export function request(applying: ApplicationEntry, applied: ApplicationEntry[], overrides: Partial<ApplicationRequest> = {}): ApplicationRequest {
  return {
    applying,
    applied: applied.map((item) => ({ entry: item, amountToApply: ZERO })),
    mode: 'appliesToDoc',
    document: { documentType: 'payment', documentNo: applying.documentNo, externalDocumentNo: '', description: 'Payment' },
    postingDate: applying.postingDate,
    blockPaymentTolerance: false,
    choices: {},
    setup: applicationSetup(),
    ...overrides,
  };
}
