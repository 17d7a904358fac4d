import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  type PriceContext,
  type SalesLineDiscountAgreement,
  type SalesPriceAgreement,
  findBestLineDiscount,
  findBestPrice,
} from '../../../src/core/pricing/best-price.ts';
import { type Decimal, dec } from '../../../src/core/money/decimal.ts';

/** Spec §10.3 example: item B, card price 50.00, customer C1 in price group RETAIL and discount group LARGE. */
function context(overrides: Partial<PriceContext> = {}): PriceContext {
  return {
    itemNo: 'B',
    itemDiscountGroup: 'FURN',
    customerNo: 'C1',
    customerPriceGroup: 'RETAIL',
    customerDiscountGroup: 'LARGE',
    activeCampaigns: [],
    priceDate: '2026-01-15',
    currencyCode: '',
    currencyFactor: dec('1'),
    variantCode: '',
    unitOfMeasureCode: 'PCS',
    quantityPerUnitOfMeasure: dec('1'),
    quantity: dec('1'),
    documentPricesIncludingVat: false,
    lineVatPercent: dec('25'),
    itemUnitPrice: dec('50'),
    itemPriceIncludesVat: false,
    itemVatPercent: dec('25'),
    itemAllowInvoiceDiscount: true,
    customerAllowLineDiscount: true,
    unitAmountRoundingPrecision: dec('0.00001'),
    ...overrides,
  };
}

function price(overrides: Partial<SalesPriceAgreement> = {}): SalesPriceAgreement {
  return {
    itemNo: 'B',
    salesType: 'allCustomers',
    salesCode: '',
    startingDate: null,
    endingDate: null,
    currencyCode: '',
    variantCode: '',
    unitOfMeasureCode: '',
    minimumQuantity: dec('0'),
    unitPrice: dec('45'),
    priceIncludesVat: false,
    vatPercent: dec('25'),
    allowInvoiceDiscount: true,
    allowLineDiscount: true,
    ...overrides,
  };
}

function discount(overrides: Partial<SalesLineDiscountAgreement> = {}): SalesLineDiscountAgreement {
  return {
    type: 'item',
    code: 'B',
    salesType: 'allCustomers',
    salesCode: '',
    startingDate: null,
    endingDate: null,
    currencyCode: '',
    variantCode: '',
    unitOfMeasureCode: '',
    minimumQuantity: dec('0'),
    lineDiscountPercent: dec('5'),
    ...overrides,
  };
}

const text = (value: Decimal) => value.toString();
const bestPriceText = (agreements: SalesPriceAgreement[], overrides: Partial<PriceContext> = {}) =>
  text(findBestPrice(agreements, context(overrides)).unitPrice);

describe('findBestPrice — spec §10.3 example', () => {
  const allCustomersFrom10 = price({ salesType: 'allCustomers', minimumQuantity: dec('10'), unitPrice: dec('45') });
  const retail = price({ salesType: 'customerPriceGroup', salesCode: 'RETAIL', unitPrice: dec('48') });
  const agreements = [allCustomersFrom10, retail];

  it.each<[string, string | null, string, SalesPriceAgreement | null]>([
    ['customer in RETAIL orders 5', 'RETAIL', '5', retail],
    ['customer in RETAIL orders 12', 'RETAIL', '12', allCustomersFrom10],
    ['customer in RETAIL orders exactly the minimum 10', 'RETAIL', '10', allCustomersFrom10],
    ['customer in RETAIL orders 9.99999', 'RETAIL', '9.99999', retail],
    ['customer without a price group orders 5: item card', null, '5', null],
    ['customer without a price group orders 12', null, '12', allCustomersFrom10],
    ['customer in another group orders 5: item card', 'WHOLESALE', '5', null],
  ])('%s', (_, group, quantity, winner) => {
    const best = findBestPrice(agreements, context({ customerPriceGroup: group, quantity: dec(quantity) }));
    expect(best.agreement).toBe(winner);
    expect(text(best.unitPrice)).toBe(winner === null ? '50' : text(winner.unitPrice));
  });

  it('is the lowest price, whatever the order of the agreements', () => {
    expect(bestPriceText([retail, allCustomersFrom10], { quantity: dec('12') })).toBe('45');
    expect(bestPriceText([allCustomersFrom10, retail], { quantity: dec('12') })).toBe('45');
  });

  it('keeps the first of two equally low agreements', () => {
    const first = price({ unitPrice: dec('40') });
    const second = price({ salesType: 'customer', salesCode: 'C1', unitPrice: dec('40') });
    expect(findBestPrice([first, second], context()).agreement).toBe(first);
    expect(findBestPrice([second, first], context()).agreement).toBe(second);
  });
});

