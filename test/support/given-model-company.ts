/**
 * The company of the seeded model-based posting test: givenPostingCompany with money that rounds —
 * VAT 21 % and 9 % on the items (25 % stays on the freight account 6100), each rate on its own
 * Sales VAT account; two foreign currencies with factors that never divide evenly; customers in
 * them and in LCY, most with invoice discount terms (in the currency, or the LCY terms as fallback);
 * opening stock in fractions at unit costs with 3–5 decimals; payments come in on bank account GIRO
 * (G/L 2910) or straight to the cash account 2920. The customers' terms (14D) carry no payment
 * discount and the payment tolerance stays 0 %: the model grants neither. The facts the model needs
 * are exported here, so setup and model cannot drift apart.
 */
import { type Decimal, dec } from '../../src/core/money/decimal.ts';
import type { TestApi } from './api.ts';
import { withFixtureCache } from './fixture-cache.ts';
import { givenInventory, givenPostingCompany } from './given-posting.ts';
import { created, givenCustomer } from './given.ts';

/** A VAT posting setup: identifier, rate and the Sales VAT account its VAT goes to. */
export interface VatRate { identifier: string; percent: Decimal; account: string }
export const vatRates = {
  VAT25: { identifier: 'VAT25', percent: dec('25'), account: '2310' },
  VAT21: { identifier: 'VAT21', percent: dec('21'), account: '2321' },
  VAT9: { identifier: 'VAT9', percent: dec('9'), account: '2309' },
} satisfies Record<string, VatRate>;

/** Each line's VAT by its No.: items on 21 % and 9 %, the freight account on 25 %. */
export const vatRateOf: Record<string, VatRate> = { '1000': vatRates.VAT21, A: vatRates.VAT9, B: vatRates.VAT21, '6100': vatRates.VAT25 };

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

export const openingStock = { '1000': '14', A: '10.5', B: '9.75' } as const;
const unitCosts: Record<string, string> = { '1000': '55.12345', A: '41.777', B: '30.3333' };

type Send = ReturnType<TestApi['as']>;

export async function givenModelCompany(api: TestApi, options: { expectedCostPostingToGl: boolean }): Promise<Send> {
  await withFixtureCache(api.db, `model ${options.expectedCostPostingToGl}`, () => buildModelCompany(api, options));
  return api.as('admin');
}

async function buildModelCompany(api: TestApi, options: { expectedCostPostingToGl: boolean }): Promise<void> {
  const admin = await givenPostingCompany(api);
  await givenVatRates(admin);
  await givenCurrencies(admin);
  for (const terms of invoiceDiscountTerms) await created(admin, '/api/v1/customerInvoiceDiscounts', { code: 'DISC', ...terms });
  for (const customer of modelCustomers) {
    const fields = { currencyCode: customer.currencyCode || null, invoiceDiscountCode: customer.invoiceDiscountCode };
    if (customer.no === 'C') await ok(admin, 'PATCH', '/api/v1/customers/C', fields);
    else await givenCustomer(admin, customer.no, fields);
  }
  await givenPaymentAccounts(admin);
  if (options.expectedCostPostingToGl) await ok(admin, 'PATCH', '/api/v1/inventorySetup', { expectedCostPostingToGl: true });
  await givenInventory(admin, '2026-01-01', Object.entries(openingStock).map(([itemNo, quantity]) => ({ itemNo, quantity, unitCost: unitCosts[itemNo]! })));
}

async function givenVatRates(admin: Send) {
  for (const rate of [vatRates.VAT21, vatRates.VAT9]) {
    await created(admin, '/api/v1/vatProductPostingGroups', { code: rate.identifier });
    await created(admin, '/api/v1/glAccounts', { no: rate.account, name: `Sales VAT ${rate.percent.toString()} %`, incomeBalance: 'balanceSheet' });
    await created(admin, '/api/v1/vatPostingSetups', {
      vatBusPostingGroup: 'DOMESTIC', vatProdPostingGroup: rate.identifier, vatPercent: rate.percent.toString(), vatIdentifier: rate.identifier, salesVatAccount: rate.account,
    });
  }
  for (const [no, rate] of Object.entries(vatRateOf)) {
    await ok(admin, 'PATCH', no === '6100' ? `/api/v1/glAccounts/${no}` : `/api/v1/items/${no}`, { vatProdPostingGroup: rate.identifier });
  }
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
