import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/core/errors.ts';
import { dec } from '../../../src/core/money/decimal.ts';
import {
  type BlanketLine, type LinkedLine, type LinkedPosting, blanketLineAfterPosting, cappedQuantityToShip, checkBlanketQuantityToShip,
  possibleQuantityToShip, proratedInvoiceDiscount, quantityOnOrdersBase,
} from '../../../src/core/sales/blanket-order.ts';
import type { SalesDocumentType } from '../../../src/core/sales/types.ts';

/** A blanket line of `quantity` in a unit of `perUnit` base units. */
function blanket(quantity: string, shipped = '0', toShip = '0', perUnit = '1', invoiced = '0'): BlanketLine {
  return {
    documentNo: 'BO1', lineNo: 10000, type: 'item', no: 'X', quantity: dec(quantity), quantityShipped: dec(shipped), quantityToShip: dec(toShip),
    quantityInvoiced: dec(invoiced), quantityToInvoice: dec('0'), quantityPerUnitOfMeasure: dec(perUnit), quantityBase: dec(quantity).times(dec(perUnit)),
  };
}

function linked(documentType: SalesDocumentType, quantityBase: string, handled = '0', fromPostedLine = false, perUnit = '1'): LinkedLine {
  return { documentType, quantityBase: dec(quantityBase), quantityHandled: dec(handled), quantityPerUnitOfMeasure: dec(perUnit), fromPostedLine };
}

function posting(ship: string, invoice: string, fields: Partial<LinkedPosting> = {}): LinkedPosting {
  return {
    documentCaption: 'sales order', documentNo: 'SO1', type: 'item', no: 'X', sign: 1, ship: dec(ship), invoice: dec(invoice),
    quantityPerUnitOfMeasure: dec('1'), resetsQuantityToShip: true, ...fields,
  };
}

const codeOf = (run: () => unknown) => {
  try {
    run();
    return null;
  } catch (error) {
    return (error as DomainError).code;
  }
};

describe('quantityOnOrdersBase (codeunit 87 QuantityOnOrders)', () => {
  it.each<[string, LinkedLine[], string]>([
    ['an order counts what it still has to ship', [linked('order', '100', '40')], '60'],
    ['an order in boxes counts in base units', [linked('order', '36', '1', false, '12')], '24'],
    ['an invoice counts in full', [linked('invoice', '30')], '30'],
    ['an invoice billing a shipment counts nothing (the shipment counted)', [linked('invoice', '30', '0', true)], '0'],
    ['a return order takes its quantity off', [linked('order', '100'), linked('returnOrder', '20', '5')], '85'],
    ['a credit memo from a return receipt counts nothing', [linked('creditMemo', '20', '0', true)], '0'],
  ])('%s', (_case, lines, expected) => {
    expect(quantityOnOrdersBase(lines).toString()).toBe(expected);
  });
});

describe('checkBlanketQuantityToShip (CheckBlanketOrderLineQuantity)', () => {
  it.each<[string, BlanketLine, string, string | null]>([
    ['takes all that is outstanding', blanket('250', '0', '250'), '0', null],
    ['worked example 5: 250 shipped, 10 more', blanket('250', '250', '10'), '0', 'BLANKET_QTY_EXCEEDED'],
    ['worked example 5: 300 of 250', blanket('250', '0', '300'), '0', 'BLANKET_QTY_EXCEEDED'],
    ['what an order holds is no longer free', blanket('250', '0', '151'), '100', 'BLANKET_QTY_EXCEEDED'],
    ['exactly what the order leaves', blanket('250', '0', '150'), '100', null],
    ['boxes: 4 BOX (48) with 36 on orders of 72 left', blanket('10', '4', '4', '12'), '36', 'BLANKET_QTY_EXCEEDED'],
    ['boxes: 3 BOX fits', blanket('10', '4', '3', '12'), '36', null],
  ])('%s', (_case, line, onOrders, code) => {
    expect(codeOf(() => checkBlanketQuantityToShip(line, dec(onOrders)))).toBe(code);
  });

  it('names the base quantities and what is possible', () => {
    expect(() => checkBlanketQuantityToShip(blanket('10', '4', '4', '12'), dec('36'))).toThrow(
      'Qty. to Ship (Base) 48 of item X in line 10000 of blanket order BO1 cannot be more than 36: Outstanding Qty. (Base) 72 − Unposted Qty. on orders (Base) 36 = 36.',
    );
  });
});

