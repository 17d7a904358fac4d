import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../../support/api.ts';
import { allPages as everyPage } from '../../support/list-pages.ts';
import { created, givenCustomer, givenSalesCompany } from '../../support/given.ts';
import { givenInventory, givenPostingCompany } from '../../support/given-posting.ts';

let api: TestApi;
let admin: ReturnType<TestApi['as']>;
beforeEach(async () => { api = await testApi(); admin = api.as('admin'); });
afterEach(() => api.close());

/** Every page of a list as admin. */
const allPages = (url: string, limit: number) => everyPage(admin, url, limit);

// Cities with ties (two in Utrecht, two without a city) and mixed case, and numbers that do not follow the names.
const customers = [
  { no: 'K1', name: 'zeeland Fruit', city: 'Utrecht', creditLimitLcy: '500' },
  { no: 'K2', name: 'Alfa Bouw', city: 'Amsterdam', creditLimitLcy: '1500.50' },
  { no: 'K3', name: 'Bakker & Zn', city: '', creditLimitLcy: '20' },
  { no: 'K4', name: 'Molen BV', city: 'utrecht', creditLimitLcy: '500' },
  { no: 'K5', name: 'Delta Dak', city: 'Breda', creditLimitLcy: '0' },
  { no: 'K6', name: 'Eik en Co', city: '', creditLimitLcy: '99999' },
  { no: 'K7', name: 'Alfa Bouw', city: 'Zwolle', creditLimitLcy: '7' },
];

describe('sorting lists on the server (issue 19 point 5)', () => {
  beforeEach(async () => {
    // A new customer needs posting groups: the sales company's, without its own customer C.
    await givenSalesCompany(api);
    expect((await admin('DELETE', '/api/v1/customers/C')).statusCode).toBe(204);
    for (const { no, ...fields } of customers) await givenCustomer(admin, no, fields);
  });

  it('refuses a field that is not on the allow-list, naming the fields that are', async () => {
    for (const sort of ['colour', '-colour', 'balanceDueLcy']) {
      const refused = await admin('GET', `/api/v1/customers?sort=${sort}`);
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toMatchObject({ code: 'INVALID_INPUT' });
      expect(refused.json().detail).toContain(`cannot be sorted on "${sort.replace(/^-/, '')}"`);
      expect(refused.json().detail).toMatch(/Sort on one of: .*\bname\b.*\bcity\b/);
    }
    // Fields the record never returns are not sortable either.
    const hidden = await admin('GET', '/api/v1/users?sort=passwordHash');
    expect(hidden.statusCode).toBe(400);
    expect(hidden.json().detail).not.toContain('passwordHash,');
  });

  it('sorts on a text field across pages of two, case-insensitively, ties by number', async () => {
    const byName = await allPages('/api/v1/customers?sort=name', 2);
    expect(byName.pages).toBe(4);
    expect(byName.items.map((row) => row.no)).toEqual(['K2', 'K7', 'K3', 'K5', 'K6', 'K4', 'K1']);
    const descending = await allPages('/api/v1/customers?sort=-name', 2);
    expect(descending.items.map((row) => row.no)).toEqual(['K1', 'K4', 'K6', 'K5', 'K3', 'K7', 'K2']);
  });

  it('keeps ties and empty values in one stable order across page boundaries', async () => {
    // '' sorts first; Utrecht and utrecht tie and follow by number.
    for (const limit of [1, 2, 3, 100]) {
      const byCity = await allPages('/api/v1/customers?sort=city', limit);
      expect(byCity.items.map((row) => row.no), `limit ${limit}`).toEqual(['K3', 'K6', 'K2', 'K5', 'K1', 'K4', 'K7']);
    }
    const descending = await allPages('/api/v1/customers?sort=-city', 3);
    expect(descending.items.map((row) => row.no)).toEqual(['K7', 'K4', 'K1', 'K5', 'K2', 'K6', 'K3']);
  });

  it('sorts decimals as numbers, with search and filters applied to the sorted list', async () => {
    const byLimit = await allPages('/api/v1/customers?sort=-creditLimitLcy', 2);
    expect(byLimit.items.map((row) => row.creditLimitLcy)).toEqual(['99999.00', '1500.50', '500.00', '500.00', '20.00', '7.00', '0.00']);
    expect(byLimit.items.slice(2, 4).map((row) => row.no)).toEqual(['K4', 'K1']);
    const searched = await allPages('/api/v1/customers?sort=creditLimitLcy&search=alfa', 1);
    expect(searched.items.map((row) => row.no)).toEqual(['K7', 'K2']);
  });

  it('answers a list asked again in the same shape for its own filter, search and cursor (the query is built once per shape)', async () => {
    const nos = async (url: string) => (await admin('GET', url)).json().items.map((row: { no: string }) => row.no);
    expect(await nos('/api/v1/customers?city=Breda')).toEqual(['K5']);
    expect(await nos('/api/v1/customers?city=Zwolle')).toEqual(['K7']);
    expect(await nos('/api/v1/customers?search=alfa&sort=city')).toEqual(['K2', 'K7']);
    expect(await nos('/api/v1/customers?search=bakker&sort=city')).toEqual(['K3']);
    const firstByCity = (await admin('GET', '/api/v1/customers?sort=city&limit=1')).json();
    const secondByCity = (await admin('GET', `/api/v1/customers?sort=city&limit=1&cursor=${firstByCity.nextCursor}`)).json();
    const thirdByCity = (await admin('GET', `/api/v1/customers?sort=city&limit=1&cursor=${secondByCity.nextCursor}`)).json();
    expect([firstByCity, secondByCity, thirdByCity].map((page) => page.items[0].no)).toEqual(['K3', 'K6', 'K2']);
    const afterK2 = (await admin('GET', '/api/v1/customers?limit=2')).json();
    expect(await nos(`/api/v1/customers?limit=2&cursor=${afterK2.nextCursor}`)).toEqual(['K3', 'K4']);
  });

  it('refuses a cursor of another sort instead of reading it as a key', async () => {
    const first = (await admin('GET', '/api/v1/customers?sort=name&limit=2')).json();
    expect(first.nextCursor).toEqual(expect.any(String));
    const crossed = await admin('GET', `/api/v1/customers?limit=2&cursor=${first.nextCursor}`);
    expect(crossed.statusCode).toBe(400);
    const byKey = (await admin('GET', '/api/v1/customers?limit=2')).json();
    const wrongSort = await admin('GET', `/api/v1/customers?sort=creditLimitLcy&limit=2&cursor=${byKey.nextCursor}`);
    expect(wrongSort.statusCode).toBe(400);
    expect(wrongSort.json().detail).toBe('The cursor is not one this API returned.');
  });

  it('describes the sort parameter in the OpenAPI document', async () => {
    const document = (await admin('GET', '/api/v1/openapi.json')).json();
    const parameters = document.paths['/api/v1/customers'].get.parameters as Array<{ name: string; description?: string }>;
    expect(parameters.find((parameter) => parameter.name === 'sort')?.description).toContain('descending with a leading -');
    const ledger = document.paths['/api/v1/customerLedgerEntries'].get.parameters as Array<{ name: string; description?: string }>;
    expect(ledger.find((parameter) => parameter.name === 'sort')?.description).toContain('customerName');
  });
});

