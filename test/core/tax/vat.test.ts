import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal, dec, sum, toFixedString } from '../../../src/core/money/decimal.ts';
import type { AmountLine, LineVat, VatCalculationType, VatGroup } from '../../../src/core/sales/types.ts';
import { calculateDocumentVat, groupByVatIdentifier } from '../../../src/core/tax/vat.ts';
import { domainErrorOf } from '../domain-error-helper.ts';

const precision = dec('0.01');
const excludingVat = { pricesIncludingVat: false, amountRoundingPrecision: precision };
const includingVat = { pricesIncludingVat: true, amountRoundingPrecision: precision };

let nextLineNo = 10000;
function line(lineAmount: string, vatPercent = '25', overrides: Partial<AmountLine> = {}): AmountLine {
  nextLineNo += 10000;
  return {
    lineNo: nextLineNo,
    type: 'item',
    lineAmount: dec(lineAmount),
    invoiceDiscountAmount: dec('0'),
    allowInvoiceDiscount: true,
    vatPercent: dec(vatPercent),
    vatIdentifier: `VAT${vatPercent}`,
    vatCalculationType: 'normal',
    ...overrides,
  };
}

const money = (value: Decimal) => toFixedString(value, 2);
/** [amount, VAT, amount including VAT] of each line. */
const lineTexts = (lines: LineVat[]) => lines.map((l) => [money(l.amount), money(l.vatAmount), money(l.amountIncludingVat)]);
const groupTexts = (groups: VatGroup[]) => groups.map((g) => [g.vatIdentifier, money(g.vatBaseAmount), money(g.vatAmount), money(g.amountIncludingVat)]);

describe('calculateDocumentVat — worked examples', () => {
  it('§7.12: 800.00 + 50.00 at 25 % → 850.00, VAT 212.50, 1062.50', () => {
    const vat = calculateDocumentVat(
      [line('800.00'), line('50.00', '25', { type: 'glAccount', allowInvoiceDiscount: false })],
      excludingVat,
    );
    expect(lineTexts(vat.lines)).toEqual([['800.00', '200.00', '1000.00'], ['50.00', '12.50', '62.50']]);
    expect(groupTexts(vat.groups)).toEqual([['VAT25', '850.00', '212.50', '1062.50']]);
    expect(vat.lines.every((l) => l.vatBaseAmount.equals(l.amount))).toBe(true);
  });

  it('prices including VAT: 121.00 at 21 % → amount 100.00, VAT 21.00', () => {
    const vat = calculateDocumentVat([line('121.00', '21')], includingVat);
    expect(lineTexts(vat.lines)).toEqual([['100.00', '21.00', '121.00']]);
  });

  it('prices including VAT: three lines of 10.00 at 21 % are rounded as a group, 24.79 + 5.21', () => {
    const vat = calculateDocumentVat([line('10.00', '21'), line('10.00', '21'), line('10.00', '21')], includingVat);
    // Per line round(10 / 1.21) = 8.26, three times 24.78; the group gives round(30 / 1.21) = 24.79.
    expect(groupTexts(vat.groups)).toEqual([['VAT21', '24.79', '5.21', '30.00']]);
    expect(lineTexts(vat.lines)).toEqual([
      ['8.26', '1.74', '10.00'],
      ['8.27', '1.73', '10.00'],
      ['8.26', '1.74', '10.00'],
    ]);
  });

  it('prices excluding VAT: three lines of 0.10 at 25 % carry the remainder, 0.03 + 0.02 + 0.03', () => {
    const vat = calculateDocumentVat([line('0.10'), line('0.10'), line('0.10')], excludingVat);
    expect(groupTexts(vat.groups)).toEqual([['VAT25', '0.30', '0.08', '0.38']]); // not 3 × 0.03
    expect(lineTexts(vat.lines)).toEqual([['0.10', '0.03', '0.13'], ['0.10', '0.02', '0.12'], ['0.10', '0.03', '0.13']]);
  });

  it('§10.4 worked example 3 after the discount: 997.50, VAT 249.375 → 249.38, 1246.88', () => {
    const vat = calculateDocumentVat(
      [line('800.00', '25', { invoiceDiscountAmount: dec('40.00') }), line('250.00', '25', { invoiceDiscountAmount: dec('12.50') })],
      excludingVat,
    );
    expect(groupTexts(vat.groups)).toEqual([['VAT25', '997.50', '249.38', '1246.88']]);
    expect(lineTexts(vat.lines)).toEqual([['760.00', '190.00', '950.00'], ['237.50', '59.38', '296.88']]);
    expect(money(vat.groups[0]!.lineAmount)).toBe('1050.00');
    expect(money(vat.groups[0]!.invoiceDiscountAmount)).toBe('52.50');
  });
});

