import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { type Decimal, ZERO, dec, sum } from '../../../src/core/money/decimal.ts';
import { roundAmount } from '../../../src/core/money/rounding.ts';
import { planItemPosting } from '../../../src/core/inventory/item-posting-planner.ts';
import type {
  CostFlowState, ItemInvoicing, ItemPostingEntry, ItemPostingItem, ItemPostingOptions, ItemPostingPlan, StoredItemApplication, StoredValueEntry,
} from '../../../src/core/inventory/item-posting.types.ts';
import { adjustmentCostLine, buildCostPosting } from '../../../src/core/posting/cost-posting.ts';
import { account, generalPostingSetups, inventoryPostingSetups } from '../posting/posting-fixture.ts';

/**
 * Cost adjustment (BC's Adjust Cost – Item Entries, as with Automatic Cost Adjustment = Always):
 * the case of the brief — a purchase received at 10.00 (expected 100.00 for 10), 4 of them sold,
 * then the purchase invoiced at 12.00 — and its variants: shipped only, partly invoiced, two layers,
 * a return and what took from it, Standard and Average items, a closed period, a shortage.
 */

// ------------------------------------------------------------------------------------------ builders

const item = (no: string, costingMethod: ItemPostingItem['costingMethod'] = 'fifo'): ItemPostingItem => ({
  no, type: 'inventory', costingMethod, unitCost: dec('10'), standardCost: dec('10'), preventNegativeInventory: 'default', quantityOnHand: ZERO, inventoryValue: ZERO,
});

/** A purchase receipt entry, not invoiced: all of its cost expected. */
const receipt = (id: number, quantity: string, cost: string, remainingQuantity: string): ItemPostingEntry => ({
  id, itemNo: 'F', locationCode: '', entryType: 'purchase', quantity: dec(quantity), remainingQuantity: dec(remainingQuantity), invoicedQuantity: ZERO,
  shippedQuantityNotReturned: ZERO, open: !dec(remainingQuantity).isZero(), costAmount: dec(cost), costAmountExpected: dec(cost), salesAmountExpected: ZERO,
  postingDate: '2026-01-05', documentType: 'purchaseReceipt', documentNo: 'PR1', documentLineNo: 10000,
});

/** A sale entry shipped on the shipment document (invoiced as given), fully applied unless a remaining quantity is given. */
const sale = (id: number, quantity: string, cost: string, fields: Partial<ItemPostingEntry> = {}): ItemPostingEntry => ({
  id, itemNo: 'F', locationCode: '', entryType: 'sale', quantity: dec(quantity), remainingQuantity: ZERO, invoicedQuantity: ZERO,
  shippedQuantityNotReturned: dec(quantity), open: false, costAmount: dec(cost), costAmountExpected: ZERO, salesAmountExpected: ZERO,
  postingDate: '2026-01-10', documentType: 'salesShipment', documentNo: `SS${id}`, documentLineNo: 10000, ...fields,
});

const value = (itemLedgerEntryNo: number, documentNo: string, postingDate: string, amounts: { invoiced?: string; actual?: string; expected?: string }): StoredValueEntry => ({
  itemLedgerEntryNo, postingDate, documentNo, documentLineNo: 10000, description: 'Desk',
  documentType: documentNo.startsWith('SS') ? 'salesShipment' : documentNo.startsWith('SI') ? 'salesInvoice' : documentNo.startsWith('SR') ? 'salesReturnReceipt' : 'salesCreditMemo',
  sourceType: 'customer', sourceNo: 'C', locationCode: '', inventoryPostingGroup: 'RESALE', genBusPostingGroup: 'DOMESTIC', genProdPostingGroup: 'RETAIL',
  invoicedQuantity: dec(amounts.invoiced ?? '0'), costAmountActual: dec(amounts.actual ?? '0'), costAmountExpected: dec(amounts.expected ?? '0'),
});

const takes = (outboundEntryNo: number, inboundEntryNo: number, quantity: string): StoredItemApplication => ({ inboundEntryNo, outboundEntryNo, quantity: dec(quantity).negated() });
const returns = (inboundEntryNo: number, outboundEntryNo: number, quantity: string): StoredItemApplication => ({ inboundEntryNo, outboundEntryNo, quantity: dec(quantity) });

