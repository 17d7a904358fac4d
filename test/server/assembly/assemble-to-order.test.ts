import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../../support/api.ts';
import { workDated } from '../../support/work-dated.ts';
import { created } from '../../support/given.ts';
import { givenInventory } from '../../support/given-posting.ts';
import { givenPurchasingCompany } from '../../support/given-purchasing.ts';

/**
 * Assemble to order (spec §15.3, worked example 7, acceptance case 18): KIT = 1 × PART-A (cost 10)
 * + 2 × PART-B (cost 5). A sales order line of 3 KIT creates the assembly order; shipping the line
 * posts consumption, output at actual cost and the sale fixed-applied to it, in one transaction.
 */
describe('assemble to order', () => {
  let api: TestApi;
  let admin: ReturnType<TestApi['as']>;
  const { send, ok } = workDated(() => admin, '2026-01-05');
  const linkedTo = async (orderNo: string, path = 'assemblyOrders') => (await ok('GET', `/api/v1/${path}?salesDocumentNo=${orderNo}`)).items;
  const entriesOf = async (itemNo: string) => (await ok('GET', `/api/v1/itemLedgerEntries?itemNo=${itemNo}&limit=100`)).items;

  beforeEach(async () => {
    api = await testApi();
    admin = await givenPurchasingCompany(api);
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

  it('undoes the shipment with its assembly: the kit back out, the parts back in at their cost, the assembly order restored', async () => {
    const order = await ok('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: 'KIT', quantity: '3', shipmentDate: '2026-01-12' }] });
    const [assembly] = await linkedTo(order.no);
    const posted = await ok('POST', `/api/v1/salesOrders/${order.no}/post`, { ship: true });
    await ok('POST', `/api/v1/postedSalesShipments/${posted.shipmentNo}/undo`, { lineNos: [10000] });
    const inventory = async (itemNo: string) => (await entriesOf(itemNo)).reduce((total: number, entry: Record<string, string>) => total + Number(entry.quantity), 0);
    expect([await inventory('KIT'), await inventory('PART-A'), await inventory('PART-B')]).toEqual([0, 10, 20]);
    const partA = await entriesOf('PART-A');
    expect(partA.filter((entry: Record<string, unknown>) => entry.entryType === 'assemblyConsumption').map((entry: Record<string, unknown>) => [entry.quantity, entry.correction]).sort())
      .toEqual([['-3.00000', false], ['3.00000', true]]);
    const [postedAssembly] = (await ok('GET', `/api/v1/postedAssemblyOrders?salesShipmentNo=${posted.shipmentNo}`)).items;
    expect(postedAssembly.reversed).toBe(true);
    const [restored] = await linkedTo(order.no);
    expect(restored).toMatchObject({ no: assembly.no, quantity: '3.00000', remainingQuantity: '3.00000', assembledQuantity: '0.00000' });
    // Shipped again, it assembles again.
    const again = await ok('POST', `/api/v1/salesOrders/${order.no}/post`, { ship: true });
    expect((await ok('GET', `/api/v1/postedAssemblyOrders?salesShipmentNo=${again.shipmentNo}`)).items[0]).toMatchObject({ costAmount: '60.00', reversed: false });
  });

  it('keeps the assembly order in step with its line: quantity, shipment date, removal at 0, and no assembly to order on an invoice', async () => {
    const order = await ok('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: 'KIT', quantity: '3', shipmentDate: '2026-01-12' }] });
    await ok('POST', `/api/v1/salesOrders/${order.no}/release`);
    expect((await linkedTo(order.no))[0].status).toBe('released');
    await ok('POST', `/api/v1/salesOrders/${order.no}/reopen`);
    expect((await linkedTo(order.no))[0].status).toBe('open');
    await ok('PATCH', `/api/v1/salesOrders/${order.no}/lines/10000`, { quantity: '5', shipmentDate: '2026-01-15' });
    const [assembly] = await linkedTo(order.no);
    expect(assembly).toMatchObject({ quantity: '5.00000', quantityToAssemble: '5.00000', dueDate: '2026-01-15' });
    expect((await ok('GET', `/api/v1/assemblyOrders/${assembly.no}`)).lines.map((line: Record<string, string>) => line.quantity)).toEqual(['5.00000', '10.00000']);
    const tooMuch = await send('PATCH', `/api/v1/salesOrders/${order.no}/lines/10000`, { qtyToAssembleToOrder: '6' });
    expect(tooMuch.json()).toMatchObject({ code: 'QTY_TO_ASSEMBLE_TO_ORDER_INVALID' });
    const fixed = await send('PATCH', `/api/v1/assemblyOrders/${assembly.no}`, { quantity: '4' });
    expect(fixed.json()).toMatchObject({ code: 'ASSEMBLY_ORDER_LINKED' });
    await ok('PATCH', `/api/v1/salesOrders/${order.no}/lines/10000`, { qtyToAssembleToOrder: '0' });
    expect(await linkedTo(order.no)).toEqual([]);
    const invoice = await send('POST', '/api/v1/salesInvoices', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: 'KIT', quantity: '1', qtyToAssembleToOrder: '1' }] });
    expect(invoice.json()).toMatchObject({ code: 'ASSEMBLE_TO_ORDER_NOT_ALLOWED' });
    // An invoice line of the ATO item simply sells it from stock.
    const plain = await ok('POST', '/api/v1/salesInvoices', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: 'KIT', quantity: '1' }] });
    expect(plain.lines[0].qtyToAssembleToOrder).toBe('0.00000');
    await ok('DELETE', `/api/v1/salesOrders/${order.no}/lines/10000`);
  });

  it('ships the assembled part first: Quantity 10, 7 assembled to order, Qty. to Ship 4 allows 1 to 4 to assemble', async () => {
    await ok('PATCH', '/api/v1/items/KIT', { assemblyPolicy: 'assembleToStock' });
    await givenInventory(admin, '2026-01-02', [{ itemNo: 'KIT', quantity: '3', unitCost: '25' }]);
    const order = await ok('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: 'KIT', quantity: '10', qtyToAssembleToOrder: '7', shipmentDate: '2026-01-12' }] });
    await ok('PATCH', `/api/v1/salesOrders/${order.no}/lines/10000`, { quantityToShip: '4' });
    const [assembly] = await linkedTo(order.no);
    expect(assembly).toMatchObject({ quantity: '7.00000', quantityToAssemble: '4.00000' });
    const below = await send('PATCH', `/api/v1/assemblyOrders/${assembly.no}`, { quantityToAssemble: '0' });
    expect(below.json()).toMatchObject({ code: 'QTY_TO_ASSEMBLE_OUT_OF_RANGE', params: { minimum: '1', maximum: '4' } });
    // A changed Qty. to Ship defaults Quantity to Assemble again (BC); one typed after it is kept.
    await ok('PATCH', `/api/v1/assemblyOrders/${assembly.no}`, { quantityToAssemble: '2' });
    await ok('PATCH', `/api/v1/salesOrders/${order.no}/lines/10000`, { quantityToShip: '5' });
    expect((await linkedTo(order.no))[0].quantityToAssemble).toBe('5.00000');
    await ok('PATCH', `/api/v1/salesOrders/${order.no}/lines/10000`, { quantityToShip: '4' });
    await ok('PATCH', `/api/v1/assemblyOrders/${assembly.no}`, { quantityToAssemble: '1' });
    await ok('PATCH', `/api/v1/salesOrders/${order.no}/lines/10000`, { description: 'Kit, part assembled' });
    expect((await linkedTo(order.no))[0].quantityToAssemble).toBe('1.00000');
    await ok('POST', `/api/v1/salesOrders/${order.no}/post`, { ship: true });
    const [left] = await linkedTo(order.no);
    expect(left).toMatchObject({ assembledQuantity: '1.00000', remainingQuantity: '6.00000' });
    const kit = await entriesOf('KIT');
    expect(kit.filter((entry: Record<string, unknown>) => entry.entryType === 'assemblyOutput').map((entry: Record<string, unknown>) => entry.quantity)).toEqual(['1.00000']);
    expect(kit.filter((entry: Record<string, unknown>) => entry.entryType === 'sale').map((entry: Record<string, unknown>) => entry.quantity)).toEqual(['-4.00000']);
  });

  it('Make Order keeps the components the customer customised on the assembly quote', async () => {
    const quote = await ok('POST', '/api/v1/salesQuotes', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: 'KIT', quantity: '3', shipmentDate: '2026-01-12' }] });
    const [assemblyQuote] = await linkedTo(quote.no, 'assemblyQuotes');
    await ok('PATCH', `/api/v1/assemblyQuotes/${assemblyQuote.no}/lines/20000`, { quantityPer: '3' });
    await ok('DELETE', `/api/v1/assemblyQuotes/${assemblyQuote.no}/lines/10000`);
    const order = await ok('POST', `/api/v1/salesQuotes/${quote.no}/makeOrder`, {});
    const [assembly] = await linkedTo(order.no);
    const detail = await ok('GET', `/api/v1/assemblyOrders/${assembly.no}`);
    expect(detail.lines.map((line: Record<string, string>) => [line.no, line.quantityPer, line.quantity])).toEqual([['PART-B', '3.00000', '9.00000']]);
    expect((await ok('GET', '/api/v1/assemblyQuotes')).items).toEqual([]);
  });

  it('posts a stand-alone assembly order in parts at actual cost, and counts its output and components in item availability', async () => {
    const created = await ok('POST', '/api/v1/assemblyOrders', { itemNo: 'KIT', quantity: '4', dueDate: '2026-01-20' });
    expect(created.lines.map((line: Record<string, string>) => line.quantity)).toEqual(['4.00000', '8.00000']);
    const periods = async (itemNo: string) => (await ok('GET', `/api/v1/items/${itemNo}/availabilityByPeriod?periodType=month&from=2026-01-01&periods=1`)).items[0];
    expect(await periods('KIT')).toMatchObject({ scheduledReceipt: '4.00000', grossRequirement: '0.00000' });
    expect(await periods('PART-B')).toMatchObject({ inventory: '20.00000', grossRequirement: '8.00000' });
    await ok('PATCH', `/api/v1/assemblyOrders/${created.no}`, { quantityToAssemble: '1' });
    const first = await ok('POST', `/api/v1/assemblyOrders/${created.no}/post`);
    expect(first).toMatchObject({ quantity: '1', costAmount: '20.00', documentDeleted: false });
    expect(await periods('KIT')).toMatchObject({ inventory: '1.00000', scheduledReceipt: '3.00000' });
    expect(await periods('PART-B')).toMatchObject({ inventory: '18.00000', grossRequirement: '6.00000' });
    await ok('POST', `/api/v1/assemblyOrders/${created.no}/release`);
    expect((await send('PATCH', `/api/v1/assemblyOrders/${created.no}`, { quantity: '5' })).json()).toMatchObject({ code: 'STATUS_MUST_BE_OPEN' });
    const second = await ok('POST', `/api/v1/assemblyOrders/${created.no}/post`);
    expect(second).toMatchObject({ quantity: '3', costAmount: '60.00', documentDeleted: true });
    expect(await periods('KIT')).toMatchObject({ inventory: '4.00000', scheduledReceipt: '0.00000' });
    const gl = (await ok('GET', `/api/v1/glEntries?transactionNo=${second.transactionNo}&limit=100`)).items;
    expect(gl.filter((entry: Record<string, string>) => entry.glAccountNo === '3000').map((entry: Record<string, string>) => entry.amount).sort()).toEqual(['-30.00', '-30.00', '60.00']);
  });

  it('promises an assembled-to-order line for when its components are there: PART-A on the 15th, PART-B on the 20th', async () => {
    const order = await ok('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: 'KIT', quantity: '12', shipmentDate: '2026-01-10' }] });
    await ok('POST', '/api/v1/purchaseOrders', { buyFromVendorNo: 'V', lines: [
      { type: 'item', no: 'PART-A', quantity: '5', expectedReceiptDate: '2026-01-15' }, { type: 'item', no: 'PART-B', quantity: '10', expectedReceiptDate: '2026-01-20' },
    ] });
    // Entering the line warns of the components short, not of the kit (it is assembled, not taken from stock).
    expect(order.warnings.map((warning: { code: string; details: Record<string, string> }) => [warning.code, warning.details.itemNo, warning.details.shortageQuantity]))
      .toEqual([['ASSEMBLY_COMPONENT_SHORTAGE', 'PART-A', '2'], ['ASSEMBLY_COMPONENT_SHORTAGE', 'PART-B', '4']]);
    const [line] = (await ok('POST', `/api/v1/salesOrders/${order.no}/orderPromising`, {})).lines;
    expect(line.earliestShipmentDate).toBe('2026-01-20');
    expect(line.explanation[0]).toMatchObject({ kind: 'assembleToOrder', quantity: '12.00000' });
    expect(line.explanation[0].components.map((component: Record<string, string>) => [component.itemNo, component.quantity, component.date]))
      .toEqual([['PART-A', '12.00000', '2026-01-15'], ['PART-B', '24.00000', '2026-01-20']]);
    await ok('POST', `/api/v1/salesOrders/${order.no}/orderPromising/accept`, {});
    expect((await linkedTo(order.no))[0].dueDate).toBe('2026-01-20');
  });

  it('reserves a sales line on a stand-alone assembly order, which moves onto the stock its posting outputs', async () => {
    await ok('PATCH', '/api/v1/items/KIT', { assemblyPolicy: 'assembleToStock' });
    const assembly = await ok('POST', '/api/v1/assemblyOrders', { itemNo: 'KIT', quantity: '4', dueDate: '2026-01-08' });
    const order = await ok('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: 'KIT', quantity: '3', shipmentDate: '2026-01-10' }] });
    expect(order.lines[0].qtyToAssembleToOrder).toBe('0.00000');
    const reserved = await ok('POST', `/api/v1/salesOrders/${order.no}/lines/10000/reserve`, {});
    expect(reserved.items.map((row: Record<string, unknown>) => [row.supplyType, row.quantityBase, row.assemblyDocumentNo])).toEqual([['assemblyOrder', '3.00000', assembly.no]]);
    await ok('POST', `/api/v1/assemblyOrders/${assembly.no}/post`);
    const moved = await ok('GET', `/api/v1/salesOrders/${order.no}/lines/10000/reservations`);
    expect(moved.items.map((row: Record<string, unknown>) => [row.supplyType, row.quantityBase])).toEqual([['inventory', '3.00000']]);
    const other = await ok('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: 'KIT', quantity: '2', shipmentDate: '2026-01-10' }] });
    const refused = await send('POST', `/api/v1/salesOrders/${other.no}/post`, { ship: true });
    expect(refused.json()).toMatchObject({ code: 'RESERVED_FOR_OTHER_DEMAND', params: { reserved: '3.00000', free: '1.00000' } });
  });

  it('Capable to Promise of an item made by assembly: an assembly order reserved for the line, possible only while its components are', async () => {
    await ok('PATCH', '/api/v1/items/KIT', { assemblyPolicy: 'assembleToStock', leadTimeCalculation: '2D' });
    const order = await ok('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: 'KIT', quantity: '3', shipmentDate: '2026-01-06' }] });
    const accepted = await ok('POST', `/api/v1/salesOrders/${order.no}/orderPromising/accept`, { method: 'capableToPromise' });
    expect(accepted.lines[0].supply).toMatchObject({ quantity: '3.00000' });
    const [assembly] = (await ok('GET', '/api/v1/assemblyOrders?itemNo=KIT')).items;
    expect(assembly).toMatchObject({ quantity: '3.00000', dueDate: accepted.lines[0].supply.dueDate, assembleToOrder: false });
    const reserved = await ok('GET', `/api/v1/salesOrders/${order.no}/lines/10000/reservations`);
    expect(reserved.items.map((row: Record<string, unknown>) => [row.supplyType, row.assemblyDocumentNo, row.quantityBase])).toEqual([['assemblyOrder', assembly.no, '3.00000']]);
    // 12 more would need 12 PART-A of the 10 in stock (3 of them taken by that assembly order): no date can be promised.
    const big = await ok('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: 'KIT', quantity: '12', shipmentDate: '2026-01-06' }] });
    const [line] = (await ok('POST', `/api/v1/salesOrders/${big.no}/orderPromising`, { method: 'capableToPromise' })).lines;
    expect(line.earliestShipmentDate).toBeNull();
    expect(line.explanation.some((step: Record<string, unknown>) => step.outcome === 'componentsUnavailable')).toBe(true);
  });

  it('a blanket order line assembles to order too, and Make Order takes its customised components for the quantity shipped', async () => {
    await created(admin, '/api/v1/noSeries', { code: 'S-BLK' });
    await created(admin, '/api/v1/noSeries/S-BLK/lines', { startingNo: 'BO0001' });
    await admin('PATCH', '/api/v1/salesReceivablesSetup', { blanketOrderNos: 'S-BLK' });
    const blanket = await ok('POST', '/api/v1/salesBlanketOrders', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: 'KIT', quantity: '5', shipmentDate: '2026-01-12' }] });
    const [blanketAssembly] = await linkedTo(blanket.no, 'blanketAssemblyOrders');
    expect(blanketAssembly).toMatchObject({ documentType: 'blanketOrder', quantity: '5.00000' });
    await ok('PATCH', `/api/v1/blanketAssemblyOrders/${blanketAssembly.no}/lines/20000`, { quantityPer: '3' });
    await ok('PATCH', `/api/v1/salesBlanketOrders/${blanket.no}/lines/10000`, { quantityToShip: '2' });
    const order = await ok('POST', `/api/v1/salesBlanketOrders/${blanket.no}/makeOrder`);
    const [assembly] = await linkedTo(order.no);
    const detail = await ok('GET', `/api/v1/assemblyOrders/${assembly.no}`);
    expect(detail).toMatchObject({ quantity: '2.00000', assembleToOrder: true });
    expect(detail.lines.map((line: Record<string, string>) => [line.no, line.quantityPer, line.quantity])).toEqual([['PART-A', '1.00000', '2.00000'], ['PART-B', '3.00000', '6.00000']]);
    expect((await linkedTo(blanket.no, 'blanketAssemblyOrders'))[0]).toMatchObject({ quantity: '5.00000' });
  });
});
