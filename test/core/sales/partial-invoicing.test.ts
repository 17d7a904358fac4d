import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal, ZERO, dec, toFixedString } from '../../../src/core/money/decimal.ts';
import { roundAmount } from '../../../src/core/money/rounding.ts';
import {
  type AmountsToInvoice,
  type LineToInvoice,
  amountsToInvoice,
  lineAmountsToInvoice,
} from '../../../src/core/sales/partial-invoicing.ts';
import { calculateLineAmount } from '../../../src/core/sales/line-amounts.ts';
import { calculateDocumentVat } from '../../../src/core/tax/vat.ts';
import { domainErrorOf } from '../domain-error-helper.ts';

const money = (value: Decimal) => toFixedString(value, 2);
const excludingVat = { pricesIncludingVat: false, amountRoundingPrecision: dec('0.01') };

/** A line at 25 % VAT (identifier VAT25) as the document holds it: Line Discount Amount from §4.2. */
function lineOf(quantity: string, unitPrice: string, fields: Partial<LineToInvoice> & { lineDiscountPercent?: Decimal } = {}): LineToInvoice {
  const lineDiscountPercent = fields.lineDiscountPercent ?? ZERO;
  const { lineDiscountAmount } = calculateLineAmount({ quantity: dec(quantity), unitPrice: dec(unitPrice), lineDiscountPercent }, '0.01');
  return {
    lineNo: 10000, type: 'item', quantity: dec(quantity), quantityInvoiced: ZERO, quantityToInvoice: dec(quantity),
    unitPrice: dec(unitPrice), lineDiscountPercent, lineDiscountAmount, invoiceDiscountAmount: ZERO, allowInvoiceDiscount: true,
    vatPercent: dec('25'), vatIdentifier: 'VAT25', vatCalculationType: 'normal',
    ...fields,
  };
}

/** One posting of one line: invoices `quantityToInvoice` of it, `quantityInvoiced` having gone before. */
function invoice(line: LineToInvoice, quantityToInvoice: string, quantityInvoiced = '0', options = excludingVat): AmountsToInvoice {
  return amountsToInvoice([{ ...line, quantityToInvoice: dec(quantityToInvoice), quantityInvoiced: dec(quantityInvoiced) }], options)[0]!;
}

const figures = (posting: AmountsToInvoice) => ({
  lineAmount: money(posting.lineAmount), lineDiscountAmount: money(posting.lineDiscountAmount), invoiceDiscountAmount: money(posting.invoiceDiscountAmount),
  amount: money(posting.amount), vatAmount: money(posting.vatAmount), amountIncludingVat: money(posting.amountIncludingVat),
});

