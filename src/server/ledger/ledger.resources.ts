/**
 * The books, read-only (spec §20.1, §23; DESIGN §5): every ledger served by the generic resource
 * layer, keyed by entry number, paged in entry order and filtered by the fields BC users filter on.
 * Reading is open to every signed-in role; nothing here writes (server/ledger's posting code does).
 */
import { inArray, sum } from 'drizzle-orm';
import { z } from 'zod';
import {
  bankAccountLedgerEntry, customerLedgerEntry, detailedCustomerLedgerEntry, detailedVendorLedgerEntry, glEntry, glRegister, itemApplicationEntry,
  itemLedgerEntry, valueEntry, vatEntry, vendorLedgerEntry,
} from '../db/schema/index.ts';
import type { Executor } from '../db/connection.ts';
import type { ResourceDefinition, Row } from '../master-data/resource.ts';

const byEntryNo = { param: 'entryNo', field: 'entryNo', kind: 'integer' } as const;

/**
 * A ledger has no create input: its "create schema" only brings code filters to the stored form
 * (`?customerNo=c` finds customer C), as the generic list does for master data.
 */
function codeFilters(fields: string[]): z.ZodObject {
  return z.strictObject(Object.fromEntries(fields.map((field) => [field, z.string().trim().transform((value) => value.toUpperCase())])));
}

function ledger(definition: Omit<ResourceDefinition, 'area' | 'readOnly' | 'createSchema' | 'updateSchema' | 'key'> & { codeFields: string[]; key?: ResourceDefinition['key'] }): ResourceDefinition {
  const { codeFields, ...rest } = definition;
  return {
    key: byEntryNo, dateRangeField: 'postingDate', ...rest,
    area: 'posting', readOnly: true, createSchema: codeFilters(codeFields), updateSchema: z.strictObject({}),
  };
}

export const glRegisterResource = ledger({
  name: 'glRegisters', entity: 'G/L Register', table: glRegister, key: { param: 'no', field: 'no', kind: 'integer' },
  filters: ['sourceCode', 'documentNo', 'userId'], codeFields: ['sourceCode', 'documentNo'],
});

export const glEntryResource = ledger({
  name: 'glEntries', entity: 'G/L Entry', table: glEntry,
  filters: [
    'glAccountNo', 'documentType', 'documentNo', 'transactionNo', 'externalDocumentNo', 'sourceType', 'sourceNo', 'sourceCode',
    'genPostingType', 'genBusPostingGroup', 'genProdPostingGroup', 'vatBusPostingGroup', 'vatProdPostingGroup',
  ],
  codeFields: ['glAccountNo', 'documentNo', 'sourceNo', 'sourceCode', 'genBusPostingGroup', 'genProdPostingGroup', 'vatBusPostingGroup', 'vatProdPostingGroup'],
  search: ['description', 'documentNo', 'externalDocumentNo'],
});

export const vatEntryResource = ledger({
  name: 'vatEntries', entity: 'VAT Entry', table: vatEntry,
  filters: ['type', 'documentType', 'documentNo', 'transactionNo', 'billToPayToNo', 'vatIdentifier', 'vatBusPostingGroup', 'vatProdPostingGroup', 'closed', 'externalDocumentNo'],
  codeFields: ['documentNo', 'billToPayToNo', 'vatIdentifier', 'vatBusPostingGroup', 'vatProdPostingGroup'],
  search: ['description', 'documentNo'],
});

export const customerLedgerEntryResource = ledger({
  name: 'customerLedgerEntries', entity: 'Customer Ledger Entry', table: customerLedgerEntry,
  filters: [
    'customerNo', 'sellToCustomerNo', 'documentType', 'documentNo', 'transactionNo', 'open', 'positive', 'currencyCode', 'externalDocumentNo',
    'salespersonCode', 'customerPostingGroup', 'dueDate',
  ],
  codeFields: ['customerNo', 'sellToCustomerNo', 'documentNo', 'currencyCode', 'salespersonCode', 'customerPostingGroup'],
  search: ['description', 'documentNo', 'externalDocumentNo'],
});

export const detailedCustomerLedgerEntryResource = ledger({
  name: 'detailedCustomerLedgerEntries', entity: 'Detailed Customer Ledger Entry', table: detailedCustomerLedgerEntry,
  filters: ['customerLedgerEntryNo', 'customerNo', 'entryType', 'documentType', 'documentNo', 'transactionNo', 'appliedCustomerLedgerEntryNo', 'currencyCode'],
  codeFields: ['customerNo', 'documentNo', 'currencyCode'],
});

