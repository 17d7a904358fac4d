import { describe, expect, it } from 'vitest';
import { ZERO, dec } from '../../../src/core/money/decimal.ts';
import { assertBalanced } from '../../../src/core/posting/assert-balanced.ts';
import { buildCostPosting } from '../../../src/core/posting/cost-posting.ts';
import { combinePostingBatches } from '../../../src/core/posting/entries.ts';
import {
  type DiscountPosting,
  type SalesPostingLine,
  buildSalesInvoicePosting,
} from '../../../src/core/posting/sales-invoice-posting.ts';
import { type AmountsToInvoice, type LineToInvoice, amountsToInvoice } from '../../../src/core/sales/partial-invoicing.ts';
import { calculateDocumentVat } from '../../../src/core/tax/vat.ts';
import { amountLine } from '../sales/amount-line.ts';
import { domainErrorOf } from '../domain-error-helper.ts';
import {
  account,
  debitTotal,
  generalPostingSetups,
  glAccountLine,
  glByAccount,
  glLines,
  inventoryPostingSetups,
  invoiceInput,
  itemLine,
  money,
  vatSetup,
} from './posting-fixture.ts';

// §7.11: order SO-1, 10 × 100.00 less 10 %, VAT 25 %: 900.00 + 225.00 = 1125.00.
const so1: LineToInvoice = {
  lineNo: 10000, type: 'item', quantity: dec('10'), quantityInvoiced: ZERO, quantityToInvoice: ZERO,
  unitPrice: dec('100'), lineDiscountPercent: dec('10'), lineDiscountAmount: dec('100.00'), invoiceDiscountAmount: ZERO, allowInvoiceDiscount: true,
  vatPercent: dec('25'), vatIdentifier: 'VAT25', vatCalculationType: 'normal',
};
/** One posting of the line (spec §4.5): the line as it is now, prorated over the quantity invoiced. */
const invoiced = (line: LineToInvoice, quantityToInvoice: string, quantityInvoiced = '0') =>
  amountsToInvoice([{ ...line, quantityInvoiced: dec(quantityInvoiced), quantityToInvoice: dec(quantityToInvoice) }], { pricesIncludingVat: false, amountRoundingPrecision: dec('0.01') })[0]!;
const step2 = invoiced(so1, '4');
const step3 = invoiced(so1, '6', '4');

function so1Line(amounts: AmountsToInvoice): SalesPostingLine {
  return itemLine(10000, {
    amount: amounts.amount.toString(),
    amountIncludingVat: amounts.amountIncludingVat.toString(),
    lineDiscountAmount: amounts.lineDiscountAmount.toString(),
    invoiceDiscountAmount: amounts.invoiceDiscountAmount.toString(),
  });
}

