import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal, ZERO, dec, toFixedString } from '../../../src/core/money/decimal.ts';
import {
  type AmountsToInvoice,
  type InvoiceableAmounts,
  type LineToInvoice,
  NOTHING_INVOICED,
  amountsToInvoice,
} from '../../../src/core/sales/partial-invoicing.ts';
import { domainErrorOf } from '../domain-error-helper.ts';

const money = (value: Decimal) => toFixedString(value, 2);
const fields = ['lineAmount', 'lineDiscountAmount', 'invoiceDiscountAmount', 'amount', 'amountIncludingVat'] as const;

function plus(a: InvoiceableAmounts, b: InvoiceableAmounts): InvoiceableAmounts {
  return {
    lineAmount: a.lineAmount.plus(b.lineAmount),
    lineDiscountAmount: a.lineDiscountAmount.plus(b.lineDiscountAmount),
    invoiceDiscountAmount: a.invoiceDiscountAmount.plus(b.invoiceDiscountAmount),
    amount: a.amount.plus(b.amount),
    amountIncludingVat: a.amountIncludingVat.plus(b.amountIncludingVat),
  };
}

/** Posts the line in the given quantities, one after the other, and returns each posting. */
function invoiceInParts(line: InvoiceableAmounts & { quantity: Decimal }, quantities: Decimal[]): AmountsToInvoice[] {
  let quantityInvoiced = ZERO;
  let invoiced = NOTHING_INVOICED;
  return quantities.map((quantityToInvoice) => {
    const posting = amountsToInvoice({ ...line, quantityInvoiced, quantityToInvoice, invoiced });
    quantityInvoiced = quantityInvoiced.plus(quantityToInvoice);
    invoiced = plus(invoiced, posting);
    return posting;
  });
}

describe('amountsToInvoice', () => {
  // §7.11: 10 × 100.00 less 10 %, VAT 25 %: 900.00 + 225.00 = 1125.00.
  const so1 = {
    quantity: dec('10'),
    lineAmount: dec('900.00'),
    lineDiscountAmount: dec('100.00'),
    invoiceDiscountAmount: ZERO,
    amount: dec('900.00'),
    amountIncludingVat: dec('1125.00'),
  };

  it('§7.11: invoicing 4, then the remaining 6 → 360.00 / 90.00 / 450.00, then 540.00 / 135.00 / 675.00', () => {
    const [first, second] = invoiceInParts(so1, [dec('4'), dec('6')]);
    expect([money(first!.amount), money(first!.vatAmount), money(first!.amountIncludingVat)]).toEqual(['360.00', '90.00', '450.00']);
    expect([money(first!.lineAmount), money(first!.lineDiscountAmount)]).toEqual(['360.00', '40.00']);
    expect([money(second!.amount), money(second!.vatAmount), money(second!.amountIncludingVat)]).toEqual(['540.00', '135.00', '675.00']);
    expect(money(first!.amountIncludingVat.plus(second!.amountIncludingVat))).toBe('1125.00');
  });

  it('awkward thirds: 100.00 invoiced 1 + 1 + 1 → 33.33, 33.33, 33.34', () => {
    const line = { ...so1, quantity: dec('3'), lineAmount: dec('100.00'), lineDiscountAmount: ZERO, amount: dec('100.00'), amountIncludingVat: dec('125.00') };
    const postings = invoiceInParts(line, [dec('1'), dec('1'), dec('1')]);
    expect(postings.map((p) => money(p.lineAmount))).toEqual(['33.33', '33.33', '33.34']);
    // The VAT is prorated, not the amount including VAT: 8.33 is the VAT of 33.33 at 25 %.
    expect(postings.map((p) => money(p.vatAmount))).toEqual(['8.33', '8.33', '8.34']);
    expect(postings.map((p) => money(p.amountIncludingVat))).toEqual(['41.66', '41.66', '41.68']);
  });

  it('prorates the invoice discount: Inv. Disc. Amount to Invoice', () => {
    const line = { ...so1, invoiceDiscountAmount: dec('45.00'), amount: dec('855.00'), amountIncludingVat: dec('1068.75') };
    const [first, second] = invoiceInParts(line, [dec('3'), dec('7')]);
    expect(money(first!.invoiceDiscountAmount)).toBe('13.50');
    expect(money(second!.invoiceDiscountAmount)).toBe('31.50');
  });

  it('works on a line with a negative quantity', () => {
    const line = { quantity: dec('-3'), lineAmount: dec('-100.00'), lineDiscountAmount: ZERO, invoiceDiscountAmount: ZERO, amount: dec('-100.00'), amountIncludingVat: dec('-125.00') };
    expect(invoiceInParts(line, [dec('-1'), dec('-2')]).map((p) => money(p.lineAmount))).toEqual(['-33.33', '-66.67']);
  });

  it('invoices nothing when Qty. to Invoice is 0', () => {
    const posting = amountsToInvoice({ ...so1, quantityInvoiced: ZERO, quantityToInvoice: ZERO, invoiced: NOTHING_INVOICED });
    expect([...fields, 'vatAmount' as const].every((field) => posting[field].isZero())).toBe(true);
  });

  it('invoices the whole line in one go', () => {
    const posting = amountsToInvoice({ ...so1, quantityInvoiced: ZERO, quantityToInvoice: dec('10'), invoiced: NOTHING_INVOICED });
    expect([money(posting.amount), money(posting.vatAmount), money(posting.amountIncludingVat)]).toEqual(['900.00', '225.00', '1125.00']);
  });

  it.each<[string, string, string, string]>([
    ['10', '4', '7', 'INVOICE_MORE_THAN_SHIPPED'],
    ['10', '0', '-1', 'INVOICE_MORE_THAN_SHIPPED'],
    ['-3', '0', '-4', 'INVOICE_MORE_THAN_SHIPPED'],
    ['0', '0', '1', 'INVOICE_MORE_THAN_SHIPPED'],
  ])('quantity %s, invoiced %s: refuses to invoice %s', (quantity, quantityInvoiced, quantityToInvoice, code) => {
    const line: LineToInvoice = { ...so1, quantity: dec(quantity), quantityInvoiced: dec(quantityInvoiced), quantityToInvoice: dec(quantityToInvoice), invoiced: NOTHING_INVOICED };
    expect(domainErrorOf(() => amountsToInvoice(line)).code).toBe(code);
  });
});

