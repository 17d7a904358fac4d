import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { DomainError } from '../../../src/core/errors.ts';
import { ZERO, dec } from '../../../src/core/money/decimal.ts';
import type { DatabaseHandle, Executor } from '../../../src/server/db/connection.ts';
import { item, itemApplicationEntry, itemLedgerEntry, unitOfMeasure, valueEntry } from '../../../src/server/db/schema/index.ts';
import { planItemPosting } from '../../../src/core/inventory/item-posting-planner.ts';
import type { ItemInvoicing, ItemMovement, ItemPostingOptions, PostedItemValue } from '../../../src/core/inventory/item-posting.types.ts';
import { EMPTY_POSTING_BATCH } from '../../../src/core/posting/entries.ts';
import { appendPosting } from '../../../src/server/ledger/append-posting.ts';
import { loadItemPostingState } from '../../../src/server/ledger/item-posting-state.ts';
import { freshDatabase } from '../../support/database.ts';
import { countingDatabase } from '../../support/statement-counter.ts';

let database: DatabaseHandle;
let db: Executor;
beforeEach(async () => {
  database = await freshDatabase();
  db = database.db;
  await db.insert(unitOfMeasure).values({ code: 'PCS' });
});
afterEach(() => database.close());

async function givenItem(no: string, fields: Partial<typeof item.$inferInsert> = {}) {
  await db.insert(item).values({ no, description: `Item ${no}`, baseUnitOfMeasure: 'PCS', unitCost: '65', ...fields });
}

let lineNo = 0;
function movement(itemNo: string, quantity: string, fields: Partial<ItemMovement> = {}): ItemMovement {
  lineNo += 10000;
  const inbound = !quantity.startsWith('-');
  return {
    key: String(lineNo), documentType: inbound ? '' : 'salesShipment', documentNo: 'DOC1', documentLineNo: lineNo, description: '',
    sourceType: inbound ? '' : 'customer', sourceNo: inbound ? '' : 'C', genBusPostingGroup: inbound ? '' : 'DOMESTIC',
    genProdPostingGroup: 'RETAIL', inventoryPostingGroup: 'RESALE', salesAmount: ZERO, discountAmount: ZERO,
    itemNo, locationCode: '', entryType: inbound ? 'positiveAdjustment' : 'sale', quantity: dec(quantity),
    invoicedQuantity: inbound ? dec(quantity) : ZERO, unitOfMeasureCode: 'PCS', quantityPerUnitOfMeasure: dec('1'),
    unitCost: null, appliesToEntry: null, appliesFromEntry: null, correction: false, ...fields,
  };
}

function invoicing(itemLedgerEntryNo: number, invoicedQuantity: string, salesAmount: string): ItemInvoicing {
  return {
    key: `invoice ${itemLedgerEntryNo}`, documentType: 'salesInvoice', documentNo: 'INV1', documentLineNo: 10000, description: '',
    sourceType: 'customer', sourceNo: 'C', genBusPostingGroup: 'DOMESTIC', genProdPostingGroup: 'RETAIL', inventoryPostingGroup: 'RESALE',
    salesAmount: dec(salesAmount), discountAmount: ZERO, itemLedgerEntryNo, invoicedQuantity: dec(invoicedQuantity),
  };
}

const defaults: ItemPostingOptions = { preventNegativeInventory: false, automaticCostPosting: true, expectedCostPostingToGl: false };

async function post(movements: ItemMovement[], invoicings: ItemInvoicing[] = [], options: Partial<ItemPostingOptions> = {}, on: Executor = db) {
  // Load (locked), plan in core, append: what every posting does with its goods.
  return on.transaction(async (tx) => {
    const state = await loadItemPostingState(tx as unknown as Executor, movements, invoicings);
    const plan = planItemPosting(state, movements, invoicings, { ...defaults, ...options });
    const appended = await appendPosting(tx as unknown as Executor, {
      facts: { postingDate: '2026-03-01', sourceCode: 'TEST', userId: 'tester', document: { documentType: '', documentNo: 'DOC1', externalDocumentNo: '', description: '' } },
      entries: EMPTY_POSTING_BATCH, items: plan, customerApplications: [],
    });
    const numbered = (value: PostedItemValue) => ({ ...value, itemLedgerEntryNo: appended.itemLedgerEntryNo(value.itemLedgerEntryNo) });
    return { movements: plan.movements.map(numbered), invoicings: plan.invoicings.map(numbered) };
  });
}

