/**
 * The company of the seeded model-based posting test: givenPurchasingCompany with money that rounds —
 * VAT 21 % and 9 % on the items (25 % stays on the freight account 6100), each rate on its own
 * Sales VAT account; two foreign currencies with factors that never divide evenly; customers in
 * them and in LCY, most with invoice discount terms (in the currency, or the LCY terms as fallback);
 * opening stock in fractions at unit costs with 3–5 decimals; payments come in on bank account GIRO
 * (G/L 2910) or straight to the cash account 2920. The customers' terms (14D) carry no payment
 * discount and the payment tolerance stays 0 %: the model grants neither. Purchases come from vendors
 * in LCY, USD and CHF (the customers' rates), their VAT on a Purchase VAT account per identifier,
 * received goods at expected cost against the Invt. Accrual Acc. (Interim) 5410. Orders' prepayments
 * (issue 16) go to the Sales Prepayments Account 2380 with 21 % VAT, their posted documents numbered
 * PPI… and PPCM…. The facts the model needs are exported here, so setup and model cannot drift apart.
 */
import { type Decimal, dec } from '../../src/core/money/decimal.ts';
import type { TestApi } from './api.ts';
import { withFixtureCache } from './fixture-cache.ts';
import { givenInventory } from './given-posting.ts';
import { givenPurchasingCompany } from './given-purchasing.ts';
import { created, givenCustomer } from './given.ts';

/** A VAT posting setup: identifier, rate, the Sales VAT account and the Purchase VAT account its VAT goes to. */
export interface VatRate { identifier: string; percent: Decimal; account: string; purchaseAccount: string }
export const vatRates = {
  // VAT25's Purchase VAT account is the one givenPurchasingCompany sets up.
  VAT25: { identifier: 'VAT25', percent: dec('25'), account: '2310', purchaseAccount: '2320' },
  VAT21: { identifier: 'VAT21', percent: dec('21'), account: '2321', purchaseAccount: '2341' },
  VAT9: { identifier: 'VAT9', percent: dec('9'), account: '2309', purchaseAccount: '2349' },
} satisfies Record<string, VatRate>;

/**
 * The Sales Prepayments Account of DOMESTIC/RETAIL (spec §26.1), product groups RETAIL and VAT21: every
 * line's prepayment is invoiced and deducted with 21 % VAT whatever the line's own rate (the setup
 * has one account; BC would want one per VAT identifier, the spec only needs the VAT posting setup).
 * Sharing VAT21 with the items puts the deductions' VAT in a group of its own within one identifier.
 */
export const prepaymentAccount = { no: '2380', vat: vatRates.VAT21 } as const;
/** Posted prepayment invoices and credit memos draw from series of their own (§26.1). */
export const prepaymentSeries = { invoice: { code: 'S-PPI', startingNo: 'PPI0001' }, creditMemo: { code: 'S-PPCM', startingNo: 'PPCM0001' } } as const;

/** Each line's VAT by its No.: items on 21 % and 9 %, the freight account on 25 %; the prepayment account (corrective credit memos) on 21 %. */
export const vatRateOf: Record<string, VatRate> = {
  '1000': vatRates.VAT21, A: vatRates.VAT9, B: vatRates.VAT21, '6100': vatRates.VAT25, [prepaymentAccount.no]: prepaymentAccount.vat,
};
const glAccountNos = new Set(['6100', prepaymentAccount.no]);

export interface CustomerFacts {
  no: string;
  /** '' = LCY. */
  currencyCode: string;
  /** Currency Factor (document units per 1 LCY); null for LCY. */
  factor: Decimal | null;
  invoiceDiscountCode: string;
}
export const modelCustomers: readonly CustomerFacts[] = [
  { no: 'C', currencyCode: '', factor: null, invoiceDiscountCode: '' },
  { no: 'D', currencyCode: '', factor: null, invoiceDiscountCode: 'DISC' },
  { no: 'E', currencyCode: 'USD', factor: dec('1.0837'), invoiceDiscountCode: 'DISC' },
  { no: 'F', currencyCode: 'CHF', factor: dec('0.912345'), invoiceDiscountCode: 'DISC' },
];

export interface VendorFacts {
  no: string;
  /** '' = LCY. */
  currencyCode: string;
  /** Currency Factor: the customers' rate of the currency (one rate per currency). */
  factor: Decimal | null;
}
const factorOf = (currencyCode: string) => modelCustomers.find((customer) => customer.currencyCode === currencyCode)!.factor;
/** V is givenPurchasingCompany's vendor; W and X buy in the customers' currencies. */
export const modelVendors: readonly VendorFacts[] = [
  { no: 'V', currencyCode: '', factor: null },
  { no: 'W', currencyCode: 'USD', factor: factorOf('USD') },
  { no: 'X', currencyCode: 'CHF', factor: factorOf('CHF') },
];

