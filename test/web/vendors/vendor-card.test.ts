import { describe, expect, it } from 'vitest';
import { vendorSchemas } from '../../../src/core/master-data/vendor.schemas.ts';
import { filledValues, toFormValues, toPayload } from '../../../src/web/components/record-fields.ts';
import { navigationGroups } from '../../../src/web/layout/navigation.ts';
import { purchaseKinds } from '../../../src/web/purchases/purchase-kinds.ts';
import { vendorBalanceLcy } from '../../../src/web/vendors/vendor-balance.ts';
import { applicationMethodCaptions, newVendorDefaults, newVendorFieldGroups, vendorBlockedCaptions, vendorFieldGroups } from '../../../src/web/vendors/vendor-fields.ts';
import { newPurchaseDocumentPath, openVendorEntriesPath } from '../../../src/web/vendors/vendor-links.ts';

describe('the vendor balance from its open ledger entries', () => {
  it('is what is owed: the remaining amounts (LCY) of open entries, sign turned as BC shows it', () => {
    const entries = [
      { remainingAmountLcy: '-942.59', open: true }, // invoice
      { remainingAmountLcy: '-0.10', open: true },
      { remainingAmountLcy: '-0.20', open: true },
      { remainingAmountLcy: '100.00', open: true }, // a payment not yet applied
      { remainingAmountLcy: '-500.00', open: false }, // closed: nothing remains to count
    ];
    expect(vendorBalanceLcy(entries)).toBe('842.89');
  });

  it('is 0.00 without open entries, and negative when the vendor owes us', () => {
    expect(vendorBalanceLcy([])).toBe('0.00');
    expect(vendorBalanceLcy([{ remainingAmountLcy: '-12.5', open: true }, { remainingAmountLcy: '12.50', open: true }])).toBe('0.00');
    expect(vendorBalanceLcy([{ remainingAmountLcy: '25.00', open: true }])).toBe('-25.00');
  });
});

describe('the vendor card', () => {
  const cardFields = vendorFieldGroups.flatMap((group) => group.fields);

  it('has BC\'s FastTabs and every field of the API\'s vendor, each one once', () => {
    expect(vendorFieldGroups.map((group) => group.title)).toEqual(['General', 'Address & Contact', 'Invoicing', 'Payments']);
    const names = cardFields.map((field) => field.name);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual(Object.keys(vendorSchemas.update.shape).sort());
    expect(newVendorFieldGroups[0]!.fields[0]).toEqual({ name: 'no', label: 'No.', kind: 'text' });
  });

  it('offers exactly the choices the API takes, and code fields look their codes up', () => {
    const options = (name: string) => vendorSchemas.update.shape[name]!.unwrap().options as string[];
    expect(Object.keys(vendorBlockedCaptions)).toEqual(options('blocked'));
    expect(Object.keys(applicationMethodCaptions)).toEqual(options('applicationMethod'));
    const lookups = Object.fromEntries(cardFields.flatMap((field) => (field.kind === 'code' ? [[field.name, field.lookup]] : [])));
    expect(lookups).toEqual({
      genBusPostingGroup: '/genBusinessPostingGroups', vatBusPostingGroup: '/vatBusinessPostingGroups', vendorPostingGroup: '/vendorPostingGroups',
      currencyCode: '/currencies', paymentTermsCode: '/paymentTerms', paymentMethodCode: '/paymentMethods',
    });
  });

  it('a new vendor with only a name is a valid create request, numbered by the series', () => {
    const fields = newVendorFieldGroups.flatMap((group) => group.fields);
    const values = { ...toFormValues(newVendorDefaults, fields, 'nl-NL'), name: 'Drukkerij Jansen' };
    const parsed = vendorSchemas.create.safeParse(filledValues(toPayload(values, fields, 'nl-NL')));
    expect(parsed.success && parsed.data).toEqual({ name: 'Drukkerij Jansen', blocked: 'none', applicationMethod: 'manual', blockPaymentTolerance: false });
  });

  it('leads to a new purchase order (invoice) for the vendor and to its open entries', () => {
    expect(newPurchaseDocumentPath(purchaseKinds.order, 'V00010')).toBe('/purchases/orders/new?vendor=V00010');
    expect(newPurchaseDocumentPath(purchaseKinds.invoice, 'V 1&2')).toBe('/purchases/invoices/new?vendor=V%201%262');
    expect(openVendorEntriesPath('V 1')).toBe('/ledgers/vendor-ledger-entries?vendorNo=V+1&open=true');
  });

  it('Vendors is the first entry of the Purchases navigation group', () => {
    expect(navigationGroups.find((group) => group.title === 'Purchases')?.entries[0]).toEqual({ label: 'Vendors', to: '/vendors' });
  });
});