describe('buildSalesInvoicePosting — worked examples', () => {
  it('§7.11 step 2: invoice 4 of 10 → Dr Receivables 450.00, Cr Sales 360.00, Cr VAT 90.00; VAT entry −360.00 / −90.00', () => {
    const batch = buildSalesInvoicePosting(invoiceInput([so1Line(step2)]));
    expect(glLines(batch)).toEqual([`${account.sales} -360.00`, `${account.salesVat25} -90.00`, `${account.receivables} 450.00`]);
    expect(batch.vatEntries.map((entry) => [money(entry.base), money(entry.amount), entry.vatCalculationType, entry.vatIdentifier]))
      .toEqual([['-360.00', '-90.00', 'normal', 'VAT25']]);
    const [customerEntry] = batch.customerLedgerEntries;
    expect(customerEntry).toMatchObject({ customerNo: 'C10000', documentType: 'invoice', currencyCode: '', dueDate: '2026-01-29' });
    expect([customerEntry!.amount, customerEntry!.amountLcy, customerEntry!.salesLcy, customerEntry!.originalPaymentDiscountPossible].map(money))
      .toEqual(['450.00', '450.00', '360.00', '0.00']);
    assertBalanced(batch);
  });

  it('§7.11 step 2 with Discount Posting = Line Discounts: Cr Sales 400.00 and Dr Sales Line Disc. 40.00', () => {
    const batch = buildSalesInvoicePosting(invoiceInput([so1Line(step2)], { setup: { discountPosting: 'lineDiscounts' } }));
    expect(glByAccount(batch)).toEqual({
      [account.lineDiscount]: '40.00',
      [account.sales]: '-400.00',
      [account.salesVat25]: '-90.00',
      [account.receivables]: '450.00',
    });
    assertBalanced(batch);
  });

  it('§7.11 step 3: invoice the remaining 6 → 675.00 / 540.00 / 135.00; 450.00 + 675.00 = 1125.00', () => {
    const batch = buildSalesInvoicePosting(invoiceInput([so1Line(step3)]));
    expect(glByAccount(batch)).toEqual({ [account.sales]: '-540.00', [account.salesVat25]: '-135.00', [account.receivables]: '675.00' });
    expect(money(batch.customerLedgerEntries[0]!.amount)).toBe('675.00');
    expect(money(step2.amountIncludingVat.plus(batch.customerLedgerEntries[0]!.amount))).toBe('1125.00');
  });

  it('§4.5: the second invoice of a line whose price and invoice discount changed posts the line as it is now', () => {
    // 10 × 100.00, Inv. Discount Amount 80.00: invoice 4 → 400.00 − 32.00. Then 90.00 €/unit and 90.00 discount: the other 6.
    const first = invoiced({ ...so1, lineDiscountPercent: ZERO, lineDiscountAmount: ZERO, invoiceDiscountAmount: dec('80') }, '4');
    const second = invoiced({ ...so1, unitPrice: dec('90'), lineDiscountPercent: ZERO, lineDiscountAmount: ZERO, invoiceDiscountAmount: dec('90') }, '6', '4');
    const setup = { setup: { discountPosting: 'invoiceDiscounts' as DiscountPosting } };
    expect(glByAccount(buildSalesInvoicePosting(invoiceInput([so1Line(first)], setup)))).toEqual({
      [account.sales]: '-400.00', [account.invoiceDiscount]: '32.00', [account.salesVat25]: '-92.00', [account.receivables]: '460.00',
    });
    // 6 × 90.00 = 540.00 (not 1000.00 − 400.00), discount round(90.00 × 6 / 10) = 54.00 (not 90.00 − 32.00).
    const batch = buildSalesInvoicePosting(invoiceInput([so1Line(second)], setup));
    expect(glByAccount(batch)).toEqual({
      [account.sales]: '-540.00', [account.invoiceDiscount]: '54.00', [account.salesVat25]: '-121.50', [account.receivables]: '607.50',
    });
    expect(batch.vatEntries.map((entry) => [money(entry.base), money(entry.amount)])).toEqual([['-486.00', '-121.50']]);
    assertBalanced(batch);
  });

  it('§23.5 worked example 16: invoice and cost posting of step 2 together, Σ debit 690.00 = Σ credit 690.00', () => {
    const invoice = buildSalesInvoicePosting(invoiceInput([so1Line(step2)]));
    const cost = buildCostPosting({
      automaticCostPosting: true,
      expectedCostPostingToGl: false,
      description: 'Order SO-1',
      customerNo: 'C10000',
      lines: [{
        lineNo: 10000, genBusPostingGroup: 'DOMESTIC', genProdPostingGroup: 'RETAIL', locationCode: '', inventoryPostingGroup: 'RESALE',
        costAmountActual: dec('-240.00'), costAmountExpected: dec('240.00'),
      }],
      accounts: { generalPostingSetups, inventoryPostingSetups },
    });
    const batch = combinePostingBatches(invoice, cost);
    expect(glByAccount(batch)).toEqual({
      [account.receivables]: '450.00',
      [account.sales]: '-360.00',
      [account.salesVat25]: '-90.00',
      [account.cogs]: '240.00',
      [account.inventory]: '-240.00',
    });
    expect(money(debitTotal(batch.glEntries))).toBe('690.00');
    assertBalanced(batch);
  });

  it('§7.12: item 800.00 + freight G/L 6100 50.00 → Dr Receivables 1062.50, Cr Sales 800.00, Cr 6100 50.00, Cr VAT 212.50', () => {
    const batch = buildSalesInvoicePosting(invoiceInput([
      itemLine(10000, { amount: '800.00', amountIncludingVat: '1000.00' }),
      glAccountLine(20000, account.freight, { amount: '50.00', amountIncludingVat: '62.50' }),
    ]));
    expect(glLines(batch)).toEqual([
      `${account.sales} -800.00`,
      `${account.freight} -50.00`,
      `${account.salesVat25} -212.50`,
      `${account.receivables} 1062.50`,
    ]);
    expect(batch.vatEntries.map((entry) => [money(entry.base), money(entry.amount)])).toEqual([['-850.00', '-212.50']]);
    expect(money(batch.customerLedgerEntries[0]!.amount)).toBe('1062.50');
  });

  it('§13.3 worked example 4: one invoice for two shipments, 500.00 + 600.00 → one customer entry 1375.00', () => {
    const batch = buildSalesInvoicePosting(invoiceInput([
      { ...itemLine(10000, { amount: '0', amountIncludingVat: '0' }), type: 'comment' },
      itemLine(20000, { amount: '500.00', amountIncludingVat: '625.00' }),
      { ...itemLine(30000, { amount: '0', amountIncludingVat: '0' }), type: 'comment' },
      itemLine(40000, { amount: '600.00', amountIncludingVat: '750.00' }, { no: 'B' }),
    ]));
    expect(batch.customerLedgerEntries.map((entry) => money(entry.amount))).toEqual(['1375.00']);
    expect(glByAccount(batch)).toEqual({ [account.sales]: '-1100.00', [account.salesVat25]: '-275.00', [account.receivables]: '1375.00' });
  });
});

