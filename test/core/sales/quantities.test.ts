import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  checkQuantityAgainstHandledLine,
  completelyShipped,
  defaultQuantitiesToHandle,
  maxQuantityToInvoice,
  outstandingQuantity,
  quantitiesToHandleAfterEntry,
  quantityBase,
  quantityShippedNotInvoiced,
  validateQuantities,
} from '../../../src/core/sales/quantities.ts';
import { dec } from '../../../src/core/money/decimal.ts';
import { type QuantityFields, type SalesDocumentType, salesDocumentTypes } from '../../../src/core/sales/types.ts';
import { domainErrorOf } from '../domain-error-helper.ts';

/** quantity, shipped, invoiced, to ship, to invoice */
function fields(quantity: string, shipped = '0', invoiced = '0', toShip = '0', toInvoice = '0'): QuantityFields {
  return {
    quantity: dec(quantity),
    quantityShipped: dec(shipped),
    quantityInvoiced: dec(invoiced),
    quantityToShip: dec(toShip),
    quantityToInvoice: dec(toInvoice),
  };
}

const texts = (result: { quantityToShip: { toString(): string }; quantityToInvoice: { toString(): string } }) =>
  [result.quantityToShip.toString(), result.quantityToInvoice.toString()];

/** What posting does to the line: shipped += to ship, invoiced += to invoice, then the defaults again. */
function post(q: QuantityFields, documentType: SalesDocumentType = 'order'): QuantityFields {
  const posted = { ...q, quantityShipped: q.quantityShipped.plus(q.quantityToShip), quantityInvoiced: q.quantityInvoiced.plus(q.quantityToInvoice) };
  return { ...posted, ...defaultQuantitiesToHandle(documentType, 'remainder', posted) };
}

describe('derived quantities (spec §4.1)', () => {
  it.each<[QuantityFields, string, string, string, boolean]>([
    // q, outstanding, shipped not invoiced, max to invoice, completely shipped
    [fields('10', '0', '0', '10'), '10', '0', '10', false],
    [fields('10', '6', '0', '4'), '4', '6', '10', false],
    [fields('10', '6', '4', '0'), '4', '2', '2', false],
    [fields('10', '10', '10', '0'), '0', '0', '0', true],
    [fields('10', '10', '4', '0'), '0', '6', '6', true],
    [fields('0'), '0', '0', '0', false],
    [fields('-5', '-2', '0', '-3'), '-3', '-2', '-5', false],
    [fields('-5', '-5', '-5'), '0', '0', '0', true],
  ])('%#: outstanding %s, shipped not invoiced %s, max to invoice %s, completely shipped %s', (q, outstanding, notInvoiced, maximum, complete) => {
    expect(outstandingQuantity(q).toString()).toBe(outstanding);
    expect(quantityShippedNotInvoiced(q).toString()).toBe(notInvoiced);
    expect(maxQuantityToInvoice(q).toString()).toBe(maximum);
    expect(completelyShipped(q)).toBe(complete);
  });

  it.each<[string, string, string]>([
    ['10', '1', '10'],
    ['2', '12', '24'],
    ['3', '0.33333', '0.99999'],
    ['1.5', '0.333333', '0.5'],
    ['1', '1.234565', '1.23457'],
    ['-2', '12', '-24'],
    ['0', '12', '0'],
  ])('quantityBase(%s, %s) = %s', (quantity, perUnit, expected) => {
    expect(quantityBase(dec(quantity), dec(perUnit)).toString()).toBe(expected);
  });
});

