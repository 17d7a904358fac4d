/**
 * A small chart of accounts and setup for posting tests (Cronus-like numbers), and builders for
 * the input of buildSalesInvoicePosting with everything defaulted to the common setup of spec §25:
 * LCY, VAT 25 % Normal VAT, prices excl. VAT, Discount Posting = No Discounts.
 */
import { type Decimal, ZERO, dec, sum, toFixedString } from '../../../src/core/money/decimal.ts';
import type { GlEntry, PostingBatch } from '../../../src/core/posting/entries.ts';
import type {
  GeneralPostingSetupCostAccounts,
  GeneralPostingSetupSalesAccounts,
  InventoryPostingSetupAccounts,
  VatPostingSetupSales,
} from '../../../src/core/posting/posting-setup.ts';
import type {
  SalesInvoicePostingInput,
  SalesPostingLine,
} from '../../../src/core/posting/sales-invoice-posting.ts';

export const account = {
  receivables: '2310',
  inventory: '2110',
  inventoryInterim: '2111',
  salesVat25: '5610',
  salesVat19: '5611',
  sales: '6110',
  salesCreditMemo: '6190',
  freight: '6100',
  lineDiscount: '6910',
  invoiceDiscount: '6920',
  cogs: '7190',
  cogsInterim: '7180',
  invoiceRounding: '9250',
} as const;

export const generalPostingSetups: (GeneralPostingSetupSalesAccounts & GeneralPostingSetupCostAccounts)[] = [
  {
    genBusPostingGroup: 'DOMESTIC',
    genProdPostingGroup: 'RETAIL',
    salesAccount: account.sales,
    salesCreditMemoAccount: account.salesCreditMemo,
    salesLineDiscountAccount: account.lineDiscount,
    salesInvoiceDiscountAccount: account.invoiceDiscount,
    cogsAccount: account.cogs,
    cogsAccountInterim: account.cogsInterim,
  },
  {
    genBusPostingGroup: 'DOMESTIC',
    genProdPostingGroup: 'SERVICES',
    salesAccount: account.sales,
    salesCreditMemoAccount: account.salesCreditMemo,
    salesLineDiscountAccount: account.lineDiscount,
    salesInvoiceDiscountAccount: account.invoiceDiscount,
    cogsAccount: account.cogs,
    cogsAccountInterim: account.cogsInterim,
  },
];

export function vatSetup(overrides: Partial<VatPostingSetupSales> & { vatProdPostingGroup: string }): VatPostingSetupSales {
  return {
    vatBusPostingGroup: 'DOMESTIC',
    vatCalculationType: 'normal',
    vatIdentifier: overrides.vatProdPostingGroup,
    vatPercent: dec('25'),
    salesVatAccount: account.salesVat25,
    ...overrides,
  };
}

export const vatPostingSetups: VatPostingSetupSales[] = [
  vatSetup({ vatProdPostingGroup: 'VAT25' }),
  vatSetup({ vatProdPostingGroup: 'VAT19', vatPercent: dec('19'), salesVatAccount: account.salesVat19 }),
  vatSetup({ vatProdPostingGroup: 'NO VAT', vatPercent: ZERO, salesVatAccount: '' }),
  vatSetup({ vatBusPostingGroup: 'EU', vatProdPostingGroup: 'VAT25', vatCalculationType: 'reverseCharge', vatIdentifier: 'VAT25RC', salesVatAccount: '' }),
  vatSetup({ vatProdPostingGroup: 'FULL', vatCalculationType: 'fullVat', vatPercent: ZERO, vatIdentifier: 'FULL' }),
];

export const inventoryPostingSetups: InventoryPostingSetupAccounts[] = [
  { locationCode: '', inventoryPostingGroup: 'RESALE', inventoryAccount: account.inventory, inventoryAccountInterim: account.inventoryInterim },
];

/** An item line on RETAIL / VAT25 with the given amounts; the rest zero. */
export function itemLine(
  lineNo: number,
  amounts: { amount: string; amountIncludingVat: string; lineDiscountAmount?: string; invoiceDiscountAmount?: string; vatBaseAmount?: string },
  overrides: Partial<SalesPostingLine> = {},
): SalesPostingLine {
  return {
    lineNo,
    type: 'item',
    no: '1000',
    genProdPostingGroup: 'RETAIL',
    vatProdPostingGroup: 'VAT25',
    amount: dec(amounts.amount),
    amountIncludingVat: dec(amounts.amountIncludingVat),
    vatBaseAmount: dec(amounts.vatBaseAmount ?? amounts.amount),
    lineDiscountAmount: dec(amounts.lineDiscountAmount ?? '0'),
    invoiceDiscountAmount: dec(amounts.invoiceDiscountAmount ?? '0'),
    ...overrides,
  };
}

export function glAccountLine(
  lineNo: number,
  accountNo: string,
  amounts: { amount: string; amountIncludingVat: string },
  overrides: Partial<SalesPostingLine> = {},
): SalesPostingLine {
  return itemLine(lineNo, amounts, { type: 'glAccount', no: accountNo, genProdPostingGroup: 'SERVICES', ...overrides });
}

type InputOverrides = Partial<Omit<SalesInvoicePostingInput, 'header' | 'setup' | 'accounts'>> & {
  header?: Partial<SalesInvoicePostingInput['header']>;
  setup?: Partial<SalesInvoicePostingInput['setup']>;
  accounts?: Partial<SalesInvoicePostingInput['accounts']>;
};

export function invoiceInput(lines: SalesPostingLine[], overrides: InputOverrides = {}): SalesInvoicePostingInput {
  return {
    documentType: overrides.documentType ?? 'invoice',
    lines,
    header: {
      billToCustomerNo: 'C10000',
      genBusPostingGroup: 'DOMESTIC',
      vatBusPostingGroup: 'DOMESTIC',
      postingDescription: 'Order SO-1',
      postingDate: '2026-01-15',
      dueDate: '2026-01-29',
      paymentDiscountPercent: ZERO,
      paymentDiscountDate: null,
      currencyCode: '',
      currencyFactor: dec('1'),
      pricesIncludingVat: false,
      ...overrides.header,
    },
    setup: {
      discountPosting: 'noDiscounts',
      paymentDiscountExcludingVat: false,
      paymentDiscountGracePeriod: '',
      amountRoundingPrecision: '0.01',
      lcyAmountRoundingPrecision: '0.01',
      invoiceRounding: null,
      ...overrides.setup,
    },
    accounts: {
      customerPostingGroup: { code: 'DOMESTIC', receivablesAccount: account.receivables, invoiceRoundingAccount: account.invoiceRounding },
      generalPostingSetups,
      vatPostingSetups,
      ...overrides.accounts,
    },
  };
}

export const money = (value: Decimal) => toFixedString(value, 2);

/** The G/L entries as "account amount" strings, in posting order: easy to compare to a table. */
export function glLines(batch: PostingBatch): string[] {
  return batch.glEntries.map((entry) => `${entry.accountNo} ${money(entry.amount)}`);
}

/** Net G/L amount per account, amounts as strings. */
export function glByAccount(batch: PostingBatch): Record<string, string> {
  const totals = new Map<string, Decimal>();
  for (const entry of batch.glEntries) totals.set(entry.accountNo, (totals.get(entry.accountNo) ?? ZERO).plus(entry.amount));
  return Object.fromEntries([...totals].map(([accountNo, amount]) => [accountNo, money(amount)]));
}

export function debitTotal(entries: readonly GlEntry[]): Decimal {
  return sum(entries.filter((entry) => entry.amount.greaterThan(0)).map((entry) => entry.amount));
}
