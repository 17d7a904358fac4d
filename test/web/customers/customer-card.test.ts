import { describe, expect, it } from 'vitest';
import { customerSchemas } from '../../../src/core/master-data/customer.schemas.ts';
import { changedValues, toFormValues, toPayload } from '../../../src/web/components/record-fields.ts';
import { customerFieldGroups } from '../../../src/web/customers/customer-fields.ts';

describe('the customer card\'s Document Sending Profile (spec §21.2)', () => {
  const fields = customerFieldGroups.flatMap((group) => group.fields);
  const field = fields.find((candidate) => candidate.name === 'documentSendingProfile');

  it('is a choice of the document sending profiles on the Invoicing tab (as in BC)', () => {
    expect(field).toEqual({ name: 'documentSendingProfile', label: 'Document Sending Profile', kind: 'code', lookup: '/documentSendingProfiles', emptyAsText: true });
    expect(customerFieldGroups.find((group) => group.fields.includes(field!))?.title).toBe('Invoicing');
  });

  it('sends a chosen profile as its code, and a cleared one as empty, both of which the API takes', () => {
    const original = toFormValues({ documentSendingProfile: 'PDF-MAIL' }, fields, 'en-US');
    expect(original.documentSendingProfile).toBe('PDF-MAIL');

    const cleared = changedValues(toPayload({ ...original, documentSendingProfile: null }, fields, 'en-US'), toPayload(original, fields, 'en-US'));
    expect(cleared).toEqual({ documentSendingProfile: '' });
    expect(customerSchemas.update.safeParse(cleared)).toEqual({ success: true, data: { documentSendingProfile: '' } });

    const none = toFormValues({ documentSendingProfile: '' }, fields, 'en-US');
    expect(none.documentSendingProfile).toBeNull();
    const chosen = changedValues(toPayload({ ...none, documentSendingProfile: 'direct' }, fields, 'en-US'), toPayload(none, fields, 'en-US'));
    expect(customerSchemas.update.safeParse(chosen)).toEqual({ success: true, data: { documentSendingProfile: 'DIRECT' } });
    // Unchanged, it is not sent at all.
    expect(changedValues(toPayload(none, fields, 'en-US'), toPayload(none, fields, 'en-US'))).toEqual({});
  });

  it('other code fields still send a cleared choice as null (a reference that is not set)', () => {
    const original = toFormValues({ paymentTermsCode: '14D' }, fields, 'en-US');
    const cleared = changedValues(toPayload({ ...original, paymentTermsCode: null }, fields, 'en-US'), toPayload(original, fields, 'en-US'));
    expect(cleared).toEqual({ paymentTermsCode: null });
  });
});