describe('calculateDocumentVat — calculation types and line types', () => {
  it.each([excludingVat, includingVat])('reverse charge: no VAT whatever the percent (%o)', (options) => {
    const vat = calculateDocumentVat([line('100.00', '20', { vatCalculationType: 'reverseCharge', vatIdentifier: 'EU' })], options);
    expect(lineTexts(vat.lines)).toEqual([['100.00', '0.00', '100.00']]);
    expect(groupTexts(vat.groups)).toEqual([['EU', '100.00', '0.00', '100.00']]);
  });

  it.each([excludingVat, includingVat])('full VAT: the whole amount is VAT (%o)', (options) => {
    const vat = calculateDocumentVat([line('50.00', '25', { vatCalculationType: 'fullVat', vatIdentifier: 'FULL' })], options);
    expect(lineTexts(vat.lines)).toEqual([['0.00', '50.00', '50.00']]);
    expect(vat.lines[0]!.vatBaseAmount.isZero()).toBe(true);
    expect(groupTexts(vat.groups)).toEqual([['FULL', '0.00', '50.00', '50.00']]);
  });

  it('ignores comment lines and does not return them', () => {
    const comment = line('0', '0', { type: 'comment', vatIdentifier: '' });
    const vat = calculateDocumentVat([comment, line('100.00')], excludingVat);
    expect(vat.lines.map((l) => l.lineNo)).not.toContain(comment.lineNo);
    expect(vat.lines).toHaveLength(1);
    expect(vat.groups).toHaveLength(1);
  });

  it('refuses Sales Tax', () => {
    const salesTaxLine = line('100.00', '7', { vatCalculationType: 'salesTax' });
    const error = domainErrorOf(() => calculateDocumentVat([line('10.00'), salesTaxLine], excludingVat));
    expect(error.code).toBe('SALES_TAX_NOT_SUPPORTED');
    expect(error.params.lineNo).toBe(salesTaxLine.lineNo);
  });

  it('returns lines in the order given and groups sorted by identifier, then VAT %', () => {
    const lines = [
      line('10.00', '25', { vatIdentifier: 'STANDARD' }),
      line('10.00', '10', { vatIdentifier: 'REDUCED' }),
      line('10.00', '0', { vatIdentifier: 'NOVAT' }),
      line('10.00', '12', { vatIdentifier: 'REDUCED' }),
    ];
    const vat = calculateDocumentVat(lines, excludingVat);
    expect(vat.lines.map((l) => l.lineNo)).toEqual(lines.map((l) => l.lineNo));
    expect(vat.groups.map((g) => `${g.vatIdentifier} ${g.vatPercent.toString()}`)).toEqual(['NOVAT 0', 'REDUCED 10', 'REDUCED 12', 'STANDARD 25']);
  });

  it('treats 25 and 25.00 as the same VAT %', () => {
    const vat = calculateDocumentVat([line('0.10', '25'), line('0.10', '25.00', { vatIdentifier: 'VAT25' })], excludingVat);
    expect(groupTexts(vat.groups)).toEqual([['VAT25', '0.20', '0.05', '0.25']]);
  });

  it('a line without amounts gets zeros and makes no group', () => {
    const vat = calculateDocumentVat([line('0.00', '10', { vatIdentifier: 'REDUCED' }), line('10.00')], excludingVat);
    expect(lineTexts(vat.lines)[0]).toEqual(['0.00', '0.00', '0.00']);
    expect(vat.groups.map((g) => g.vatIdentifier)).toEqual(['VAT25']);
  });
});

