import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal, ZERO, dec, sum, toFixedString } from '../../../src/core/money/decimal.ts';
import { roundAmount } from '../../../src/core/money/rounding.ts';
import {
  calculateInvoiceDiscount,
  distributeInvoiceDiscount,
  invoiceDiscountBase,
  selectInvoiceDiscountTerms,
  serviceChargeBase,
} from '../../../src/core/pricing/invoice-discount.ts';
import type { AmountLine, CustomerInvoiceDiscountTerms } from '../../../src/core/sales/types.ts';
import { calculateDocumentVat } from '../../../src/core/tax/vat.ts';
import { domainErrorOf } from '../domain-error-helper.ts';
import { amountLine } from '../sales/amount-line.ts';

const line = amountLine;
const comment = () => line('0', { type: 'comment', allowInvoiceDiscount: false, vatIdentifier: '' });

function terms(currencyCode: string, minimumAmount: string, discountPercent: string, serviceCharge = '0'): CustomerInvoiceDiscountTerms {
  return { currencyCode, minimumAmount: dec(minimumAmount), discountPercent: dec(discountPercent), serviceCharge: dec(serviceCharge) };
}

const money = (value: Decimal) => toFixedString(value, 2);
const partsOf = (lines: AmountLine[], perLine: Map<number, Decimal>) => lines.map((l) => money(perLine.get(l.lineNo)!));
const lcy = { currencyCode: '', toLcy: (amount: Decimal) => amount, amountRoundingPrecision: '0.01' };

describe('§10.4 worked example 3', () => {
  const exampleTerms = [terms('', '0', '0'), terms('', '1000', '5')];

  it('base 1050.00 ≥ 1000 → 5 % → 52.50, split 40.00 / 12.50; then 997.50 + VAT 249.38 = 1246.88', () => {
    const lines = [line('800.00'), line('250.00')];
    const result = calculateInvoiceDiscount(lines, exampleTerms, lcy);
    expect(result.discountPercent.toString()).toBe('5');
    expect(money(result.discountAmount)).toBe('52.50');
    expect(partsOf(lines, result.perLine)).toEqual(['40.00', '12.50']);
    expect(result.serviceCharge.isZero()).toBe(true);

    const discounted = lines.map((l) => ({ ...l, invoiceDiscountAmount: result.perLine.get(l.lineNo)! }));
    const [group] = calculateDocumentVat(discounted, { pricesIncludingVat: false, amountRoundingPrecision: dec('0.01') }).groups;
    expect([money(group!.vatBaseAmount), money(group!.vatAmount), money(group!.amountIncludingVat)]).toEqual(['997.50', '249.38', '1246.88']);
  });

  it('line B without Allow Invoice Disc.: base 800.00 < 1000 → 0 %', () => {
    const lines = [line('800.00'), line('250.00', { allowInvoiceDiscount: false })];
    const result = calculateInvoiceDiscount(lines, exampleTerms, lcy);
    expect(result.discountPercent.isZero()).toBe(true);
    expect(result.discountAmount.isZero()).toBe(true);
    expect(partsOf(lines, result.perLine)).toEqual(['0.00', '0.00']);
  });
});

describe('invoiceDiscountBase and serviceChargeBase', () => {
  it('the discount base takes only lines that allow invoice discount; the charge base all lines', () => {
    const lines = [line('800.00'), line('250.00', { allowInvoiceDiscount: false }), comment(), line('-50.00')];
    expect(money(invoiceDiscountBase(lines))).toBe('750.00');
    expect(money(serviceChargeBase(lines))).toBe('1000.00');
  });
});

