import { describe, expect, it } from 'vitest';
import { blanketLinkRequest, blanketLinkText } from '../../../src/web/sales/blanket-link.ts';
import { documentKinds } from '../../../src/web/sales/document-kinds.ts';
import { decimalOf, gridColumns, type GridLine } from '../../../src/web/sales/line-fields.ts';
import { isPostable } from '../../../src/web/sales/posting-options.ts';

const unlinked = { blanketOrderNo: null, blanketOrderLineNo: null };
const linked = { blanketOrderNo: 'SBO000001', blanketOrderLineNo: 10000 };

describe('the lines grid of a blanket sales order', () => {
  it('never posts, and shows Qty. to Ship, what its orders shipped and invoiced, what is left and the linked documents', () => {
    expect(isPostable(documentKinds.blanketOrder)).toBe(false);
    const fields = gridColumns(documentKinds.blanketOrder).map((column) => column.field);
    expect(fields.slice(-5)).toEqual(['quantityToShip', 'quantityShipped', 'quantityInvoiced', 'outstandingQuantity', 'linkedDocuments']);
    expect(gridColumns(documentKinds.blanketOrder).find((column) => column.field === 'quantityToShip')).toMatchObject({ label: 'Qty. to Ship', editableWhenReleased: true });
    expect(fields).not.toContain('quantityToInvoice');
    expect(fields).not.toContain('blanketOrderNo');
  });

  it('reckons Outstanding Quantity as Quantity − Quantity Shipped', () => {
    const line = { quantity: '10.00000', quantityShipped: '4.00000' } as GridLine;
    expect(decimalOf(line, 'outstandingQuantity')).toBe('6.00000');
  });

  it('order and invoice lines show their blanket order link when asked; quotes and other documents never', () => {
    for (const kind of [documentKinds.order, documentKinds.invoice]) {
      expect(gridColumns(kind).map((column) => column.field)).not.toContain('blanketOrderNo');
      expect(gridColumns(kind, { blanketLinks: true }).map((column) => column.field).slice(-2)).toEqual(['blanketOrderNo', 'blanketOrderLineNo']);
    }
    expect(gridColumns(documentKinds.quote, { blanketLinks: true }).map((column) => column.field)).not.toContain('blanketOrderNo');
    expect(gridColumns(documentKinds.order).map((column) => column.field)).not.toContain('linkedDocuments');
  });
});

describe('linking a line to a blanket order line by hand', () => {
  it('sends the No. and Line No. together, upper-cased, once both are entered', () => {
    expect(blanketLinkRequest('blanketOrderNo', 'sbo000001', '', unlinked)).toEqual({ action: 'wait' });
    expect(blanketLinkRequest('blanketOrderLineNo', 'sbo000001', ' 10000 ', unlinked)).toEqual({
      action: 'send', body: { blanketOrderNo: 'SBO000001', blanketOrderLineNo: 10000 },
    });
    expect(blanketLinkRequest('blanketOrderNo', 'SBO000002', '10000', linked)).toEqual({
      action: 'send', body: { blanketOrderNo: 'SBO000002', blanketOrderLineNo: 10000 },
    });
  });

  it('unlinks with an empty No., and sends nothing for what the line already has', () => {
    expect(blanketLinkRequest('blanketOrderNo', '', '10000', linked)).toEqual({ action: 'send', body: { blanketOrderNo: null } });
    expect(blanketLinkRequest('blanketOrderNo', 'sbo000001', '10000', linked)).toEqual({ action: 'unchanged' });
    expect(blanketLinkRequest('blanketOrderLineNo', '', '', unlinked)).toEqual({ action: 'unchanged' });
  });

  it('leaves the refusal of an emptied Line No. to the API, and refuses what is no line number itself', () => {
    expect(blanketLinkRequest('blanketOrderLineNo', 'SBO000001', '', linked)).toEqual({
      action: 'send', body: { blanketOrderNo: 'SBO000001', blanketOrderLineNo: null },
    });
    expect(blanketLinkRequest('blanketOrderLineNo', 'SBO000001', '10.000,5', unlinked)).toEqual({
      action: 'invalid', field: 'blanketOrderLineNo', message: 'must be a whole number',
    });
    expect(blanketLinkRequest('blanketOrderLineNo', '', '10000', unlinked)).toEqual({
      action: 'invalid', field: 'blanketOrderLineNo', message: 'Enter the Blanket Order No. first',
    });
  });

  it('shows a saved link as text, and no link as empty cells', () => {
    expect([blanketLinkText(linked, 'blanketOrderNo'), blanketLinkText(linked, 'blanketOrderLineNo')]).toEqual(['SBO000001', '10000']);
    expect(blanketLinkText(unlinked, 'blanketOrderLineNo')).toBe('');
  });
});
