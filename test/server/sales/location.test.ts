import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../../support/api.ts';
import { created, givenCustomer } from '../../support/given.ts';
import { givenInventory, givenPostingCompany } from '../../support/given-posting.ts';

/**
 * Issue 10, point 7: stock lives at a location. The header's Location Code comes from the ship-to
 * address, else the customer, else the inventory setup's default location; lines take it and may
 * change it while open; stockout warnings and posting use the line's; Location Mandatory refuses
 * to move inventory without one (BC: Release Sales Document, Item Jnl.-Check Line).
 */
describe('document lines ship from a location', () => {
  let api: TestApi;
  let admin: Awaited<ReturnType<typeof givenPostingCompany>>;
  const workDate = { 'x-work-date': '2026-03-10' };
  const send = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) => api.as('admin')(method, url, body, workDate);
  const ok = async (method: 'POST' | 'PATCH', url: string, body?: unknown) => {
    const response = await send(method, url, body);
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response.json();
  };
  const order = (customerNo: string, fields: Record<string, unknown> = {}, lines: unknown[] = [{ type: 'item', no: '1000', quantity: '3' }]) =>
    ok('POST', '/api/v1/salesOrders', { sellToCustomerNo: customerNo, ...fields, lines });

  beforeEach(async () => {
    api = await testApi();
    admin = await givenPostingCompany(api);
    for (const code of ['MAIN', 'EAST', 'WEST']) {
      await created(admin, '/api/v1/locations', { code, name: `Warehouse ${code}` });
      await created(admin, '/api/v1/inventoryPostingSetups', { locationCode: code, inventoryPostingGroup: 'RESALE', inventoryAccount: '3000', inventoryAccountInterim: '3010' });
    }
    await givenInventory(admin, '2026-01-01', [{ itemNo: '1000', quantity: '5', unitCost: '60', locationCode: 'MAIN' }]);
    await givenCustomer(admin, 'E', { locationCode: 'EAST' });
    await created(admin, '/api/v1/customers/E/shipToAddresses', { code: 'DEPOT', name: 'Depot', locationCode: 'WEST' });
    await created(admin, '/api/v1/customers/E/shipToAddresses', { code: 'OFFICE', name: 'Office' });
  });
  afterEach(() => api.close());

  it('defaults the header from the ship-to address, else the customer, else the inventory setup; lines take it', async () => {
    // No default anywhere: no location, as before.
    const bare = await order('C');
    expect(bare.locationCode).toBeNull();
    expect(bare.lines[0].locationCode).toBeNull();

    expect((await send('PATCH', '/api/v1/inventorySetup', { defaultLocationCode: 'main' })).json()).toMatchObject({ defaultLocationCode: 'MAIN' });
    const company = await order('C');
    expect(company.locationCode).toBe('MAIN');
    expect(company.lines[0].locationCode).toBe('MAIN');

    const customer = await order('E');
    expect([customer.locationCode, customer.lines[0].locationCode]).toEqual(['EAST', 'EAST']);
    const depot = await order('E', { shipToCode: 'DEPOT' });
    expect([depot.locationCode, depot.lines[0].locationCode]).toEqual(['WEST', 'WEST']);
    // An explicit Location Code wins over every default.
    expect((await order('E', { shipToCode: 'DEPOT', locationCode: 'MAIN' })).locationCode).toBe('MAIN');

    // Another ship-to address without a location: the customer's; the lines that shipped from the old one follow.
    const office = await ok('PATCH', `/api/v1/salesOrders/${depot.no}`, { shipToCode: 'OFFICE' });
    expect([office.locationCode, office.lines[0].locationCode]).toEqual(['EAST', 'EAST']);
    const back = await ok('PATCH', `/api/v1/salesOrders/${depot.no}`, { shipToCode: 'DEPOT' });
    expect([back.locationCode, back.lines[0].locationCode]).toEqual(['WEST', 'WEST']);
    const own = await ok('PATCH', `/api/v1/salesOrders/${depot.no}`, { shipToCode: null });
    expect([own.shipToCode, own.locationCode, own.lines[0].locationCode]).toEqual([null, 'EAST', 'EAST']);

    const unknown = await send('PATCH', '/api/v1/inventorySetup', { defaultLocationCode: 'NOWHERE' });
    expect(unknown.json()).toMatchObject({ code: 'RELATED_RECORD_NOT_FOUND' });
  });

  it('a line location is editable while open; the stockout warning and the posting use it', async () => {
    await send('PATCH', '/api/v1/inventorySetup', { defaultLocationCode: 'MAIN' });
    const { no } = await order('C');
    const atEast = await ok('PATCH', `/api/v1/salesOrders/${no}/lines/10000`, { locationCode: 'east' });
    expect([atEast.locationCode, atEast.lines[0].locationCode]).toEqual(['MAIN', 'EAST']);
    expect(atEast.warnings).toContainEqual(expect.objectContaining({ code: 'STOCKOUT', details: expect.objectContaining({ locationCode: 'EAST', availableQuantity: '0' }) }));

    await send('PATCH', '/api/v1/inventorySetup', { preventNegativeInventory: true });
    const short = await send('POST', `/api/v1/salesOrders/${no}/post`, { ship: true });
    expect(short.json()).toMatchObject({ code: 'INSUFFICIENT_INVENTORY' });
    expect(short.json().detail).toContain('EAST');

    await ok('POST', `/api/v1/salesOrders/${no}/reopen`);
    const atMain = await ok('PATCH', `/api/v1/salesOrders/${no}/lines/10000`, { locationCode: 'MAIN' });
    expect(atMain.warnings.map((warning: { code: string }) => warning.code)).not.toContain('STOCKOUT');
    await ok('POST', `/api/v1/salesOrders/${no}/release`);
    const released = await send('PATCH', `/api/v1/salesOrders/${no}/lines/10000`, { locationCode: 'EAST' });
    expect(released.json()).toMatchObject({ code: 'STATUS_MUST_BE_OPEN' });

    expect((await send('POST', `/api/v1/salesOrders/${no}/post`, { ship: true })).statusCode).toBe(201);
    const stock = (await send('GET', '/api/v1/items/1000/inventory')).json();
    expect(stock).toMatchObject({ inventory: '2', byLocation: [{ locationCode: 'MAIN', quantity: '2' }] });
  });

  describe('Location Mandatory', () => {
    beforeEach(async () => {
      await created(admin, '/api/v1/items', { no: 'SVC', description: 'Installation', type: 'service', baseUnitOfMeasure: 'PCS', unitPrice: '40', genProdPostingGroup: 'RETAIL', vatProdPostingGroup: 'VAT25' });
    });

    it('refuses an item journal line without a location, naming the line', async () => {
      await send('PATCH', '/api/v1/inventorySetup', { locationMandatory: true });
      const refused = await send('POST', '/api/v1/itemJournal/post', {
        lines: [
          { postingDate: '2026-03-10', entryType: 'positiveAdjustment', documentNo: 'ADJ1', itemNo: '1000', quantity: '1', locationCode: 'MAIN' },
          { postingDate: '2026-03-10', entryType: 'positiveAdjustment', documentNo: 'ADJ1', itemNo: '1000', quantity: '1' },
        ],
      });
      expect(refused.statusCode).toBe(422);
      expect(refused.json()).toMatchObject({ code: 'LOCATION_MISSING', errors: [{ field: 'lines.1.locationCode' }] });
      expect((await send('GET', '/api/v1/items/1000/inventory')).json().inventory).toBe('5');
    });

    it('refuses to ship an inventory line without a location, even from a document released before it was switched on', async () => {
      const { no } = await order('C', {}, [{ type: 'item', no: '1000', quantity: '2' }, { type: 'item', no: 'SVC', quantity: '1' }]);
      await ok('POST', `/api/v1/salesOrders/${no}/release`);
      await send('PATCH', '/api/v1/inventorySetup', { locationMandatory: true });
      const refused = await send('POST', `/api/v1/salesOrders/${no}/post`, { ship: true });
      expect(refused.statusCode).toBe(422);
      expect(refused.json()).toMatchObject({ code: 'LOCATION_MISSING', errors: [{ field: 'lines.10000.locationCode' }] });
      expect(refused.json().detail).toContain('Location Code must have a value');
      expect((await send('GET', '/api/v1/items/1000/inventory')).json().inventory).toBe('5');

      // An open invoice: posting releases it first, and release refuses the same way.
      const invoice = await ok('POST', '/api/v1/salesInvoices', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: '1000', quantity: '1' }] });
      expect((await send('POST', `/api/v1/salesInvoices/${invoice.no}/post`)).json()).toMatchObject({ code: 'LOCATION_MISSING' });
    });

    it('never asks a service item for a location, nor the invoicing of what was shipped before', async () => {
      const { no } = await order('C', {}, [{ type: 'item', no: '1000', quantity: '2' }]);
      expect((await send('POST', `/api/v1/salesOrders/${no}/post`, { ship: true })).statusCode).toBe(201);
      await send('PATCH', '/api/v1/inventorySetup', { locationMandatory: true });
      const invoiced = await send('POST', `/api/v1/salesOrders/${no}/post`, { invoice: true });
      expect(invoiced.statusCode, invoiced.body).toBe(201);

      const service = await ok('POST', '/api/v1/salesInvoices', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: 'SVC', quantity: '1' }] });
      expect(service.lines[0].locationCode).toBeNull();
      const posted = await send('POST', `/api/v1/salesInvoices/${service.no}/post`);
      expect(posted.statusCode, posted.body).toBe(201);
    });
  });
});