describe('worked example 1 (spec §7.11): order line of 10, partial shipment and partial invoice', () => {
  const initial = { ...fields('10'), ...defaultQuantitiesToHandle('order', 'remainder', fields('10')) };

  it('defaults Qty. to Ship 10 and Qty. to Invoice 10', () => {
    expect(texts(initial)).toEqual(['10', '10']);
  });

  it('walks through ship 6, invoice 4, ship and invoice the rest', () => {
    // Step 1: Qty. to Ship 6 re-defaults Qty. to Invoice to MaxQtyToInvoice = 6; post Ship.
    const step1 = { ...initial, quantityToShip: dec('6') };
    step1.quantityToInvoice = maxQuantityToInvoice(step1);
    expect(step1.quantityToInvoice.toString()).toBe('6');
    expect(() => validateQuantities('order', step1, initial)).not.toThrow();
    const afterShip = post({ ...step1, quantityToInvoice: dec('0') });
    expect(afterShip.quantityShipped.toString()).toBe('6');
    expect(outstandingQuantity(afterShip).toString()).toBe('4');
    expect(quantityShippedNotInvoiced(afterShip).toString()).toBe('6');
    expect(afterShip.quantityInvoiced.toString()).toBe('0');
    expect(texts(afterShip)).toEqual(['4', '10']);

    // Step 2: Qty. to Ship 0, Qty. to Invoice 4; post Invoice.
    const step2 = { ...afterShip, quantityToShip: dec('0'), quantityToInvoice: dec('4') };
    expect(() => validateQuantities('order', step2, afterShip)).not.toThrow();
    expect(domainErrorOf(() => validateQuantities('order', { ...step2, quantityToInvoice: dec('7') })).message).toContain('cannot invoice more than 6 units');
    const afterInvoice = post(step2);
    expect(afterInvoice.quantityInvoiced.toString()).toBe('4');
    expect(quantityShippedNotInvoiced(afterInvoice).toString()).toBe('2');
    expect(outstandingQuantity(afterInvoice).toString()).toBe('4');
    expect(texts(afterInvoice)).toEqual(['4', '6']);

    // Step 3: Ship and Invoice with the defaults.
    expect(() => validateQuantities('order', afterInvoice)).not.toThrow();
    const done = post(afterInvoice);
    expect(done.quantityShipped.toString()).toBe('10');
    expect(done.quantityInvoiced.toString()).toBe('10');
    expect(completelyShipped(done)).toBe(true);
    expect(quantityShippedNotInvoiced(done).toString()).toBe('0');
    expect(texts(done)).toEqual(['0', '0']);
  });
});

describe('defaultQuantitiesToHandle', () => {
  it.each<[SalesDocumentType, 'remainder' | 'blank', QuantityFields, [string, string]]>([
    ['order', 'remainder', fields('10'), ['10', '10']],
    ['order', 'blank', fields('10'), ['0', '0']],
    ['order', 'remainder', fields('10', '6', '0'), ['4', '10']],
    ['order', 'blank', fields('10', '6', '0'), ['0', '6']],
    ['order', 'blank', fields('10', '6', '4'), ['0', '2']],
    ['order', 'remainder', fields('-4'), ['-4', '-4']],
    ['returnOrder', 'remainder', fields('5', '2', '1'), ['3', '4']],
    ['returnOrder', 'blank', fields('5', '2', '1'), ['0', '1']],
    ['quote', 'remainder', fields('7'), ['7', '7']],
    ['blanketOrder', 'remainder', fields('1000', '250', '250'), ['750', '750']],
    ['blanketOrder', 'blank', fields('1000'), ['0', '0']],
    // invoices and credit memos are posted in full, whatever the setup
    ['invoice', 'remainder', fields('8'), ['8', '8']],
    ['invoice', 'blank', fields('8'), ['8', '8']],
    ['creditMemo', 'blank', fields('3'), ['3', '3']],
    ['creditMemo', 'remainder', fields('-3'), ['-3', '-3']],
  ])('%s with %s on %o → %j', (documentType, setting, q, expected) => {
    expect(texts(defaultQuantitiesToHandle(documentType, setting, q))).toEqual(expected);
  });
});

