import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApi, testPassword, type TestApi } from '../../support/api.ts';
import { customerGroups, givenCustomerGroups } from '../../support/given.ts';

let api: TestApi;
let admin: ReturnType<TestApi['as']>;
beforeEach(async () => { api = await testApi(); admin = api.as('admin'); });
afterEach(() => api.close());

async function created(url: string, body: unknown) {
  const response = await admin('POST', url, body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

const fields = (response: { json(): { errors?: { field: string }[] } }) => response.json().errors?.map((error) => error.field).sort();

async function givenCustomerSeries(manualNos: boolean) {
  await created('/api/v1/noSeries', { code: 'cust', description: 'Customers', manualNos });
  await created('/api/v1/noSeries/CUST/lines', { startingNo: 'C0001', endingNo: 'C0003', warningNo: 'C0003' });
  expect((await admin('PATCH', '/api/v1/salesReceivablesSetup', { customerNos: 'CUST' })).statusCode).toBe(200);
}

describe('customers and number series', () => {
  // Every new customer needs its posting groups (issue 19): the empty company gets the DOMESTIC ones.
  beforeEach(() => givenCustomerGroups(admin));

  it('numbers new customers from the series of the sales setup, gaplessly, until the series ends', async () => {
    await givenCustomerSeries(false);
    const numbers = [];
    for (const name of ['Bakkerij de Vries', 'Jansen Installatie', 'Koffiehuis Noord']) numbers.push((await created('/api/v1/customers', { ...customerGroups, name })).no);
    expect(numbers).toEqual(['C0001', 'C0002', 'C0003']);
    const exhausted = await admin('POST', '/api/v1/customers', { ...customerGroups, name: 'One too many' });
    expect(exhausted.statusCode).toBe(422);
    expect(exhausted.json().code).toBe('NO_SERIES_EXHAUSTED');
    expect((await admin('GET', '/api/v1/customers')).json().items).toHaveLength(3);
  });

  it('refuses a typed number when the series does not allow manual numbers, and accepts it when it does', async () => {
    await givenCustomerSeries(false);
    const refused = await admin('POST', '/api/v1/customers', { ...customerGroups, no: 'X1', name: 'Typed' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('NO_SERIES_MANUAL_NOT_ALLOWED');
    expect((await admin('PATCH', '/api/v1/noSeries/CUST', { manualNos: true })).statusCode).toBe(200);
    expect((await created('/api/v1/customers', { ...customerGroups, no: 'x1', name: 'Typed' })).no).toBe('X1');
  });

  it('gives a number back when the create is refused later in the same request', async () => {
    await givenCustomerSeries(false);
    const refused = await admin('POST', '/api/v1/customers', { ...customerGroups, name: 'Ghost', paymentTermsCode: 'NONE' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'RELATED_RECORD_NOT_FOUND', errors: [{ field: 'paymentTermsCode' }] });
    expect((await created('/api/v1/customers', { ...customerGroups, name: 'Real' })).no).toBe('C0001');
    expect((await admin('GET', '/api/v1/noSeries/CUST/nextNumber')).json()).toEqual({ number: 'C0002', warning: false });
  });

  it('fills search name and invoice discount code as Business Central does', async () => {
    const customer = await created('/api/v1/customers', { ...customerGroups, no: 'k100', name: 'Koster & Zn.' });
    expect(customer).toMatchObject({ no: 'K100', searchName: 'KOSTER & ZN.', invoiceDiscountCode: 'K100', blocked: 'none', creditLimitLcy: '0.00' });
  });

  it('answers bad input with 400 and every offending field', async () => {
    const response = await admin('POST', '/api/v1/customers', { ...customerGroups,
      no: 'C1', name: '', creditLimitLcy: '-5', blocked: 'sometimes', email: 'not-an-email', countryRegionCode: 'Netherlands',
      shippingTime: '2 weeks', gln: '123', colour: 'blue',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('INVALID_INPUT');
    expect(fields(response)).toEqual(['blocked', 'colour', 'countryRegionCode', 'creditLimitLcy', 'email', 'gln', 'name', 'shippingTime']);
    expect((await admin('GET', '/api/v1/customers')).json().items).toEqual([]);
  });

  it('accepts decimals as strings and refuses JSON numbers, which may have lost digits in parsing', async () => {
    expect((await created('/api/v1/customers', { ...customerGroups, no: 'B', name: 'B', creditLimitLcy: '1500.50' })).creditLimitLcy).toBe('1500.50');
    for (const number of [1500.5, 0.1 + 0.2]) {
      const refused = await admin('POST', '/api/v1/customers', { ...customerGroups, no: 'C', name: 'C', creditLimitLcy: number });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors).toEqual([{ field: 'creditLimitLcy', message: expect.stringContaining('send decimals as JSON strings, not numbers') }]);
    }
    expect((await admin('GET', '/api/v1/customers/C')).statusCode).toBe(404);
  });

  it('keeps ship-to addresses under their customer and deletes them with it', async () => {
    await created('/api/v1/customers', { ...customerGroups, no: 'C1', name: 'Head office' });
    const shipTo = await created('/api/v1/customers/c1/shipToAddresses', { code: 'rdam', name: 'Warehouse Rotterdam', city: 'Rotterdam' });
    expect(shipTo).toMatchObject({ customerNo: 'C1', code: 'RDAM' });
    expect((await admin('GET', '/api/v1/customers/C1/shipToAddresses/RDAM')).json().city).toBe('Rotterdam');
    expect((await admin('POST', '/api/v1/customers/NOPE/shipToAddresses', { code: 'X', name: 'X' })).statusCode).toBe(404);
    expect((await admin('DELETE', '/api/v1/customers/C1')).statusCode).toBe(204);
    expect((await admin('GET', '/api/v1/customers/C1/shipToAddresses/RDAM')).statusCode).toBe(404);
  });
});

describe('reading', () => {
  // Every new customer needs its posting groups (issue 19): the empty company gets the DOMESTIC ones.
  beforeEach(() => givenCustomerGroups(admin));

  it('answers an unknown record with 404 and a problem document', async () => {
    const response = await admin('GET', '/api/v1/customers/NOBODY');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ status: 404, code: 'NOT_FOUND', detail: 'Customer NOBODY does not exist.' });
    expect((await admin('GET', '/api/v1/generalPostingSetups/not-a-uuid')).statusCode).toBe(404);
    expect((await admin('PATCH', '/api/v1/items/NOPE', { description: 'x' })).statusCode).toBe(404);
    expect((await admin('DELETE', '/api/v1/paymentTerms/NOPE')).statusCode).toBe(404);
    expect((await admin('GET', '/api/v1/nonsense')).json().code).toBe('ROUTE_NOT_FOUND');
  });

  it('pages with a cursor, filters and searches', async () => {
    await created('/api/v1/customerPostingGroups', { code: 'SPECIAL' });
    for (let index = 1; index <= 7; index++) {
      await created('/api/v1/customers', { ...customerGroups,
        no: `C${index}`, name: index % 2 ? `Bakker ${index}` : `Smit ${index}`, city: index <= 3 ? 'Utrecht' : 'Delft',
        customerPostingGroup: index === 5 ? 'SPECIAL' : 'DOMESTIC',
      });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { no: string }[]; nextCursor: string | null } =
        (await admin('GET', `/api/v1/customers?limit=3${cursor ? `&cursor=${cursor}` : ''}`)).json();
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((customer) => customer.no));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7']);
    const utrecht = (await admin('GET', '/api/v1/customers?city=Utrecht')).json().items;
    expect(utrecht.map((customer: { no: string }) => customer.no)).toEqual(['C1', 'C2', 'C3']);
    const bySearch = (await admin('GET', '/api/v1/customers?search=smit')).json().items;
    expect(bySearch.map((customer: { no: string }) => customer.no)).toEqual(['C2', 'C4', 'C6']);
    const byGroup = (await admin('GET', '/api/v1/customers?customerPostingGroup=special')).json().items;
    expect(byGroup.map((customer: { no: string }) => customer.no)).toEqual(['C5']);
    const unknownFilter = await admin('GET', '/api/v1/customers?colour=blue');
    expect(unknownFilter.statusCode).toBe(400);
    expect(fields(unknownFilter)).toEqual(['querystring.colour']);
    expect((await admin('GET', '/api/v1/customers?limit=0')).statusCode).toBe(400);
    expect((await admin('GET', '/api/v1/customers?cursor=garbage!')).statusCode).toBe(400);
  });
});

describe('changing', () => {
  // Every new customer needs its posting groups (issue 19): the empty company gets the DOMESTIC ones.
  beforeEach(() => givenCustomerGroups(admin));

  it('refuses a change made on a stale version with 409, and keeps the first change', async () => {
    const customer = await created('/api/v1/customers', { ...customerGroups, no: 'C1', name: 'Original' });
    const first = await admin('PATCH', '/api/v1/customers/C1', { name: 'First' }, { 'if-match': `"${customer.version}"` });
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).toBe('"2"');
    const stale = await admin('PATCH', '/api/v1/customers/C1', { name: 'Second' }, { 'if-match': `"${customer.version}"` });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const staleByBody = await admin('PATCH', '/api/v1/customers/C1', { name: 'Third', version: 1 });
    expect(staleByBody.statusCode).toBe(409);
    expect((await admin('GET', '/api/v1/customers/C1')).json()).toMatchObject({ name: 'First', version: 2 });
  });

  it('refuses to change a key', async () => {
    await created('/api/v1/customers', { ...customerGroups, no: 'C1', name: 'Original' });
    const response = await admin('PATCH', '/api/v1/customers/C1', { no: 'C2' });
    expect(response.statusCode).toBe(400);
    expect(fields(response)).toEqual(['no']);
  });

  it('refuses to delete a record in use, with 422 naming the user, and deletes it once free', async () => {
    await created('/api/v1/paymentTerms', { code: '14D', dueDateCalculation: '14d' });
    await created('/api/v1/customers', { ...customerGroups, no: 'C1', name: 'Uses 14D', paymentTermsCode: '14d' });
    const refused = await admin('DELETE', '/api/v1/paymentTerms/14D');
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'RECORD_IN_USE', detail: 'Payment Terms 14D cannot be deleted because it is used by customer.' });
    expect((await admin('GET', '/api/v1/paymentTerms/14D')).json().dueDateCalculation).toBe('14D');
    await admin('PATCH', '/api/v1/customers/C1', { paymentTermsCode: null });
    expect((await admin('DELETE', '/api/v1/paymentTerms/14D')).statusCode).toBe(204);
  });

  it('refuses a duplicate with 409', async () => {
    await created('/api/v1/unitsOfMeasure', { code: 'PCS' });
    const duplicate = await admin('POST', '/api/v1/unitsOfMeasure', { code: 'pcs' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({ code: 'ALREADY_EXISTS', errors: [{ field: 'code' }] });
  });

  it('validates date formulas on payment terms', async () => {
    const response = await admin('POST', '/api/v1/paymentTerms', { code: 'BAD', dueDateCalculation: '30 days', discountDateCalculation: '8D', discountPercent: '101' });
    expect(response.statusCode).toBe(400);
    expect(fields(response)).toEqual(['discountPercent', 'dueDateCalculation']);
    expect((await created('/api/v1/paymentTerms', { code: '1M(8D)', dueDateCalculation: '1m', discountDateCalculation: '8d', discountPercent: '2' })))
      .toMatchObject({ dueDateCalculation: '1M', discountDateCalculation: '8D', discountPercent: '2.00000' });
  });
});

describe('setup', () => {
  it('reads and changes the single setup records', async () => {
    const changed = await admin('PATCH', '/api/v1/generalLedgerSetup', { allowPostingFrom: '2026-01-01', allowPostingTo: '2026-12-31', amountRoundingPrecision: '0.01' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ lcyCode: 'EUR', allowPostingFrom: '2026-01-01', allowPostingTo: '2026-12-31' });
    const reversed = await admin('PATCH', '/api/v1/generalLedgerSetup', { allowPostingFrom: '2027-01-01' });
    expect(reversed.statusCode).toBe(400);
    expect(fields(reversed)).toEqual(['allowPostingTo']);
    expect((await admin('GET', '/api/v1/generalLedgerSetup')).json().allowPostingFrom).toBe('2026-01-01');
    const sales = await admin('PATCH', '/api/v1/salesReceivablesSetup', { creditWarnings: 'creditLimit', quoteValidityCalculation: '30d', stockoutWarning: false });
    expect(sales.json()).toMatchObject({ creditWarnings: 'creditLimit', quoteValidityCalculation: '30D', stockoutWarning: false, shipmentOnInvoice: true });
    expect((await admin('PATCH', '/api/v1/salesReceivablesSetup', { orderNos: 'MISSING' })).json().code).toBe('RELATED_RECORD_NOT_FOUND');
  });

  it('lets posting setups point only at posting accounts that are not blocked', async () => {
    await created('/api/v1/glAccounts', { no: '8000', name: 'Revenue', incomeBalance: 'incomeStatement', accountCategory: 'income' });
    await created('/api/v1/glAccounts', { no: '8', name: 'REVENUE', incomeBalance: 'incomeStatement', accountType: 'heading' });
    await created('/api/v1/glAccounts', { no: '8999', name: 'Old revenue', incomeBalance: 'incomeStatement', blocked: true });
    await created('/api/v1/genProductPostingGroups', { code: 'RETAIL' });
    await created('/api/v1/genBusinessPostingGroups', { code: 'DOMESTIC' });
    const heading = await admin('POST', '/api/v1/generalPostingSetups', { genBusPostingGroup: 'DOMESTIC', genProdPostingGroup: 'RETAIL', salesAccount: '8' });
    expect(heading.json()).toMatchObject({ code: 'ACCOUNT_NOT_POSTING', errors: [{ field: 'salesAccount' }] });
    const blocked = await admin('POST', '/api/v1/generalPostingSetups', { genBusPostingGroup: 'DOMESTIC', genProdPostingGroup: 'RETAIL', salesAccount: '8999' });
    expect(blocked.json().code).toBe('ACCOUNT_BLOCKED');
    const setup = await created('/api/v1/generalPostingSetups', { genBusPostingGroup: 'DOMESTIC', genProdPostingGroup: 'RETAIL', salesAccount: '8000' });
    const blank = await created('/api/v1/generalPostingSetups', { genProdPostingGroup: 'RETAIL', inventoryAdjustmentAccount: '8000' });
    expect(blank.genBusPostingGroup).toBeNull();
    const twice = await admin('POST', '/api/v1/generalPostingSetups', { genProdPostingGroup: 'RETAIL' });
    expect(twice.statusCode).toBe(409);
    const found = (await admin('GET', '/api/v1/generalPostingSetups?genBusPostingGroup=DOMESTIC&genProdPostingGroup=RETAIL')).json().items;
    expect(found.map((row: { id: string }) => row.id)).toEqual([setup.id]);
    expect((await admin('DELETE', '/api/v1/glAccounts/8000')).json().code).toBe('RECORD_IN_USE');
  });
});

describe('items', () => {
  async function givenUnits() {
    await created('/api/v1/unitsOfMeasure', { code: 'PCS', internationalStandardCode: 'c62' });
    await created('/api/v1/unitsOfMeasure', { code: 'BOX' });
  }

  it('adds the base unit of measure to the item with quantity 1', async () => {
    await givenUnits();
    const item = await created('/api/v1/items', { no: '1000', description: 'Desk chair', baseUnitOfMeasure: 'pcs', unitPrice: '149.95', costingMethod: 'fifo' });
    expect(item).toMatchObject({ no: '1000', baseUnitOfMeasure: 'PCS', unitPrice: '149.95000', searchDescription: 'DESK CHAIR' });
    expect((await admin('GET', '/api/v1/items/1000/unitsOfMeasure')).json().items)
      .toEqual([expect.objectContaining({ code: 'PCS', quantityPerUnitOfMeasure: '1.00000' })]);
  });

  it('requires the sales unit to be one of the item units, and keeps the base unit at quantity 1', async () => {
    await givenUnits();
    await created('/api/v1/items', { no: '1000', description: 'Paper', baseUnitOfMeasure: 'PCS' });
    const missing = await admin('PATCH', '/api/v1/items/1000', { salesUnitOfMeasure: 'BOX' });
    expect(missing.json()).toMatchObject({ code: 'ITEM_UNIT_OF_MEASURE_MISSING', errors: [{ field: 'salesUnitOfMeasure' }] });
    expect((await admin('GET', '/api/v1/items/1000')).json().salesUnitOfMeasure).toBeNull();
    await created('/api/v1/items/1000/unitsOfMeasure', { code: 'BOX', quantityPerUnitOfMeasure: '500' });
    expect((await admin('PATCH', '/api/v1/items/1000', { salesUnitOfMeasure: 'BOX' })).statusCode).toBe(200);
    expect((await admin('PATCH', '/api/v1/items/1000/unitsOfMeasure/PCS', { quantityPerUnitOfMeasure: '2' })).json().code)
      .toBe('BASE_UNIT_OF_MEASURE_QUANTITY');
    expect((await admin('DELETE', '/api/v1/items/1000/unitsOfMeasure/BOX')).json().code).toBe('BASE_UNIT_OF_MEASURE_IN_USE');
    expect((await admin('POST', '/api/v1/items/1000/unitsOfMeasure', { code: 'KG', quantityPerUnitOfMeasure: '0' })).statusCode).toBe(400);
  });

  it('requires a description and a base unit of measure that exists', async () => {
    const response = await admin('POST', '/api/v1/items', { no: '1', unitPrice: 'cheap', type: 'thing' });
    expect(response.statusCode).toBe(400);
    expect(fields(response)).toEqual(['baseUnitOfMeasure', 'description', 'type', 'unitPrice']);
    const unknownUnit = await admin('POST', '/api/v1/items', { no: '1', description: 'x', baseUnitOfMeasure: 'LITRE' });
    expect(unknownUnit.json()).toMatchObject({ code: 'RELATED_RECORD_NOT_FOUND', errors: [{ field: 'baseUnitOfMeasure' }] });
    expect((await admin('GET', '/api/v1/items')).json().items).toEqual([]);
  });
});

describe('malformed requests', () => {
  // Every new customer needs its posting groups (issue 19): the empty company gets the DOMESTIC ones.
  beforeEach(() => givenCustomerGroups(admin));

  it('takes an empty JSON body as no input', async () => {
    await created('/api/v1/customers', { ...customerGroups, no: 'C1', name: 'x' });
    const response = await api.app.inject({
      method: 'POST', url: '/api/v1/customers/C1/shipToAddresses', payload: '',
      headers: { authorization: await tokenFor(api), 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('INVALID_INPUT');
  });

  it('answers a body that is not JSON with 400 INVALID_JSON and creates nothing', async () => {
    const response = await api.app.inject({
      method: 'POST', url: '/api/v1/customers', payload: '{"no": "C1", "name": "x",',
      headers: { authorization: (await tokenFor(api)), 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('INVALID_JSON');
    expect((await admin('GET', '/api/v1/customers')).json().items).toEqual([]);
  });
});

async function tokenFor(testApiInstance: TestApi): Promise<string> {
  const response = await testApiInstance.as('none')('POST', '/api/v1/auth/token', { username: 'admin-user', password: testPassword });
  return `Bearer ${response.json().token}`;
}
