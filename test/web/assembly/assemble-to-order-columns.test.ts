import { describe, expect, it } from 'vitest';
import { salesDocumentPathOf } from '../../../src/web/assembly/assembly-types.ts';
import { inventorySetup } from '../../../src/web/assembly/inventory-setup.ts';
import { navigationEntries } from '../../../src/web/layout/navigation.ts';
import { documentKinds } from '../../../src/web/sales/document-kinds.ts';
import { gridColumns, isDecimalLineField } from '../../../src/web/sales/line-fields.ts';
import { setupPageOf } from '../../../src/web/setup/setup-pages.ts';
import { purchaseKinds } from '../../../src/web/purchases/purchase-kinds.ts';

const fieldsOf = (columns: ReturnType<typeof gridColumns>) => columns.map((column) => column.field);

describe('assemble to order in the lines grid (spec §15.3)', () => {
  it('gives quote, order and blanket order lines Qty. to Assemble to Order (a decimal, edited while open) and the Assemble-to-Order Lines button of their kind', () => {
    for (const type of ['quote', 'order', 'blanketOrder'] as const) {
      const columns = gridColumns(documentKinds[type]);
      const quantity = fieldsOf(columns).indexOf('quantity');
      expect(fieldsOf(columns).slice(quantity + 2, quantity + 4)).toEqual(['qtyToAssembleToOrder', 'assembleToOrderLines']);
      expect(columns.find((column) => column.field === 'qtyToAssembleToOrder')).toMatchObject({ label: 'Qty. to Assemble to Order', numeric: true });
      expect(columns.find((column) => column.field === 'qtyToAssembleToOrder')?.editableWhenReleased).toBeUndefined();
      expect(columns.find((column) => column.field === 'assembleToOrderLines')?.assemblyDocumentType).toBe(type);
    }
    expect(isDecimalLineField('qtyToAssembleToOrder')).toBe(true);
  });

  it('leaves them off invoices, credit memos, return orders and purchase documents', () => {
    for (const kind of [documentKinds.invoice, documentKinds.creditMemo, documentKinds.returnOrder, purchaseKinds.order]) {
      expect(fieldsOf(gridColumns(kind)).filter((field) => field === 'qtyToAssembleToOrder' || field === 'assembleToOrderLines')).toEqual([]);
    }
  });
});

describe('assembly pages', () => {
  it('leads a linked assembly document to its sales document, and a stand-alone one nowhere', () => {
    expect(salesDocumentPathOf({ salesDocumentType: 'order', salesDocumentNo: 'SO000001' })).toBe('/sales/orders/SO000001');
    expect(salesDocumentPathOf({ salesDocumentType: 'blanketOrder', salesDocumentNo: 'SBO1' })).toBe(`/sales/${documentKinds.blanketOrder.path}/SBO1`);
    expect(salesDocumentPathOf({ salesDocumentType: null, salesDocumentNo: null })).toBeNull();
  });

  it('lists Assembly Orders and Posted Assembly Orders in the navigation, and the assembly series on Inventory Setup', () => {
    expect(navigationEntries).toEqual(expect.arrayContaining([{ label: 'Assembly Orders', to: '/assembly-orders' }, { label: 'Posted Assembly Orders', to: '/posted-assembly-orders' }]));
    expect(setupPageOf('inventory-setup')).toBe(inventorySetup);
    const assembly = inventorySetup.fields.find((group) => group.title === 'Assembly')?.fields.map((field) => field.name);
    expect(assembly).toEqual(['assemblyQuoteNos', 'assemblyOrderNos', 'blanketAssemblyOrderNos', 'postedAssemblyOrderNos']);
    expect(inventorySetup.schema.safeParse({ assemblyOrderNos: 'A-ORD', postedAssemblyOrderNos: null }).success).toBe(true);
  });
});