describe('validateQuantities', () => {
  it.each<[string, SalesDocumentType, QuantityFields]>([
    ['the defaults of a new order line', 'order', fields('10', '0', '0', '10', '10')],
    ['nothing to handle', 'order', fields('10', '0', '0', '0', '0')],
    ['invoice what was shipped earlier', 'order', fields('10', '6', '0', '0', '6')],
    ['a negative line', 'order', fields('-5', '0', '0', '-5', '-5')],
    ['a zero line', 'order', fields('0')],
    ['Quantity equal to shipped', 'order', fields('6', '6', '0', '0', '6')],
    ['a return order', 'returnOrder', fields('5', '2', '0', '3', '5')],
    ['an invoice in full', 'invoice', fields('8', '0', '0', '8', '8')],
    ['a credit memo in full', 'creditMemo', fields('-2', '0', '0', '-2', '-2')],
  ])('accepts %s', (_, documentType, q) => {
    expect(() => validateQuantities(documentType, q)).not.toThrow();
  });

  it.each<[string, SalesDocumentType, QuantityFields, string, string, string]>([
    ['Qty. to Ship above the outstanding quantity', 'order', fields('10', '6', '0', '5', '0'),
      'SHIP_MORE_THAN_OUTSTANDING', 'quantityToShip', 'You cannot ship more than 4 units'],
    ['Return Qty. to Receive above the outstanding quantity', 'returnOrder', fields('5', '2', '0', '4', '0'),
      'RECEIVE_MORE_THAN_OUTSTANDING', 'returnQuantityToReceive', 'You cannot receive more than 3 units'],
    ['Qty. to Ship on a fully shipped line', 'order', fields('10', '10', '0', '1', '0'),
      'SHIP_MORE_THAN_OUTSTANDING', 'quantityToShip', 'cannot ship more than 0 units'],
    ['Qty. to Ship with the wrong sign', 'order', fields('10', '0', '0', '-1', '0'),
      'SHIP_MORE_THAN_OUTSTANDING', 'quantityToShip', 'Qty. to Ship (-1) must have the same sign as Quantity (10)'],
    ['Return Qty. to Receive with the wrong sign', 'returnOrder', fields('-3', '0', '0', '2', '0'),
      'RECEIVE_MORE_THAN_OUTSTANDING', 'returnQuantityToReceive', 'Return Qty. to Receive (2) must have the same sign'],
    ['Qty. to Invoice above shipped + to ship − invoiced', 'order', fields('10', '6', '4', '0', '3'),
      'INVOICE_MORE_THAN_SHIPPED', 'quantityToInvoice', 'You cannot invoice more than 2 units'],
    ['Qty. to Invoice before anything is shipped', 'order', fields('10', '0', '0', '0', '1'),
      'INVOICE_MORE_THAN_SHIPPED', 'quantityToInvoice', 'cannot invoice more than 0 units'],
    ['Qty. to Invoice with the wrong sign', 'order', fields('10', '6', '0', '0', '-1'),
      'INVOICE_MORE_THAN_SHIPPED', 'quantityToInvoice', 'Qty. to Invoice (-1)'],
    ['Quantity below the shipped quantity', 'order', fields('5', '6', '0', '0', '0'),
      'QUANTITY_BELOW_SHIPPED', 'quantity', 'must not be less than the 6 units already shipped'],
    ['Quantity below the received quantity', 'returnOrder', fields('1', '2', '0', '0', '0'),
      'QUANTITY_BELOW_SHIPPED', 'quantity', 'must not be less than the 2 units already received'],
    ['Quantity changing sign after a shipment', 'order', fields('-10', '6', '0', '0', '0'),
      'QUANTITY_BELOW_SHIPPED', 'quantity', 'Quantity -10 must not be less than the 6 units already shipped'],
    ['a partial Qty. to Ship on an invoice', 'invoice', fields('8', '0', '0', '5', '8'),
      'QUANTITY_CHANGE_ON_INVOICE', 'quantityToShip', 'Qty. to Ship must equal Quantity (8) on a sales invoice'],
    ['a partial Qty. to Invoice on an invoice', 'invoice', fields('8', '0', '0', '8', '5'),
      'QUANTITY_CHANGE_ON_INVOICE', 'quantityToInvoice', 'Qty. to Invoice must equal Quantity (8) on a sales invoice'],
    ['a partial Return Qty. to Receive on a credit memo', 'creditMemo', fields('3', '0', '0', '0', '3'),
      'QUANTITY_CHANGE_ON_INVOICE', 'quantityToShip', 'Return Qty. to Receive must equal Quantity (3) on a sales credit memo'],
    ['a partial Qty. to Invoice on a credit memo', 'creditMemo', fields('3', '0', '0', '3', '0'),
      'QUANTITY_CHANGE_ON_INVOICE', 'quantityToInvoice', 'on a sales credit memo'],
  ])('refuses %s', (_, documentType, q, code, field, message) => {
    const error = domainErrorOf(() => validateQuantities(documentType, q));
    expect(error.code).toBe(code);
    expect(error.field).toBe(field);
    expect(error.message).toContain(message);
  });

  it('checks Quantity first, then Qty. to Ship, then Qty. to Invoice', () => {
    expect(domainErrorOf(() => validateQuantities('order', fields('5', '6', '0', '9', '9'))).field).toBe('quantity');
    expect(domainErrorOf(() => validateQuantities('order', fields('10', '0', '0', '12', '13'))).field).toBe('quantityToShip');
  });

  it('names the field the user changed first when the stored line is given', () => {
    const stored = fields('10', '0', '0', '12', '12');
    const typed = fields('10', '0', '0', '12', '13');
    expect(domainErrorOf(() => validateQuantities('order', typed, stored)).field).toBe('quantityToInvoice');
    expect(domainErrorOf(() => validateQuantities('order', typed)).field).toBe('quantityToShip');
  });

  it('refuses a sign change of Quantity once something was shipped, judged against the stored line', () => {
    const stored = fields('10', '6', '0', '4', '10');
    const error = domainErrorOf(() => validateQuantities('order', { ...fields('-10', '6'), quantityToShip: dec('0') }, stored));
    expect(error.code).toBe('QUANTITY_BELOW_SHIPPED');
    expect(error.field).toBe('quantity');
  });

  it('accepts raising Quantity on a partly shipped line', () => {
    const stored = fields('10', '6', '0', '4', '10');
    const raised = { ...fields('12', '6'), ...defaultQuantitiesToHandle('order', 'remainder', fields('12', '6')) };
    expect(() => validateQuantities('order', raised, stored)).not.toThrow();
  });
});