export const vendorLedgerEntryResource = ledger({
  name: 'vendorLedgerEntries', entity: 'Vendor Ledger Entry', table: vendorLedgerEntry,
  filters: ['vendorNo', 'buyFromVendorNo', 'documentType', 'documentNo', 'transactionNo', 'open', 'positive', 'currencyCode', 'externalDocumentNo', 'dueDate'],
  codeFields: ['vendorNo', 'buyFromVendorNo', 'documentNo', 'currencyCode'],
  search: ['description', 'documentNo', 'externalDocumentNo'],
});

export const detailedVendorLedgerEntryResource = ledger({
  name: 'detailedVendorLedgerEntries', entity: 'Detailed Vendor Ledger Entry', table: detailedVendorLedgerEntry,
  filters: ['vendorLedgerEntryNo', 'vendorNo', 'entryType', 'documentType', 'documentNo', 'transactionNo', 'appliedVendorLedgerEntryNo', 'currencyCode'],
  codeFields: ['vendorNo', 'documentNo', 'currencyCode'],
});

export const bankAccountLedgerEntryResource = ledger({
  name: 'bankAccountLedgerEntries', entity: 'Bank Account Ledger Entry', table: bankAccountLedgerEntry,
  filters: ['bankAccountNo', 'documentType', 'documentNo', 'transactionNo', 'open', 'positive', 'currencyCode', 'balAccountType', 'balAccountNo', 'statementStatus'],
  codeFields: ['bankAccountNo', 'documentNo', 'currencyCode', 'balAccountNo'],
  search: ['description', 'documentNo', 'externalDocumentNo'],
});

/** BC's FlowFields of an item ledger entry: its cost and sales amounts are the sums of its value entries. */
const itemLedgerEntryAmounts = {
  shape: {
    costAmountActual: z.string(), costAmountExpected: z.string(), salesAmountActual: z.string(), salesAmountExpected: z.string(),
  },
  calculate: async (tx: Executor, rows: Row[]): Promise<Row[]> => {
    const entryNos = rows.map((row) => row.entryNo as number);
    const sums = entryNos.length === 0 ? [] : await tx.select({
      itemLedgerEntryNo: valueEntry.itemLedgerEntryNo,
      costAmountActual: sum(valueEntry.costAmountActual),
      costAmountExpected: sum(valueEntry.costAmountExpected),
      salesAmountActual: sum(valueEntry.salesAmountActual),
      salesAmountExpected: sum(valueEntry.salesAmountExpected),
    }).from(valueEntry).where(inArray(valueEntry.itemLedgerEntryNo, entryNos)).groupBy(valueEntry.itemLedgerEntryNo);
    const byEntry = new Map(sums.map((row) => [row.itemLedgerEntryNo, row]));
    return rows.map((row) => {
      const found = byEntry.get(row.entryNo as number);
      return {
        ...row,
        costAmountActual: found?.costAmountActual ?? '0.00',
        costAmountExpected: found?.costAmountExpected ?? '0.00',
        salesAmountActual: found?.salesAmountActual ?? '0.00',
        salesAmountExpected: found?.salesAmountExpected ?? '0.00',
      };
    });
  },
};

export const itemLedgerEntryResource = ledger({
  name: 'itemLedgerEntries', entity: 'Item Ledger Entry', table: itemLedgerEntry,
  filters: [
    'itemNo', 'entryType', 'documentType', 'documentNo', 'documentLineNo', 'transactionNo', 'locationCode', 'sourceType', 'sourceNo',
    'open', 'positive', 'completelyInvoiced', 'correction', 'appliesToEntry',
  ],
  codeFields: ['itemNo', 'documentNo', 'locationCode', 'sourceNo'],
  search: ['description', 'documentNo'],
  flowFields: itemLedgerEntryAmounts,
});

export const valueEntryResource = ledger({
  name: 'valueEntries', entity: 'Value Entry', table: valueEntry,
  filters: [
    'itemLedgerEntryNo', 'itemNo', 'itemLedgerEntryType', 'entryType', 'documentType', 'documentNo', 'documentLineNo', 'transactionNo',
    'sourceType', 'sourceNo', 'locationCode', 'inventoryPostingGroup', 'adjustment',
  ],
  codeFields: ['itemNo', 'documentNo', 'sourceNo', 'locationCode', 'inventoryPostingGroup'],
  search: ['description', 'documentNo'],
});

export const itemApplicationEntryResource = ledger({
  name: 'itemApplicationEntries', entity: 'Item Application Entry', table: itemApplicationEntry,
  filters: ['itemLedgerEntryNo', 'inboundItemEntryNo', 'outboundItemEntryNo', 'transactionNo'], codeFields: [],
});

export const ledgerResources: ResourceDefinition[] = [
  glRegisterResource, glEntryResource, vatEntryResource, customerLedgerEntryResource, detailedCustomerLedgerEntryResource,
  vendorLedgerEntryResource, detailedVendorLedgerEntryResource, bankAccountLedgerEntryResource, itemLedgerEntryResource, valueEntryResource, itemApplicationEntryResource,
];
