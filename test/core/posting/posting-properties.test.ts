/**
 * Properties of the posting builders over random documents: lines of every VAT calculation type,
 * negative lines, line and invoice discounts, prices incl. or excl. VAT, LCY or a foreign currency,
 * with or without invoice rounding, under every Discount Posting setting.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { type Decimal, ZERO, dec, sum } from '../../../src/core/money/decimal.ts';
import { roundAmount } from '../../../src/core/money/rounding.ts';
import { assertBalanced, glBalance } from '../../../src/core/posting/assert-balanced.ts';
import { buildCostPosting } from '../../../src/core/posting/cost-posting.ts';
import type { PostingBatch } from '../../../src/core/posting/entries.ts';
import { convertLineAmountsToLcy } from '../../../src/core/posting/lcy-amounts.ts';
import type { VatPostingSetupSales } from '../../../src/core/posting/posting-setup.ts';
import {
  type DiscountPosting,
  type SalesInvoicePostingInput,
  type SalesPostingLine,
  buildSalesInvoicePosting,
} from '../../../src/core/posting/sales-invoice-posting.ts';
import { invoiceRoundingLine } from '../../../src/core/sales/document-totals.ts';
import { calculateLineAmount } from '../../../src/core/sales/line-amounts.ts';
import { amountsToInvoice } from '../../../src/core/sales/partial-invoicing.ts';
import type { AmountLine } from '../../../src/core/sales/types.ts';
import { calculateDocumentVat } from '../../../src/core/tax/vat.ts';
import { account, generalPostingSetups, inventoryPostingSetups, invoiceInput, money, vatSetup } from './posting-fixture.ts';

const vatPostingSetups: VatPostingSetupSales[] = [
  vatSetup({ vatProdPostingGroup: 'VAT25' }),
  vatSetup({ vatProdPostingGroup: 'VAT19', vatPercent: dec('19'), salesVatAccount: account.salesVat19 }),
  vatSetup({ vatProdPostingGroup: 'NO VAT', vatPercent: ZERO, salesVatAccount: '' }),
  vatSetup({ vatProdPostingGroup: 'RC', vatCalculationType: 'reverseCharge', salesVatAccount: '' }),
  vatSetup({ vatProdPostingGroup: 'FULL', vatCalculationType: 'fullVat', vatPercent: ZERO }),
];
const vatAccounts = new Set<string>([account.salesVat25, account.salesVat19]);
const cents = (value: number) => dec((value / 100).toFixed(2));
const percentOf = (amount: Decimal, percent: number) => roundAmount(amount.times(percent).div(100));

const lineArbitrary = fc.record({
  kind: fc.constantFrom('item', 'glAccount', 'fullVat', 'comment'),
  vatProdPostingGroup: fc.constantFrom('VAT25', 'VAT19', 'NO VAT', 'RC'),
  genProdPostingGroup: fc.constantFrom('RETAIL', 'SERVICES'),
  grossCents: fc.oneof(fc.integer({ min: 0, max: 2_000_000 }), fc.integer({ min: -50_000, max: 0 })),
  lineDiscountPercent: fc.constantFrom(0, 0, 5, 10, 33, 100),
  invoiceDiscountPercent: fc.constantFrom(0, 0, 2.5, 10),
  costCents: fc.option(fc.integer({ min: 0, max: 1_000_000 })),
});

const documentArbitrary = fc.record({
  documentType: fc.constantFrom('invoice', 'creditMemo'),
  discountPosting: fc.constantFrom<DiscountPosting>('noDiscounts', 'invoiceDiscounts', 'lineDiscounts', 'allDiscounts'),
  pricesIncludingVat: fc.boolean(),
  currencyFactor: fc.option(fc.constantFrom('0.0912', '0.7', '1.1', '1.5', '3', '7.4521')),
  invoiceRounding: fc.option(fc.record({
    precision: fc.constantFrom('0.05', '0.10', '1', '10'),
    direction: fc.constantFrom('nearest', 'up', 'down'),
    vatProdPostingGroup: fc.constantFrom('NO VAT', 'VAT25'),
  })),
  paymentDiscountPercent: fc.constantFrom(0, 2, 3.5),
  paymentDiscountExcludingVat: fc.boolean(),
  lines: fc.array(lineArbitrary, { minLength: 1, maxLength: 8 }),
});

type RandomDocument = typeof documentArbitrary extends fc.Arbitrary<infer T> ? T : never;

/** The lines as a document would carry them: amounts from calculateDocumentVat, as BC's release leaves them. */
function postingLines(document: RandomDocument): SalesPostingLine[] {
  const drafts = document.lines.map((line, index) => {
    const vatProdPostingGroup = line.kind === 'fullVat' ? 'FULL' : line.vatProdPostingGroup;
    const vat = vatPostingSetups.find((setup) => setup.vatProdPostingGroup === vatProdPostingGroup)!;
    const discounted = line.kind === 'item' || line.kind === 'glAccount';
    const gross = line.kind === 'comment' ? ZERO : cents(line.grossCents);
    const lineDiscountAmount = discounted ? percentOf(gross, line.lineDiscountPercent) : ZERO;
    const lineAmount = gross.minus(lineDiscountAmount);
    const amountLine: AmountLine = {
      lineNo: (index + 1) * 10000,
      type: line.kind === 'comment' ? 'comment' : line.kind === 'item' ? 'item' : 'glAccount',
      lineAmount,
      invoiceDiscountAmount: discounted ? percentOf(lineAmount, line.invoiceDiscountPercent) : ZERO,
      allowInvoiceDiscount: discounted,
      vatPercent: vat.vatPercent,
      vatIdentifier: vat.vatIdentifier,
      vatCalculationType: vat.vatCalculationType,
    };
    return { line, vat, amountLine, lineDiscountAmount };
  });
  const vat = calculateDocumentVat(drafts.map((draft) => draft.amountLine), {
    pricesIncludingVat: document.pricesIncludingVat,
    amountRoundingPrecision: dec('0.01'),
  });
  let vatIndex = 0;
  return drafts.map(({ line, vat: setup, amountLine, lineDiscountAmount }) => {
    const lineVat = amountLine.type === 'comment'
      ? { amount: ZERO, amountIncludingVat: ZERO, vatBaseAmount: ZERO }
      : vat.lines[vatIndex++]!;
    return {
      lineNo: amountLine.lineNo,
      type: amountLine.type,
      no: line.kind === 'fullVat' ? setup.salesVatAccount : line.kind === 'glAccount' ? account.freight : '1000',
      genProdPostingGroup: line.genProdPostingGroup,
      vatProdPostingGroup: setup.vatProdPostingGroup,
      amount: lineVat.amount,
      amountIncludingVat: lineVat.amountIncludingVat,
      vatBaseAmount: lineVat.vatBaseAmount,
      lineDiscountAmount,
      invoiceDiscountAmount: amountLine.invoiceDiscountAmount,
      ...(line.costCents === null ? {} : { costAmountLcy: cents(line.costCents) }),
    };
  });
}