describe('findBestPrice — which agreements apply', () => {
  it.each<[string, Partial<SalesPriceAgreement>, Partial<PriceContext>, boolean]>([
    ['another item', { itemNo: 'X' }, {}, false],
    ['All Customers ignores the sales code', { salesType: 'allCustomers', salesCode: 'ANY' }, {}, true],
    ['the customer', { salesType: 'customer', salesCode: 'C1' }, {}, true],
    ['another customer', { salesType: 'customer', salesCode: 'C2' }, {}, false],
    ['the customer price group', { salesType: 'customerPriceGroup', salesCode: 'RETAIL' }, {}, true],
    ['another price group', { salesType: 'customerPriceGroup', salesCode: 'WHOLESALE' }, {}, false],
    ['a price group when the customer has none', { salesType: 'customerPriceGroup', salesCode: '' }, { customerPriceGroup: null }, false],
    ['an active campaign', { salesType: 'campaign', salesCode: 'SPRING' }, { activeCampaigns: ['SPRING'] }, true],
    ['an inactive campaign', { salesType: 'campaign', salesCode: 'SPRING' }, { activeCampaigns: ['AUTUMN'] }, false],
    ['the line variant', { variantCode: 'RED' }, { variantCode: 'RED' }, true],
    ['another variant', { variantCode: 'BLUE' }, { variantCode: 'RED' }, false],
    ['a variant price on a line without variant', { variantCode: 'RED' }, { variantCode: '' }, false],
    ['a blank variant on a variant line', { variantCode: '' }, { variantCode: 'RED' }, true],
    ['the line unit of measure', { unitOfMeasureCode: 'PCS' }, {}, true],
    ['another unit of measure', { unitOfMeasureCode: 'BOX' }, {}, false],
    ['another currency on an LCY document', { currencyCode: 'EUR' }, {}, false],
    ['another currency on a EUR document', { currencyCode: 'USD' }, { currencyCode: 'EUR', currencyFactor: dec('1.1') }, false],
  ])('%s → applies: %s', (_, agreement, line, applies) => {
    const best = findBestPrice([price({ unitPrice: dec('10'), ...agreement })], context(line));
    expect(best.agreement !== null).toBe(applies);
  });

  // Starting Date ≤ price date ≤ Ending Date, blank bounds open; price date 2026-01-15.
  it.each<[string | null, string | null, boolean]>([
    [null, null, true],
    ['2026-01-15', null, true],
    ['2026-01-16', null, false],
    [null, '2026-01-15', true],
    [null, '2026-01-14', false],
    ['2026-01-01', '2026-01-31', true],
    ['2025-12-01', '2025-12-31', false],
    ['2026-02-01', '2026-02-28', false],
    ['2026-01-15', '2026-01-15', true],
  ])('dates %s … %s → applies: %s', (startingDate, endingDate, applies) => {
    const best = findBestPrice([price({ startingDate, endingDate, unitPrice: dec('10') })], context());
    expect(best.agreement !== null).toBe(applies);
  });

  it('compares the minimum quantity with the absolute quantity (a negative line finds the same price)', () => {
    const agreements = [price({ minimumQuantity: dec('10'), unitPrice: dec('45') })];
    expect(bestPriceText(agreements, { quantity: dec('-12') })).toBe('45');
    expect(bestPriceText(agreements, { quantity: dec('-5') })).toBe('50');
  });
});

