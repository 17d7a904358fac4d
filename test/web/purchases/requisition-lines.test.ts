import { describe, expect, it } from 'vitest';
import { navigationGroups } from '../../../src/web/layout/navigation.ts';
import {
  changeOf, isUnchanged, placeOfError, requisitionWorksheetRoute, savedText, type RequisitionLine,
} from '../../../src/web/purchases/requisition-lines.ts';

const line = (fields: Partial<RequisitionLine>): RequisitionLine => ({
  id: '00000000-0000-4000-8000-000000000001', worksheetName: 'DEFAULT', lineNo: 10000, type: 'item', no: '1280', description: 'Executive desk',
  quantity: '2.00000', unitOfMeasureCode: 'PCS', vendorNo: 'V00010', vendorItemNo: 'GK-DB2010', directUnitCost: '720.00000', dueDate: '2026-01-15',
  locationCode: null, acceptActionMessage: true, purchasingCode: 'DROP SHIP', dropShipment: true, specialOrder: false,
  salesOrderNo: 'SO000001', salesOrderLineNo: 10000, sellToCustomerNo: 'C00010', shipToCode: null, ...fields,
});

describe('a requisition worksheet cell → the PATCH it sends', () => {
  it('reads the cost in the user\'s locale and clears a blank vendor', () => {
    expect(changeOf('directUnitCost', '1.234,5', 'nl-NL')).toEqual({ change: { directUnitCost: '1234.5' }, error: null });
    expect(changeOf('directUnitCost', '1,234.5', 'en-US')).toEqual({ change: { directUnitCost: '1234.5' }, error: null });
    expect(changeOf('vendorNo', '  ', 'nl-NL')).toEqual({ change: { vendorNo: null }, error: null });
    expect(changeOf('vendorNo', 'v00020', 'nl-NL')).toEqual({ change: { vendorNo: 'v00020' }, error: null });
  });

  it('refuses what the API would refuse before sending it', () => {
    expect(changeOf('directUnitCost', 'twelve', 'nl-NL')).toEqual({ change: null, error: 'must be a number' });
    expect(changeOf('vendorNo', 'V'.repeat(21), 'nl-NL').error).not.toBeNull();
  });

  it('shows the saved values for editing and sends nothing when the text is what the line holds', () => {
    const saved = line({});
    expect(savedText(saved, 'directUnitCost', 'nl-NL')).toBe('720,00');
    expect(savedText(line({ vendorNo: null }), 'vendorNo', 'nl-NL')).toBe('');
    expect(isUnchanged(saved, 'directUnitCost', '720', 'nl-NL')).toBe(true);
    expect(isUnchanged(saved, 'directUnitCost', '720,5', 'nl-NL')).toBe(false);
    expect(isUnchanged(saved, 'vendorNo', 'v00010', 'nl-NL')).toBe(true);
    expect(isUnchanged(saved, 'vendorNo', '', 'nl-NL')).toBe(false);
  });
});

describe('where a refusal of the worksheet is shown', () => {
  const lines = [line({}), line({ id: '00000000-0000-4000-8000-000000000002', lineNo: 20000, vendorNo: null })];
  const shown = ['vendorNo', 'directUnitCost'];

  it('on the cell of the line it names, by Line No.', () => {
    expect(placeOfError('lines.20000.vendorNo', lines, shown)).toEqual({ lineId: lines[1]!.id, field: 'vendorNo' });
  });

  it('on the row for the line as a whole or a field the row has no cell for', () => {
    expect(placeOfError('lines.10000', lines, shown)).toEqual({ lineId: lines[0]!.id, field: null, caption: null });
    expect(placeOfError('lines.10000.locationCode', lines, shown)).toEqual({ lineId: lines[0]!.id, field: null, caption: 'Location Code' });
  });

  it('above the table for a line no longer shown or no line at all', () => {
    expect(placeOfError('lines.30000.vendorNo', lines, shown)).toBeNull();
    expect(placeOfError('salesOrderNo', lines, shown)).toBeNull();
  });
});

it('the worksheet is in the Purchases navigation group', () => {
  const purchases = navigationGroups.find((group) => group.title === 'Purchases');
  expect(purchases?.entries).toContainEqual({ label: 'Requisition Worksheet', to: requisitionWorksheetRoute });
});
