import { describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/money/decimal.ts';
import { assertBalanced } from '../../../src/core/posting/assert-balanced.ts';
import { type CostPostingInput, type CostPostingLine, buildCostPosting } from '../../../src/core/posting/cost-posting.ts';
import { domainErrorOf } from '../domain-error-helper.ts';
import { account, generalPostingSetups, glByAccount, glLines, inventoryPostingSetups } from './posting-fixture.ts';

function costLine(costAmountActual: string, costAmountExpected: string, overrides: Partial<CostPostingLine> = {}): CostPostingLine {
  return {
    lineNo: 10000,
    genBusPostingGroup: 'DOMESTIC',
    genProdPostingGroup: 'RETAIL',
    locationCode: '',
    inventoryPostingGroup: 'RESALE',
    costAmountActual: dec(costAmountActual),
    costAmountExpected: dec(costAmountExpected),
    ...overrides,
  };
}

function costInput(lines: CostPostingLine[], overrides: Partial<CostPostingInput> = {}): CostPostingInput {
  return {
    automaticCostPosting: true,
    expectedCostPostingToGl: false,
    description: 'Order SO-1',
    customerNo: 'C10000',
    lines,
    accounts: { generalPostingSetups, inventoryPostingSetups },
    ...overrides,
  };
}

// §7.11 with item 1000 at 60.00 (FIFO), value entries as the costing leaves them:
// step 1 ships 6 (expected −360.00), step 2 invoices 4 of them (actual −240.00, expected +240.00
// reversed), step 3 ships 4 and invoices 6: the 4 new ones invoiced at once (actual −240.00) and
// the 2 shipped earlier (actual −120.00, expected +120.00).
const steps: Array<[string, CostPostingLine[]]> = [
  ['step 1, Ship 6', [costLine('0', '-360.00')]],
  ['step 2, Invoice 4', [costLine('-240.00', '240.00')]],
  ['step 3, Ship and Invoice', [costLine('-360.00', '120.00')]],
];

describe('buildCostPosting (§7.5–7.6, §23.3)', () => {
  it.each([
    [steps[0]![0], steps[0]![1], {}],
    [steps[1]![0], steps[1]![1], { [account.cogs]: '240.00', [account.inventory]: '-240.00' }],
    [steps[2]![0], steps[2]![1], { [account.cogs]: '360.00', [account.inventory]: '-360.00' }],
  ])('Expected Cost Posting to G/L off, %s: only actual cost, Dr COGS / Cr Inventory', (_, lines, expected) => {
    const batch = buildCostPosting(costInput(lines));
    expect(glByAccount(batch)).toEqual(expected);
    assertBalanced(batch);
  });

  it.each([
    [steps[0]![0], steps[0]![1], { [account.inventoryInterim]: '-360.00', [account.cogsInterim]: '360.00' }],
    [steps[1]![0], steps[1]![1], {
      [account.inventory]: '-240.00', [account.cogs]: '240.00', [account.inventoryInterim]: '240.00', [account.cogsInterim]: '-240.00',
    }],
    [steps[2]![0], steps[2]![1], {
      [account.inventory]: '-360.00', [account.cogs]: '360.00', [account.inventoryInterim]: '120.00', [account.cogsInterim]: '-120.00',
    }],
  ])('Expected Cost Posting to G/L on, %s: interim accounts on shipment, reversed on invoice', (_, lines, expected) => {
    const batch = buildCostPosting(costInput(lines, { expectedCostPostingToGl: true }));
    expect(glByAccount(batch)).toEqual(expected);
    assertBalanced(batch);
  });

  it('over the three steps the interim accounts come back to 0 and COGS holds the cost of the 10 sold', () => {
    const totals = steps
      .map(([, lines]) => buildCostPosting(costInput(lines, { expectedCostPostingToGl: true })))
      .flatMap((batch) => batch.glEntries);
    expect(glByAccount({ glEntries: totals, vatEntries: [], customerLedgerEntries: [] })).toEqual({
      [account.inventoryInterim]: '0.00',
      [account.cogsInterim]: '0.00',
      [account.inventory]: '-600.00',
      [account.cogs]: '600.00',
    });
  });

  it('§17.9 return with exact cost: receipt +180.00 expected, credit memo +180.00 actual → Dr Inventory 180.00, Cr COGS 180.00', () => {
    const receipt = buildCostPosting(costInput([costLine('0', '180.00')], { expectedCostPostingToGl: true }));
    expect(glByAccount(receipt)).toEqual({ [account.inventoryInterim]: '180.00', [account.cogsInterim]: '-180.00' });
    const creditMemo = buildCostPosting(costInput([costLine('180.00', '-180.00')]));
    expect(glLines(creditMemo)).toEqual([`${account.inventory} 180.00`, `${account.cogs} -180.00`]);
  });

  it('G/L entries carry the description and the customer, no Gen. Posting Type; one pair per line', () => {
    const batch = buildCostPosting(costInput([costLine('-240.00', '0'), costLine('-60.00', '0', { lineNo: 20000 })]));
    expect(glLines(batch)).toEqual([`${account.inventory} -240.00`, `${account.cogs} 240.00`, `${account.inventory} -60.00`, `${account.cogs} 60.00`]);
    expect(batch.glEntries[0]).toMatchObject({ description: 'Order SO-1', genPostingType: '', sourceType: 'customer', sourceNo: 'C10000' });
  });

  it('without Automatic Cost Posting nothing is posted (Post Inventory Cost to G/L does it later)', () => {
    expect(buildCostPosting(costInput([costLine('-240.00', '240.00')], { automaticCostPosting: false, expectedCostPostingToGl: true })).glEntries).toEqual([]);
  });

  it('zero cost (e.g. Inventory Value Zero) posts nothing and needs no accounts', () => {
    const batch = buildCostPosting(costInput([costLine('0', '0', { genProdPostingGroup: 'NONE', inventoryPostingGroup: 'NONE' })]));
    expect(batch.glEntries).toEqual([]);
  });

  it.each([
    ['no inventory posting setup', costLine('-1.00', '0', { locationCode: 'BLUE' }), { setup: "inventory posting setup 'BLUE' × 'RESALE'" }, 'lines.0.inventoryPostingGroup'],
    ['no general posting setup', costLine('-1.00', '0', { genProdPostingGroup: 'MISC' }), { setup: "general posting setup 'DOMESTIC' × 'MISC'" }, 'lines.0.genProdPostingGroup'],
  ])('%s → POSTING_SETUP_MISSING', (_, line, params, field) => {
    const error = domainErrorOf(() => buildCostPosting(costInput([line])));
    expect([error.code, error.field]).toEqual(['POSTING_SETUP_MISSING', field]);
    expect(error.params).toMatchObject(params);
  });

  it('a blank interim account is refused only when expected cost is posted', () => {
    const accounts = {
      generalPostingSetups: generalPostingSetups.map((setup) => ({ ...setup, cogsAccountInterim: '' })),
      inventoryPostingSetups,
    };
    expect(buildCostPosting(costInput([costLine('0', '-360.00')], { accounts })).glEntries).toEqual([]);
    const error = domainErrorOf(() => buildCostPosting(costInput([costLine('0', '-360.00')], { accounts, expectedCostPostingToGl: true })));
    expect(error.params).toMatchObject({ field: 'COGS Account (Interim)' });
  });
});