function inputOf(document: RandomDocument, overrides: Partial<Pick<SalesInvoicePostingInput, 'documentType'>> & { discountPosting?: DiscountPosting } = {}): SalesInvoicePostingInput {
  const rounding = document.invoiceRounding;
  return invoiceInput(postingLines(document), {
    documentType: overrides.documentType ?? document.documentType,
    header: {
      pricesIncludingVat: document.pricesIncludingVat,
      currencyCode: document.currencyFactor ? 'FCY' : '',
      currencyFactor: dec(document.currencyFactor ?? '1'),
      paymentDiscountPercent: dec(String(document.paymentDiscountPercent)),
      paymentDiscountDate: '2026-01-23',
    },
    setup: {
      discountPosting: overrides.discountPosting ?? document.discountPosting,
      paymentDiscountExcludingVat: document.paymentDiscountExcludingVat,
      invoiceRounding: rounding && { ...rounding, genProdPostingGroup: 'SERVICES' },
    },
    accounts: { vatPostingSetups },
  });
}

const sign = (input: SalesInvoicePostingInput) => (input.documentType === 'invoice' ? 1 : -1);
const total = (values: readonly Decimal[]) => sum([...values]);
const isVatGlEntry = (entry: PostingBatch['glEntries'][number]) => entry.genPostingType === '' && vatAccounts.has(entry.accountNo);
const revenueEntries = (batch: PostingBatch) => batch.glEntries.filter((entry) => entry.genPostingType === 'sale');

