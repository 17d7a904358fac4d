import { describe, expect, it } from 'vitest';
import { dutchCaptions } from '../../../src/web/i18n/nl/index.ts';
import { documentKinds } from '../../../src/web/sales/document-kinds.ts';
import { gridColumns } from '../../../src/web/sales/line-fields.ts';
import { explainStep, explanationText, type ExplanationStep } from '../../../src/web/sales/order-promising.ts';
import { purchaseKinds } from '../../../src/web/purchases/purchase-kinds.ts';

// Order Promising's reasons in words (spec §16.4): each step the API gives, in the user's date and number format.
describe('order promising explanations in words', () => {
  // Worked example 8: 6 in stock, 20 arriving on a purchase order on 20 January, 10 wanted.
  const example8: ExplanationStep[] = [
    { kind: 'inventory', quantity: '6.00000' },
    { kind: 'shortfall', date: '2026-01-19', available: '6.00000', quantity: '10.00000' },
    { kind: 'receipt', date: '2026-01-20', quantity: '20.00000', demandBefore: '0.00000', availableAfter: '26.00000',
      documents: [{ kind: 'purchaseOrder', documentNo: 'PO0001', lineNo: 10000, quantity: '20.00000' }] },
    { kind: 'dateChosen', date: '2026-01-20', rule: 'receiptDate', demandBefore: '0.00000', available: '26.00000' },
  ];

  it('reads worked example 8 as one sentence, dates and quantities in the locale', () => {
    expect(explanationText(example8, 'en-US')).toBe(
      '6 in inventory; only 6 available on 01/19/2026; 20 arriving 01/20/2026 on purchase order PO0001; earliest 01/20/2026',
    );
    expect(explanationText(example8, 'nl-NL')).toContain('20 arriving 20-01-2026 on purchase order PO0001; earliest 20-01-2026');
  });

  it('words the Capable to Promise steps and a line with no date', () => {
    const supply = { quantity: '4.00000', dueDate: '2026-01-14', endingDate: '2026-01-13', startingDate: '2026-01-06' };
    expect([
      explainStep({ kind: 'window', start: '2026-01-06', end: '2026-04-06' }, 'nl-NL'),
      explainStep({ kind: 'unavailable', quantity: '4.00000' }, 'nl-NL'),
      explainStep({ kind: 'attempt', dueDate: '2026-01-14', availableToPromise: '-4.00000', supply, outcome: 'feasible' }, 'nl-NL'),
      explainStep({ kind: 'noDateInWindow', windowEnd: '2026-04-05', shortfallDate: '2026-01-10', available: '0', quantity: '5' }, 'nl-NL'),
      explainStep({ kind: 'specialOrder', purchaseOrderNo: 'PO0002', expectedReceiptDate: '2026-02-01' }, 'nl-NL'),
    ]).toEqual([
      'promising window 06-01-2026 to 06-04-2026',
      '4 to replenish',
      'due 14-01-2026: a replenishment can be had by then',
      'not available by the end of the promising window, 05-04-2026',
      'special order: received 01-02-2026 on purchase order PO0002',
    ]);
  });

  it('words them in Dutch with the Dutch captions', () => {
    const dutch = (english: string, values: Record<string, unknown> = {}) =>
      (dutchCaptions[english] ?? english).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));
    expect(explanationText(example8, 'nl-NL', dutch)).toBe(
      '6 in voorraad; slechts 6 beschikbaar op 19-01-2026; 20 binnenkomend op 20-01-2026 op inkooporder PO0001; vroegst 20-01-2026',
    );
  });
});

// The delivery dates of a line (spec §16.1) in the lines grid: on the documents that ship out, hidden until chosen.
describe('the delivery date columns of the lines grid', () => {
  const deliveryFields = ['requestedDeliveryDate', 'promisedDeliveryDate', 'shipmentDate', 'plannedShipmentDate', 'plannedDeliveryDate', 'shippingTime', 'outboundWhseHandlingTime'];

  it('offers them on sales orders, quotes and invoices, hidden by default', () => {
    for (const kind of [documentKinds.order, documentKinds.quote, documentKinds.invoice]) {
      const columns = gridColumns(kind).filter((column) => deliveryFields.includes(column.field));
      expect(columns.map((column) => column.field)).toEqual(deliveryFields);
      expect(columns.every((column) => column.hiddenByDefault)).toBe(true);
    }
  });

  it('leaves them off documents that bring goods in, blanket orders and purchases', () => {
    for (const kind of [documentKinds.creditMemo, documentKinds.returnOrder, documentKinds.blanketOrder, purchaseKinds.order]) {
      expect(gridColumns(kind).map((column) => column.field).filter((field) => deliveryFields.includes(field))).toEqual([]);
    }
  });
});