/** The purchase invoice of the receipt entry: `quantity` of it at `cost` (LCY). */
function purchaseInvoice(itemLedgerEntryNo: number, quantity: string, cost: string): ItemInvoicing {
  return {
    key: `purchase ${itemLedgerEntryNo}`, documentType: 'purchaseInvoice', documentNo: 'PI1', documentLineNo: 10000, description: 'Desk',
    sourceType: 'vendor', sourceNo: 'V', genBusPostingGroup: 'DOMESTIC', genProdPostingGroup: 'RETAIL', inventoryPostingGroup: 'RESALE',
    salesAmount: ZERO, discountAmount: ZERO, itemLedgerEntryNo, invoicedQuantity: dec(quantity), costAmountActual: dec(cost),
  };
}

const options: ItemPostingOptions = { preventNegativeInventory: false, automaticCostPosting: true, expectedCostPostingToGl: false };

interface Case {
  items?: ItemPostingItem[];
  entries: ItemPostingEntry[];
  flow: Partial<CostFlowState> & Pick<CostFlowState, 'applications'>;
  invoicings: ItemInvoicing[];
}

function plan({ items = [item('F')], entries, flow, invoicings }: Case, given = options): ItemPostingPlan {
  return planItemPosting({ items, entries, costFlow: { valueEntries: [], allowPostingFrom: null, ...flow } }, [], invoicings, given);
}

const money = (amount: Decimal) => amount.toFixed(2);

/** The adjustment value entries, one line each. */
const adjustments = (result: ItemPostingPlan) => result.valueEntries.filter((entry) => entry.adjustment)
  .map((entry) => `${entry.itemLedgerEntryId} ${entry.documentNo} ${entry.postingDate} actual ${money(entry.costAmountActual)} expected ${money(entry.costAmountExpected)}`);

// --------------------------------------------------------------------------------------------- cases