describe('buildSalesInvoicePosting — §23.2 Discount Posting', () => {
  // G = 1000.00, L = 100.00, I = 45.00 → N = 855.00, V = 213.75.
  const line = itemLine(10000, { amount: '855.00', amountIncludingVat: '1068.75', lineDiscountAmount: '100.00', invoiceDiscountAmount: '45.00' });
  const cases: Array<[DiscountPosting, Record<string, string>]> = [
    ['noDiscounts', { [account.sales]: '-855.00' }],
    ['invoiceDiscounts', { [account.invoiceDiscount]: '45.00', [account.sales]: '-900.00' }],
    ['lineDiscounts', { [account.lineDiscount]: '100.00', [account.sales]: '-955.00' }],
    ['allDiscounts', { [account.invoiceDiscount]: '45.00', [account.lineDiscount]: '100.00', [account.sales]: '-1000.00' }],
  ];

  it.each(cases)('%s: revenue and discount entries as in the table; always Dr Receivables N + V, Cr VAT V', (discountPosting, revenue) => {
    const batch = buildSalesInvoicePosting(invoiceInput([line], { setup: { discountPosting } }));
    expect(glByAccount(batch)).toEqual({ ...revenue, [account.salesVat25]: '-213.75', [account.receivables]: '1068.75' });
    expect(batch.vatEntries.map((entry) => [money(entry.base), money(entry.amount)])).toEqual([['-855.00', '-213.75']]);
    expect(money(batch.customerLedgerEntries[0]!.invoiceDiscountLcy)).toBe('45.00');
    assertBalanced(batch);
  });

  it.each(cases)('%s on a credit memo: the same on the Sales Credit Memo Account, every side turned', (discountPosting, revenue) => {
    const batch = buildSalesInvoicePosting(invoiceInput([line], { documentType: 'creditMemo', setup: { discountPosting } }));
    const mirrored = Object.fromEntries(Object.entries(revenue).map(([accountNo, amount]) => [
      accountNo === account.sales ? account.salesCreditMemo : accountNo,
      money(dec(amount).negated()),
    ]));
    expect(glByAccount(batch)).toEqual({ ...mirrored, [account.salesVat25]: '213.75', [account.receivables]: '-1068.75' });
  });

  it('the discount entries carry their VAT in the G/L entry VAT Amount, the sales entry the rest', () => {
    const batch = buildSalesInvoicePosting(invoiceInput([line], { setup: { discountPosting: 'allDiscounts' } }));
    const vatOf = (accountNo: string) => money(batch.glEntries.find((entry) => entry.accountNo === accountNo)!.vatAmount!);
    expect([vatOf(account.invoiceDiscount), vatOf(account.lineDiscount), vatOf(account.sales)]).toEqual(['11.25', '25.00', '-250.00']);
  });

  it('a discount account is needed only for a discount that is there: no line discount, no Sales Line Disc. Account', () => {
    const withoutDiscountAccounts = generalPostingSetups.map((setup) => ({ ...setup, salesLineDiscountAccount: '', salesInvoiceDiscountAccount: '' }));
    const batch = buildSalesInvoicePosting(invoiceInput(
      [itemLine(10000, { amount: '100.00', amountIncludingVat: '125.00' })],
      { setup: { discountPosting: 'allDiscounts' }, accounts: { generalPostingSetups: withoutDiscountAccounts } },
    ));
    expect(glByAccount(batch)).toEqual({ [account.sales]: '-100.00', [account.salesVat25]: '-25.00', [account.receivables]: '125.00' });
    const error = domainErrorOf(() => buildSalesInvoicePosting(invoiceInput([line], {
      setup: { discountPosting: 'lineDiscounts' }, accounts: { generalPostingSetups: withoutDiscountAccounts },
    })));
    expect(error.code).toBe('POSTING_SETUP_MISSING');
    expect(error.params).toMatchObject({ setup: "general posting setup 'DOMESTIC' × 'RETAIL'", field: 'Sales Line Disc. Account' });
    expect(error.field).toBe('lines.0.genProdPostingGroup');
  });

  it('lines on the same account and posting groups post as one entry; another product group gets its own', () => {
    const batch = buildSalesInvoicePosting(invoiceInput([
      itemLine(10000, { amount: '100.00', amountIncludingVat: '125.00' }),
      itemLine(20000, { amount: '200.00', amountIncludingVat: '250.00' }),
      itemLine(30000, { amount: '10.00', amountIncludingVat: '12.50' }, { genProdPostingGroup: 'SERVICES' }),
      itemLine(40000, { amount: '100.00', amountIncludingVat: '119.00' }, { vatProdPostingGroup: 'VAT19' }),
    ]));
    expect(glLines(batch)).toEqual([
      `${account.sales} -300.00`,
      `${account.sales} -10.00`,
      `${account.sales} -100.00`,
      `${account.salesVat25} -77.50`,
      `${account.salesVat19} -19.00`,
      `${account.receivables} 506.50`,
    ]);
    expect(batch.glEntries.slice(0, 3).map((entry) => [entry.genProdPostingGroup, entry.vatProdPostingGroup]))
      .toEqual([['RETAIL', 'VAT25'], ['SERVICES', 'VAT25'], ['RETAIL', 'VAT19']]);
    expect(batch.vatEntries.map((entry) => [entry.vatProdPostingGroup, money(entry.base), money(entry.amount)]))
      .toEqual([['VAT25', '-310.00', '-77.50'], ['VAT19', '-100.00', '-19.00']]);
  });
});