describe('findBestPrice — units of measure', () => {
  const box = { unitOfMeasureCode: 'BOX', quantityPerUnitOfMeasure: dec('12') };

  it('multiplies a per-base-unit price (blank unit) by Qty. per Unit of Measure', () => {
    expect(bestPriceText([price({ unitPrice: dec('4') })], box)).toBe('48');
  });

  it('takes a price for the line unit as it is', () => {
    expect(bestPriceText([price({ unitOfMeasureCode: 'BOX', unitPrice: dec('45') })], box)).toBe('45');
  });

  it('chooses the lowest after converting to the line unit', () => {
    const perPiece = price({ unitPrice: dec('3.5') }); // 42.00 per box
    const perBox = price({ unitOfMeasureCode: 'BOX', unitPrice: dec('45') });
    const forPieceLines = price({ unitOfMeasureCode: 'PCS', unitPrice: dec('1') });
    expect(findBestPrice([perBox, perPiece, forPieceLines], context(box)).agreement).toBe(perPiece);
  });

  it.each<[string, string, string, boolean]>([
    // a blank-unit agreement counts base units: 2 boxes = 24 pieces
    ['', '24', '2', true],
    ['', '24', '1', false],
    ['', '13', '1', false],
    // an agreement in the line unit counts line units
    ['BOX', '2', '2', true],
    ['BOX', '3', '2', false],
    ['BOX', '24', '2', false],
  ])('unit "%s" with minimum %s, %s boxes → applies: %s', (unitOfMeasureCode, minimumQuantity, quantity, applies) => {
    const agreement = price({ unitOfMeasureCode, minimumQuantity: dec(minimumQuantity), unitPrice: dec('1') });
    const best = findBestPrice([agreement], context({ ...box, quantity: dec(quantity) }));
    expect(best.agreement !== null).toBe(applies);
  });

  it('converts the item card price to the line unit', () => {
    expect(bestPriceText([], box)).toBe('600');
  });
});

describe('findBestPrice — currency', () => {
  const eur = { currencyCode: 'EUR', currencyFactor: dec('1.1') };

  it('converts an LCY price with the currency factor', () => {
    expect(bestPriceText([price({ unitPrice: dec('45') })], eur)).toBe('49.5');
  });

  it('uses only document-currency prices when there are any, even when an LCY price is lower', () => {
    const lcy = price({ unitPrice: dec('45') });
    const inEur = price({ currencyCode: 'EUR', unitPrice: dec('52') });
    expect(findBestPrice([lcy, inEur], context(eur)).agreement).toBe(inEur);
    expect(bestPriceText([lcy, inEur], eur)).toBe('52');
  });

  it('falls back to LCY prices when no document-currency price applies', () => {
    const lcy = price({ unitPrice: dec('45') });
    const inEurFrom100 = price({ currencyCode: 'EUR', minimumQuantity: dec('100'), unitPrice: dec('30') });
    expect(findBestPrice([lcy, inEurFrom100], context(eur)).agreement).toBe(lcy);
  });

  it('converts the item card price to the document currency', () => {
    expect(bestPriceText([], eur)).toBe('55');
  });

  it('rounds once, with the document currency unit-amount precision', () => {
    const odd = { currencyCode: 'EUR', currencyFactor: dec('1.23456'), unitAmountRoundingPrecision: dec('0.001') };
    expect(bestPriceText([price({ unitPrice: dec('45') })], odd)).toBe('55.555'); // 55.5552
    expect(bestPriceText([], odd)).toBe('61.728'); // 61.728
    expect(bestPriceText([price({ unitPrice: dec('0.0005') })], { unitAmountRoundingPrecision: dec('0.001') })).toBe('0.001');
  });
});