describe('calculateDocumentVat — negative lines', () => {
  it('a credit of only negative lines mirrors the invoice', () => {
    const vat = calculateDocumentVat([line('-0.10'), line('-0.10'), line('-0.10')], excludingVat);
    expect(groupTexts(vat.groups)).toEqual([['VAT25', '-0.30', '-0.08', '-0.38']]);
    expect(lineTexts(vat.lines)).toEqual([['-0.10', '-0.03', '-0.13'], ['-0.10', '-0.02', '-0.12'], ['-0.10', '-0.03', '-0.13']]);
  });

  it('a return line inside a group of sales gets its own VAT', () => {
    const vat = calculateDocumentVat([line('100.00'), line('-40.00')], excludingVat);
    expect(groupTexts(vat.groups)).toEqual([['VAT25', '60.00', '15.00', '75.00']]);
    expect(lineTexts(vat.lines)).toEqual([['100.00', '25.00', '125.00'], ['-40.00', '-10.00', '-50.00']]);
  });

  it('the negative lines are rounded first and the positive ones take the rest, as in BC', () => {
    // Group: round(9.98 × 25 %) = round(2.495) = 2.50. Negative: round(-0.0075) = -0.01; positive 2.51.
    const vat = calculateDocumentVat([line('10.01'), line('-0.03')], excludingVat);
    expect(money(vat.groups[0]!.vatAmount)).toBe('2.50');
    expect(lineTexts(vat.lines)).toEqual([['10.01', '2.51', '12.52'], ['-0.03', '-0.01', '-0.04']]);
  });

  it('lines that cancel out keep their own VAT (prices including VAT)', () => {
    const vat = calculateDocumentVat([line('121.00', '21'), line('-121.00', '21')], includingVat);
    expect(groupTexts(vat.groups)).toEqual([['VAT21', '0.00', '0.00', '0.00']]);
    expect(lineTexts(vat.lines)).toEqual([['100.00', '21.00', '121.00'], ['-100.00', '-21.00', '-121.00']]);
  });

  it('a nearly cancelling pair is not amplified', () => {
    const vat = calculateDocumentVat([line('121.00', '21'), line('-120.99', '21')], includingVat);
    expect(lineTexts(vat.lines)).toEqual([['100.00', '21.00', '121.00'], ['-99.99', '-21.00', '-120.99']]);
  });

  it('full VAT lines that cancel out each keep their amount as VAT', () => {
    const full = { vatCalculationType: 'fullVat' as const, vatIdentifier: 'FULL' };
    const vat = calculateDocumentVat([line('50.00', '25', full), line('-50.00', '25', full)], excludingVat);
    expect(lineTexts(vat.lines)).toEqual([['0.00', '50.00', '50.00'], ['0.00', '-50.00', '-50.00']]);
  });
});

// Random documents: both price modes, several identifiers, negative lines, invoice discounts.
const cents = (min: number, max: number) => fc.integer({ min, max }).map((n) => new Decimal(n).div(100));
const calculationType = fc.constantFrom<VatCalculationType>('normal', 'normal', 'normal', 'reverseCharge', 'fullVat');
const randomLine = fc.record({
  lineAmount: cents(-500_000, 2_000_000),
  discountShare: fc.integer({ min: 0, max: 100 }),
  vatPercent: fc.constantFrom('0', '7', '19', '21', '25', '12.5'),
  vatIdentifier: fc.constantFrom('A', 'B', 'C'),
  vatCalculationType: calculationType,
  type: fc.constantFrom<AmountLine['type']>('item', 'item', 'glAccount', 'comment'),
});
const randomLines = fc.array(randomLine, { minLength: 1, maxLength: 25 }).map((drafts) =>
  drafts.map((draft, index): AmountLine => ({
    lineNo: (index + 1) * 10000,
    type: draft.type,
    lineAmount: draft.type === 'comment' ? dec('0') : draft.lineAmount,
    // Invoice discount between 0 and the line amount, same sign.
    invoiceDiscountAmount: draft.type === 'comment'
      ? dec('0')
      : draft.lineAmount.times(draft.discountShare).div(100).toDecimalPlaces(2, Decimal.ROUND_DOWN),
    allowInvoiceDiscount: true,
    vatPercent: dec(draft.vatPercent),
    vatIdentifier: draft.vatIdentifier,
    vatCalculationType: draft.vatCalculationType,
  })));