describe('buildSalesInvoicePosting — credit memos', () => {
  it('§17.9 worked example 10: credit 3 × 100.00 → Dr Sales Credit Memo Account 300.00, Dr VAT 75.00, Cr Receivables 375.00', () => {
    const batch = buildSalesInvoicePosting(invoiceInput(
      [itemLine(10000, { amount: '300.00', amountIncludingVat: '375.00' })],
      { documentType: 'creditMemo', header: { postingDescription: 'Return Order RO-1' } },
    ));
    expect(glLines(batch)).toEqual([`${account.salesCreditMemo} 300.00`, `${account.salesVat25} 75.00`, `${account.receivables} -375.00`]);
    expect(batch.vatEntries.map((entry) => [money(entry.base), money(entry.amount)])).toEqual([['300.00', '75.00']]);
    const [customerEntry] = batch.customerLedgerEntries;
    expect(customerEntry!.documentType).toBe('creditMemo');
    expect([customerEntry!.amount, customerEntry!.amountLcy, customerEntry!.salesLcy].map(money)).toEqual(['-375.00', '-375.00', '-300.00']);
  });

  it('§18.6 worked example 11: cancelling PI-9 (2 × 250.00 + G/L 100.00) mirrors every entry of the invoice', () => {
    const lines = [
      itemLine(10000, { amount: '500.00', amountIncludingVat: '625.00' }, { no: '2000', costAmountLcy: dec('300.00') }),
      glAccountLine(20000, account.freight, { amount: '100.00', amountIncludingVat: '125.00' }),
    ];
    const invoice = buildSalesInvoicePosting(invoiceInput(lines));
    const creditMemo = buildSalesInvoicePosting(invoiceInput(lines, { documentType: 'creditMemo' }));
    const cmAccount = (accountNo: string) => (accountNo === account.sales ? account.salesCreditMemo : accountNo);
    expect(glLines(creditMemo)).toEqual(invoice.glEntries.map((entry) => `${cmAccount(entry.accountNo)} ${money(entry.amount.negated())}`));
    expect(creditMemo.vatEntries.map((entry) => money(entry.amount))).toEqual(['150.00']);
    expect(invoice.vatEntries.map((entry) => money(entry.amount))).toEqual(['-150.00']);
    const [invoiceEntry, creditMemoEntry] = [invoice.customerLedgerEntries[0]!, creditMemo.customerLedgerEntries[0]!];
    expect([invoiceEntry.amount, invoiceEntry.salesLcy, invoiceEntry.profitLcy!].map(money)).toEqual(['750.00', '600.00', '300.00']);
    expect([creditMemoEntry.amount, creditMemoEntry.salesLcy, creditMemoEntry.profitLcy!].map(money)).toEqual(['-750.00', '-600.00', '-300.00']);
  });
});