describe('findBestPrice — VAT basis', () => {
  it.each<[string, boolean, string, boolean, string, string, string]>([
    ['incl. VAT price on an excl. VAT document', true, '25', false, '25', '125', '100'],
    ['excl. VAT price on an incl. VAT document', false, '25', true, '25', '100', '125'],
    ['incl. VAT price on an incl. VAT document, same VAT %', true, '25', true, '25', '125', '125'],
    ['incl. VAT price agreed at 19 % on a 25 % incl. VAT document', true, '19', true, '25', '119', '125'],
    ['excl. VAT on excl. VAT', false, '25', false, '25', '100', '100'],
    ['incl. VAT price on a reverse-charge line (line VAT 0 %)', true, '25', true, '0', '125', '100'],
    ['incl. VAT price, rounded to the unit-amount precision', true, '25', false, '25', '33.33', '26.664'],
    ['incl. VAT price at 19 %, rounded', true, '19', false, '19', '10', '8.40336'],
  ])('%s', (_, priceIncludesVat, vatPercent, documentPricesIncludingVat, lineVatPercent, unitPrice, expected) => {
    const agreement = price({ priceIncludesVat, vatPercent: dec(vatPercent), unitPrice: dec(unitPrice) });
    expect(bestPriceText([agreement], { documentPricesIncludingVat, lineVatPercent: dec(lineVatPercent) })).toBe(expected);
  });

  it('compares prices on the document basis', () => {
    const inclVat = price({ priceIncludesVat: true, unitPrice: dec('56') }); // 44.80 excl. VAT
    const exclVat = price({ unitPrice: dec('45') });
    expect(findBestPrice([exclVat, inclVat], context()).agreement).toBe(inclVat);
  });

  it('converts the item card price from incl. VAT', () => {
    expect(bestPriceText([], { itemPriceIncludesVat: true, itemUnitPrice: dec('62.5') })).toBe('50');
    expect(bestPriceText([], { documentPricesIncludingVat: true })).toBe('62.5');
  });

  it('converts VAT, then unit of measure, then currency', () => {
    const agreement = price({ priceIncludesVat: true, unitPrice: dec('125') });
    const line = { unitOfMeasureCode: 'BOX', quantityPerUnitOfMeasure: dec('12'), currencyCode: 'EUR', currencyFactor: dec('1.1') };
    expect(bestPriceText([agreement], line)).toBe('1320');
  });
});

describe('findBestPrice — Allow Invoice Disc. and Allow Line Disc.', () => {
  it.each<[boolean, boolean, boolean]>([
    [true, true, true],
    [true, false, false],
    [false, true, false],
    [false, false, false],
  ])('item %s and price %s → allow invoice discount %s', (item, agreement, expected) => {
    const best = findBestPrice([price({ allowInvoiceDiscount: agreement })], context({ itemAllowInvoiceDiscount: item }));
    expect(best.allowInvoiceDiscount).toBe(expected);
  });

  it('takes the item flag when the item card price is used', () => {
    expect(findBestPrice([], context({ itemAllowInvoiceDiscount: false })).allowInvoiceDiscount).toBe(false);
    expect(findBestPrice([], context({ itemAllowInvoiceDiscount: true })).allowInvoiceDiscount).toBe(true);
  });

  it.each<[boolean, boolean | null, boolean]>([
    [true, true, true],
    [true, false, false],
    [false, true, false],
    [true, null, true],
    [false, null, false],
  ])('customer %s and price %s → allow line discount %s', (customer, agreement, expected) => {
    const agreements = agreement === null ? [] : [price({ allowLineDiscount: agreement })];
    expect(findBestPrice(agreements, context({ customerAllowLineDiscount: customer })).allowLineDiscount).toBe(expected);
  });
});