describe('sorted document and ledger lists', () => {
  const workDate = { 'x-work-date': '2026-01-15' };

  it('sorts sales orders on a header field and shows what each order has shipped and invoiced', async () => {
    const send = await givenPostingCompany(api);
    await givenInventory(send, '2026-01-01', [{ itemNo: '1000', quantity: '50', unitCost: '60' }]);
    await givenCustomer(send, 'D', { name: 'Customer D' });
    const order = async (customerNo: string, quantity: string, externalDocumentNo: string) => (await created(send, '/api/v1/salesOrders', {
      sellToCustomerNo: customerNo, externalDocumentNo, lines: [{ type: 'item', no: '1000', quantity, unitPrice: '100' }, { type: 'comment', description: 'Note' }],
    })).no as string;
    const untouched = await order('D', '1', 'X-3');
    const partly = await order('C', '10', 'X-1');
    const whole = await order('D', '2', 'X-2');
    await send('PATCH', `/api/v1/salesOrders/${partly}/lines/10000`, { quantityToShip: '4' });
    expect((await send('POST', `/api/v1/salesOrders/${partly}/post`, { ship: true }, workDate)).statusCode).toBe(201);
    await send('PATCH', `/api/v1/salesOrders/${partly}/lines/10000`, { quantityToShip: '0', quantityToInvoice: '1' });
    expect((await send('POST', `/api/v1/salesOrders/${partly}/post`, { invoice: true }, workDate)).statusCode).toBe(201);
    expect((await send('POST', `/api/v1/salesOrders/${whole}/post`, { ship: true }, workDate)).statusCode).toBe(201);

    const byReference = await allPages('/api/v1/salesOrders?sort=-externalDocumentNo', 1);
    expect(byReference.items.map((row) => row.no)).toEqual([untouched, whole, partly]);
    const indicators = Object.fromEntries(byReference.items.map((row) => [row.no, {
      shipped: row.shipped, invoiced: row.invoiced, completelyShipped: row.completelyShipped, amountShippedNotInvoiced: row.amountShippedNotInvoiced,
    }]));
    // 3 shipped, not invoiced, of 10 at 125.00 incl. VAT each; the whole order: 2 × 125.00.
    expect(indicators).toEqual({
      [untouched]: { shipped: false, invoiced: false, completelyShipped: false, amountShippedNotInvoiced: '0.00' },
      [partly]: { shipped: true, invoiced: true, completelyShipped: false, amountShippedNotInvoiced: '375.00' },
      [whole]: { shipped: true, invoiced: false, completelyShipped: true, amountShippedNotInvoiced: '250.00' },
    });
    // Sorting on these indicators is list-sorting-computed.test.ts's.
    const shippedFirst = await send('GET', '/api/v1/salesOrders?sort=-amountShippedNotInvoiced');
    expect(shippedFirst.statusCode).toBe(200);
    expect(shippedFirst.json().items.map((row: { no: string }) => row.no)).toEqual([partly, whole, untouched]);
  });

  it('opens a ledger newest first with the name beside the number, and sorts on the name', async () => {
    const send = await givenPostingCompany(api);
    await givenInventory(send, '2026-01-01', [{ itemNo: '1000', quantity: '50', unitCost: '60' }]);
    await givenCustomer(send, 'D', { name: 'Aardappel BV' });
    for (const customerNo of ['C', 'D', 'C']) {
      const { no } = await created(send, '/api/v1/salesInvoices', { sellToCustomerNo: customerNo, lines: [{ type: 'item', no: '1000', quantity: '1', unitPrice: '100' }] });
      expect((await send('POST', `/api/v1/salesInvoices/${no}/post`, {}, workDate)).statusCode).toBe(201);
    }
    const newest = await allPages('/api/v1/customerLedgerEntries?sort=-entryNo', 2);
    const entryNos = newest.items.map((row) => row.entryNo as number);
    expect(entryNos).toEqual([...entryNos].sort((left, right) => right - left));
    expect(newest.items.map((row) => [row.customerNo, row.customerName])).toEqual([['C', 'Customer C'], ['D', 'Aardappel BV'], ['C', 'Customer C']]);
    // One entry read alone carries the name as well.
    expect((await send('GET', `/api/v1/customerLedgerEntries/${entryNos[1]}`)).json()).toMatchObject({ customerNo: 'D', customerName: 'Aardappel BV' });
    const byName = await allPages('/api/v1/customerLedgerEntries?sort=customerName', 1);
    expect(byName.items.map((row) => row.customerNo)).toEqual(['D', 'C', 'C']);
    const glEntries = (await send('GET', '/api/v1/glEntries?glAccountNo=1300&sort=-postingDate')).json().items;
    expect(glEntries[0]).toMatchObject({ glAccountNo: '1300', glAccountName: 'Receivables' });
    const itemEntries = (await send('GET', '/api/v1/itemLedgerEntries?sort=-entryNo&limit=1')).json().items;
    expect(itemEntries[0]).toMatchObject({ itemNo: '1000', itemDescription: 'Bicycle', entryType: 'sale' });
    const vatEntries = (await send('GET', '/api/v1/vatEntries?sort=billToPayToName')).json().items;
    expect(vatEntries.map((row: Record<string, unknown>) => row.billToPayToName)).toEqual(['Aardappel BV', 'Customer C', 'Customer C']);
  });

  it('shows each customer\'s Balance (LCY) on the list, as the statistics sum it, and sorts all customers on it', async () => {
    const send = await givenPostingCompany(api);
    await givenInventory(send, '2026-01-01', [{ itemNo: '1000', quantity: '50', unitCost: '60' }]);
    await givenCustomer(send, 'D', { name: 'Customer D' });
    await givenCustomer(send, 'E', { name: 'Customer E' });
    for (const [customerNo, unitPrice] of [['C', '100'], ['D', '300'], ['C', '50']] as const) {
      const { no } = await created(send, '/api/v1/salesInvoices', { sellToCustomerNo: customerNo, lines: [{ type: 'item', no: '1000', quantity: '1', unitPrice }] });
      expect((await send('POST', `/api/v1/salesInvoices/${no}/post`, {}, workDate)).statusCode).toBe(201);
    }
    const statistics = async (no: string) => (await send('GET', `/api/v1/customers/${no}/statistics`, undefined, workDate)).json().balanceLcy as string;
    const listed = (await send('GET', '/api/v1/customers?limit=100')).json().items as Array<{ no: string; balanceLcy: string }>;
    const balances = Object.fromEntries(listed.filter((row) => ['C', 'D', 'E'].includes(row.no)).map((row) => [row.no, row.balanceLcy]));
    expect(balances).toEqual({ C: await statistics('C'), D: await statistics('D'), E: '0.00' });
    expect(Number(balances.D)).toBeGreaterThan(Number(balances.C));
    expect((await send('GET', '/api/v1/customers/D')).json().balanceLcy).toBe(balances.D);
    // Every customer, a page of one at a time: D owes most, then C, then those who owe nothing (by number).
    const byBalance = await allPages('/api/v1/customers?sort=-balanceLcy', 1);
    expect(byBalance.items.slice(0, 2).map((row) => row.no)).toEqual(['D', 'C']);
    expect(new Set(byBalance.items.map((row) => row.no)).size).toBe(byBalance.items.length);
    expect(byBalance.items.slice(2).every((row) => row.balanceLcy === '0.00')).toBe(true);
  });
});