/**
 * The purchase side's G/L accounts (givenPurchasingCompany, and the accrual account added here):
 * Payables of vendor posting group DOMESTIC, Purchase Account and the purchase discount account of
 * DOMESTIC/RETAIL, its Direct Cost Applied Account and Invt. Accrual Acc. (Interim).
 */
export const purchaseAccounts = { payables: '5400', purchases: '7060', discounts: '7080', directCostApplied: '7090', accrualInterim: '5410' } as const;

/** Cust. Invoice Disc. terms of code DISC: LCY terms, and USD terms (CHF documents fall back to the LCY terms). */
export const invoiceDiscountTerms = [
  { currencyCode: '', minimumAmount: '0', discountPercent: '0' },
  { currencyCode: '', minimumAmount: '150', discountPercent: '2.5' },
  { currencyCode: '', minimumAmount: '600', discountPercent: '4.75' },
  { currencyCode: 'USD', minimumAmount: '0', discountPercent: '1.5' },
  { currencyCode: 'USD', minimumAmount: '400', discountPercent: '3.333' },
] as const;

/** Where a payment's balancing line goes: bank account GIRO (its posting group's G/L account 2910) or the G/L account 2920. */
export const paymentAccounts = {
  bank: { balAccountType: 'bankAccount', balAccountNo: 'GIRO', glAccountNo: '2910' },
  cash: { balAccountType: 'glAccount', balAccountNo: '2920', glAccountNo: '2920' },
} as const;
export type PaymentAccount = keyof typeof paymentAccounts;

/**
 * Debit/Credit Rounding Account of customer posting group DOMESTIC: where BC posts a Correction of
 * Remaining Amount, when an application leaves an entry in a currency with an LCY remainder that its
 * remaining amount at its rate does not have (a credit memo applied at posting can).
 */
export const roundingAccount = '9510';

export const openingStock = { '1000': '14', A: '10.5', B: '9.75' } as const;
const unitCosts: Record<string, string> = { '1000': '55.12345', A: '41.777', B: '30.3333' };

type Send = ReturnType<TestApi['as']>;

/**
 * `checkPrepaymentWhenPosting` (Sales & Receivables Setup, §26.6) is set after the cached company is
 * in place, so both settings share one fixture.
 */
export async function givenModelCompany(api: TestApi, options: { expectedCostPostingToGl: boolean; checkPrepaymentWhenPosting?: boolean }): Promise<Send> {
  await withFixtureCache(api.db, `model ${options.expectedCostPostingToGl}`, () => buildModelCompany(api, options));
  const admin = api.as('admin');
  if (options.checkPrepaymentWhenPosting) await ok(admin, 'PATCH', '/api/v1/salesReceivablesSetup', { checkPrepaymentWhenPosting: true });
  return admin;
}

async function buildModelCompany(api: TestApi, options: { expectedCostPostingToGl: boolean }): Promise<void> {
  const admin = await givenPurchasingCompany(api);
  await givenVatRates(admin);
  await givenCurrencies(admin);
  await givenPurchasing(admin);
  for (const terms of invoiceDiscountTerms) await created(admin, '/api/v1/customerInvoiceDiscounts', { code: 'DISC', ...terms });
  for (const customer of modelCustomers) {
    const fields = { currencyCode: customer.currencyCode || null, invoiceDiscountCode: customer.invoiceDiscountCode };
    if (customer.no === 'C') await ok(admin, 'PATCH', '/api/v1/customers/C', fields);
    else await givenCustomer(admin, customer.no, fields);
  }
  await givenPaymentAccounts(admin);
  await givenPrepayments(admin);
  await created(admin, '/api/v1/glAccounts', { no: roundingAccount, name: 'Rounding (Correction of Remaining Amount)', incomeBalance: 'incomeStatement' });
  await ok(admin, 'PATCH', '/api/v1/customerPostingGroups/DOMESTIC', { debitRoundingAccount: roundingAccount, creditRoundingAccount: roundingAccount });
  if (options.expectedCostPostingToGl) await ok(admin, 'PATCH', '/api/v1/inventorySetup', { expectedCostPostingToGl: true });
  await givenInventory(admin, '2026-01-01', Object.entries(openingStock).map(([itemNo, quantity]) => ({ itemNo, quantity, unitCost: unitCosts[itemNo]! })));
}