describe('amountsToInvoice: each posting prorates the line as it is now (spec §4.5)', () => {
  // §7.11: 10 × 100.00 less 10 %, VAT 25 %: 900.00 + 225.00 = 1125.00.
  const so1 = lineOf('10', '100', { lineDiscountPercent: dec('10') });

  it('§7.11: invoicing 4, then the remaining 6 → 360.00 / 90.00 / 450.00, then 540.00 / 135.00 / 675.00', () => {
    const first = invoice(so1, '4');
    const second = invoice(so1, '6', '4');
    expect(figures(first)).toEqual({ lineAmount: '360.00', lineDiscountAmount: '40.00', invoiceDiscountAmount: '0.00', amount: '360.00', vatAmount: '90.00', amountIncludingVat: '450.00' });
    expect(figures(second)).toEqual({ lineAmount: '540.00', lineDiscountAmount: '60.00', invoiceDiscountAmount: '0.00', amount: '540.00', vatAmount: '135.00', amountIncludingVat: '675.00' });
    // Nothing changed between the two invoices, so they add up to the line.
    expect(money(first.amountIncludingVat.plus(second.amountIncludingVat))).toBe('1125.00');
  });

  it('§4.5: 8 × 50.00, invoice 3 → 150.00; Unit Price 45.00, the other 5 → 225.00 (not 360.00 − 150.00 = 210.00)', () => {
    expect(money(invoice(lineOf('8', '50'), '3').lineAmount)).toBe('150.00');
    const repriced = invoice(lineOf('8', '45'), '5', '3');
    expect(figures(repriced)).toMatchObject({ lineAmount: '225.00', amount: '225.00', vatAmount: '56.25', amountIncludingVat: '281.25' });
  });

  it('§4.5: Inv. Discount Amount 80.00 on 10 units, invoice 4 → 32.00; raised to 90.00, the other 6 → 54.00 (not 58.00)', () => {
    const line = lineOf('10', '100', { invoiceDiscountAmount: dec('80') });
    expect(figures(invoice(line, '4'))).toMatchObject({ lineAmount: '400.00', invoiceDiscountAmount: '32.00', amount: '368.00', vatAmount: '92.00' });
    const raised = invoice({ ...line, invoiceDiscountAmount: dec('90') }, '6', '4');
    expect(figures(raised)).toMatchObject({ lineAmount: '600.00', invoiceDiscountAmount: '54.00', amount: '546.00', vatAmount: '136.50', amountIncludingVat: '682.50' });
  });

  it('Inv. Disc. Amount to Invoice = round(Inv. Discount Amount × q / Q): 45.00 over 3 + 7 → 13.50 + 31.50; 10.00 over 1 + 2 → 3.33 + 6.67', () => {
    const line = lineOf('10', '100', { lineDiscountPercent: dec('10'), invoiceDiscountAmount: dec('45') });
    expect([invoice(line, '3'), invoice(line, '7', '3')].map((posting) => money(posting.invoiceDiscountAmount))).toEqual(['13.50', '31.50']);
    const thirds = lineOf('3', '10', { invoiceDiscountAmount: dec('10') });
    expect([invoice(thirds, '1'), invoice(thirds, '2', '1')].map((posting) => money(posting.invoiceDiscountAmount))).toEqual(['3.33', '6.67']);
    // A line that does not allow invoice discount invoices none, whatever it carries.
    expect(money(invoice({ ...line, allowInvoiceDiscount: false }, '3').invoiceDiscountAmount)).toBe('0.00');
  });

  it('awkward thirds: 3 × 33.33333 (Line Amount 100.00) invoiced 1 + 1 + 1 → 33.33 each; each posting is its own quantity\'s amount', () => {
    const line = lineOf('3', '33.33333');
    expect(money(calculateLineAmount({ quantity: line.quantity, unitPrice: line.unitPrice, lineDiscountPercent: ZERO }, '0.01').lineAmount)).toBe('100.00');
    const postings = [invoice(line, '1'), invoice(line, '1', '1'), invoice(line, '1', '2')];
    expect(postings.map((posting) => money(posting.lineAmount))).toEqual(['33.33', '33.33', '33.33']);
    expect(postings.map((posting) => money(posting.vatAmount))).toEqual(['8.33', '8.33', '8.33']);
    // In one go, the line is invoiced as it stands.
    expect(money(invoice(line, '3').lineAmount)).toBe('100.00');
  });

  it('the line discount of a part is taken on the part\'s own gross amount; the posted Line Discount Amount is the line\'s, prorated (BC DivideAmount)', () => {
    // 3 × 0.35 less 50 %: gross 1.05, discount 0.53 (0.525), Line Amount 0.52.
    const line = lineOf('3', '0.35', { lineDiscountPercent: dec('50') });
    expect(money(line.lineDiscountAmount)).toBe('0.53');
    // 1 unit: gross 0.35, discount round(0.175) = 0.18 → 0.17; posted Line Discount Amount round(0.53 / 3) = 0.18.
    expect(figures(invoice(line, '1'))).toMatchObject({ lineAmount: '0.17', lineDiscountAmount: '0.18' });
    // 100 % line discount: nothing to invoice.
    expect(money(invoice(lineOf('3', '0.35', { lineDiscountPercent: dec('100') }), '1').lineAmount)).toBe('0.00');
  });

  it('prices including VAT: 10 × 125.00 incl. 25 % VAT, invoice 4 → 500.00 incl. VAT = 400.00 + 100.00', () => {
    const posting = invoice(lineOf('10', '125'), '4', '0', { pricesIncludingVat: true, amountRoundingPrecision: dec('0.01') });
    expect(figures(posting)).toMatchObject({ lineAmount: '500.00', amount: '400.00', vatAmount: '100.00', amountIncludingVat: '500.00' });
  });

  it('VAT per VAT identifier over the lines of this posting, remainder carried: 0.10 + 0.10 at 25 % → 0.05 = 0.03 + 0.02', () => {
    const a = lineOf('2', '0.10');
    const b = { ...lineOf('2', '0.10'), lineNo: 20000 };
    const postings = amountsToInvoice([{ ...a, quantityToInvoice: dec('1') }, { ...b, quantityToInvoice: dec('1') }], excludingVat);
    expect(postings.map((posting) => money(posting.vatAmount))).toEqual(['0.03', '0.02']);
  });

  it('works on a line with a negative quantity', () => {
    const line = lineOf('-3', '33.33333');
    expect([invoice(line, '-1'), invoice(line, '-2', '-1')].map((posting) => money(posting.lineAmount))).toEqual(['-33.33', '-66.67']);
  });

  it('invoices nothing when Qty. to Invoice is 0, and comment lines take no part', () => {
    const [posting, comment] = amountsToInvoice([{ ...so1, quantityToInvoice: ZERO }, { ...so1, lineNo: 20000, type: 'comment', quantity: ZERO, quantityToInvoice: ZERO }], excludingVat);
    for (const result of [posting!, comment!]) expect(Object.values(figures(result)).every((value) => value === '0.00')).toBe(true);
  });

  it.each<[string, string, string]>([
    ['10', '4', '7'],
    ['10', '0', '-1'],
    ['-3', '0', '-4'],
    ['0', '0', '1'],
  ])('quantity %s, invoiced %s: refuses to invoice %s', (quantity, quantityInvoiced, quantityToInvoice) => {
    const line = { ...so1, quantity: dec(quantity), quantityInvoiced: dec(quantityInvoiced), quantityToInvoice: dec(quantityToInvoice) };
    expect(domainErrorOf(() => lineAmountsToInvoice(line, '0.01')).code).toBe('INVOICE_MORE_THAN_SHIPPED');
  });
});

