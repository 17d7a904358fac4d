import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { type Decimal, ZERO, dec, sum } from '../../../src/core/money/decimal.ts';
import {
  type InboundLayer, type ItemCosts, averageUnitCost, costOutbound, invoiceEntry, splitByInvoicedQuantity, valueInbound,
} from '../../../src/core/inventory/costing.ts';
import { domainErrorOf } from '../domain-error-helper.ts';

const layer = (entryNo: number, quantity: string, costAmount: string, remainingQuantity = quantity): InboundLayer =>
  ({ entryNo, quantity: dec(quantity), costAmount: dec(costAmount), remainingQuantity: dec(remainingQuantity) });

const item = (overrides: Partial<ItemCosts> = {}): ItemCosts =>
  ({ costingMethod: 'fifo', unitCost: dec('65'), standardCost: dec('62'), averageUnitCost: dec('66'), ...overrides });

// Two purchases: 20 at 60.00 and 20 at 70.00.
const twoLayers = [layer(1, '20', '1200.00'), layer(2, '20', '1400.00')];

const strings = (values: { inboundEntryNo: number; quantity: Decimal }[]) =>
  values.map((value) => [value.inboundEntryNo, value.quantity.toString()]);

describe('costOutbound', () => {
  it.each([
    ['FIFO takes the oldest layer first and costs what it took', 'fifo', '25', [[1, '20'], [2, '5']], '0', '1550.00'],
    ['FIFO within one layer', 'fifo', '7', [[1, '7']], '0', '420.00'],
    ['Average costs the average, applying oldest first', 'average', '25', [[1, '20'], [2, '5']], '0', '1650.00'],
    ['Standard costs the standard cost', 'standard', '25', [[1, '20'], [2, '5']], '0', '1550.00'],
    ['a shortage stays open and costs the unit cost (FIFO)', 'fifo', '45', [[1, '20'], [2, '20']], '5', '2925.00'],
    ['a shortage costs the unit cost (Average)', 'average', '45', [[1, '20'], [2, '20']], '5', '2965.00'],
    ['Standard values a shortage at standard too', 'standard', '45', [[1, '20'], [2, '20']], '5', '2790.00'],
  ] as const)('%s', (_, costingMethod, quantity, applications, shortage, costAmount) => {
    const result = costOutbound({
      quantity: dec(quantity), layers: twoLayers, appliesToEntry: null,
      item: item({ costingMethod, standardCost: costingMethod === 'standard' ? dec('62') : dec('0') }),
    });
    expect(strings(result.applications)).toEqual(applications);
    expect(result.shortage.toString()).toBe(shortage);
    expect(result.costAmount.toFixed(2)).toBe(costAmount);
  });

  it('starts where earlier sales left a layer and skips closed ones', () => {
    const result = costOutbound({
      quantity: dec('6'), layers: [layer(1, '20', '1200.00', '2'), layer(2, '20', '1400.00', '0'), layer(3, '10', '750.00')],
      appliesToEntry: null, item: item(),
    });
    expect(strings(result.applications)).toEqual([[1, '2'], [3, '4']]);
    expect(result.costAmount.toFixed(2)).toBe('420.00');
  });

  it('rounds once, not per layer', () => {
    // 1/3 of 10.00 twice: 6.666… → 6.67, where rounding per layer would give 3.33 + 3.33.
    const result = costOutbound({
      quantity: dec('2'), layers: [layer(1, '3', '10.00', '1'), layer(2, '3', '10.00')], appliesToEntry: null, item: item(),
    });
    expect(result.costAmount.toFixed(2)).toBe('6.67');
  });

  it('takes a fixed application from its entry only, at that entry\'s cost', () => {
    const result = costOutbound({ quantity: dec('5'), layers: twoLayers, appliesToEntry: 2, item: item() });
    expect(strings(result.applications)).toEqual([[2, '5']]);
    expect(result.costAmount.toFixed(2)).toBe('350.00');
  });

  it.each([
    ['an entry that is not an open layer', 99, '5'],
    ['more than the entry has left', 2, '21'],
  ])('refuses a fixed application to %s', (_, appliesToEntry, quantity) => {
    const error = domainErrorOf(() => costOutbound({ quantity: dec(quantity), layers: twoLayers, appliesToEntry, item: item() }));
    expect(error).toMatchObject({ code: 'APPLICATION_INVALID', params: { entryField: 'appliesToEntry' } });
  });
});