const options = fc.boolean().map((pricesIncludingVat) => ({ pricesIncludingVat, amountRoundingPrecision: precision }));

describe('calculateDocumentVat properties', () => {
  it('per group, the lines add up exactly to the group', () => {
    fc.assert(fc.property(randomLines, options, (lines, documentOptions) => {
      const vat = calculateDocumentVat(lines, documentOptions);
      const amountLines = lines.filter((l) => l.type !== 'comment');
      expect(vat.lines.map((l) => l.lineNo)).toEqual(amountLines.map((l) => l.lineNo));
      const lineVatByNo = new Map(vat.lines.map((l) => [l.lineNo, l]));
      for (const group of groupByVatIdentifier(amountLines)) {
        const vatGroup = vat.groups.find((g) =>
          g.vatIdentifier === group.vatIdentifier && g.vatPercent.equals(group.vatPercent) && g.vatCalculationType === group.vatCalculationType);
        const members = group.lines.map((l) => lineVatByNo.get(l.lineNo)!);
        const total = (pick: (l: LineVat) => Decimal) => sum(members.map(pick));
        if (!vatGroup) {
          expect(members.every((l) => l.amount.isZero() && l.vatAmount.isZero() && l.amountIncludingVat.isZero())).toBe(true);
          continue;
        }
        expect(total((l) => l.amount).equals(vatGroup.vatBaseAmount)).toBe(true);
        expect(total((l) => l.vatAmount).equals(vatGroup.vatAmount)).toBe(true);
        expect(total((l) => l.amountIncludingVat).equals(vatGroup.amountIncludingVat)).toBe(true);
        expect(sum(group.lines.map((l) => l.lineAmount)).equals(vatGroup.lineAmount)).toBe(true);
        expect(sum(group.lines.map((l) => l.invoiceDiscountAmount)).equals(vatGroup.invoiceDiscountAmount)).toBe(true);
      }
    }));
  });

  it('VAT by identifier reconciles with the lines, and every line adds up', () => {
    fc.assert(fc.property(randomLines, options, (lines, documentOptions) => {
      const vat = calculateDocumentVat(lines, documentOptions);
      expect(sum(vat.groups.map((g) => g.vatAmount)).equals(sum(vat.lines.map((l) => l.vatAmount)))).toBe(true);
      expect(sum(vat.groups.map((g) => g.vatBaseAmount)).equals(sum(vat.lines.map((l) => l.amount)))).toBe(true);
      expect(sum(vat.groups.map((g) => g.amountIncludingVat)).equals(sum(vat.lines.map((l) => l.amountIncludingVat)))).toBe(true);
      for (const l of vat.lines) {
        expect(l.amount.plus(l.vatAmount).equals(l.amountIncludingVat)).toBe(true);
        expect(l.vatAmount.mod(precision).isZero()).toBe(true);
      }
    }));
  });

  it('the group VAT is the VAT of the group total, rounded once', () => {
    fc.assert(fc.property(randomLines, options, (lines, documentOptions) => {
      for (const group of calculateDocumentVat(lines, documentOptions).groups) {
        if (group.vatCalculationType !== 'normal') continue;
        const net = group.lineAmount.minus(group.invoiceDiscountAmount);
        const rate = group.vatPercent.div(100);
        const exact = documentOptions.pricesIncludingVat ? net.times(rate).div(rate.plus(1)) : net.times(rate);
        expect(group.vatAmount.minus(exact).abs().lessThanOrEqualTo('0.005')).toBe(true);
      }
    }));
  });

  it('each Normal VAT line stays within two rounding steps of its own exact VAT, negative lines included', () => {
    fc.assert(fc.property(randomLines, options, (lines, documentOptions) => {
      const vat = calculateDocumentVat(lines, documentOptions);
      lines.filter((l) => l.type !== 'comment').forEach((input, index) => {
        if (input.vatCalculationType !== 'normal') return;
        const net = input.lineAmount.minus(input.invoiceDiscountAmount);
        const rate = input.vatPercent.div(100);
        const exact = documentOptions.pricesIncludingVat ? net.times(rate).div(rate.plus(1)) : net.times(rate);
        expect(vat.lines[index]!.vatAmount.minus(exact).abs().lessThanOrEqualTo('0.02')).toBe(true);
      });
    }));
  });
});