const entry = async (entryNo: number) => (await db.select().from(itemLedgerEntry).where(eq(itemLedgerEntry.entryNo, entryNo)))[0]!;
const valuesOf = (entryNo: number) => db.select().from(valueEntry).where(eq(valueEntry.itemLedgerEntryNo, entryNo)).orderBy(asc(valueEntry.entryNo));
const money = (value: { toFixed(places: number): string }) => value.toFixed(2);

async function givenStock(itemNo: string, ...layers: [quantity: string, unitCost: string][]) {
  const posted = await post(layers.map(([quantity, unitCost]) => movement(itemNo, quantity, { unitCost: dec(unitCost) })));
  return posted.movements.map((value) => value.itemLedgerEntryNo);
}

describe('outbound costing', () => {
  it('FIFO: a sale of 25 from layers of 20 at 60.00 and 20 at 70.00 costs 1200.00 + 350.00', async () => {
    await givenItem('F');
    const [first, second] = await givenStock('F', ['20', '60'], ['20', '70']);
    const { movements: [sale] } = await post([movement('F', '-25', { salesAmount: dec('2500.00') })]);
    expect(money(sale!.costAmountExpected)).toBe('-1550.00');
    expect(money(sale!.costAmountActual)).toBe('0.00');
    expect(sale!.unitCost.toString()).toBe('62');

    expect(await entry(first!)).toMatchObject({ remainingQuantity: '0.00000', open: false });
    expect(await entry(second!)).toMatchObject({ remainingQuantity: '15.00000', open: true });
    expect(await entry(sale!.itemLedgerEntryNo)).toMatchObject({
      quantity: '-25.00000', remainingQuantity: '0.00000', open: false, positive: false, invoicedQuantity: '0.00000',
      completelyInvoiced: false, shippedQuantityNotReturned: '-25.00000',
    });
    const [value] = await valuesOf(sale!.itemLedgerEntryNo);
    expect(value).toMatchObject({
      costAmountExpected: '-1550.00', costAmountActual: '0.00', salesAmountExpected: '2500.00', salesAmountActual: '0.00',
      itemLedgerEntryQuantity: '-25.00000', valuedQuantity: '-25.00000', invoicedQuantity: '0.00000', costPerUnit: '62.00000',
      costPostedToGl: '0.00', expectedCostPostedToGl: '0.00',
    });
    const applications = await db.select().from(itemApplicationEntry).where(eq(itemApplicationEntry.outboundItemEntryNo, sale!.itemLedgerEntryNo));
    expect(applications.map((row) => [row.inboundItemEntryNo, row.quantity])).toEqual([[first, '-20.00000'], [second, '-5.00000']]);
  });

  it('Average: sells at inventory value / quantity, and inbound postings keep Unit Cost at the average', async () => {
    await givenItem('AV', { costingMethod: 'average' });
    await givenStock('AV', ['10', '60'], ['10', '70']);
    const [after] = await db.select().from(item).where(eq(item.no, 'AV'));
    expect(after).toMatchObject({ unitCost: '65.00000', version: 2 });
    const { movements: [sale] } = await post([movement('AV', '-5', { invoicedQuantity: dec('-5') })]);
    expect(money(sale!.costAmountActual)).toBe('-325.00');
    await givenStock('AV', ['5', '85']);
    expect((await db.select().from(item).where(eq(item.no, 'AV')))[0]).toMatchObject({ unitCost: '70.00000', version: 3 });
  });

  // Two connections: PGlite has one (its transactions take turns), so this runs on a server only.
  it.skipIf(!process.env.TEST_DATABASE_URL)('Average: a sale that waited for the item\'s lock costs at the average the receipt it waited for made', async () => {
    await givenItem('AV', { costingMethod: 'average' });
    await givenStock('AV', ['10', '10']);
    let release!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    let written!: () => void;
    const receiptWritten = new Promise<void>((resolve) => { written = resolve; });
    // 10 more at 20.00, committed only once the sale waits for the item: then 20 on hand worth 300.00.
    const receipt = db.transaction(async (tx) => {
      await post([movement('AV', '10', { unitCost: dec('20') })], [], {}, tx as unknown as Executor);
      written();
      await held;
    });
    await receiptWritten;
    const sale = post([movement('AV', '-5')]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await receipt;
    const { movements: [sold] } = await sale;
    // 5 × 300.00 / 20; the sums as they stood before the receipt (10 worth 100.00) would give 50.00.
    expect(money(sold!.costAmountExpected)).toBe('-75.00');
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)('invoicing a shipment that waited for a receipt\'s invoice sees the cost that invoice flowed to it', async () => {
    await givenItem('FL');
    // 10 received at an expected 10.00, 4 of them shipped (expected -40.00).
    const [receipt] = (await post([movement('FL', '10', { unitCost: dec('10'), invoicedQuantity: ZERO })])).movements.map((value) => value.itemLedgerEntryNo);
    const { movements: [shipped] } = await post([movement('FL', '-4')]);
    let release!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    let written!: () => void;
    const invoiceWritten = new Promise<void>((resolve) => { written = resolve; });
    // The receipt invoiced at 150.00, committed only once the shipment's invoice waits: its cost flows on, the shipment's expected cost becomes -60.00.
    const receiptInvoice = db.transaction(async (tx) => {
      await post([], [{ ...invoicing(receipt!, '10', '0.00'), costAmountActual: dec('150') }], {}, tx as unknown as Executor);
      written();
      await held;
    });
    await invoiceWritten;
    const shipmentInvoice = post([], [invoicing(shipped!.itemLedgerEntryNo, '-4', '100.00')]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await receiptInvoice;
    await shipmentInvoice;
    // Invoiced in full: nothing expected is left, the actual cost is 4 × 15.00 (read before the flow: -20.00 expected left, -40.00 actual).
    const values = await valuesOf(shipped!.itemLedgerEntryNo);
    expect(money(values.reduce((total, value) => total.plus(value.costAmountExpected), ZERO))).toBe('0.00');
    expect(money(values.reduce((total, value) => total.plus(value.costAmountActual), ZERO))).toBe('-60.00');
  });

  it('Standard: every unit is worth the standard cost, coming in and going out', async () => {
    await givenItem('ST', { costingMethod: 'standard', standardCost: '62' });
    const [layer] = await givenStock('ST', ['10', '80']);
    expect((await valuesOf(layer!))[0]!.costAmountActual).toBe('620.00');
    const { movements: [sale] } = await post([movement('ST', '-4')]);
    expect(money(sale!.costAmountExpected)).toBe('-248.00');
  });

  it('a fixed application takes the stock from the named entry, at its cost', async () => {
    await givenItem('F');
    const [first, second] = await givenStock('F', ['10', '60'], ['10', '70']);
    const { movements: [sale] } = await post([movement('F', '-5', { appliesToEntry: second! })]);
    expect(money(sale!.costAmountExpected)).toBe('-350.00');
    expect((await entry(first!)).remainingQuantity).toBe('10.00000');
    expect((await entry(second!)).remainingQuantity).toBe('5.00000');
    expect((await entry(sale!.itemLedgerEntryNo)).appliesToEntry).toBe(second);
    await expect(post([movement('F', '-6', { appliesToEntry: second! })])).rejects.toMatchObject({ code: 'APPLICATION_INVALID', params: { entryField: 'appliesToEntry' } });
  });

  it('sees stock brought in earlier in the same posting', async () => {
    await givenItem('F');
    const posted = await post([movement('F', '10', { unitCost: dec('60') }), movement('F', '-4')]);
    expect(money(posted.movements[1]!.costAmountExpected)).toBe('-240.00');
    expect((await entry(posted.movements[0]!.itemLedgerEntryNo)).remainingQuantity).toBe('6.00000');
  });
});

describe('negative inventory', () => {
  it('is refused when prevented, by the setup or by the item, and nothing is written', async () => {
    await givenItem('F');
    await givenItem('Y', { preventNegativeInventory: 'yes' });
    await givenStock('F', ['3', '60']);
    const error = await post([movement('F', '-5')], [], { preventNegativeInventory: true }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'INSUFFICIENT_INVENTORY', params: { itemNo: 'F', locationCode: '', available: '3', requested: '5' } });
    await expect(post([movement('Y', '-1')])).rejects.toMatchObject({ code: 'INSUFFICIENT_INVENTORY' });
    expect(await db.select().from(itemLedgerEntry)).toHaveLength(1);
  });

  it('is allowed otherwise: the shortage stays open at the unit cost, and the next receipt closes it', async () => {
    await givenItem('F');
    await givenItem('N', { preventNegativeInventory: 'no' });
    const [layer] = await givenStock('F', ['3', '60']);
    const { movements: [sale] } = await post([movement('F', '-5')]);
    expect(money(sale!.costAmountExpected)).toBe('-310.00'); // 3 × 60.00 + 2 × 65.00 (unit cost)
    expect(await entry(sale!.itemLedgerEntryNo)).toMatchObject({ remainingQuantity: '-2.00000', open: true });
    expect((await entry(layer!)).open).toBe(false);

    const [receipt] = await givenStock('F', ['10', '70']);
    expect(await entry(sale!.itemLedgerEntryNo)).toMatchObject({ remainingQuantity: '0.00000', open: false });
    expect(await entry(receipt!)).toMatchObject({ remainingQuantity: '8.00000', open: true });
    const closing = await db.select().from(itemApplicationEntry).where(eq(itemApplicationEntry.itemLedgerEntryNo, receipt!));
    expect(closing.map((row) => [row.inboundItemEntryNo, row.outboundItemEntryNo, row.quantity])).toEqual([
      [receipt, null, '10.00000'], [receipt, sale!.itemLedgerEntryNo, '-2.00000'],
    ]);

    await expect(post([movement('N', '-1')], [], { preventNegativeInventory: true })).resolves.toBeDefined();
  });
});

describe('exact cost reversal (§17.5, §17.9)', () => {
  it('brings a return back at the cost of the sale, and no more than was sold', async () => {
    await givenItem('AV', { costingMethod: 'average' });
    await givenStock('AV', ['10', '60']);
    const { movements: [sale] } = await post([movement('AV', '-10', { invoicedQuantity: dec('-10') })]);
    await givenStock('AV', ['10', '70']);
    const returned = (quantity: string) => movement('AV', quantity, { entryType: 'sale', documentType: 'salesReturnReceipt', invoicedQuantity: ZERO, appliesFromEntry: sale!.itemLedgerEntryNo });
    const { movements: [back] } = await post([returned('3')]);
    expect(money(back!.costAmountExpected)).toBe('180.00');
    expect(back!.unitCost.toString()).toBe('60');
    expect((await entry(sale!.itemLedgerEntryNo)).shippedQuantityNotReturned).toBe('-7.00000');
    expect(await entry(back!.itemLedgerEntryNo)).toMatchObject({ appliesToEntry: sale!.itemLedgerEntryNo, remainingQuantity: '3.00000', shippedQuantityNotReturned: '0.00000' });
    const [link] = await db.select().from(itemApplicationEntry).where(eq(itemApplicationEntry.itemLedgerEntryNo, back!.itemLedgerEntryNo));
    expect(link).toMatchObject({ inboundItemEntryNo: back!.itemLedgerEntryNo, outboundItemEntryNo: sale!.itemLedgerEntryNo, quantity: '3.00000' });

    await expect(post([returned('8')])).rejects.toMatchObject({ code: 'APPLICATION_INVALID', params: { entryField: 'appliesFromEntry' } });
    const [layer] = await givenStock('AV', ['1', '70']);
    await expect(post([movement('AV', '1', { appliesFromEntry: layer! })])).rejects.toMatchObject({ code: 'APPLICATION_INVALID', params: { entryField: 'appliesFromEntry' } });
  });
});

describe('invoicing', () => {
  it('bills a shipment in two parts that add up exactly, then refuses more', async () => {
    await givenItem('F');
    await givenStock('F', ['3', '33.33333']); // 3 for 100.00
    const { movements: [shipment] } = await post([movement('F', '-3', { salesAmount: dec('200.00') })]);
    expect(money(shipment!.costAmountExpected)).toBe('-100.00');
    const entryNo = shipment!.itemLedgerEntryNo;

    const first = await post([], [invoicing(entryNo, '-1', '66.67')]);
    expect(first.invoicings[0]).toMatchObject({ key: `invoice ${entryNo}`, itemLedgerEntryNo: entryNo });
    expect([money(first.invoicings[0]!.costAmountActual), money(first.invoicings[0]!.costAmountExpected)]).toEqual(['-33.33', '33.33']);
    expect(await entry(entryNo)).toMatchObject({ invoicedQuantity: '-1.00000', completelyInvoiced: false });

    const second = await post([], [invoicing(entryNo, '-2', '133.33')]);
    expect(money(second.invoicings[0]!.costAmountActual)).toBe('-66.67');
    expect(await entry(entryNo)).toMatchObject({ invoicedQuantity: '-3.00000', completelyInvoiced: true });

    const values = await valuesOf(entryNo);
    const total = (field: 'costAmountActual' | 'costAmountExpected' | 'salesAmountActual' | 'salesAmountExpected') =>
      values.reduce((sum, row) => sum.plus(dec(row[field])), ZERO).toFixed(2);
    expect([total('costAmountActual'), total('costAmountExpected'), total('salesAmountActual'), total('salesAmountExpected')])
      .toEqual(['-100.00', '0.00', '200.00', '0.00']);
    expect(values[1]).toMatchObject({ itemLedgerEntryQuantity: '0.00000', invoicedQuantity: '-1.00000', costPostedToGl: '-33.33' });

    await expect(post([], [invoicing(entryNo, '-1', '1.00')])).rejects.toMatchObject({ code: 'SHIPMENT_ALREADY_INVOICED' });
  });

  it('splits a shipment invoiced in part in the same posting into actual and expected, exactly', async () => {
    await givenItem('F');
    await givenStock('F', ['10', '60']);
    const { movements: [sale] } = await post(
      [movement('F', '-6', { invoicedQuantity: dec('-4'), salesAmount: dec('600.00'), discountAmount: dec('30.00') })],
      [], { expectedCostPostingToGl: true },
    );
    expect([money(sale!.costAmountActual), money(sale!.costAmountExpected)]).toEqual(['-240.00', '-120.00']);
    const [value] = await valuesOf(sale!.itemLedgerEntryNo);
    expect(value).toMatchObject({
      salesAmountActual: '400.00', salesAmountExpected: '200.00', discountAmount: '20.00', invoicedQuantity: '-4.00000',
      costPostedToGl: '-240.00', expectedCostPostedToGl: '-120.00',
    });
    expect(await entry(sale!.itemLedgerEntryNo)).toMatchObject({ invoicedQuantity: '-4.00000', completelyInvoiced: false });
  });
});

describe('the books', () => {
  it('refuse deleting an item ledger entry or changing anything but its derived columns', async () => {
    await givenItem('F');
    const [entryNo] = await givenStock('F', ['1', '60']);
    expect(await refusal(db.delete(itemLedgerEntry).where(eq(itemLedgerEntry.entryNo, entryNo!)))).toMatch(/LEDGER_IMMUTABLE/);
    expect(await refusal(db.update(itemLedgerEntry).set({ quantity: '2' }).where(eq(itemLedgerEntry.entryNo, entryNo!)))).toMatch(/LEDGER_IMMUTABLE/);
    expect(await refusal(db.delete(valueEntry))).toMatch(/LEDGER_IMMUTABLE/);
    expect((await entry(entryNo!)).quantity).toBe('1.00000');
  });

  it('take as many statements for 100 lines as for 1', async () => {
    const items = Array.from({ length: 100 }, (_, index) => `I${String(index).padStart(3, '0')}`);
    for (const no of items) await givenItem(no, { costingMethod: index(no) % 2 === 0 ? 'average' : 'fifo' });
    await post(items.flatMap((no) => [movement(no, '5', { unitCost: dec('10') }), movement(no, '5', { unitCost: dec('12') })]));
    // Shipped 2 each, so each of the two measured postings can invoice 1 of them.
    const shipped = await post(items.map((no) => movement(no, '-2')));

    const statements = async (count: number) => {
      const counted = countingDatabase(database);
      const lines = items.slice(0, count);
      const sales = lines.map((no) => movement(no, '-7'));
      const invoiced = shipped.movements.slice(0, count).map((value) => invoicing(value.itemLedgerEntryNo, '-1', '10.00'));
      const receipts = lines.map((no) => movement(no, '3', { unitCost: dec('11') }));
      await post([...sales, ...receipts], invoiced, {}, counted.db);
      return counted.statements();
    };
    const one = await statements(1);
    // Items; entries with their value sums; the numbers; one statement inserting the register, entries, applications
    // and values and updating the entries and items. node-postgres also sends BEGIN and COMMIT through the logger; PGlite does not.
    expect(one).toBe(process.env.TEST_DATABASE_URL ? 6 : 4);
    expect(await statements(100)).toBe(one);
  });
});

/** The database's own message of a refused statement (drizzle wraps it as the cause). */
async function refusal(statement: PromiseLike<unknown>): Promise<string> {
  try {
    await statement;
  } catch (error) {
    return String((error as { cause?: Error }).cause?.message ?? (error as Error).message);
  }
  return 'not refused';
}

function index(no: string) {
  return Number(no.slice(1));
}