describe('valueInbound', () => {
  const average = item({ costingMethod: 'average', averageUnitCost: dec('70') });
  it.each([
    ['the given unit cost', item(), '12.5', null, '125.00', '12.5'],
    ['FIFO without a cost: the item\'s unit cost', item(), null, null, '650.00', '65'],
    ['Average without a cost: the average cost', average, null, null, '700.00', '70'],
    ['Average with a given cost: that cost', average, '72', null, '720.00', '72'],
    ['Standard: always the standard cost', item({ costingMethod: 'standard' }), '80', null, '620.00', '62'],
    // §17.9: sold 10 at 60.00 (−600.00); 3 come back at exactly 180.00 although the average is 70.00.
    ['exact cost reversal: the cost of the outbound entry', average, null, { quantity: '-10', costAmount: '-600.00' }, '180.00', '60'],
  ] as const)('%s', (_, costs, unitCost, appliesFrom, costAmount, unit) => {
    const quantity = appliesFrom ? dec('3') : dec('10');
    const result = valueInbound({
      quantity, unitCost: unitCost === null ? null : dec(unitCost), item: costs,
      appliesFrom: appliesFrom && { quantity: dec(appliesFrom.quantity), costAmount: dec(appliesFrom.costAmount) },
    });
    expect(result.costAmount.toFixed(2)).toBe(costAmount);
    expect(result.unitCost.toString()).toBe(unit);
  });

  it('averages inventory value over the quantity on hand, or falls back to the unit cost', () => {
    expect(averageUnitCost(dec('2600.00'), dec('40'), dec('1')).toString()).toBe('65');
    expect(averageUnitCost(dec('-50.00'), dec('-1'), dec('61')).toString()).toBe('61');
    expect(averageUnitCost(ZERO, ZERO, dec('61')).toString()).toBe('61');
  });
});

describe('invoiceEntry', () => {
  // §7.11: 6 shipped at 60.00 (expected −360.00, sales expected 600.00), invoiced 4 then 2.
  const shipped = { entryNo: 7, quantity: dec('-6'), invoicedQuantity: ZERO, costAmountExpected: dec('-360.00'), salesAmountExpected: dec('600.00') };

  it('turns the invoiced share of the expected cost into actual cost', () => {
    const result = invoiceEntry({ ...shipped, quantityToInvoice: dec('-4') });
    expect(result.costAmountActual.toFixed(2)).toBe('-240.00');
    expect(result.costAmountExpected.toFixed(2)).toBe('240.00');
    expect(result.salesAmountExpected.toFixed(2)).toBe('-400.00');
  });

  it('takes all that is left on the last invoicing', () => {
    // 100.00 over 3: 33.33, then 33.34 of the 66.67 left for the last one.
    const entry = { entryNo: 8, quantity: dec('3'), invoicedQuantity: dec('1'), costAmountExpected: dec('66.67'), salesAmountExpected: ZERO };
    expect(invoiceEntry({ ...entry, quantityToInvoice: dec('1') }).costAmountActual.toFixed(2)).toBe('33.34');
    expect(invoiceEntry({ ...entry, quantityToInvoice: dec('2') }).costAmountActual.toFixed(2)).toBe('66.67');
  });

  it.each([['-7'], ['3'], ['0']])('refuses to invoice %s of an entry with 6 left', (quantityToInvoice) => {
    const error = domainErrorOf(() => invoiceEntry({ ...shipped, quantityToInvoice: dec(quantityToInvoice) }));
    expect(error.code).toBe('SHIPMENT_ALREADY_INVOICED');
  });
});

describe('splitByInvoicedQuantity', () => {
  it.each([
    ['100.00', '3', '1', '33.33', '66.67'],
    ['-100.00', '-3', '-3', '-100.00', '0.00'],
    ['100.00', '3', '0', '0.00', '100.00'],
  ])('%s over %s, %s invoiced', (amount, quantity, invoiced, actual, expected) => {
    const split = splitByInvoicedQuantity(dec(amount), dec(quantity), dec(invoiced));
    expect([split.actual.toFixed(2), split.expected.toFixed(2)]).toEqual([actual, expected]);
  });
});