async function givenVatRates(admin: Send) {
  for (const rate of [vatRates.VAT21, vatRates.VAT9]) {
    await created(admin, '/api/v1/vatProductPostingGroups', { code: rate.identifier });
    await created(admin, '/api/v1/glAccounts', { no: rate.account, name: `Sales VAT ${rate.percent.toString()} %`, incomeBalance: 'balanceSheet' });
    await created(admin, '/api/v1/glAccounts', { no: rate.purchaseAccount, name: `Purchase VAT ${rate.percent.toString()} %`, incomeBalance: 'balanceSheet' });
    await created(admin, '/api/v1/vatPostingSetups', {
      vatBusPostingGroup: 'DOMESTIC', vatProdPostingGroup: rate.identifier, vatPercent: rate.percent.toString(), vatIdentifier: rate.identifier,
      salesVatAccount: rate.account, purchaseVatAccount: rate.purchaseAccount,
    });
  }
  await created(admin, '/api/v1/glAccounts', { no: prepaymentAccount.no, name: 'Customer Prepayments', incomeBalance: 'balanceSheet', genProdPostingGroup: 'RETAIL' });
  for (const [no, rate] of Object.entries(vatRateOf)) {
    await ok(admin, 'PATCH', glAccountNos.has(no) ? `/api/v1/glAccounts/${no}` : `/api/v1/items/${no}`, { vatProdPostingGroup: rate.identifier });
  }
}

/** Spec §26.1: the Sales Prepayments Account of DOMESTIC/RETAIL and the posted prepayment series; Check Prepmt. when Posting stays off here. */
async function givenPrepayments(admin: Send) {
  const general = (await admin('GET', '/api/v1/generalPostingSetups?genProdPostingGroup=RETAIL')).json().items
    .find((row: { genBusPostingGroup: string | null }) => row.genBusPostingGroup === 'DOMESTIC');
  await ok(admin, 'PATCH', `/api/v1/generalPostingSetups/${general.id}`, { salesPrepaymentsAccount: prepaymentAccount.no });
  for (const { code, startingNo } of Object.values(prepaymentSeries)) {
    await created(admin, '/api/v1/noSeries', { code });
    await created(admin, `/api/v1/noSeries/${code}/lines`, { startingNo });
  }
  await ok(admin, 'PATCH', '/api/v1/salesReceivablesSetup', {
    postedPrepaymentInvoiceNos: prepaymentSeries.invoice.code, postedPrepaymentCreditMemoNos: prepaymentSeries.creditMemo.code,
  });
}

/** The vendors in currencies, and the Invt. Accrual Acc. (Interim) a receipt's expected cost is balanced on. */
async function givenPurchasing(admin: Send) {
  for (const vendor of modelVendors.filter((candidate) => candidate.currencyCode)) {
    await created(admin, '/api/v1/vendors', {
      no: vendor.no, name: `Vendor ${vendor.no}`, vendorPostingGroup: 'DOMESTIC', genBusPostingGroup: 'DOMESTIC', vatBusPostingGroup: 'DOMESTIC',
      paymentTermsCode: '14D', currencyCode: vendor.currencyCode,
    });
  }
  await created(admin, '/api/v1/glAccounts', { no: purchaseAccounts.accrualInterim, name: 'Invt. Accrual (Interim)', incomeBalance: 'balanceSheet' });
  const general = (await admin('GET', '/api/v1/generalPostingSetups?genProdPostingGroup=RETAIL')).json().items
    .find((row: { genBusPostingGroup: string | null }) => row.genBusPostingGroup === 'DOMESTIC');
  await ok(admin, 'PATCH', `/api/v1/generalPostingSetups/${general.id}`, { inventoryAccrualAccountInterim: purchaseAccounts.accrualInterim });
}

async function givenPaymentAccounts(admin: Send) {
  await created(admin, '/api/v1/glAccounts', { no: paymentAccounts.bank.glAccountNo, name: 'Bank GIRO', incomeBalance: 'balanceSheet' });
  await created(admin, '/api/v1/glAccounts', { no: paymentAccounts.cash.glAccountNo, name: 'Cash', incomeBalance: 'balanceSheet' });
  await created(admin, '/api/v1/bankAccountPostingGroups', { code: 'CHECKING', glAccountNo: paymentAccounts.bank.glAccountNo });
  await created(admin, '/api/v1/bankAccounts', { no: paymentAccounts.bank.balAccountNo, name: 'Giro account', bankAccPostingGroup: 'CHECKING' });
}

// Exchange Rate Amount / Relational Exchange Rate Amount is the factor; with 1 as the relational amount it is exact.
async function givenCurrencies(admin: Send) {
  for (const customer of modelCustomers.filter((candidate) => candidate.factor)) {
    await created(admin, '/api/v1/currencies', { code: customer.currencyCode });
    await created(admin, `/api/v1/currencies/${customer.currencyCode}/exchangeRates`, {
      startingDate: '2026-01-01', exchangeRateAmount: customer.factor!.toString(), relationalExchangeRateAmount: '1',
    });
  }
}

async function ok(admin: Send, method: 'PATCH', url: string, body: unknown) {
  const response = await admin(method, url, body);
  if (response.statusCode >= 300) throw new Error(`${method} ${url} → ${response.statusCode}: ${response.body}`);
  return response.json();
}