describe('findBestLineDiscount', () => {
  // Spec §10.3: LARGE × FURN 5 %, customer-specific item B 8 % from 20 pcs.
  const groupDiscount = discount({ type: 'itemDiscountGroup', code: 'FURN', salesType: 'customerDiscountGroup', salesCode: 'LARGE', lineDiscountPercent: dec('5') });
  const customerDiscount = discount({ type: 'item', code: 'B', salesType: 'customer', salesCode: 'C1', minimumQuantity: dec('20'), lineDiscountPercent: dec('8') });
  const noAgreement = { agreement: null };

  it.each<[string, string]>([
    ['12', '5'],
    ['19', '5'],
    ['20', '8'],
    ['25', '8'],
  ])('spec example at %s pcs → %s %%', (quantity, expected) => {
    const line = context({ quantity: dec(quantity) });
    expect(text(findBestLineDiscount([groupDiscount, customerDiscount], line, findBestPrice([], line)))).toBe(expected);
  });

  it('is 0 when nothing applies', () => {
    expect(text(findBestLineDiscount([], context(), noAgreement))).toBe('0');
    expect(text(findBestLineDiscount([discount({ code: 'X' })], context(), noAgreement))).toBe('0');
  });

  it.each<[string, Partial<SalesLineDiscountAgreement>, Partial<PriceContext>, boolean]>([
    ['the item', { type: 'item', code: 'B' }, {}, true],
    ['another item', { type: 'item', code: 'X' }, {}, false],
    ['the item discount group', { type: 'itemDiscountGroup', code: 'FURN' }, {}, true],
    ['another item discount group', { type: 'itemDiscountGroup', code: 'TOOLS' }, {}, false],
    ['a group when the item has none', { type: 'itemDiscountGroup', code: 'FURN' }, { itemDiscountGroup: null }, false],
    ['an item code equal to the group code', { type: 'item', code: 'FURN' }, {}, false],
    ['the customer discount group', { salesType: 'customerDiscountGroup', salesCode: 'LARGE' }, {}, true],
    ['a customer discount group when the customer has none', { salesType: 'customerDiscountGroup', salesCode: 'LARGE' }, { customerDiscountGroup: null }, false],
    ['the price group code used as discount group', { salesType: 'customerDiscountGroup', salesCode: 'RETAIL' }, {}, false],
    ['another customer', { salesType: 'customer', salesCode: 'C2' }, {}, false],
    ['an active campaign', { salesType: 'campaign', salesCode: 'SPRING' }, { activeCampaigns: ['SPRING'] }, true],
    ['an inactive campaign', { salesType: 'campaign', salesCode: 'SPRING' }, {}, false],
    ['expired', { endingDate: '2026-01-14' }, {}, false],
    ['not yet started', { startingDate: '2026-01-16' }, {}, false],
    ['another variant', { variantCode: 'RED' }, {}, false],
    ['another unit', { unitOfMeasureCode: 'BOX' }, {}, false],
    ['a blank-unit minimum in base units', { minimumQuantity: dec('24') }, { unitOfMeasureCode: 'BOX', quantityPerUnitOfMeasure: dec('12'), quantity: dec('2') }, true],
    ['another currency', { currencyCode: 'EUR' }, {}, false],
  ])('%s → applies: %s', (_, agreement, line, applies) => {
    const found = findBestLineDiscount([discount({ lineDiscountPercent: dec('7'), ...agreement })], context(line), noAgreement);
    expect(text(found)).toBe(applies ? '7' : '0');
  });

  it('uses document-currency discounts when any apply, like prices', () => {
    const lcy = discount({ lineDiscountPercent: dec('10') });
    const inEur = discount({ currencyCode: 'EUR', lineDiscountPercent: dec('3') });
    const eur = context({ currencyCode: 'EUR', currencyFactor: dec('1.1') });
    expect(text(findBestLineDiscount([lcy, inEur], eur, noAgreement))).toBe('3');
    expect(text(findBestLineDiscount([lcy], eur, noAgreement))).toBe('10');
  });

  it('gives no discount when the customer does not allow line discounts', () => {
    const line = context({ customerAllowLineDiscount: false, quantity: dec('20') });
    expect(text(findBestLineDiscount([groupDiscount, customerDiscount], line, noAgreement))).toBe('0');
  });

  it('gives no discount when the winning price does not allow line discounts', () => {
    const line = context({ quantity: dec('20') });
    const winning = findBestPrice([price({ allowLineDiscount: false })], line);
    expect(text(findBestLineDiscount([groupDiscount, customerDiscount], line, winning))).toBe('0');
    const allowing = findBestPrice([price({ allowLineDiscount: true })], line);
    expect(text(findBestLineDiscount([groupDiscount, customerDiscount], line, allowing))).toBe('8');
  });
});

// ------------------------------------------------------------------------------------ properties