describe('buildSalesInvoicePosting — properties', () => {
  it('every batch balances, to the cent and exactly', () => {
    fc.assert(fc.property(documentArbitrary, (document) => {
      const batch = buildSalesInvoicePosting(inputOf(document));
      assertBalanced(batch);
      expect(batch.glEntries.every((entry) => entry.amount.mod('0.01').isZero() && !entry.amount.isZero())).toBe(true);
    }));
  });

  it('Σ VAT entries = Σ VAT G/L entries, and Σ VAT entry bases = Σ revenue entries (the VAT buckets reconcile with the lines)', () => {
    fc.assert(fc.property(documentArbitrary, (document) => {
      const batch = buildSalesInvoicePosting(inputOf(document));
      expect(money(total(batch.vatEntries.map((entry) => entry.amount)))).toBe(money(total(batch.glEntries.filter(isVatGlEntry).map((entry) => entry.amount))));
      expect(money(total(batch.vatEntries.map((entry) => entry.base)))).toBe(money(total(revenueEntries(batch).map((entry) => entry.amount))));
    }));
  });

  it('the customer entry is Σ line Amount Including VAT plus the rounding line, on the rounding precision, and the receivable is its LCY amount', () => {
    fc.assert(fc.property(documentArbitrary, (document) => {
      const input = inputOf(document);
      const batch = buildSalesInvoicePosting(input);
      const linesTotal = total(input.lines.map((line) => line.amountIncludingVat));
      const rounding = input.setup.invoiceRounding
        ? invoiceRoundingLine(linesTotal, { ...input.setup.invoiceRounding, amountRoundingPrecision: '0.01' })
        : ZERO;
      const [entry] = batch.customerLedgerEntries;
      expect(money(entry!.amount)).toBe(money(linesTotal.plus(rounding).times(sign(input))));
      if (input.setup.invoiceRounding) expect(entry!.amount.mod(input.setup.invoiceRounding.precision).isZero()).toBe(true);
      expect(money(entry!.amountLcy)).toBe(money(roundAmount(entry!.amount.div(input.header.currencyFactor))));
      const receivables = batch.glEntries.filter((glEntry) => glEntry.accountNo === account.receivables);
      expect(money(total(receivables.map((glEntry) => glEntry.amount)))).toBe(money(entry!.amountLcy));
      if (!input.setup.paymentDiscountExcludingVat) {
        expect(money(entry!.originalPaymentDiscountPossible)).toBe(money(roundAmount(entry!.amount.times(input.header.paymentDiscountPercent).div(100))));
      }
    }));
  });

  it('a credit memo is the invoice with every sign turned', () => {
    const sameAccounts = generalPostingSetups.map((setup) => ({ ...setup, salesCreditMemoAccount: setup.salesAccount }));
    fc.assert(fc.property(documentArbitrary, (document) => {
      const build = (documentType: 'invoice' | 'creditMemo') => buildSalesInvoicePosting({
        ...inputOf(document, { documentType }),
        accounts: { ...inputOf(document).accounts, generalPostingSetups: sameAccounts },
      });
      const [invoice, creditMemo] = [build('invoice'), build('creditMemo')];
      const gl = (batch: PostingBatch, flip: boolean) => batch.glEntries.map((entry) => `${entry.accountNo} ${money(flip ? entry.amount.negated() : entry.amount)}`);
      expect(gl(creditMemo, false)).toEqual(gl(invoice, true));
      const vat = (batch: PostingBatch, flip: boolean) => batch.vatEntries.map((entry) => [flip ? entry.base.negated() : entry.base, flip ? entry.amount.negated() : entry.amount].map(money));
      expect(vat(creditMemo, false)).toEqual(vat(invoice, true));
      const customer = (batch: PostingBatch) => batch.customerLedgerEntries.map((entry) => [entry.amount, entry.amountLcy, entry.salesLcy, entry.originalPaymentDiscountPossible].map(money));
      expect(customer(creditMemo)).toEqual(customer(invoice).map((amounts) => amounts.map((amount) => money(dec(amount).negated()))));
    }));
  });

  it('the Discount Posting setting moves revenue between accounts, nothing else', () => {
    fc.assert(fc.property(documentArbitrary, (document) => {
      const batches = (['noDiscounts', 'invoiceDiscounts', 'lineDiscounts', 'allDiscounts'] as const)
        .map((discountPosting) => buildSalesInvoicePosting(inputOf(document, { discountPosting })));
      const fingerprint = (batch: PostingBatch) => ({
        notRevenue: batch.glEntries.filter((entry) => entry.genPostingType !== 'sale').map((entry) => `${entry.accountNo} ${money(entry.amount)}`),
        revenue: money(total(revenueEntries(batch).map((entry) => entry.amount))),
        vat: batch.vatEntries.map((entry) => `${money(entry.base)} ${money(entry.amount)}`),
        customer: batch.customerLedgerEntries.map((entry) => money(entry.amountLcy)),
      });
      for (const batch of batches) expect(fingerprint(batch)).toEqual(fingerprint(batches[0]!));
    }));
  });
});