describe('selectInvoiceDiscountTerms', () => {
  const table = [
    terms('', '0', '1'), terms('', '1000', '2'),
    terms('EUR', '500', '3'), terms('EUR', '2000', '4'),
  ];
  it.each<[string, string, string, string | null]>([
    // currency, base, base in LCY → Discount % of the terms found
    ['', '999.99', '999.99', '1'],
    ['', '1000', '1000', '2'],
    ['', '-5', '-5', null],
    ['EUR', '600', '100000', '3'],
    ['EUR', '2500', '0', '4'],
    ['EUR', '400', '5000', null], // EUR terms exist, none reached: no fallback to LCY (spec §10.4)
    ['USD', '100', '1500', '2'], // no USD terms: the LCY terms against the base in LCY
    ['USD', '100000', '500', '1'],
  ])('%s base %s (LCY %s) → %s %%', (currencyCode, base, baseInLcy, expected) => {
    const found = selectInvoiceDiscountTerms(table, currencyCode, dec(base), dec(baseInLcy));
    expect(found?.discountPercent.toString() ?? null).toBe(expected);
  });

  it('finds nothing without terms', () => {
    expect(selectInvoiceDiscountTerms([], '', dec('100'), dec('100'))).toBeNull();
  });
});

describe('calculateInvoiceDiscount — service charge', () => {
  it('looks the terms up separately for the service-charge base', () => {
    const table = [terms('', '0', '2', '10'), terms('', '1000', '5', '0')];
    const lines = [line('900.00'), line('200.00', { type: 'glAccount', allowInvoiceDiscount: false })];
    const result = calculateInvoiceDiscount(lines, table, lcy);
    expect(result.discountPercent.toString()).toBe('2'); // base 900.00
    expect(money(result.discountAmount)).toBe('18.00');
    expect(result.serviceCharge.isZero()).toBe(true); // charge base 1100.00 reaches the 1000 terms
  });

  it('charges the service charge of the terms found for a small document', () => {
    const result = calculateInvoiceDiscount([line('500.00')], [terms('', '0', '0', '5'), terms('', '1000', '5')], lcy);
    expect(money(result.serviceCharge)).toBe('5.00');
    expect(result.discountAmount.isZero()).toBe(true);
  });

  const usd = {
    currencyCode: 'USD',
    toLcy: (amount: Decimal) => roundAmount(amount.div(2)),
    fromLcy: (amount: Decimal) => amount.times(2),
    amountRoundingPrecision: '0.01',
  };

  it('converts the service charge of LCY terms into the document currency', () => {
    const result = calculateInvoiceDiscount([line('100.00')], [terms('', '0', '10', '2.505')], usd);
    expect(money(result.serviceCharge)).toBe('5.01');
    expect(money(result.discountAmount)).toBe('10.00');
  });

  it('keeps the service charge of the document currency terms as it is', () => {
    const result = calculateInvoiceDiscount([line('100.00')], [terms('USD', '0', '0', '7.5'), terms('', '0', '0', '3')], usd);
    expect(money(result.serviceCharge)).toBe('7.50');
  });

  it('needs fromLcy to convert an LCY service charge', () => {
    const { fromLcy: _unused, ...withoutFromLcy } = usd;
    const error = domainErrorOf(() => calculateInvoiceDiscount([line('100.00')], [terms('', '0', '0', '3')], withoutFromLcy));
    expect(error.code).toBe('INVALID_INPUT');
  });
});

