import { describe, expect, it } from 'vitest';
import { entryTotal, formatEntryValue, ledgerSections } from '../../../src/web/ledgers/entry-format.ts';

describe('an entry value as the user reads it', () => {
  it.each([
    ['-1298.00', 'amount', 'nl-NL', '-1.298,00'],
    ['-1298.00', 'amount', 'en-US', '-1,298.00'],
    ['2.00000', 'quantity', 'nl-NL', '2'],
    ['389.50000', 'unitAmount', 'nl-NL', '389,50'],
    ['21.00000', 'percent', 'en-US', '21'],
    ['2026-11-25', 'date', 'nl-NL', '25-11-2026'],
    ['2026-11-25', 'date', 'en-US', '11/25/2026'],
    [true, 'boolean', 'en-US', 'Yes'],
    [false, 'boolean', 'en-US', 'No'],
    ['salesShipment', 'code', 'en-US', 'Sales Shipment'],
    [42, 'integer', 'en-US', '42'],
    [null, 'amount', 'en-US', ''],
    ['', 'text', 'en-US', ''],
  ] as const)('%j as %s in %s → %j', (value, kind, locale, expected) => {
    expect(formatEntryValue(value, kind, locale)).toBe(expected);
  });

  it('asks a document type for its caption as a document (Dutch Factuur), another code plainly', () => {
    const asked: unknown[] = [];
    const caption = (english: string, values?: Record<string, unknown>) => {
      asked.push([english, values]);
      return values?.context === 'document' ? `${english} as a document` : english;
    };
    expect(formatEntryValue('invoice', 'documentType', 'nl-NL', caption)).toBe('Invoice as a document');
    expect(formatEntryValue('invoice', 'code', 'nl-NL', caption)).toBe('Invoice');
    expect(asked).toEqual([['Invoice', { context: 'document' }], ['Invoice', undefined]]);
  });
});

describe('the total of an amount column', () => {
  it('adds exactly, where floats would not', () => {
    const entries = [{ entryNo: 1, amount: '0.10' }, { entryNo: 2, amount: '0.20' }, { entryNo: 3, amount: '-0.30' }];
    expect(entryTotal(entries, 'amount')).toBe('0.00');
    expect(entryTotal([{ entryNo: 1, amount: '1570.58' }, { entryNo: 2, amount: '-1298.00' }], 'amount')).toBe('272.58');
  });
});

describe('the ledgers of a preview or Find entries answer', () => {
  const entry = { entryNo: 1 };

  it('reads entries at the top level (the preview) and counts what it lists', () => {
    const sections = ledgerSections({ glEntries: [entry, { entryNo: 2 }], vatEntries: [] });
    expect(sections.map((section) => [section.spec.name, section.count])).toEqual([['glEntries', 2], ['vatEntries', 0]]);
  });

  it('reads entries grouped under `entries` with exact counts (Find entries), in BC order', () => {
    const sections = ledgerSections({ entries: { valueEntries: [entry], glEntries: [entry] }, counts: { valueEntries: 1, glEntries: 1500 } });
    expect(sections.map((section) => [section.spec.name, section.entries.length, section.count])).toEqual([['glEntries', 1, 1500], ['valueEntries', 1, 1]]);
  });

  it('places the vendor and bank account ledgers between the customer and item ledgers, as BC does', () => {
    const names = ['valueEntries', 'bankAccountLedgerEntries', 'detailedVendorLedgerEntries', 'vendorLedgerEntries', 'customerLedgerEntries'];
    const sections = ledgerSections({ counts: Object.fromEntries(names.map((name) => [name, 0])) });
    expect(sections.map((section) => section.spec.caption)).toEqual([
      'Customer Ledger Entries', 'Vendor Ledger Entries', 'Detailed Vendor Ledger Entries', 'Bank Account Ledger Entries', 'Value Entries',
    ]);
  });
});