describe('buildSalesInvoicePosting — invoice rounding (§4.7) and payment discount (§11.2)', () => {
  // §25 scenario 9: 800.00 and 250.00 with invoice discount 52.50 split 40.00 / 12.50 →
  // Amount 997.50, VAT 249.38, total 1246.88 (VAT per group, distributed back to the lines).
  function scenario9Lines(): SalesPostingLine[] {
    const amountLines = [
      amountLine('800.00', { lineNo: 10000, invoiceDiscountAmount: dec('40.00') }),
      amountLine('250.00', { lineNo: 20000, invoiceDiscountAmount: dec('12.50') }),
    ];
    const vat = calculateDocumentVat(amountLines, { pricesIncludingVat: false, amountRoundingPrecision: dec('0.01') });
    return amountLines.map((line, index) => itemLine(line.lineNo, {
      amount: vat.lines[index]!.amount.toString(),
      amountIncludingVat: vat.lines[index]!.amountIncludingVat.toString(),
      invoiceDiscountAmount: line.invoiceDiscountAmount.toString(),
    }));
  }
  const roundingSetup = (direction: 'nearest' | 'down' | 'up') => ({
    invoiceRounding: { precision: '1.00', direction, genProdPostingGroup: 'SERVICES', vatProdPostingGroup: 'NO VAT' },
  });

  it('1246.88, precision 1.00 nearest → rounding line +0.12 on the Invoice Rounding Account, invoiced 1247.00', () => {
    const batch = buildSalesInvoicePosting(invoiceInput(scenario9Lines(), { setup: roundingSetup('nearest') }));
    expect(glByAccount(batch)).toEqual({
      [account.sales]: '-997.50',
      [account.invoiceRounding]: '-0.12',
      [account.salesVat25]: '-249.38',
      [account.receivables]: '1247.00',
    });
    expect(money(batch.customerLedgerEntries[0]!.amount)).toBe('1247.00');
    expect(money(batch.customerLedgerEntries[0]!.salesLcy)).toBe('997.62');
    // The rounding account's own VAT posting setup (0 %) gets a VAT entry with base only.
    expect(batch.vatEntries.map((entry) => [entry.vatProdPostingGroup, money(entry.base), money(entry.amount)]))
      .toEqual([['VAT25', '-997.50', '-249.38'], ['NO VAT', '-0.12', '0.00']]);
    assertBalanced(batch);
  });

  it('type Down → rounding line −0.88, invoiced 1246.00; Up → +0.12', () => {
    const down = buildSalesInvoicePosting(invoiceInput(scenario9Lines(), { setup: roundingSetup('down') }));
    expect(glByAccount(down)[account.invoiceRounding]).toBe('0.88');
    expect(money(down.customerLedgerEntries[0]!.amount)).toBe('1246.00');
    const up = buildSalesInvoicePosting(invoiceInput(scenario9Lines(), { setup: roundingSetup('up') }));
    expect(money(up.customerLedgerEntries[0]!.amount)).toBe('1247.00');
  });

  it('no rounding line when the total is already on the precision; a rounding account with VAT takes VAT out of the line', () => {
    const even = buildSalesInvoicePosting(invoiceInput([itemLine(10000, { amount: '800.00', amountIncludingVat: '1000.00' })], { setup: roundingSetup('nearest') }));
    expect(glByAccount(even)[account.invoiceRounding]).toBeUndefined();
    const withVat = buildSalesInvoicePosting(invoiceInput(scenario9Lines(), {
      setup: { invoiceRounding: { precision: '1.00', direction: 'down', genProdPostingGroup: 'SERVICES', vatProdPostingGroup: 'VAT25' } },
    }));
    // −0.88 incl. VAT: Amount round(−0.88 / 1.25) = −0.70, VAT −0.18.
    expect(glByAccount(withVat)).toEqual({
      [account.sales]: '-997.50',
      [account.invoiceRounding]: '0.70',
      [account.salesVat25]: '-249.20',
      [account.receivables]: '1246.00',
    });
  });

  it('with Invoice Discounts posted separately, scenario 9 credits Sales 1050.00 and debits Sales Inv. Disc. 52.50', () => {
    const batch = buildSalesInvoicePosting(invoiceInput(scenario9Lines(), { setup: { discountPosting: 'invoiceDiscounts' } }));
    expect(glByAccount(batch)).toEqual({
      [account.invoiceDiscount]: '52.50',
      [account.sales]: '-1050.00',
      [account.salesVat25]: '-249.38',
      [account.receivables]: '1246.88',
    });
    expect(money(batch.customerLedgerEntries[0]!.invoiceDiscountLcy)).toBe('52.50');
  });

  // §20.4 worked example 13: 800.00 + 200.00 VAT = 1000.00, terms 30D, 5 % within 8D.
  const pi20 = [itemLine(10000, { amount: '800.00', amountIncludingVat: '1000.00' })];
  const terms = { postingDate: '2026-03-01', dueDate: '2026-03-31', paymentDiscountDate: '2026-03-09', paymentDiscountPercent: dec('5') };

  it.each([
    ['on the amount incl. VAT', {}, {}, '50.00', '2026-03-09'],
    ['Pmt. Disc. Excl. VAT: on the amount excl. VAT', {}, { paymentDiscountExcludingVat: true }, '40.00', '2026-03-09'],
    ['grace period 5D: tolerance date 2026-03-14', {}, { paymentDiscountGracePeriod: '5D' }, '50.00', '2026-03-14'],
    ['posted after the discount date: none possible', { postingDate: '2026-03-10' }, {}, '0.00', '2026-03-09'],
    ['posted after the date but within the grace period: possible', { postingDate: '2026-03-10' }, { paymentDiscountGracePeriod: '5D' }, '50.00', '2026-03-14'],
  ])('Original Pmt. Disc. Possible %s', (_, header, setup, expected, toleranceDate) => {
    const [entry] = buildSalesInvoicePosting(invoiceInput(pi20, { header: { ...terms, ...header }, setup })).customerLedgerEntries;
    expect(money(entry!.originalPaymentDiscountPossible)).toBe(expected);
    expect([entry!.dueDate, entry!.paymentDiscountDate, entry!.paymentDiscountToleranceDate]).toEqual(['2026-03-31', '2026-03-09', toleranceDate]);
  });

  it('payment discount is taken on the rounded total; a credit memo whose terms allow it gets a negative one', () => {
    const [rounded] = buildSalesInvoicePosting(invoiceInput(scenario9Lines(), {
      header: { paymentDiscountPercent: dec('2'), paymentDiscountDate: '2026-01-23' }, setup: roundingSetup('nearest'),
    })).customerLedgerEntries;
    expect(money(rounded!.originalPaymentDiscountPossible)).toBe('24.94');
    const [credit] = buildSalesInvoicePosting(invoiceInput(pi20, { documentType: 'creditMemo', header: terms })).customerLedgerEntries;
    expect(money(credit!.originalPaymentDiscountPossible)).toBe('-50.00');
  });
});