describe('distributeInvoiceDiscount', () => {
  it('gives ineligible lines 0 and shares the rest by VAT group first, then by line', () => {
    const lines = [
      line('100.00'), line('200.00'), line('300.00', { vatIdentifier: 'VAT10', vatPercent: dec('10') }),
      line('50.00', { allowInvoiceDiscount: false }), comment(), line('0.00'),
    ];
    // Groups VAT10 (300) and VAT25 (300): 5.00 each; VAT25 by line: round(1.666…) = 1.67, 3.33.
    expect(partsOf(lines, distributeInvoiceDiscount(lines, dec('10.00'), '0.01'))).toEqual(['1.67', '3.33', '5.00', '0.00', '0.00', '0.00']);
  });

  it('rounds per group, in VAT identifier order, not per line in document order', () => {
    const lines = [line('1.00', { vatIdentifier: 'B' }), line('1.00', { vatIdentifier: 'A' }), line('1.00', { vatIdentifier: 'B' })];
    // Group A: round(0.01 × 1/3) = 0.00; group B 0.01, its first line round(0.005) = 0.01.
    expect(partsOf(lines, distributeInvoiceDiscount(lines, dec('0.01'), '0.01'))).toEqual(['0.01', '0.00', '0.00']);
  });

  it('keeps the negative lines of a VAT identifier apart, as BC does', () => {
    const lines = [line('1000.00'), line('-990.00')];
    // Base 10.00; the negative sub-group gets round(5 × -990 / 10) = -495.00, the positive 500.00.
    expect(partsOf(lines, distributeInvoiceDiscount(lines, dec('5.00'), '0.01'))).toEqual(['500.00', '-495.00']);
  });

  it('distributes a negative discount over negative lines', () => {
    const lines = [line('-100.00'), line('-50.00')];
    expect(partsOf(lines, distributeInvoiceDiscount(lines, dec('-10.00'), '0.01'))).toEqual(['-6.67', '-3.33']);
  });

  it('a zero discount needs no eligible line', () => {
    const lines = [line('100.00', { allowInvoiceDiscount: false })];
    expect(partsOf(lines, distributeInvoiceDiscount(lines, ZERO, '0.01'))).toEqual(['0.00']);
  });

  it('refuses a discount when no line allows it', () => {
    const lines = [line('100.00', { allowInvoiceDiscount: false }), comment(), line('0.00')];
    expect(domainErrorOf(() => distributeInvoiceDiscount(lines, dec('5.00'), '0.01')).code).toBe('INVOICE_DISCOUNT_NOT_ALLOWED');
  });

  it.each<[string[], string]>([
    [['100.00', '200.00'], '300.01'],
    [['100.00', '200.00'], '-1.00'], // the other sign would raise the price
    [['-100.00'], '-100.01'],
    [['-100.00'], '5.00'],
    [['100.00', '-100.00'], '0.01'], // lines that cancel leave no base
  ])('refuses a discount outside 0 … base: lines %j, discount %s', (amounts, discount) => {
    const error = domainErrorOf(() => distributeInvoiceDiscount(amounts.map((a) => line(a)), dec(discount), '0.01'));
    expect(error.code).toBe('INVOICE_DISCOUNT_TOO_LARGE');
  });

  it('allows the whole base as discount', () => {
    const lines = [line('100.00'), line('200.00')];
    expect(partsOf(lines, distributeInvoiceDiscount(lines, dec('300.00'), '0.01'))).toEqual(['100.00', '200.00']);
  });
});

// Random documents: several VAT identifiers, lines that do not allow the discount, negative lines,
// zero lines and comments.
const cents = (min: number, max: number) => fc.integer({ min, max }).map((n) => new Decimal(n).div(100));
const randomLines = (minimumCents: number) => fc.array(fc.record({
  lineAmount: fc.oneof(cents(minimumCents, 5_000_000), fc.constant(ZERO)),
  allowInvoiceDiscount: fc.boolean(),
  vatIdentifier: fc.constantFrom('A', 'B', 'C'),
  comment: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
}), { minLength: 1, maxLength: 25 }).map((drafts) => drafts.map((draft, index): AmountLine => ({
  lineNo: (index + 1) * 10000,
  type: draft.comment ? 'comment' : 'item',
  lineAmount: draft.comment ? ZERO : draft.lineAmount,
  invoiceDiscountAmount: ZERO,
  allowInvoiceDiscount: draft.allowInvoiceDiscount,
  vatPercent: dec('25'),
  vatIdentifier: draft.vatIdentifier,
  vatCalculationType: 'normal',
})));
/** A discount of `share` ‰ of the eligible base, in whole cents toward zero. */
const discountOf = (lines: AmountLine[], share: number) =>
  invoiceDiscountBase(lines).times(share).div(1000).toDecimalPlaces(2, Decimal.ROUND_DOWN);
