import { describe, expect, it } from 'vitest';
import { splitDocumentFieldErrors, withoutHeaderErrors, withoutLineErrors } from '../../../src/web/sales/document-field-errors.ts';

describe("a refusal's field errors on the document page", () => {
  it('puts header fields on the header and line fields on their cell, by line number', () => {
    const split = splitDocumentFieldErrors({
      externalDocumentNo: 'must have a value',
      'lines.20000.quantityToInvoice': 'You cannot invoice more than 1 units',
      'lines.10000.no': 'Item 1000 is blocked',
      'query.limit': 'not shown by a field',
    });
    expect(split.header).toEqual({ externalDocumentNo: 'must have a value' });
    expect(split.lines).toEqual([
      { lineNo: 20000, field: 'quantityToInvoice', message: 'You cannot invoice more than 1 units' },
      { lineNo: 10000, field: 'no', message: 'Item 1000 is blocked' },
    ]);
  });

  it('takes an earlier refusal\'s header marks off again, and keeps a field whose message came later', () => {
    const shown = { vendorInvoiceNo: 'must have a value', buyFromVendorNo: 'V00010 is blocked' };
    const current = { vendorInvoiceNo: 'must have a value', buyFromVendorNo: 'Vendor X does not exist', yourReference: 'too long' };
    expect(withoutHeaderErrors(current, shown)).toEqual({ buyFromVendorNo: 'Vendor X does not exist', yourReference: 'too long' });
    expect(withoutHeaderErrors(current, {})).toEqual(current);
  });

  it('takes an earlier refusal\'s line marks off their cells, and keeps other cells\' errors', () => {
    const current = {
      10000: { no: 'Item 1000 is blocked', quantity: 'must be positive' },
      20000: { quantityToInvoice: 'typed since' },
      new: { no: 'unknown item' },
    };
    const next = withoutLineErrors(current, [
      { lineNo: 10000, field: 'no', message: 'Item 1000 is blocked' },
      { lineNo: 20000, field: 'quantityToInvoice', message: 'You cannot invoice more than 1 units' },
      { lineNo: 30000, field: 'no', message: 'a line deleted since' },
    ]);
    expect(next).toEqual({ 10000: { quantity: 'must be positive' }, 20000: { quantityToInvoice: 'typed since' }, new: { no: 'unknown item' } });
    expect(current[10000]).toEqual({ no: 'Item 1000 is blocked', quantity: 'must be positive' });
  });
});