describe('amountsToInvoice properties', () => {
  const lineArbitrary = fc.record({
    quantity: fc.integer({ min: 1, max: 5000 }),
    scale: fc.constantFrom(1, 100),
    unitPriceCents: fc.integer({ min: 0, max: 10_000_000 }),
    unitPriceDecimals: fc.constantFrom(2, 5),
    lineDiscountPercent: fc.constantFrom('0', '0', '5', '10', '33.33', '100'),
    // The invoice discount is a share of the Line Amount, as its distribution over the lines makes it (§10.4).
    invoiceDiscountPercent: fc.constantFrom('0', '2.5', '10', '33.33', '100'),
    negative: fc.boolean(),
  }).chain((facts) => fc.record({ facts: fc.constant(facts), part: fc.integer({ min: 1, max: facts.quantity }), before: fc.integer({ min: 0, max: facts.quantity }) }));

  function lineFrom({ facts }: { facts: { quantity: number; scale: number; unitPriceCents: number; unitPriceDecimals: number; lineDiscountPercent: string; invoiceDiscountPercent: string; negative: boolean } }): LineToInvoice {
    const quantity = new Decimal(facts.negative ? -facts.quantity : facts.quantity).div(facts.scale);
    const unitPrice = new Decimal(facts.unitPriceCents).div(10 ** facts.unitPriceDecimals);
    const lineDiscountPercent = dec(facts.lineDiscountPercent);
    const { lineAmount } = calculateLineAmount({ quantity, unitPrice, lineDiscountPercent }, '0.01');
    return lineOf(quantity.toString(), unitPrice.toString(), {
      lineDiscountPercent, invoiceDiscountAmount: roundAmount(lineAmount.times(dec(facts.invoiceDiscountPercent)).div(100)),
    });
  }
  const partOf = (line: LineToInvoice, part: number, scale: number) => new Decimal(line.quantity.isNegative() ? -part : part).div(scale);

  it('a posting depends on the line as it is now and its own quantity only, never on what was invoiced before', () => {
    fc.assert(fc.property(lineArbitrary, (sample) => {
      const line = lineFrom(sample);
      const part = partOf(line, sample.part, sample.facts.scale);
      const room = line.quantity.minus(part);
      const before = Decimal.min(room.abs(), new Decimal(sample.before).div(sample.facts.scale)).times(line.quantity.isNegative() ? -1 : 1);
      const first = amountsToInvoice([{ ...line, quantityToInvoice: part }], excludingVat)[0]!;
      const later = amountsToInvoice([{ ...line, quantityInvoiced: before, quantityToInvoice: part }], excludingVat)[0]!;
      expect(figures(later)).toEqual(figures(first));
    }));
  });

  it('Line Amount to invoice is q × Unit Price less the discount to the cent; Inv. Disc. Amount to Invoice is round(Inv. Discount Amount × q / Q)', () => {
    fc.assert(fc.property(lineArbitrary, (sample) => {
      const line = lineFrom(sample);
      const part = partOf(line, sample.part, sample.facts.scale);
      const posting = lineAmountsToInvoice({ ...line, quantityToInvoice: part }, '0.01');
      const exact = part.times(line.unitPrice).times(dec('100').minus(line.lineDiscountPercent)).div(100);
      expect(posting.lineAmount.minus(exact).abs().lessThanOrEqualTo('0.01')).toBe(true);
      expect(posting.invoiceDiscountAmount.equals(roundAmount(line.invoiceDiscountAmount.times(part).div(line.quantity)))).toBe(true);
    }));
  });

  it('invoicing the whole line at once posts the line as the document holds it', () => {
    fc.assert(fc.property(lineArbitrary, (sample) => {
      const line = lineFrom(sample);
      const { lineAmount } = calculateLineAmount({ quantity: line.quantity, unitPrice: line.unitPrice, lineDiscountPercent: line.lineDiscountPercent }, '0.01');
      const posting = amountsToInvoice([line], excludingVat)[0]!;
      const [document] = calculateDocumentVat([{ ...line, lineAmount, invoiceDiscountAmount: line.invoiceDiscountAmount }], excludingVat).lines;
      expect(money(posting.lineAmount)).toBe(money(lineAmount));
      expect([money(posting.invoiceDiscountAmount), money(posting.lineDiscountAmount)]).toEqual([money(line.invoiceDiscountAmount), money(line.lineDiscountAmount)]);
      expect([money(posting.amount), money(posting.amountIncludingVat)]).toEqual([money(document!.amount), money(document!.amountIncludingVat)]);
    }));
  });

  it('with whole quantities, cent prices and no line discount, a line invoiced in parts adds up to its Line Amount when nothing changes', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 1_000_000 }), (parts, cents) => {
      const quantity = parts.reduce((total, part) => total + part, 0);
      const line = lineOf(String(quantity), new Decimal(cents).div(100).toString());
      let invoiced = 0;
      const total = parts.reduce((sum, part) => {
        const posting = invoice(line, String(part), String(invoiced));
        invoiced += part;
        return sum.plus(posting.lineAmount);
      }, ZERO);
      expect(money(total)).toBe(money(roundAmount(line.quantity.times(line.unitPrice))));
    }));
  });
});