describe('buildSalesInvoicePosting — VAT calculation types and prices including VAT', () => {
  it('prices incl. VAT, Line Discounts: the discount account gets the discount less its VAT (125.00 incl. → 100.00)', () => {
    // 10 × 125.00 incl. VAT less 10 % = 1125.00 incl. VAT = 900.00 + 225.00.
    const batch = buildSalesInvoicePosting(invoiceInput(
      [itemLine(10000, { amount: '900.00', amountIncludingVat: '1125.00', lineDiscountAmount: '125.00' })],
      { header: { pricesIncludingVat: true }, setup: { discountPosting: 'lineDiscounts' } },
    ));
    expect(glByAccount(batch)).toEqual({
      [account.lineDiscount]: '100.00',
      [account.sales]: '-1000.00',
      [account.salesVat25]: '-225.00',
      [account.receivables]: '1125.00',
    });
  });

  it('prices incl. VAT at 19 %: discount 10.00 incl. VAT → VAT round(10 / 1.19 × 0.19) = 1.60, Dr Line Disc. 8.40', () => {
    const batch = buildSalesInvoicePosting(invoiceInput(
      [itemLine(10000, { amount: '100.00', amountIncludingVat: '119.00', lineDiscountAmount: '10.00' }, { vatProdPostingGroup: 'VAT19' })],
      { header: { pricesIncludingVat: true }, setup: { discountPosting: 'lineDiscounts' } },
    ));
    expect(batch.glEntries.map((entry) => [entry.accountNo, money(entry.amount), entry.vatAmount ? money(entry.vatAmount) : null])).toEqual([
      [account.lineDiscount, '8.40', '1.60'],
      [account.sales, '-108.40', '-20.60'],
      [account.salesVat19, '-19.00', null],
      [account.receivables, '119.00', null],
    ]);
    assertBalanced(batch);
  });

  it('reverse charge VAT: VAT entry with the base and VAT 0, no VAT G/L entry, no Sales VAT Account needed', () => {
    const batch = buildSalesInvoicePosting(invoiceInput(
      [itemLine(10000, { amount: '1000.00', amountIncludingVat: '1000.00' })],
      { header: { vatBusPostingGroup: 'EU', billToCustomerNo: 'C40000' } },
    ));
    expect(glLines(batch)).toEqual([`${account.sales} -1000.00`, `${account.receivables} 1000.00`]);
    expect(batch.vatEntries).toHaveLength(1);
    expect(batch.vatEntries[0]).toMatchObject({ type: 'sale', vatCalculationType: 'reverseCharge', vatBusPostingGroup: 'EU', vatIdentifier: 'VAT25RC', billToCustomerNo: 'C40000' });
    expect([money(batch.vatEntries[0]!.base), money(batch.vatEntries[0]!.amount)]).toEqual(['-1000.00', '0.00']);
  });

  it('reverse charge with line discounts posted: the discount carries no VAT', () => {
    const batch = buildSalesInvoicePosting(invoiceInput(
      [itemLine(10000, { amount: '900.00', amountIncludingVat: '900.00', lineDiscountAmount: '100.00' })],
      { header: { vatBusPostingGroup: 'EU' }, setup: { discountPosting: 'lineDiscounts' } },
    ));
    expect(glByAccount(batch)).toEqual({ [account.lineDiscount]: '100.00', [account.sales]: '-1000.00', [account.receivables]: '900.00' });
    expect(batch.glEntries[0]!.vatAmount && money(batch.glEntries[0]!.vatAmount)).toBe('0.00');
  });

  it('Full VAT line (G/L line on the VAT account): all of it is VAT — VAT entry base 0, no revenue entry', () => {
    const batch = buildSalesInvoicePosting(invoiceInput([
      itemLine(10000, { amount: '100.00', amountIncludingVat: '125.00' }),
      glAccountLine(20000, account.salesVat25, { amount: '0', amountIncludingVat: '50.00' }, { vatProdPostingGroup: 'FULL' }),
    ]));
    expect(glLines(batch)).toEqual([`${account.sales} -100.00`, `${account.salesVat25} -25.00`, `${account.salesVat25} -50.00`, `${account.receivables} 175.00`]);
    expect(batch.vatEntries.map((entry) => [entry.vatCalculationType, money(entry.base), money(entry.amount)]))
      .toEqual([['normal', '-100.00', '-25.00'], ['fullVat', '0.00', '-50.00']]);
  });

  it('Sales Tax is refused', () => {
    const error = domainErrorOf(() => buildSalesInvoicePosting(invoiceInput(
      [itemLine(10000, { amount: '100.00', amountIncludingVat: '100.00' }, { vatProdPostingGroup: 'TAX' })],
      { accounts: { vatPostingSetups: [vatSetup({ vatProdPostingGroup: 'TAX', vatCalculationType: 'salesTax' })] } },
    )));
    expect([error.code, error.params.lineNo]).toEqual(['SALES_TAX_NOT_SUPPORTED', 10000]);
  });
});