describe('cost adjustment (Adjust Cost – Item Entries)', () => {
  const invoicedSale: Case = {
    entries: [receipt(1, '10', '100.00', '6'), sale(2, '-4', '-40.00', { invoicedQuantity: dec('-4') })],
    flow: {
      applications: [takes(2, 1, '4')],
      valueEntries: [value(2, 'SS2', '2026-01-10', { expected: '-40.00' }), value(2, 'SI2', '2026-01-12', { invoiced: '-4', actual: '-40.00', expected: '40.00' })],
    },
    invoicings: [purchaseInvoice(1, '10', '120.00')],
  };

  it('the sale invoiced before the purchase: −8.00 actual cost on its invoice, dated as the invoice, Adjustment = Yes', () => {
    const result = plan(invoicedSale);
    expect(adjustments(result)).toEqual(['2 SI2 2026-01-12 actual -8.00 expected 0.00']);
    const [adjustment] = result.valueEntries.filter((entry) => entry.adjustment);
    expect(adjustment).toMatchObject({
      itemNo: 'F', itemLedgerEntryType: 'sale', entryType: 'directCost', documentType: 'salesInvoice', sourceType: 'customer', sourceNo: 'C',
      itemLedgerEntryQuantity: ZERO, invoicedQuantity: ZERO, valuedQuantity: dec('-4'), costPerUnit: dec('2'), costPostedToGl: dec('-8.00'),
    });
    expect(result.adjustments).toEqual([expect.objectContaining({
      key: 'adjustment 2', itemLedgerEntryNo: 2, itemLedgerEntryType: 'sale', costAmountActual: dec('-8.00'), costAmountExpected: ZERO,
      postingDate: '2026-01-12', documentType: 'salesInvoice', documentNo: 'SI2', sourceType: 'customer', sourceNo: 'C',
    })]);
    // The purchase's own value entry is the invoicing's, not an adjustment.
    expect(result.valueEntries.filter((entry) => !entry.adjustment).map((entry) => [entry.itemLedgerEntryId, money(entry.costAmountActual), money(entry.costAmountExpected)]))
      .toEqual([[1, '120.00', '-100.00']]);
  });

  it('its G/L: COGS 8.00 debit, Inventory 8.00 credit, on the sales invoice, dated as it, sourced from the customer', () => {
    const [adjustment] = plan(invoicedSale).adjustments;
    const batch = buildCostPosting({
      automaticCostPosting: true, expectedCostPostingToGl: false, description: 'Order PO1', customerNo: '', vendorNo: 'V',
      lines: [adjustmentCostLine(adjustment!, 0)], accounts: { generalPostingSetups, inventoryPostingSetups },
    });
    expect(batch.glEntries.map((entry) => [entry.accountNo, money(entry.amount), entry.postingDate, entry.document?.documentType, entry.document?.documentNo, entry.sourceType, entry.sourceNo]))
      .toEqual([
        [account.inventory, '-8.00', '2026-01-12', 'invoice', 'SI2', 'customer', 'C'],
        [account.cogs, '8.00', '2026-01-12', 'invoice', 'SI2', 'customer', 'C'],
      ]);
  });

  it('the sale only shipped: −8.00 expected cost on the shipment; with Expected Cost Posting to G/L it is posted to the interim accounts', () => {
    const shipped: Case = {
      ...invoicedSale,
      entries: [receipt(1, '10', '100.00', '6'), sale(2, '-4', '-40.00', { costAmountExpected: dec('-40.00') })],
      flow: { applications: [takes(2, 1, '4')], valueEntries: [value(2, 'SS2', '2026-01-10', { expected: '-40.00' })] },
    };
    const result = plan(shipped, { ...options, expectedCostPostingToGl: true });
    expect(adjustments(result)).toEqual(['2 SS2 2026-01-10 actual 0.00 expected -8.00']);
    expect(result.valueEntries.find((entry) => entry.adjustment)).toMatchObject({ expectedCostPostedToGl: dec('-8.00'), costPostedToGl: ZERO });
    const batch = buildCostPosting({
      automaticCostPosting: true, expectedCostPostingToGl: true, description: 'Order PO1', customerNo: '', vendorNo: 'V',
      lines: result.adjustments.map((adjustment, index) => adjustmentCostLine(adjustment, index)), accounts: { generalPostingSetups, inventoryPostingSetups },
    });
    expect(batch.glEntries.map((entry) => [entry.accountNo, money(entry.amount), entry.document?.documentType, entry.document?.documentNo]))
      .toEqual([[account.inventoryInterim, '-8.00', '', 'SS2'], [account.cogsInterim, '8.00', '', 'SS2']]);
  });

  it('the sale half invoiced: the expected half on the shipment, the invoiced half on the invoice', () => {
    const result = plan({
      ...invoicedSale,
      entries: [receipt(1, '10', '100.00', '6'), sale(2, '-4', '-40.00', { invoicedQuantity: dec('-2'), costAmountExpected: dec('-20.00') })],
      flow: {
        applications: [takes(2, 1, '4')],
        valueEntries: [value(2, 'SS2', '2026-01-10', { expected: '-40.00' }), value(2, 'SI2', '2026-01-12', { invoiced: '-2', actual: '-20.00', expected: '20.00' })],
      },
    });
    expect(adjustments(result)).toEqual(['2 SS2 2026-01-10 actual 0.00 expected -4.00', '2 SI2 2026-01-12 actual -4.00 expected 0.00']);
  });

  it('a sale invoiced on two invoices gets one adjustment on each, shared by the quantity each invoiced', () => {
    const result = plan({
      ...invoicedSale,
      entries: [receipt(1, '3', '30.00', '0'), sale(2, '-3', '-30.00', { invoicedQuantity: dec('-3') })],
      flow: {
        applications: [takes(2, 1, '3')],
        valueEntries: [
          value(2, 'SS2', '2026-01-10', { expected: '-30.00' }),
          value(2, 'SI2', '2026-01-12', { invoiced: '-1', actual: '-10.00', expected: '10.00' }),
          value(2, 'SI3', '2026-01-13', { invoiced: '-2', actual: '-20.00', expected: '20.00' }),
        ],
      },
      invoicings: [purchaseInvoice(1, '3', '31.00')],
    });
    // 31.00 over 1 and 2: 10.33 and 20.67, so −0.33 and −0.67.
    expect(adjustments(result)).toEqual(['2 SI2 2026-01-12 actual -0.33 expected 0.00', '2 SI3 2026-01-13 actual -0.67 expected 0.00']);
  });

  it('a sale that took from two layers moves by its share of the one invoiced; one invoiced at its receipt cost adjusts nothing', () => {
    const twoLayers: Case = {
      entries: [receipt(1, '4', '40.00', '0'), receipt(3, '10', '150.00', '8'), sale(2, '-6', '-70.00', { invoicedQuantity: dec('-6') })],
      flow: {
        applications: [takes(2, 1, '4'), takes(2, 3, '2')],
        valueEntries: [value(2, 'SI2', '2026-01-12', { invoiced: '-6', actual: '-70.00' })],
      },
      invoicings: [purchaseInvoice(1, '4', '44.00')],
    };
    expect(adjustments(plan(twoLayers))).toEqual(['2 SI2 2026-01-12 actual -4.00 expected 0.00']);
    expect(adjustments(plan({ ...twoLayers, invoicings: [purchaseInvoice(1, '4', '40.00')] }))).toEqual([]);
  });

  it('flows on: the return of 1 from the sale (exact cost) follows it, and so does the sale that took that returned unit', () => {
    const result = plan({
      entries: [
        receipt(1, '10', '100.00', '6'), sale(2, '-4', '-40.00', { invoicedQuantity: dec('-4'), shippedQuantityNotReturned: dec('-3') }),
        sale(3, '1', '10.00', { invoicedQuantity: dec('1'), documentType: 'salesReturnReceipt', documentNo: 'SR3' }),
        sale(4, '-1', '-10.00', { invoicedQuantity: dec('-1') }),
      ],
      flow: {
        applications: [takes(2, 1, '4'), returns(3, 2, '1'), takes(4, 3, '1')],
        valueEntries: [
          value(2, 'SI2', '2026-01-12', { invoiced: '-4', actual: '-40.00' }),
          value(3, 'SC3', '2026-01-14', { invoiced: '1', actual: '10.00' }),
          value(4, 'SI4', '2026-01-16', { invoiced: '-1', actual: '-10.00' }),
        ],
      },
      invoicings: [purchaseInvoice(1, '10', '120.00')],
    });
    expect(adjustments(result)).toEqual([
      '2 SI2 2026-01-12 actual -8.00 expected 0.00', '3 SC3 2026-01-14 actual 2.00 expected 0.00', '4 SI4 2026-01-16 actual -2.00 expected 0.00',
    ]);
  });

  it('Standard and Average items are not adjusted (standard cost; average per valuation period: not done)', () => {
    expect(adjustments(plan({ ...invoicedSale, items: [item('F', 'standard')] }))).toEqual([]);
    expect(adjustments(plan({ ...invoicedSale, items: [item('F', 'average')] }))).toEqual([]);
  });

  it('a sale dated before Allow Posting From is adjusted on that first allowed date', () => {
    const result = plan({ ...invoicedSale, flow: { ...invoicedSale.flow, allowPostingFrom: '2026-02-01' } });
    expect(adjustments(result)).toEqual(['2 SI2 2026-02-01 actual -8.00 expected 0.00']);
  });

  it('a sale with a shortage still open keeps the cost of the shortage and moves by its share of the change', () => {
    // 3 from the receipt at 10.00 and 2 short at the unit cost 12.00: 54.00; the receipt invoiced at 12.00 adds 6.00.
    const result = plan({
      entries: [receipt(1, '3', '30.00', '0'), sale(2, '-5', '-54.00', { invoicedQuantity: dec('-5'), remainingQuantity: dec('-2'), open: true })],
      flow: { applications: [takes(2, 1, '3')], valueEntries: [value(2, 'SI2', '2026-01-12', { invoiced: '-5', actual: '-54.00' })] },
      invoicings: [purchaseInvoice(1, '3', '36.00')],
    });
    expect(adjustments(result)).toEqual(['2 SI2 2026-01-12 actual -6.00 expected 0.00']);
  });

  it('without a cost flow (nothing applied to the entries invoiced) there is nothing to adjust', () => {
    const result = planItemPosting({ items: [item('F')], entries: invoicedSale.entries }, [], invoicedSale.invoicings, options);
    expect(result.adjustments).toEqual([]);
    expect(result.valueEntries.every((entry) => !entry.adjustment)).toBe(true);
  });

  it('property: after the adjustment each sale costs exactly its share of the layers as invoiced, rounded once', () => {
    const layer = fc.record({ quantity: fc.integer({ min: 1, max: 9 }), received: fc.integer({ min: 100, max: 5000 }), invoiced: fc.integer({ min: 100, max: 5000 }) });
    fc.assert(fc.property(fc.array(layer, { minLength: 1, maxLength: 3 }), fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }), (layers, sales) => {
      const scenario = fifoScenario(layers, sales);
      const result = planItemPosting(scenario.state, [], scenario.invoicings, options);
      for (const [saleNo, sources] of scenario.sources) {
        const adjusted = sum(result.valueEntries.filter((entry) => entry.adjustment && entry.itemLedgerEntryId === saleNo).map((entry) => entry.costAmountActual));
        const exact = roundAmount(sum(sources.map(({ layerIndex, quantity }) => dec(String(layers[layerIndex]!.invoiced)).div(100).times(quantity))));
        expect(scenario.costs.get(saleNo)!.plus(adjusted).toFixed(2)).toBe(exact.negated().toFixed(2));
      }
    }), { numRuns: 200 });
  });
});

