import { describe, expect, it } from 'vitest';
import type { SalesDocument } from '../../../src/web/api/types.ts';
import { sortedPrepaymentPercents, type SalesPrepaymentPercent } from '../../../src/web/items/sales-prepayment-percents.ts';
import { documentKinds } from '../../../src/web/sales/document-kinds.ts';
import { gridColumns, type GridLine } from '../../../src/web/sales/line-fields.ts';
import { hasLinePrepayment, hasOrderPrepayment, releasedOrdersMessage } from '../../../src/web/sales/prepayment.ts';
import { purchaseKinds } from '../../../src/web/purchases/purchase-kinds.ts';

const fieldsOf = (columns: ReturnType<typeof gridColumns>) => columns.map((column) => column.field);
const line = (fields: Partial<GridLine>) => ({ prepaymentPercent: '0.00000', prepmtLineAmount: '0.00', prepmtAmtInv: '0.00', prepmtAmtDeducted: '0.00', ...fields }) as GridLine;

describe('the prepayment columns of the lines grid (spec §26.3)', () => {
  it('shows an order line\'s percentage, amounts invoiced, to deduct and deducted when switched on; Prepmt Amt to Deduct stays editable when released', () => {
    const order = documentKinds.order;
    expect(fieldsOf(gridColumns(order))).not.toContain('prepaymentPercent');
    const columns = gridColumns(order, { prepayment: true });
    expect(fieldsOf(columns).slice(-5)).toEqual(['prepaymentPercent', 'prepmtLineAmount', 'prepmtAmtInv', 'prepmtAmtToDeduct', 'prepmtAmtDeducted']);
    expect(columns.filter((column) => column.editableWhenReleased).map((column) => column.field)).toEqual([
      'quantityToShip', 'quantityToInvoice', 'requestedDeliveryDate', 'promisedDeliveryDate', 'shipmentDate', 'plannedDeliveryDate', 'prepmtAmtToDeduct',
    ]);
    expect(columns.find((column) => column.field === 'prepmtLineAmount')).toMatchObject({ label: 'Prepmt. Line Amount', numeric: true, minimumScale: 2 });
  });

  it('gives a quote line its percentage only, and no other document any', () => {
    expect(fieldsOf(gridColumns(documentKinds.quote, { prepayment: true })).slice(-1)).toEqual(['prepaymentPercent']);
    for (const kind of [documentKinds.invoice, documentKinds.creditMemo, documentKinds.returnOrder, documentKinds.blanketOrder, purchaseKinds.order]) {
      expect(fieldsOf(gridColumns(kind, { prepayment: true })).filter((field) => field.startsWith('prepmt') || field === 'prepaymentPercent')).toEqual([]);
    }
  });

  it('switches on for a line with a percentage, or with prepayment invoiced or deducted (a credit memo leaves the % but may zero it later)', () => {
    expect(hasLinePrepayment([])).toBe(false);
    expect(hasLinePrepayment([line({}), line({ type: 'comment' } as Partial<GridLine>)])).toBe(false);
    expect(hasLinePrepayment([line({}), line({ prepaymentPercent: '30.00000' })])).toBe(true);
    expect(hasLinePrepayment([line({ prepmtAmtDeducted: '120.00' })])).toBe(true);
  });
});

describe('the Prepayment panel and the release batch', () => {
  const order = (lines: GridLine[], lastPrepaymentNo: string | null = null) => ({ lines, lastPrepaymentNo, lastPrepmtCrMemoNo: null }) as unknown as SalesDocument;

  it('shows on orders with a prepayment on a line or a prepayment document posted, never on quotes', () => {
    expect(hasOrderPrepayment(documentKinds.order, order([line({})]))).toBe(false);
    expect(hasOrderPrepayment(documentKinds.order, order([line({ prepaymentPercent: '30.00000' })]))).toBe(true);
    expect(hasOrderPrepayment(documentKinds.order, order([line({})], 'PSP000001'))).toBe(true);
    expect(hasOrderPrepayment(documentKinds.quote, order([line({ prepaymentPercent: '30.00000' })]))).toBe(false);
  });

  it('reports which orders Update Pending Prepayment Orders released', () => {
    expect(releasedOrdersMessage([])).toMatch(/^No order was released/);
    expect(releasedOrdersMessage(['SO000001'])).toBe('1 order released: SO000001.');
    expect(releasedOrdersMessage(['SO000001', 'SO000004'])).toBe('2 orders released: SO000001, SO000004.');
  });
});

describe('an item\'s Sales Prepayment % rows', () => {
  it('are listed by sales type as BC orders them, then by sales code and starting date (none first)', () => {
    const row = (salesType: SalesPrepaymentPercent['salesType'], salesCode: string, startingDate: string | null) =>
      ({ id: `${salesType}${salesCode}${startingDate}`, itemNo: '1000', salesType, salesCode, startingDate, endingDate: null, prepaymentPercent: '10', version: 1 }) as SalesPrepaymentPercent;
    const rows = [row('allCustomers', '', null), row('customer', 'C2', '2026-02-01'), row('customerPriceGroup', 'RETAIL', null), row('customer', 'C2', null), row('customer', 'C1', '2026-03-01')];
    expect(sortedPrepaymentPercents(rows).map((candidate) => candidate.id)).toEqual([
      'customerC12026-03-01', 'customerC2null', 'customerC22026-02-01', 'customerPriceGroupRETAILnull', 'allCustomersnull',
    ]);
  });
});