describe('posting part of a document (spec §4.5) — properties', () => {
  // Lines with a quantity and a price, of which a random part is invoiced now; the line's Inv.
  // Discount Amount is a share of its Line Amount, as the header's discount leaves it.
  const partLineArbitrary = fc.record({
    vatProdPostingGroup: fc.constantFrom('VAT25', 'VAT19', 'NO VAT', 'RC'),
    quantity: fc.integer({ min: 1, max: 40 }),
    invoicedPart: fc.integer({ min: 0, max: 40 }),
    unitPriceCents: fc.integer({ min: 0, max: 500_000 }),
    lineDiscountPercent: fc.constantFrom('0', '10', '33.33'),
    invoiceDiscountPercent: fc.constantFrom('0', '2.5', '10'),
  });
  const partDocumentArbitrary = fc.record({ pricesIncludingVat: fc.boolean(), lines: fc.array(partLineArbitrary, { minLength: 1, maxLength: 6 }) });

  function partInput(document: { pricesIncludingVat: boolean; lines: Array<typeof partLineArbitrary extends fc.Arbitrary<infer T> ? T : never> }): SalesInvoicePostingInput {
    const lines = document.lines.map((line, index) => {
      const vat = vatPostingSetups.find((setup) => setup.vatProdPostingGroup === line.vatProdPostingGroup)!;
      const pricing = { quantity: dec(String(line.quantity)), unitPrice: cents(line.unitPriceCents), lineDiscountPercent: dec(line.lineDiscountPercent) };
      const { lineAmount, lineDiscountAmount } = calculateLineAmount(pricing, '0.01');
      return {
        ...pricing, lineNo: (index + 1) * 10000, type: 'item' as const, lineDiscountAmount, allowInvoiceDiscount: true,
        invoiceDiscountAmount: percentOf(lineAmount, Number(line.invoiceDiscountPercent)),
        quantityInvoiced: ZERO, quantityToInvoice: dec(String(Math.min(line.invoicedPart, line.quantity))),
        vatPercent: vat.vatPercent, vatIdentifier: vat.vatIdentifier, vatCalculationType: vat.vatCalculationType,
        vatProdPostingGroup: vat.vatProdPostingGroup,
      };
    });
    const amounts = amountsToInvoice(lines, { pricesIncludingVat: document.pricesIncludingVat, amountRoundingPrecision: dec('0.01') });
    return invoiceInput(lines.flatMap((line, index) => (line.quantityToInvoice.isZero() ? [] : [{
      lineNo: line.lineNo, type: 'item' as const, no: '1000', genProdPostingGroup: 'RETAIL', vatProdPostingGroup: line.vatProdPostingGroup,
      amount: amounts[index]!.amount, amountIncludingVat: amounts[index]!.amountIncludingVat, vatBaseAmount: amounts[index]!.vatBaseAmount,
      lineDiscountAmount: amounts[index]!.lineDiscountAmount, invoiceDiscountAmount: amounts[index]!.invoiceDiscountAmount,
    }])), {
      header: { pricesIncludingVat: document.pricesIncludingVat },
      setup: { discountPosting: 'allDiscounts' },
      accounts: { vatPostingSetups },
    });
  }

  it('the part balances, and its VAT entries are the VAT of the lines it invoices', () => {
    fc.assert(fc.property(partDocumentArbitrary, (document) => {
      const input = partInput(document);
      fc.pre(input.lines.length > 0);
      const batch = buildSalesInvoicePosting(input);
      assertBalanced(batch);
      const lineVat = total(input.lines.map((line) => line.amountIncludingVat.minus(line.amount)));
      expect(money(total(batch.vatEntries.map((entry) => entry.amount)).negated())).toBe(money(lineVat));
      expect(money(batch.customerLedgerEntries[0]!.amount)).toBe(money(total(input.lines.map((line) => line.amountIncludingVat))));
    }));
  });

  it('prices excluding VAT: each VAT entry is its VAT identifier\'s base × VAT %, rounded once for the part (not per line)', () => {
    fc.assert(fc.property(partDocumentArbitrary, (document) => {
      const input = partInput({ ...document, pricesIncludingVat: false });
      fc.pre(input.lines.length > 0);
      for (const entry of buildSalesInvoicePosting(input).vatEntries) {
        const expected = entry.vatCalculationType === 'normal' ? roundAmount(entry.base.times(entry.vatPercent).div(100)) : ZERO;
        expect(money(entry.amount)).toBe(money(expected));
      }
    }));
  });
});