// ------------------------------------------------------------------------------------- properties

const cents = (value: number) => dec(String(value)).div(100);
const layersArbitrary = fc.array(
  fc.record({ quantity: fc.integer({ min: 1, max: 50 }), taken: fc.integer({ min: 0, max: 50 }), costCents: fc.integer({ min: 0, max: 500_000 }) }),
  { maxLength: 6 },
).map((rows) => rows.map((row, index) => layer(index + 1, String(row.quantity), cents(row.costCents).toFixed(2), String(Math.max(0, row.quantity - row.taken)))));

describe('costing properties', () => {
  it('applies oldest first, never more than a layer has, and the shortage makes up the rest', () => {
    fc.assert(fc.property(layersArbitrary, fc.integer({ min: 1, max: 200 }), (layers, taken) => {
      const quantity = dec(String(taken));
      const result = costOutbound({ quantity, layers, appliesToEntry: null, item: item() });
      expect(sum(result.applications.map((application) => application.quantity)).plus(result.shortage).eq(quantity)).toBe(true);
      const open = layers.filter((candidate) => candidate.remainingQuantity.gt(0));
      result.applications.forEach((application, index) => {
        const source = open[index]!;
        expect(application.inboundEntryNo).toBe(source.entryNo);
        expect(application.quantity.lte(source.remainingQuantity)).toBe(true);
        // Only the last layer used may be left partly open.
        if (index < result.applications.length - 1) expect(application.quantity.eq(source.remainingQuantity)).toBe(true);
      });
      if (result.shortage.gt(0)) expect(result.applications.length).toBe(open.length);
      expect(result.costAmount.decimalPlaces()).toBeLessThanOrEqual(2);
    }));
  });

  it('FIFO: taking whole untouched layers costs exactly what they cost', () => {
    fc.assert(fc.property(layersArbitrary, (layers) => {
      const whole = layers.map((candidate) => ({ ...candidate, remainingQuantity: candidate.quantity }));
      const quantity = sum(whole.map((candidate) => candidate.quantity));
      fc.pre(quantity.gt(0));
      const result = costOutbound({ quantity, layers: whole, appliesToEntry: null, item: item() });
      expect(result.costAmount.eq(sum(whole.map((candidate) => candidate.costAmount)))).toBe(true);
    }));
  });

  it('invoicing an entry in parts turns all of its expected amounts into actual, to the cent', () => {
    const partsArbitrary = fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 6 });
    fc.assert(fc.property(partsArbitrary, fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.boolean(), (parts, costCents, outbound) => {
      const sign = outbound ? -1 : 1;
      const quantity = dec(String(sign * parts.reduce((total, part) => total + part, 0)));
      let state = { entryNo: 1, quantity, invoicedQuantity: ZERO, costAmountExpected: cents(costCents), salesAmountExpected: cents(-costCents * 2) };
      let actual = ZERO;
      for (const part of parts) {
        const result = invoiceEntry({ ...state, quantityToInvoice: dec(String(sign * part)) });
        expect(result.costAmountExpected.eq(result.costAmountActual.negated())).toBe(true);
        actual = actual.plus(result.costAmountActual);
        state = {
          ...state,
          invoicedQuantity: state.invoicedQuantity.plus(String(sign * part)),
          costAmountExpected: state.costAmountExpected.plus(result.costAmountExpected),
          salesAmountExpected: state.salesAmountExpected.plus(result.salesAmountExpected),
        };
      }
      expect(actual.eq(cents(costCents))).toBe(true);
      expect(state.costAmountExpected.isZero()).toBe(true);
      expect(state.salesAmountExpected.isZero()).toBe(true);
    }));
  });

  it('splitting by invoiced quantity adds up exactly', () => {
    fc.assert(fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 1, max: 100 }), fc.integer({ min: 0, max: 100 }), (amountCents, total, invoiced) => {
      fc.pre(invoiced <= total);
      const split = splitByInvoicedQuantity(cents(amountCents), dec(String(total)), dec(String(invoiced)));
      expect(split.actual.plus(split.expected).eq(cents(amountCents))).toBe(true);
      if (invoiced === 0) expect(split.actual.isZero()).toBe(true);
    }));
  });
});