describe('quantities sent together count as entered one after the other (issue 10)', () => {
  const entered = (quantityChanged: boolean, toShip?: string, toInvoice?: string) =>
    ({ quantityChanged, quantityToShip: toShip === undefined ? undefined : dec(toShip), quantityToInvoice: toInvoice === undefined ? undefined : dec(toInvoice) });

  it.each<[string, SalesDocumentType, 'remainder' | 'blank', QuantityFields, ReturnType<typeof entered>, string, string]>([
    ['quantity alone: the defaults', 'order', 'remainder', fields('10'), entered(true), '10', '10'],
    ['quantity and to ship: to invoice follows to ship', 'order', 'remainder', fields('10'), entered(true, '4'), '4', '4'],
    ['on a partly shipped line, to invoice adds what is shipped and not invoiced', 'order', 'remainder', fields('12', '6', '2'), entered(true, '3'), '3', '7'],
    ['a typed to invoice stands', 'order', 'remainder', fields('10'), entered(true, '4', '3'), '4', '3'],
    ['to ship alone re-defaults to invoice', 'order', 'remainder', fields('10', '0', '0', '10', '10'), entered(false, '6'), '6', '6'],
    ['nothing typed keeps the line', 'order', 'remainder', fields('10', '0', '0', '5', '2'), entered(false), '5', '2'],
    ['blank default quantity to ship, then to receive typed', 'returnOrder', 'blank', fields('6'), entered(true, '2'), '2', '2'],
    ['invoice: both follow Quantity', 'invoice', 'remainder', fields('5'), entered(true), '5', '5'],
  ])('%s', (_name, documentType, setting, q, typed, toShip, toInvoice) => {
    expect(texts(quantitiesToHandleAfterEntry(documentType, setting, q, typed))).toEqual([toShip, toInvoice]);
  });

  it('quantity with any valid quantity to ship always passes validation', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1000 }), fc.nat(), (quantity, share) => {
      const toShip = String(Math.trunc((quantity * (share % 101)) / 100));
      const q = fields(String(quantity));
      const handled = { ...q, ...quantitiesToHandleAfterEntry('order', 'remainder', q, entered(true, toShip)) };
      expect(() => validateQuantities('order', handled)).not.toThrow();
    }));
  });
});