describe('convertLineAmountsToLcy — properties', () => {
  const amountsArbitrary = fc.array(
    fc.record({ amountCents: fc.integer({ min: -100_000, max: 10_000_000 }), vatPercent: fc.constantFrom(0, 7, 19, 25) }),
    { minLength: 1, maxLength: 10 },
  );

  it('each field converts to exactly the rounded conversion of its total; a VAT-free line gets no VAT', () => {
    fc.assert(fc.property(amountsArbitrary, fc.constantFrom('0.0912', '0.7', '1.1', '1.5', '3', '7.4521'), (lines, factorText) => {
      const factor = dec(factorText);
      const amounts = lines.map(({ amountCents, vatPercent }) => {
        const amount = cents(amountCents);
        return {
          amount,
          amountIncludingVat: amount.plus(percentOf(amount, vatPercent)),
          vatBaseAmount: amount,
          lineDiscountAmount: ZERO,
          invoiceDiscountAmount: cents(Math.abs(amountCents) % 1000),
        };
      });
      const lcy = convertLineAmountsToLcy(amounts, factor, '0.01');
      for (const field of ['amountIncludingVat', 'invoiceDiscountAmount'] as const) {
        expect(money(total(lcy.map((line) => line[field])))).toBe(money(roundAmount(total(amounts.map((line) => line[field])).div(factor))));
      }
      lcy.forEach((line, index) => {
        if (amounts[index]!.amount.equals(amounts[index]!.amountIncludingVat)) expect(money(line.amountIncludingVat.minus(line.amount))).toBe('0.00');
        expect(money(line.vatBaseAmount)).toBe(money(line.amount));
      });
    }));
  });
});

describe('buildCostPosting — properties', () => {
  it('balances, and COGS (actual and interim) carries the opposite of the value entries posted', () => {
    const lineArbitrary = fc.record({
      actualCents: fc.integer({ min: -1_000_000, max: 1_000_000 }),
      expectedCents: fc.integer({ min: -1_000_000, max: 1_000_000 }),
    });
    fc.assert(fc.property(fc.array(lineArbitrary, { maxLength: 6 }), fc.boolean(), (lines, expectedCostPostingToGl) => {
      const batch = buildCostPosting({
        automaticCostPosting: true,
        expectedCostPostingToGl,
        description: 'Order SO-1',
        customerNo: 'C10000',
        lines: lines.map((line, index) => ({
          lineNo: (index + 1) * 10000,
          genBusPostingGroup: 'DOMESTIC',
          genProdPostingGroup: 'RETAIL',
          locationCode: '',
          inventoryPostingGroup: 'RESALE',
          costAmountActual: cents(line.actualCents),
          costAmountExpected: cents(line.expectedCents),
        })),
        accounts: { generalPostingSetups, inventoryPostingSetups },
      });
      expect(glBalance(batch).isZero()).toBe(true);
      const cogs = total(batch.glEntries.filter((entry) => entry.accountNo === account.cogs || entry.accountNo === account.cogsInterim).map((entry) => entry.amount));
      const posted = total(lines.map((line) => cents(line.actualCents).plus(expectedCostPostingToGl ? cents(line.expectedCents) : ZERO)));
      expect(money(cogs)).toBe(money(posted.negated()));
    }));
  });
});