const dates = ['2026-01-01', '2026-01-10', '2026-01-15', '2026-01-20', '2026-01-31'];
const optionalDate = fc.option(fc.constantFrom(...dates), { nil: null });
const money = fc.integer({ min: 0, max: 100_000 }).map((cents) => dec((cents / 100).toFixed(2)));
const salesParty = fc.oneof(
  fc.record({ salesType: fc.constant('customer' as const), salesCode: fc.constantFrom('C1', 'C2') }),
  fc.record({ salesType: fc.constant('customerPriceGroup' as const), salesCode: fc.constantFrom('RETAIL', 'WHOLESALE') }),
  fc.record({ salesType: fc.constant('allCustomers' as const), salesCode: fc.constantFrom('', 'X') }),
  fc.record({ salesType: fc.constant('campaign' as const), salesCode: fc.constantFrom('SPRING', 'AUTUMN') }),
);
const priceAgreement: fc.Arbitrary<SalesPriceAgreement> = fc
  .record({
    itemNo: fc.constantFrom('B', 'B', 'B', 'X'),
    party: salesParty,
    startingDate: optionalDate,
    endingDate: optionalDate,
    currencyCode: fc.constantFrom('', '', 'EUR', 'USD'),
    variantCode: fc.constantFrom('', '', 'RED', 'BLUE'),
    unitOfMeasureCode: fc.constantFrom('', 'PCS', 'BOX'),
    minimumQuantity: fc.integer({ min: 0, max: 40 }).map((value) => dec(String(value))),
    unitPrice: money,
    priceIncludesVat: fc.boolean(),
    vatPercent: fc.constantFrom('0', '19', '25').map(dec),
    allowInvoiceDiscount: fc.boolean(),
    allowLineDiscount: fc.boolean(),
  })
  .map(({ party, ...rest }) => ({ ...rest, ...party }));
const priceContext: fc.Arbitrary<PriceContext> = fc
  .record({
    customerPriceGroup: fc.constantFrom<string | null>('RETAIL', null),
    activeCampaigns: fc.constantFrom<string[]>([], ['SPRING']),
    priceDate: fc.constantFrom(...dates),
    currency: fc.constantFrom({ currencyCode: '', currencyFactor: '1' }, { currencyCode: 'EUR', currencyFactor: '1.1' }, { currencyCode: 'EUR', currencyFactor: '0.87654' }),
    variantCode: fc.constantFrom('', 'RED'),
    unit: fc.constantFrom({ unitOfMeasureCode: 'PCS', quantityPerUnitOfMeasure: '1' }, { unitOfMeasureCode: 'BOX', quantityPerUnitOfMeasure: '12' }),
    quantity: fc.integer({ min: -30, max: 30 }).map((value) => dec(String(value))),
    documentPricesIncludingVat: fc.boolean(),
    lineVatPercent: fc.constantFrom('0', '25').map(dec),
    itemUnitPrice: money,
  })
  .map(({ currency, unit, ...rest }) => context({
    ...rest,
    currencyCode: currency.currencyCode,
    currencyFactor: dec(currency.currencyFactor),
    unitOfMeasureCode: unit.unitOfMeasureCode,
    quantityPerUnitOfMeasure: dec(unit.quantityPerUnitOfMeasure),
  }));

/** Applicability written out from §10.3, independently of the implementation. */
function appliesPerSpec(agreement: SalesPriceAgreement, line: PriceContext): boolean {
  const party =
    agreement.salesType === 'allCustomers' ||
    (agreement.salesType === 'customer' && agreement.salesCode === line.customerNo) ||
    (agreement.salesType === 'customerPriceGroup' && agreement.salesCode === line.customerPriceGroup) ||
    (agreement.salesType === 'campaign' && line.activeCampaigns.includes(agreement.salesCode));
  const quantity = agreement.unitOfMeasureCode === '' ? line.quantity.abs().times(line.quantityPerUnitOfMeasure) : line.quantity.abs();
  return (
    agreement.itemNo === line.itemNo && party &&
    (agreement.startingDate === null || agreement.startingDate <= line.priceDate) &&
    (agreement.endingDate === null || agreement.endingDate >= line.priceDate) &&
    [line.currencyCode, ''].includes(agreement.currencyCode) &&
    [line.variantCode, ''].includes(agreement.variantCode) &&
    [line.unitOfMeasureCode, ''].includes(agreement.unitOfMeasureCode) &&
    agreement.minimumQuantity.lessThanOrEqualTo(quantity)
  );
}

