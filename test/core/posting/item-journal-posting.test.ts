import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dec, sum } from '../../../src/core/money/decimal.ts';
import { type ItemJournalCostLine, type ItemJournalPostingInput, buildItemJournalPosting } from '../../../src/core/posting/item-journal-posting.ts';
import { domainErrorOf } from '../domain-error-helper.ts';

const accounts: ItemJournalPostingInput['accounts'] = {
  generalPostingSetups: [
    { genBusPostingGroup: '', genProdPostingGroup: 'RETAIL', inventoryAdjustmentAccount: '7100' },
    { genBusPostingGroup: 'DOMESTIC', genProdPostingGroup: 'RETAIL', inventoryAdjustmentAccount: '7999' },
    { genBusPostingGroup: '', genProdPostingGroup: 'NOADJ', inventoryAdjustmentAccount: '' },
  ],
  inventoryPostingSetups: [
    { locationCode: '', inventoryPostingGroup: 'RESALE', inventoryAccount: '3000', inventoryAccountInterim: '3010' },
    { locationCode: 'MAIN', inventoryPostingGroup: 'RESALE', inventoryAccount: '3100', inventoryAccountInterim: '3110' },
  ],
};

const costLine = (costAmountActual: string, fields: Partial<ItemJournalCostLine> = {}): ItemJournalCostLine => ({
  inputPath: 'lines.0', description: 'Opening', genProdPostingGroup: 'RETAIL', locationCode: '', inventoryPostingGroup: 'RESALE',
  costAmountActual: dec(costAmountActual), ...fields,
});

const entries = (input: Partial<ItemJournalPostingInput> & { lines: ItemJournalCostLine[] }) =>
  buildItemJournalPosting({ automaticCostPosting: true, accounts, ...input }).glEntries.map((entry) => [entry.accountNo, entry.amount.toFixed(2)]);

describe('buildItemJournalPosting', () => {
  it.each([
    ['a positive adjustment debits Inventory, credits Inventory Adjustment (blank business group)', [costLine('3000.00')], [['3000', '3000.00'], ['7100', '-3000.00']]],
    ['a negative adjustment the other way round', [costLine('-1550.00')], [['3000', '-1550.00'], ['7100', '1550.00']]],
    ['the location picks the inventory posting setup', [costLine('10.00', { locationCode: 'MAIN' })], [['3100', '10.00'], ['7100', '-10.00']]],
    ['a line of zero cost posts nothing', [costLine('0')], []],
  ])('%s', (_, lines, expected) => {
    expect(entries({ lines })).toEqual(expected);
  });

  it('posts nothing without Automatic Cost Posting', () => {
    expect(entries({ automaticCostPosting: false, lines: [costLine('3000.00')] })).toEqual([]);
  });

  it.each([
    ['no inventory posting setup', costLine('1.00', { locationCode: 'ROTTERDAM' }), 'lines.0.locationCode'],
    ['no general posting setup with a blank business group', costLine('1.00', { genProdPostingGroup: 'SERVICES' }), 'lines.0.itemNo'],
    ['a blank Inventory Adjustment Account', costLine('1.00', { genProdPostingGroup: 'NOADJ' }), 'lines.0.itemNo'],
  ])('refuses %s', (_, line, field) => {
    const error = domainErrorOf(() => buildItemJournalPosting({ automaticCostPosting: true, accounts, lines: [line] }));
    expect([error.code, error.field]).toEqual(['POSTING_SETUP_MISSING', field]);
  });

  it('always balances', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -10_000_000, max: 10_000_000 }), { maxLength: 20 }), (amounts) => {
      const batch = buildItemJournalPosting({ automaticCostPosting: true, accounts, lines: amounts.map((cents) => costLine(dec(String(cents)).div(100).toFixed(2))) });
      expect(sum(batch.glEntries.map((entry) => entry.amount)).isZero()).toBe(true);
    }));
  });
});
