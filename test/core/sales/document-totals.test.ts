import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal, ZERO, dec, sum, toFixedString } from '../../../src/core/money/decimal.ts';
import type { RoundingDirection } from '../../../src/core/money/rounding.ts';
import { calculateDocumentTotals, invoiceRoundingLine } from '../../../src/core/sales/document-totals.ts';
import type { AmountLine, VatCalculationType } from '../../../src/core/sales/types.ts';
import { amountLine } from './amount-line.ts';

const precision = dec('0.01');
const line = amountLine;
const money = (value: Decimal) => toFixedString(value, 2);

describe('calculateDocumentTotals', () => {
  it('§7.12: Amount 850.00, VAT 212.50, Incl. VAT 1062.50', () => {
    const { totals, groups, lines } = calculateDocumentTotals(
      [line('800.00'), line('50.00', { type: 'glAccount', allowInvoiceDiscount: false })],
      { pricesIncludingVat: false, amountRoundingPrecision: precision },
    );
    expect([money(totals.lineAmount), money(totals.invoiceDiscountAmount), money(totals.amount), money(totals.vatAmount), money(totals.amountIncludingVat)])
      .toEqual(['850.00', '0.00', '850.00', '212.50', '1062.50']);
    expect(groups).toHaveLength(1);
    expect(lines).toHaveLength(2);
  });

  it('§10.4 worked example 3 with its invoice discount: 997.50 + 249.38 = 1246.88', () => {
    const { totals } = calculateDocumentTotals(
      [line('800.00', { invoiceDiscountAmount: dec('40.00') }), line('250.00', { invoiceDiscountAmount: dec('12.50') })],
      { pricesIncludingVat: false, amountRoundingPrecision: precision },
    );
    expect([money(totals.lineAmount), money(totals.invoiceDiscountAmount), money(totals.amount), money(totals.vatAmount), money(totals.amountIncludingVat)])
      .toEqual(['1050.00', '52.50', '997.50', '249.38', '1246.88']);
  });

  it('prices including VAT: the total including VAT is the sum of the line amounts', () => {
    const { totals } = calculateDocumentTotals(
      [line('10.00', { vatPercent: dec('21'), vatIdentifier: 'VAT21' }), line('10.00', { vatPercent: dec('21'), vatIdentifier: 'VAT21' }), line('10.00', { vatPercent: dec('21'), vatIdentifier: 'VAT21' })],
      { pricesIncludingVat: true, amountRoundingPrecision: precision },
    );
    expect([money(totals.amount), money(totals.vatAmount), money(totals.amountIncludingVat)]).toEqual(['24.79', '5.21', '30.00']);
  });

  it('ignores comment lines', () => {
    const { totals } = calculateDocumentTotals(
      [line('0', { type: 'comment', vatIdentifier: '' }), line('100.00')],
      { pricesIncludingVat: false, amountRoundingPrecision: precision },
    );
    expect(money(totals.amountIncludingVat)).toBe('125.00');
  });
});

describe('invoiceRoundingLine (§4.7)', () => {
  it.each<[string, string, RoundingDirection, string]>([
    ['1246.88', '1.00', 'nearest', '0.12'],
    ['1246.88', '1.00', 'down', '-0.88'],
    ['1246.88', '1.00', 'up', '0.12'],
    ['1246.49', '1.00', 'nearest', '-0.49'],
    ['1247.00', '1.00', 'nearest', '0.00'],
    ['1246.88', '0.05', 'nearest', '0.02'],
    ['-1246.88', '1.00', 'nearest', '-0.12'], // a credit rounds by magnitude too
  ])('%s at %s %s → rounding line %s', (total, invoicePrecision, direction, expected) => {
    const amount = invoiceRoundingLine(dec(total), { precision: invoicePrecision, direction, amountRoundingPrecision: '0.01' });
    expect(money(amount)).toBe(expected);
    expect(dec(total).plus(amount).mod(invoicePrecision).isZero()).toBe(true);
  });
});

describe('calculateDocumentTotals properties', () => {
  const cents = (min: number, max: number) => fc.integer({ min, max }).map((n) => new Decimal(n).div(100));
  const randomLines = fc.array(fc.record({
    lineAmount: cents(-500_000, 2_000_000),
    discountShare: fc.integer({ min: 0, max: 100 }),
    vatPercent: fc.constantFrom('0', '10', '21', '25'),
    vatIdentifier: fc.constantFrom('A', 'B'),
    vatCalculationType: fc.constantFrom<VatCalculationType>('normal', 'normal', 'reverseCharge', 'fullVat'),
    type: fc.constantFrom<AmountLine['type']>('item', 'glAccount', 'comment'),
  }), { minLength: 1, maxLength: 20 }).map((drafts) => drafts.map((draft, index): AmountLine => ({
    lineNo: (index + 1) * 10000,
    type: draft.type,
    lineAmount: draft.type === 'comment' ? ZERO : draft.lineAmount,
    invoiceDiscountAmount: draft.type === 'comment'
      ? ZERO
      : draft.lineAmount.times(draft.discountShare).div(100).toDecimalPlaces(2, Decimal.ROUND_DOWN),
    allowInvoiceDiscount: true,
    vatPercent: dec(draft.vatPercent),
    vatIdentifier: draft.vatIdentifier,
    vatCalculationType: draft.vatCalculationType,
  })));

  it('the totals are the sums of the lines and of the VAT groups', () => {
    fc.assert(fc.property(randomLines, fc.boolean(), (input, pricesIncludingVat) => {
      const { lines, groups, totals } = calculateDocumentTotals(input, { pricesIncludingVat, amountRoundingPrecision: precision });
      expect(totals.amount.equals(sum(lines.map((l) => l.amount)))).toBe(true);
      expect(totals.vatAmount.equals(sum(lines.map((l) => l.vatAmount)))).toBe(true);
      expect(totals.amountIncludingVat.equals(sum(lines.map((l) => l.amountIncludingVat)))).toBe(true);
      expect(totals.amount.equals(sum(groups.map((g) => g.vatBaseAmount)))).toBe(true);
      expect(totals.vatAmount.equals(sum(groups.map((g) => g.vatAmount)))).toBe(true);
      expect(totals.lineAmount.equals(sum(groups.map((g) => g.lineAmount)))).toBe(true);
      expect(totals.invoiceDiscountAmount.equals(sum(groups.map((g) => g.invoiceDiscountAmount)))).toBe(true);
      expect(totals.amount.plus(totals.vatAmount).equals(totals.amountIncludingVat)).toBe(true);
      // Line amounts less invoice discount are what the prices say: incl. VAT, or excl. VAT except
      // on Full VAT lines, whose whole amount is VAT.
      const amountLines = input.filter((l) => l.type !== 'comment');
      const fullVat = sum(lines.filter((_, i) => amountLines[i]!.vatCalculationType === 'fullVat').map((l) => l.amountIncludingVat));
      const priced = pricesIncludingVat ? totals.amountIncludingVat : totals.amount.plus(fullVat);
      expect(priced.equals(totals.lineAmount.minus(totals.invoiceDiscountAmount))).toBe(true);
    }));
  });
});