describe('buildSalesInvoicePosting — foreign currency (§4.6)', () => {
  // USD, Currency Factor 1.5 (1.5 USD per LCY): lines 10.00 + 2.50 VAT each.
  const usd = { currencyCode: 'USD', currencyFactor: dec('1.5') };

  it('converts on running totals like BC: receivable 16.67 = round(25.00 / 1.5), sales 13.33, and VAT takes the residue: 3.34', () => {
    const batch = buildSalesInvoicePosting(invoiceInput([
      itemLine(10000, { amount: '10.00', amountIncludingVat: '12.50' }),
      itemLine(20000, { amount: '10.00', amountIncludingVat: '12.50' }),
    ], { header: usd }));
    // Per line: Amount 6.67, 6.66 (13.33 − 6.67); incl. VAT 8.33, 8.34 (16.67 − 8.33); VAT 1.66 + 1.68.
    expect(glLines(batch)).toEqual([`${account.sales} -13.33`, `${account.salesVat25} -3.34`, `${account.receivables} 16.67`]);
    expect(batch.vatEntries.map((entry) => [money(entry.base), money(entry.amount)])).toEqual([['-13.33', '-3.34']]);
    const [customerEntry] = batch.customerLedgerEntries;
    expect(customerEntry!.currencyCode).toBe('USD');
    expect([customerEntry!.amount, customerEntry!.amountLcy, customerEntry!.salesLcy].map(money)).toEqual(['25.00', '16.67', '13.33']);
    assertBalanced(batch);
  });

  it('a line without VAT keeps VAT 0 in LCY (its Amount (LCY) is its Amount Including VAT (LCY))', () => {
    const batch = buildSalesInvoicePosting(invoiceInput([
      itemLine(10000, { amount: '10.00', amountIncludingVat: '12.50' }),
      itemLine(20000, { amount: '10.00', amountIncludingVat: '10.00' }, { vatProdPostingGroup: 'NO VAT' }),
    ], { header: usd }));
    // Incl. VAT: 8.33, then round(22.50 / 1.5) − 8.33 = 6.67; the VAT-free line's Amount follows it.
    expect(batch.vatEntries.map((entry) => [entry.vatProdPostingGroup, money(entry.base), money(entry.amount)]))
      .toEqual([['VAT25', '-6.67', '-1.66'], ['NO VAT', '-6.67', '0.00']]);
    expect(glByAccount(batch)).toEqual({ [account.sales]: '-13.34', [account.salesVat25]: '-1.66', [account.receivables]: '15.00' });
  });

  it('payment discount stays in the document currency', () => {
    const [entry] = buildSalesInvoicePosting(invoiceInput([itemLine(10000, { amount: '800.00', amountIncludingVat: '1000.00' })], {
      header: { ...usd, paymentDiscountPercent: dec('2'), paymentDiscountDate: '2026-01-23' },
      setup: { paymentDiscountExcludingVat: true },
    })).customerLedgerEntries;
    // Sales (LCY) 533.33 × 1000.00 / 666.67 = 799.99… → 2 % = 16.00.
    expect([entry!.amountLcy, entry!.salesLcy, entry!.originalPaymentDiscountPossible].map(money)).toEqual(['666.67', '533.33', '16.00']);
  });

  it('a currency factor of 0 is refused', () => {
    const error = domainErrorOf(() => buildSalesInvoicePosting(invoiceInput(
      [itemLine(10000, { amount: '10.00', amountIncludingVat: '12.50' })], { header: { currencyCode: 'USD', currencyFactor: ZERO } },
    )));
    expect(error.code).toBe('INVALID_INPUT');
  });
});

