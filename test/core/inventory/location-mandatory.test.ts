import { describe, expect, it } from 'vitest';
import { assertLocationWhenMandatory, type LocatedLine } from '../../../src/core/inventory/location-mandatory.ts';
import { domainErrorOf } from '../domain-error-helper.ts';

const line = (overrides: Partial<LocatedLine> = {}): LocatedLine => ({ lineNo: 10000, no: '1000', inventoryItem: true, locationCode: null, ...overrides });

describe('assertLocationWhenMandatory (Inventory Setup "Location Mandatory")', () => {
  it.each<[string, boolean, LocatedLine]>([
    ['mandatory off', false, line()],
    ['a location given', true, line({ locationCode: 'MAIN' })],
    ['a service or non-inventory item', true, line({ inventoryItem: false })],
  ])('lets through %s', (_, mandatory, located) => {
    expect(() => assertLocationWhenMandatory(mandatory, located, 'lines.0.locationCode')).not.toThrow();
  });

  it.each<[string, string | null]>([['no', null], ['a blank', '  ']])('refuses an inventory item with %s location, naming the field and the line', (_, locationCode) => {
    const error = domainErrorOf(() => assertLocationWhenMandatory(true, line({ locationCode }), 'lines.10000.locationCode'));
    expect(error.code).toBe('LOCATION_MISSING');
    expect(error.field).toBe('lines.10000.locationCode');
    expect(error.message).toBe('Location Code must have a value on line 10000 (item 1000) because Location Mandatory is on.');
  });
});
