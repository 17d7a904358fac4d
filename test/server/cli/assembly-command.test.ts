import { beforeAll, describe, expect, it } from 'vitest';
import { runLedgerline, useCliWorkspace } from '../../support/cli.ts';

// `ledgerline assembly-order …` and `posted-assembly-order` as a clerk runs them on the demo company on
// 5 January 2026, with the worked example 7 kit of the test's own: KIT = 1 × PART-A (cost 10) + 2 × PART-B
// (cost 5), 10 PART-A and 20 PART-B in stock at MAIN. The number series are the test's own, so it does not
// lean on how the demo sets up assembly.
const workspace = useCliWorkspace('ledgerline-assembly-cli-');
const ledgerline = (...args: string[]) => runLedgerline(workspace.environment(), ['--work-date', '2026-01-05', ...args]);

async function ok(...args: string[]) {
  const run = await ledgerline(...args);
  expect(run.status, `ledgerline ${args.join(' ')}: ${run.stderr}`).toBe(0);
  return run;
}

const create = (resource: string, data: object) => ok('create', resource, '--data', JSON.stringify(data));

async function givenNumberSeries() {
  for (const [code, start] of [['CLI-AO', 'CAO0001'], ['CLI-AQ', 'CAQ0001'], ['CLI-AB', 'CAB0001'], ['CLI-PAO', 'CPAO0001']] as const) {
    await create('noSeries', { code });
    await create(`noSeries/${code}/lines`, { startingNo: start });
  }
  await ok('update', 'inventorySetup', '--data', JSON.stringify({ assemblyOrderNos: 'CLI-AO', assemblyQuoteNos: 'CLI-AQ', blanketAssemblyOrderNos: 'CLI-AB', postedAssemblyOrderNos: 'CLI-PAO' }));
}

async function givenKit() {
  const item = { type: 'inventory', baseUnitOfMeasure: 'PCS', genProdPostingGroup: 'RETAIL', vatProdPostingGroup: 'HIGH', inventoryPostingGroup: 'RESALE' };
  await create('items', { no: 'KIT', description: 'Kit', unitPrice: '60', assemblyPolicy: 'assembleToStock', replenishmentSystem: 'assembly', ...item });
  await create('items', { no: 'PART-A', description: 'Part A', unitCost: '10', ...item });
  await create('items', { no: 'PART-B', description: 'Part B', unitCost: '5', ...item });
  await create('items/KIT/assemblyBom', { no: 'PART-A', quantityPer: '1' });
  await create('items/KIT/assemblyBom', { no: 'PART-B', quantityPer: '2' });
  await ok('action', 'itemJournal/post', '--data', JSON.stringify({ lines: [
    { postingDate: '2026-01-02', entryType: 'positiveAdjustment', documentNo: 'OPEN-KIT', itemNo: 'PART-A', locationCode: 'MAIN', quantity: '10', unitCost: '10' },
    { postingDate: '2026-01-02', entryType: 'positiveAdjustment', documentNo: 'OPEN-KIT', itemNo: 'PART-B', locationCode: 'MAIN', quantity: '20', unitCost: '5' },
  ] }));
}

describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('ledgerline assembly-order / posted-assembly-order', () => {
  beforeAll(async () => {
    await ok('demo');
    await givenNumberSeries();
    await givenKit();
  }, 600_000);

  it('creates a stand-alone order from the BOM, posts it at actual cost 60.00, and shows the posted order', { timeout: 240_000 }, async () => {
    const created = await ok('assembly-order', 'create', 'KIT', '3', '--due-date', '2026-01-12', '--location', 'MAIN');
    const no = /Created assembly order (\S+)\./.exec(created.stdout)?.[1];
    expect(no).toMatch(/^CAO\d+$/);
    expect(created.stdout).toContain(`Assembly order ${no}: 3 KIT Kit`);
    expect(created.stdout).toContain('Status open, due 2026-01-12, location MAIN; to assemble 3, assembled 0, remaining 3');
    expect(created.stdout).toContain('Stand-alone (assembled to stock).');
    expect(created.stdout).toMatch(/10000\s+item\s+PART-A\s+Part A\s+1\s+3\s+3\s+MAIN\s+2026-01-12/);
    expect(created.stdout).toMatch(/20000\s+item\s+PART-B\s+Part B\s+2\s+6\s+6\s+MAIN\s+2026-01-12/);
    expect((await ok('assembly-order', 'show', no!, '--json')).json()).toMatchObject({ no, itemNo: 'KIT', quantity: '3.00000', assembleToOrder: false, lines: [{ no: 'PART-A' }, { no: 'PART-B' }] });
    expect((await ok('assembly-order', 'list', '--item', 'KIT')).stdout).toMatch(new RegExp(`${no}\\s+KIT\\s+Kit\\s+3\\s+3\\s+3\\s+2026-01-12\\s+open\\s+-`));

    const posted = await ok('assembly-order', 'post', no!);
    const postedNo = /as (CPAO\d+):/.exec(posted.stdout)?.[1];
    expect(posted.stdout).toContain(`Posted assembly order ${no} as ${postedNo}: quantity 3, cost 60.00`);
    expect(posted.stdout).toContain('fully assembled and deleted');
    const gone = await ledgerline('assembly-order', 'show', no!);
    expect([gone.status, gone.stderr]).toEqual([1, expect.stringContaining('NOT_FOUND')]);

    const shown = (await ok('posted-assembly-order', postedNo!)).stdout;
    expect(shown).toContain(`Posted assembly order ${postedNo} (from assembly order ${no}): 3 KIT Kit`);
    expect(shown).toContain('Posted 2026-01-05, location MAIN, cost 60.00');
    expect(shown).toMatch(/10000\s+PART-A\s+Part A\s+1\s+3\s+30\.00/);
    expect(shown).toMatch(/20000\s+PART-B\s+Part B\s+2\s+6\s+30\.00/);
    const json = (await ok('posted-assembly-order', postedNo!, '--json')).json();
    expect(json.lines.map((line: Record<string, string>) => [line.no, line.quantity, line.costAmount])).toEqual([['PART-A', '3.00000', '30.00'], ['PART-B', '6.00000', '30.00']]);
    // The output is in stock at MAIN at the consumed components' cost.
    expect((await ok('get', 'items/KIT/inventory')).json()).toMatchObject({ inventory: '3', byLocation: [{ locationCode: 'MAIN', quantity: '3' }], inventoryValue: '60.00' });
  });

  it('adds and removes a component line, and says what is wrong with the arguments', { timeout: 240_000 }, async () => {
    const { no } = (await ok('assembly-order', 'create', 'KIT', '1', '--location', 'MAIN', '--json')).json() as { no: string };
    const added = await ok('assembly-order', 'line', no, 'PART-A', '2');
    expect(added.stdout).toContain('Added line 30000: PART-A × 2 per (quantity 2).');
    expect(added.stdout).toMatch(/30000\s+item\s+PART-A\s+Part A\s+2\s+2\s+2/);
    const removed = await ok('assembly-order', 'line', no, '--remove', '30000');
    expect(removed.stdout).toContain(`Removed line 30000 from assembly order ${no}.`);
    expect(removed.stdout).not.toContain('30000  item');
    expect((await ok('assembly-order', 'show', no, '--json')).json().lines.map((line: { lineNo: number }) => line.lineNo)).toEqual([10000, 20000]);

    const missing = await ledgerline('assembly-order', 'line', no, 'PART-A');
    expect([missing.status, missing.stderr]).toEqual([1, expect.stringContaining('Give the component\'s item number and quantity per')]);
    const badLine = await ledgerline('assembly-order', 'line', no, '--remove', 'x');
    expect([badLine.status, badLine.stderr]).toEqual([1, expect.stringContaining('The line number must be a whole number')]);
  });

  it('shows an order assembled to order with its sales line and refuses to post it (ASSEMBLY_ORDER_LINKED)', { timeout: 240_000 }, async () => {
    const order = (await create('salesOrders', {
      sellToCustomerNo: 'C00010', locationCode: 'MAIN',
      lines: [{ type: 'item', no: 'KIT', quantity: '2', qtyToAssembleToOrder: '2', locationCode: 'MAIN', shipmentDate: '2026-01-12' }],
    })).json() as { no: string; lines: Array<{ lineNo: number }> };
    const lineNo = order.lines[0]!.lineNo;

    const listed = await ok('assembly-order', 'list', '--sales-order', order.no, '--json');
    const [linked] = listed.json().items as Array<{ no: string }>;
    expect(listed.json().items).toMatchObject([{ itemNo: 'KIT', quantity: '2.00000', assembleToOrder: true, salesDocumentNo: order.no, salesLineNo: lineNo }]);
    expect((await ok('assembly-order', 'list', '--sales-order', order.no)).stdout).toContain(`sales order ${order.no} line ${lineNo}`);
    const shown = (await ok('assembly-order', 'show', linked!.no)).stdout;
    expect(shown).toContain(`Assembled to order for sales order ${order.no} line ${lineNo}: it is changed through that line and posted by shipping it.`);
    expect(shown).toMatch(/PART-B\s+Part B\s+2\s+4\s+4/);

    const refused = await ledgerline('assembly-order', 'post', linked!.no);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('ASSEMBLY_ORDER_LINKED');
    expect(refused.stderr).toContain(`is assembled to order for sales order ${order.no} line ${lineNo}`);
    expect(refused.stdout).toBe('');
    expect((await ok('assembly-order', 'show', linked!.no, '--json')).json()).toMatchObject({ assembledQuantity: '0.00000' });
  });
});