/**
 * Layers received at `received` cents each, sales taking FIFO from them (what fits), invoiced; then
 * every layer invoiced at `invoiced`. Sales cost what costOutbound gives: Σ shares, rounded once.
 */
function fifoScenario(layers: { quantity: number; received: number; invoiced: number }[], sales: number[]) {
  const remaining = layers.map((layer) => layer.quantity);
  const entries: ItemPostingEntry[] = [];
  const applications: StoredItemApplication[] = [];
  const valueEntries: StoredValueEntry[] = [];
  const sources = new Map<number, { layerIndex: number; quantity: number }[]>();
  const costs = new Map<number, Decimal>();
  sales.forEach((wanted, index) => {
    const saleNo = 100 + index;
    const taken: { layerIndex: number; quantity: number }[] = [];
    let left = wanted;
    remaining.forEach((available, layerIndex) => {
      const take = Math.min(left, available);
      if (take === 0) return;
      taken.push({ layerIndex, quantity: take });
      remaining[layerIndex] = available - take;
      left -= take;
    });
    const quantity = wanted - left;
    if (quantity === 0) return;
    const cost = roundAmount(sum(taken.map(({ layerIndex, quantity: part }) => dec(String(layers[layerIndex]!.received)).div(100).times(part)))).negated();
    entries.push(sale(saleNo, String(-quantity), cost.toFixed(2), { invoicedQuantity: dec(String(-quantity)) }));
    applications.push(...taken.map(({ layerIndex, quantity: part }) => takes(saleNo, layerIndex + 1, String(part))));
    valueEntries.push(value(saleNo, `SI${saleNo}`, '2026-01-12', { invoiced: String(-quantity), actual: cost.toFixed(2) }));
    sources.set(saleNo, taken);
    costs.set(saleNo, cost);
  });
  const receipts = layers.map((layer, index) => receipt(index + 1, String(layer.quantity), dec(String(layer.received)).div(100).times(layer.quantity).toFixed(2), String(remaining[index])));
  return {
    state: { items: [item('F')], entries: [...receipts, ...entries], costFlow: { applications, valueEntries, allowPostingFrom: null } },
    invoicings: layers.map((layer, index) => purchaseInvoice(index + 1, String(layer.quantity), dec(String(layer.invoiced)).div(100).times(layer.quantity).toFixed(2))),
    sources, costs,
  };
}