describe('possibleQuantityToShip and cappedQuantityToShip', () => {
  it.each<[string, BlanketLine, string, string]>([
    ['nothing on orders', blanket('250'), '0', '250'],
    ['100 shipped, 60 on orders', blanket('250', '100'), '60', '90'],
    ['orders hold more than is left', blanket('250', '100'), '200', '0'],
    // 5 PCS left of a BOX line: 0.41666 BOX, rounded down so its base (4.99992) does not exceed 5.
    ['5 PCS left of a line in boxes', blanket('1', '0', '0', '12'), '7', '0.41666'],
  ])('%s', (_case, line, onOrders, expected) => {
    expect(possibleQuantityToShip(line, dec(onOrders)).toString()).toBe(expected);
  });

  it('holds a default to what is possible and keeps a smaller one', () => {
    expect(cappedQuantityToShip(dec('250'), blanket('250'), dec('100')).toString()).toBe('150');
    expect(cappedQuantityToShip(dec('20'), blanket('250'), dec('100')).toString()).toBe('20');
  });
});

describe('blanketLineAfterPosting (UpdateBlanketOrderLine)', () => {
  it('adds what ships and invoices, and defaults Qty. to Ship to what the orders leave', () => {
    const after = blanketLineAfterPosting(blanket('250'), [posting('40', '0')], dec('60'));
    // Qty. to Invoice as on any line: shipped + to ship − invoiced (what validation allows later).
    expect([after.quantityShipped, after.quantityInvoiced, after.quantityToShip, after.quantityToInvoice].map(String)).toEqual(['40', '0', '150', '190']);
  });

  it('keeps Qty. to Ship when the linked line had shipped in part before', () => {
    const after = blanketLineAfterPosting(blanket('250', '40', '20'), [posting('60', '100', { resetsQuantityToShip: false })], dec('0'));
    expect([after.quantityShipped, after.quantityInvoiced, after.quantityToShip].map(String)).toEqual(['100', '100', '20']);
  });

  it('converts a linked line in another unit, and refuses by base units', () => {
    const boxes = blanket('10', '0', '0', '12');
    expect(blanketLineAfterPosting(boxes, [posting('24', '24', { quantityPerUnitOfMeasure: dec('1') })], dec('0')).quantityShipped.toString()).toBe('2');
    expect(codeOf(() => blanketLineAfterPosting(boxes, [posting('121', '0')], dec('0')))).toBe('BLANKET_SHIPPED_EXCEEDED');
  });

  it('refuses more than the quantity, over several lines of one posting, and another item', () => {
    expect(codeOf(() => blanketLineAfterPosting(blanket('250', '100'), [posting('100', '0'), posting('51', '0')], dec('0')))).toBe('BLANKET_SHIPPED_EXCEEDED');
    expect(codeOf(() => blanketLineAfterPosting(blanket('250'), [posting('10', '0', { no: 'Y' })], dec('0')))).toBe('BLANKET_LINE_MISMATCH');
  });

  it('takes an undone shipment off (a negative shipment)', () => {
    const after = blanketLineAfterPosting(blanket('250', '100', '150'), [posting('-100', '0', { resetsQuantityToShip: false })], dec('100'));
    expect([after.quantityShipped, after.quantityToShip].map(String)).toEqual(['0', '150']);
  });
});

describe('proratedInvoiceDiscount', () => {
  it.each<[string, string, string, string]>([
    ['500', '100', '250', '200'],
    ['337.73', '100', '250', '135.09'],
    ['0', '100', '250', '0'],
  ])('%s × %s / %s = %s', (discount, toShip, quantity, expected) => {
    expect(proratedInvoiceDiscount({ invoiceDiscountAmount: dec(discount), quantityToShip: dec(toShip), quantity: dec(quantity) }, '0.01').toFixed(2)).toBe(dec(expected).toFixed(2));
  });
});