describe('findBestPrice properties', () => {
  it('never exceeds an applicable candidate (nor the card price when none applies) and is one of them', () => {
    fc.assert(fc.property(fc.array(priceAgreement, { maxLength: 12 }), priceContext, (agreements, line) => {
      const best = findBestPrice(agreements, line);
      const applicable = agreements.filter((agreement) => appliesPerSpec(agreement, line));
      const inDocumentCurrency = applicable.filter((agreement) => line.currencyCode !== '' && agreement.currencyCode === line.currencyCode);
      const candidates = inDocumentCurrency.length > 0 ? inDocumentCurrency : applicable;
      // Each candidate's own converted price is what it would give alone.
      const candidatePrices = candidates.map((agreement) => findBestPrice([agreement], line).unitPrice);
      const cardPrice = findBestPrice([], line).unitPrice;
      if (candidates.length === 0) {
        expect(best.agreement).toBeNull();
        expect(best.unitPrice.equals(cardPrice)).toBe(true);
        return;
      }
      expect(candidates).toContain(best.agreement);
      for (const candidatePrice of candidatePrices) expect(best.unitPrice.lessThanOrEqualTo(candidatePrice)).toBe(true);
      expect(candidatePrices.some((candidatePrice) => candidatePrice.equals(best.unitPrice))).toBe(true);
    }), { numRuns: 500 });
  });

  it('does not change when an agreement that does not apply is added anywhere', () => {
    fc.assert(fc.property(
      fc.array(priceAgreement, { maxLength: 10 }), priceContext, priceAgreement, fc.nat(),
      (agreements, line, extra, position) => {
        fc.pre(!appliesPerSpec(extra, line));
        const before = findBestPrice(agreements, line);
        const withExtra = [...agreements];
        withExtra.splice(position % (agreements.length + 1), 0, extra);
        const after = findBestPrice(withExtra, line);
        expect(after.agreement).toBe(before.agreement);
        expect(after.unitPrice.equals(before.unitPrice)).toBe(true);
        expect(after.allowInvoiceDiscount).toBe(before.allowInvoiceDiscount);
        expect(after.allowLineDiscount).toBe(before.allowLineDiscount);
      },
    ), { numRuns: 500 });
  });
});

describe('findBestLineDiscount properties', () => {
  const discountAgreement: fc.Arbitrary<SalesLineDiscountAgreement> = fc
    .record({
      item: fc.constantFrom({ type: 'item' as const, code: 'B' }, { type: 'item' as const, code: 'X' }, { type: 'itemDiscountGroup' as const, code: 'FURN' }),
      party: fc.constantFrom(
        { salesType: 'customer' as const, salesCode: 'C1' },
        { salesType: 'customerDiscountGroup' as const, salesCode: 'LARGE' },
        { salesType: 'customerDiscountGroup' as const, salesCode: 'SMALL' },
        { salesType: 'allCustomers' as const, salesCode: '' },
      ),
      startingDate: optionalDate,
      endingDate: optionalDate,
      currencyCode: fc.constantFrom('', 'EUR'),
      variantCode: fc.constantFrom('', 'RED'),
      unitOfMeasureCode: fc.constantFrom('', 'PCS', 'BOX'),
      minimumQuantity: fc.integer({ min: 0, max: 40 }).map((value) => dec(String(value))),
      lineDiscountPercent: fc.integer({ min: 1, max: 10_000 }).map((value) => dec((value / 100).toFixed(2))),
    })
    .map(({ item, party, ...rest }) => ({ ...rest, ...item, ...party }));

  it('is the highest percentage among the applicable discounts of one currency, or 0', () => {
    fc.assert(fc.property(fc.array(discountAgreement, { maxLength: 12 }), priceContext, (discounts, line) => {
      const found = findBestLineDiscount(discounts, line, { agreement: null });
      const alone = discounts.map((candidate) => findBestLineDiscount([candidate], line, { agreement: null }));
      expect(alone.some((percent) => percent.equals(found)) || found.isZero()).toBe(true);
      // Percentages are at least 0.01 here, so "applies" is "gives more than 0 alone".
      const applicable = discounts.map((candidate, index) => ({ candidate, percent: alone[index]! })).filter(({ percent }) => !percent.isZero());
      const inDocumentCurrency = applicable.filter(({ candidate }) => line.currencyCode !== '' && candidate.currencyCode === line.currencyCode);
      for (const { percent } of inDocumentCurrency.length > 0 ? inDocumentCurrency : applicable) {
        expect(found.greaterThanOrEqualTo(percent)).toBe(true);
      }
      expect(findBestLineDiscount(discounts, { ...line, customerAllowLineDiscount: false }, { agreement: null }).isZero()).toBe(true);
    }), { numRuns: 300 });
  });
});
