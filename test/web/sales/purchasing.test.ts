import { describe, expect, it } from 'vitest';
import { kindOfLine, linkedOrderOf } from '../../../src/web/sales/purchasing.ts';

describe('the other side of a drop shipment or special order line', () => {
  it('names a sales line\'s purchase order and a purchase line\'s sales order, with where the app shows them', () => {
    expect(linkedOrderOf({ dropShipment: true, specialOrder: false, purchaseOrderNo: 'PO000001', specialOrderPurchaseNo: null }, 'sales'))
      .toEqual({ kind: 'dropShipment', caption: 'purchase order', no: 'PO000001', path: '/purchases/orders/PO000001' });
    expect(linkedOrderOf({ dropShipment: false, specialOrder: true, salesOrderNo: null, specialOrderSalesNo: 'SO 7' }, 'purchase'))
      .toEqual({ kind: 'specialOrder', caption: 'sales order', no: 'SO 7', path: '/sales/orders/SO%207' });
  });

  it('reads the link of the line\'s own kind only, and nothing on other lines', () => {
    expect(linkedOrderOf({ dropShipment: true, salesOrderNo: null, specialOrderSalesNo: 'SO000002' }, 'purchase'))
      .toEqual({ kind: 'dropShipment', caption: 'sales order', no: null, path: null });
    expect(linkedOrderOf({ dropShipment: true }, 'sales')).toMatchObject({ no: null, path: null });
    expect(linkedOrderOf({ dropShipment: false, specialOrder: false, salesOrderNo: 'SO000001' }, 'purchase')).toBeNull();
    expect(linkedOrderOf({}, 'sales')).toBeNull();
    expect(kindOfLine({ dropShipment: false })).toBe('specialOrder');
  });
});