describe('amountsToInvoice properties', () => {
  const cents = fc.integer({ min: -10_000_000, max: 10_000_000 }).map((n) => new Decimal(n).div(100));
  // A quantity split into 1–8 postings of the same sign.
  const split = fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 8 })
    .chain((parts) => fc.tuple(fc.constant(parts), fc.boolean(), fc.constantFrom(1, 100, 1000)))
    .map(([parts, negative, scale]) => parts.map((part) => new Decimal(negative ? -part : part).div(scale)));
  const lineOf = (quantities: Decimal[], amounts: Decimal[]) => ({
    quantity: quantities.reduce((total, quantity) => total.plus(quantity), ZERO),
    lineAmount: amounts[0]!,
    lineDiscountAmount: amounts[1]!,
    invoiceDiscountAmount: amounts[2]!,
    amount: amounts[3]!,
    amountIncludingVat: amounts[4]!,
  });

  it('the postings of any split add up exactly to the line', () => {
    fc.assert(fc.property(split, fc.array(cents, { minLength: 5, maxLength: 5 }), (quantities, amounts) => {
      const line = lineOf(quantities, amounts);
      const postings = invoiceInParts(line, quantities);
      const total = postings.reduce<InvoiceableAmounts>(plus, NOTHING_INVOICED);
      for (const field of fields) expect(total[field].equals(line[field])).toBe(true);
      for (const posting of postings) expect(posting.vatAmount.equals(posting.amountIncludingVat.minus(posting.amount))).toBe(true);
    }));
  });

  it('every posting but the last is its proportional share, rounded', () => {
    fc.assert(fc.property(split, fc.array(cents, { minLength: 5, maxLength: 5 }), (quantities, amounts) => {
      const line = lineOf(quantities, amounts);
      const lineVat = line.amountIncludingVat.minus(line.amount);
      invoiceInParts(line, quantities).slice(0, -1).forEach((posting, index) => {
        // Multiply before dividing: a share of exactly half a cent must stay exact, not 0.004999… away.
        const shareOf = (total: Decimal) => total.times(quantities[index]!).div(line.quantity);
        expect(posting.lineAmount.minus(shareOf(line.lineAmount)).abs().lessThanOrEqualTo('0.005')).toBe(true);
        expect(posting.vatAmount.minus(shareOf(lineVat)).abs().lessThanOrEqualTo('0.005')).toBe(true);
      });
    }), {
      // Found by fast-check: the sixth part's share is exactly 2700.975.
      examples: [[[4885, 1576, 1342, 2330, 1, 2220, 4222].map((n) => new Decimal(n)), ['20167.28', '0', '0', '0', '0'].map((n) => dec(n))]],
    });
  });
});
