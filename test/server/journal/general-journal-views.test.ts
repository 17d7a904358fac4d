import { getTableColumns } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  bankAccountLedgerEntryView, detailedVendorLedgerEntryView, vendorLedgerEntryView,
} from '../../../src/core/journal/general-journal.views.ts';
import { bankAccountLedgerEntry, detailedVendorLedgerEntry, vendorLedgerEntry } from '../../../src/server/db/schema/index.ts';

// The preview answers the rows as the tables store them, through these views: zod would drop a column a view forgot.
describe('the general journal\'s ledger entry views', () => {
  it.each([
    ['vendor ledger entry', vendorLedgerEntryView, vendorLedgerEntry],
    ['detailed vendor ledger entry', detailedVendorLedgerEntryView, detailedVendorLedgerEntry],
    ['bank account ledger entry', bankAccountLedgerEntryView, bankAccountLedgerEntry],
  ] as const)('%s: one field per column, nullable where the column is', (_name, view, table) => {
    const columns = getTableColumns(table);
    expect(Object.keys(view.shape).sort()).toEqual(Object.keys(columns).sort());
    for (const [key, column] of Object.entries(columns)) {
      expect(view.shape[key as keyof typeof view.shape].safeParse(null).success, key).toBe(!column.notNull);
    }
  });
});