describe('buildSalesInvoicePosting — missing setup', () => {
  const line = itemLine(10000, { amount: '100.00', amountIncludingVat: '125.00' });

  it.each([
    ['no general posting setup for the line', invoiceInput([{ ...line, genProdPostingGroup: 'MISC' }]),
      { setup: "general posting setup 'DOMESTIC' × 'MISC'" }, 'lines.0.genProdPostingGroup'],
    ['a blank Sales Account', invoiceInput([line], { accounts: { generalPostingSetups: generalPostingSetups.map((setup) => ({ ...setup, salesAccount: '' })) } }),
      { field: 'Sales Account' }, 'lines.0.genProdPostingGroup'],
    ['a blank Sales Credit Memo Account on a credit memo', invoiceInput([line], { documentType: 'creditMemo', accounts: { generalPostingSetups: generalPostingSetups.map((setup) => ({ ...setup, salesCreditMemoAccount: '' })) } }),
      { field: 'Sales Credit Memo Account' }, 'lines.0.genProdPostingGroup'],
    ['no VAT posting setup', invoiceInput([{ ...line, vatProdPostingGroup: 'VAT7' }]),
      { vatBusPostingGroup: 'DOMESTIC', vatProdPostingGroup: 'VAT7' }, 'lines.0.vatProdPostingGroup'],
    ['a blank Sales VAT Account', invoiceInput([line], { accounts: { vatPostingSetups: [vatSetup({ vatProdPostingGroup: 'VAT25', salesVatAccount: '' })] } }),
      { field: 'Sales VAT Account' }, 'accounts.vatPostingSetups'],
    ['a blank Receivables Account', invoiceInput([line], { accounts: { customerPostingGroup: { code: 'DOMESTIC', receivablesAccount: '', invoiceRoundingAccount: '9250' } } }),
      { setup: "customer posting group 'DOMESTIC'", field: 'Receivables Account' }, 'accounts.customerPostingGroup.receivablesAccount'],
    ['a blank Invoice Rounding Account when there is something to round', invoiceInput([itemLine(10000, { amount: '100.00', amountIncludingVat: '125.01' })], {
      setup: { invoiceRounding: { precision: '1', direction: 'nearest', genProdPostingGroup: 'SERVICES', vatProdPostingGroup: 'NO VAT' } },
      accounts: { customerPostingGroup: { code: 'DOMESTIC', receivablesAccount: '2310', invoiceRoundingAccount: '' } },
    }), { field: 'Invoice Rounding Account' }, 'accounts.customerPostingGroup.invoiceRoundingAccount'],
    ['a G/L Account line without an account', invoiceInput([glAccountLine(10000, '', { amount: '1.00', amountIncludingVat: '1.25' })]),
      { field: 'No. (G/L account)' }, 'lines.0.no'],
  ])('%s → POSTING_SETUP_MISSING', (_, input, params, field) => {
    const error = domainErrorOf(() => buildSalesInvoicePosting(input));
    expect(error.code).toBe('POSTING_SETUP_MISSING');
    expect(error.params).toMatchObject(params);
    expect(error.field).toBe(field);
  });

  it('the message names the setup and the field', () => {
    const error = domainErrorOf(() => buildSalesInvoicePosting(invoiceInput([{ ...line, vatProdPostingGroup: 'VAT7' }])));
    expect(error.message).toBe("There is no VAT posting setup for VAT business posting group 'DOMESTIC' and VAT product posting group 'VAT7'.");
  });
});
