import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../../support/api.ts';

// Issue 14, the master data purchases start from: purchasing codes (spec §15.1–15.2) and the
// Purchases & Payables Setup's series and switches.
let api: TestApi;
let admin: ReturnType<TestApi['as']>;
beforeEach(async () => { api = await testApi(); admin = api.as('admin'); });
afterEach(() => api.close());

describe('purchasing codes', () => {
  it('are a drop shipment or a special order, never both; the refusal names the field and nothing is kept', async () => {
    const dropShip = await admin('POST', '/api/v1/purchasingCodes', { code: 'drop', description: 'Drop shipment', dropShipment: true });
    expect(dropShip.statusCode, dropShip.body).toBe(201);
    expect(dropShip.json()).toMatchObject({ code: 'DROP', dropShipment: true, specialOrder: false });
    const both = await admin('POST', '/api/v1/purchasingCodes', { code: 'BOTH', dropShipment: true, specialOrder: true });
    expect(both.statusCode).toBe(400);
    expect(both.json().errors).toEqual([expect.objectContaining({ field: 'specialOrder' })]);
    expect((await admin('GET', '/api/v1/purchasingCodes/BOTH')).statusCode).toBe(404);
    const patched = await admin('PATCH', '/api/v1/purchasingCodes/DROP', { specialOrder: true });
    expect(patched.statusCode).toBe(400);
    expect((await admin('GET', '/api/v1/purchasingCodes/DROP')).json()).toMatchObject({ dropShipment: true, specialOrder: false });
  });
});

describe('Purchases & Payables Setup', () => {
  it('keeps the document series and BC\'s defaults: Ext. Doc. No. Mandatory and Receipt on Invoice on', async () => {
    const setup = (await admin('GET', '/api/v1/purchasesPayablesSetup')).json();
    expect(setup).toMatchObject({ externalDocumentNoMandatory: true, receiptOnInvoice: true, returnShipmentOnCreditMemo: true, defaultQuantityToReceive: 'remainder' });
    await admin('POST', '/api/v1/noSeries', { code: 'P-ORD', description: 'Purchase orders' });
    const patched = await admin('PATCH', '/api/v1/purchasesPayablesSetup', { orderNos: 'P-ORD', applicationBetweenCurrencies: 'all' });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ orderNos: 'P-ORD', applicationBetweenCurrencies: 'all' });
    const unknownSeries = await admin('PATCH', '/api/v1/purchasesPayablesSetup', { invoiceNos: 'NOPE' });
    expect(unknownSeries.statusCode).toBe(422);
    expect(unknownSeries.json().errors).toEqual([expect.objectContaining({ field: 'invoiceNos' })]);
  });
});
