import { describe, expect, it } from 'vitest';
import { splitDocumentFieldErrors } from '../../../src/web/sales/document-field-errors.ts';

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
});