const eligible = (l: AmountLine) => l.type !== 'comment' && l.allowInvoiceDiscount && !l.lineAmount.isZero();
const subGroupKey = (l: AmountLine) => `${l.vatIdentifier}|${l.lineAmount.isNegative() ? '-' : '+'}`;
const step = dec('0.01');

describe('distributeInvoiceDiscount properties', () => {
  const documents = fc.tuple(randomLines(-1_000_000), fc.integer({ min: 0, max: 1000 }))
    .filter(([lines]) => !invoiceDiscountBase(lines).isZero());

  it('the parts add up exactly to the discount and ineligible lines get 0', () => {
    fc.assert(fc.property(documents, ([lines, share]) => {
      const discount = discountOf(lines, share);
      const perLine = distributeInvoiceDiscount(lines, discount, '0.01');
      expect(sum([...perLine.values()]).equals(discount)).toBe(true);
      expect(lines.every((l) => perLine.has(l.lineNo))).toBe(true);
      expect(lines.filter((l) => !eligible(l)).every((l) => perLine.get(l.lineNo)!.isZero())).toBe(true);
    }));
  });

  it('each group is within one step of its share of the discount, each line within one step of its share of the group', () => {
    fc.assert(fc.property(documents, ([lines, share]) => {
      const discount = discountOf(lines, share);
      const perLine = distributeInvoiceDiscount(lines, discount, '0.01');
      const base = invoiceDiscountBase(lines);
      const groups = new Map<string, AmountLine[]>();
      for (const l of lines.filter(eligible)) groups.set(subGroupKey(l), [...(groups.get(subGroupKey(l)) ?? []), l]);
      for (const group of groups.values()) {
        const groupBase = sum(group.map((l) => l.lineAmount));
        const groupPart = sum(group.map((l) => perLine.get(l.lineNo)!));
        expect(groupPart.minus(discount.times(groupBase).div(base)).abs().lessThanOrEqualTo(step)).toBe(true);
        for (const l of group) {
          const lineShare = groupPart.times(l.lineAmount).div(groupBase);
          expect(perLine.get(l.lineNo)!.minus(lineShare).abs().lessThanOrEqualTo(step)).toBe(true);
        }
      }
    }));
  });

  it('with only positive lines each line is within two steps of its exact share of the whole discount', () => {
    fc.assert(fc.property(randomLines(0), fc.integer({ min: 0, max: 1000 }), (lines, share) => {
      const base = invoiceDiscountBase(lines);
      if (base.isZero()) return;
      const discount = discountOf(lines, share);
      const perLine = distributeInvoiceDiscount(lines, discount, '0.01');
      for (const l of lines.filter(eligible)) {
        const exact = discount.times(l.lineAmount).div(base);
        expect(perLine.get(l.lineNo)!.minus(exact).abs().lessThanOrEqualTo(step.times(2))).toBe(true);
        expect(perLine.get(l.lineNo)!.isNegative()).toBe(false);
      }
    }));
  });
});

describe('calculateInvoiceDiscount properties', () => {
  const percent = fc.integer({ min: 0, max: 10_000 }).map((n) => new Decimal(n).div(100));
  it('the discount is round(base × % / 100) and its parts add up to it', () => {
    fc.assert(fc.property(randomLines(0), percent, (lines, discountPercent) => {
      const result = calculateInvoiceDiscount(lines, [{ currencyCode: '', minimumAmount: ZERO, discountPercent, serviceCharge: ZERO }], lcy);
      const expected = roundAmount(invoiceDiscountBase(lines).times(discountPercent).div(100));
      expect(result.discountAmount.equals(expected)).toBe(true);
      expect(sum([...result.perLine.values()]).equals(expected)).toBe(true);
    }));
  });
});