describe('a line billing a posted shipment (return receipt) line (BC CheckShipmentRelation)', () => {
  const link = { kind: 'shipment' as const, documentNo: 'PS0001', position: 2, no: '1000', description: 'Bicycle', quantityNotInvoiced: dec('10') };

  it('may be lowered, to zero, or back up to what is left to invoice', () => {
    for (const quantity of ['10', '6', '0']) expect(() => checkQuantityAgainstHandledLine(dec(quantity), link)).not.toThrow();
  });

  it('may not exceed what is left, and says which shipment line that is', () => {
    const error = domainErrorOf(() => checkQuantityAgainstHandledLine(dec('10.5'), link));
    expect(error.code).toBe('SHIPMENT_ALREADY_INVOICED');
    expect(error.field).toBe('quantity');
    expect(error.message).toContain('more than 10 units from line 2 of shipment PS0001 (1000 Bicycle)');
  });

  it('keeps the shipment sign', () => {
    const error = domainErrorOf(() => checkQuantityAgainstHandledLine(dec('-1'), link));
    expect(error.message).toContain('same sign as line 2 of shipment PS0001');
  });

  it('speaks of crediting a return receipt', () => {
    const error = domainErrorOf(() => checkQuantityAgainstHandledLine(dec('6'), { ...link, kind: 'returnReceipt', documentNo: 'RR0001', position: 1, quantityNotInvoiced: dec('5') }));
    expect(error.message).toContain('cannot credit more than 5 units from line 1 of return receipt RR0001');
  });
});

describe('quantity properties', () => {
  // A line as posting leaves it: |invoiced| ≤ |shipped| ≤ |quantity|, all of the quantity's sign.
  const postedLine = fc
    .tuple(fc.integer({ min: -1000, max: 1000 }), fc.nat(), fc.nat())
    .map(([quantity, shippedShare, invoicedShare]) => {
      const shipped = quantity === 0 ? 0 : Math.trunc((quantity * (shippedShare % 101)) / 100);
      const invoiced = shipped === 0 ? 0 : Math.trunc((shipped * (invoicedShare % 101)) / 100);
      return fields(String(quantity), String(shipped), String(invoiced));
    });

  it('the defaults always pass validation', () => {
    fc.assert(fc.property(postedLine, fc.constantFrom(...salesDocumentTypes), fc.constantFrom('remainder' as const, 'blank' as const), (line, documentType, setting) => {
      const postedInFull = documentType === 'invoice' || documentType === 'creditMemo';
      const q = postedInFull ? fields(line.quantity.toString()) : line;
      const withDefaults = { ...q, ...defaultQuantitiesToHandle(documentType, setting, q) };
      expect(() => validateQuantities(documentType, withDefaults, q)).not.toThrow();
    }));
  });

  it('posting the defaults with Remainder completes the line, the invoiced part never exceeding the shipped one', () => {
    fc.assert(fc.property(postedLine, (line) => {
      const done = post({ ...line, ...defaultQuantitiesToHandle('order', 'remainder', line) });
      expect(done.quantityShipped.equals(done.quantity)).toBe(true);
      expect(done.quantityInvoiced.equals(done.quantity)).toBe(true);
      expect(outstandingQuantity(done).isZero()).toBe(true);
      expect(completelyShipped(done)).toBe(!done.quantity.isZero());
    }));
  });
});
