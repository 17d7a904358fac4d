import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../../support/api.ts';
import { created } from '../../support/given.ts';
import { givenInventory, givenPostingCompany } from '../../support/given-posting.ts';

/**
 * Assemble to order (spec §15.3, worked example 7, acceptance case 18): KIT = 1 × PART-A (cost 10)
 * + 2 × PART-B (cost 5). A sales order line of 3 KIT creates the assembly order; shipping the line
 * posts consumption, output at actual cost and the sale fixed-applied to it, in one transaction.
 */
describe('assemble to order', () => {
  let api: TestApi;
  let admin: ReturnType<TestApi['as']>;
  const workDate = { 'x-work-date': '2026-01-05' };
  const send = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) => admin(method, url, body, workDate);
  const ok = async (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) => {
    const response = await send(method, url, body);
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response.statusCode === 204 ? null : response.json();
  };
  const linkedTo = async (orderNo: string, path = 'assemblyOrders') => (await ok('GET', `/api/v1/${path}?salesDocumentNo=${orderNo}`)).items;
  const entriesOf = async (itemNo: string) => (await ok('GET', `/api/v1/itemLedgerEntries?itemNo=${itemNo}&limit=100`)).items;

  beforeEach(async () => {
    api = await testApi();
    admin = await givenPostingCompany(api);
    for (const [code, start] of [['A-ORD', 'AO0001'], ['A-QUO', 'AQ0001'], ['A-BLK', 'AB0001'], ['PA-ORD', 'PAO0001']] as const) {
      await created(admin, '/api/v1/noSeries', { code });
      await created(admin, `/api/v1/noSeries/${code}/lines`, { startingNo: start });
    }
    await admin('PATCH', '/api/v1/inventorySetup', { assemblyOrderNos: 'A-ORD', assemblyQuoteNos: 'A-QUO', blanketAssemblyOrderNos: 'A-BLK', postedAssemblyOrderNos: 'PA-ORD' });
    const item = { baseUnitOfMeasure: 'PCS', genProdPostingGroup: 'RETAIL', vatProdPostingGroup: 'VAT25', inventoryPostingGroup: 'RESALE' };
    await created(admin, '/api/v1/items', { no: 'KIT', description: 'Kit', unitPrice: '60', assemblyPolicy: 'assembleToOrder', replenishmentSystem: 'assembly', ...item });
    await created(admin, '/api/v1/items', { no: 'PART-A', description: 'Part A', unitCost: '10', ...item });
    await created(admin, '/api/v1/items', { no: 'PART-B', description: 'Part B', unitCost: '5', ...item });
    await created(admin, '/api/v1/items/KIT/assemblyBom', { no: 'PART-A', quantityPer: '1' });
    await created(admin, '/api/v1/items/KIT/assemblyBom', { no: 'PART-B', quantityPer: '2' });
    await givenInventory(admin, '2026-01-02', [{ itemNo: 'PART-A', quantity: '10', unitCost: '10' }, { itemNo: 'PART-B', quantity: '20', unitCost: '5' }]);
  });
  afterEach(() => api.close());

  it('worked example 7: the order line creates the assembly order, shipping posts consumption, output at 60.00 and the sale at that cost', async () => {
    const order = await ok('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: 'KIT', quantity: '3', shipmentDate: '2026-01-12' }] });
    expect(order.lines[0]).toMatchObject({ qtyToAssembleToOrder: '3.00000' });
    const [assembly] = await linkedTo(order.no);
    expect(assembly).toMatchObject({ itemNo: 'KIT', quantity: '3.00000', quantityToAssemble: '3.00000', dueDate: '2026-01-12', assembleToOrder: true, salesLineNo: 10000 });
    const detail = await ok('GET', `/api/v1/assemblyOrders/${assembly.no}`);
    expect(detail.lines.map((line: Record<string, string>) => [line.no, line.quantityPer, line.quantity])).toEqual([['PART-A', '1.00000', '3.00000'], ['PART-B', '2.00000', '6.00000']]);

    const refused = await send('POST', `/api/v1/assemblyOrders/${assembly.no}/post`);
    expect(refused.json()).toMatchObject({ code: 'ASSEMBLY_ORDER_LINKED' });

    const posted = await ok('POST', `/api/v1/salesOrders/${order.no}/post`, { ship: true, invoice: true });
    expect(await linkedTo(order.no)).toEqual([]);
    const kit = await entriesOf('KIT');
    expect(kit.map((entry: Record<string, unknown>) => [entry.entryType, entry.quantity, entry.remainingQuantity]).sort()).toEqual([
      ['assemblyOutput', '3.00000', '0.00000'], ['sale', '-3.00000', '0.00000'],
    ]);
    const partB = (await entriesOf('PART-B')).filter((entry: Record<string, unknown>) => entry.entryType === 'assemblyConsumption');
    expect(partB.map((entry: Record<string, unknown>) => entry.quantity)).toEqual(['-6.00000']);
    const [postedAssembly] = (await ok('GET', `/api/v1/postedAssemblyOrders?salesShipmentNo=${posted.shipmentNo}`)).items;
    expect(postedAssembly).toMatchObject({ orderNo: assembly.no, itemNo: 'KIT', quantity: '3.00000', costAmount: '60.00', assembleToOrder: true });
    const { lines } = await ok('GET', `/api/v1/postedAssemblyOrders/${postedAssembly.no}`);
    expect(lines.map((line: Record<string, string>) => [line.no, line.quantity, line.costAmount])).toEqual([['PART-A', '3.00000', '30.00'], ['PART-B', '6.00000', '30.00']]);
    const gl = (await ok('GET', `/api/v1/glEntries?transactionNo=${posted.transactionNo}&limit=100`)).items;
    const net = (account: string) => gl.filter((entry: Record<string, string>) => entry.glAccountNo === account).reduce((total: number, entry: Record<string, string>) => total + Number(entry.amount) * 100, 0) / 100;
    expect([net('8000'), net('2310'), net('7000'), net('3000'), net('7100')]).toEqual([-180, -45, 60, -60, 0]);
  });
});
