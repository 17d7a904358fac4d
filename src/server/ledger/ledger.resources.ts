/**
 * The books, read-only (spec §20.1, §23; DESIGN §5): every ledger served by the generic resource
 * layer, keyed by entry number, paged in entry order (or `?sort=-entryNo`, newest first, as the web lists open)
 * and filtered by the fields BC users filter on; the lists carry the customer, vendor, account or item name.
 * Reading is open to every signed-in role; nothing here writes (server/ledger's posting code does).
 */
import { and, eq, inArray, sql, sum } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import {
  bankAccount, customer, glAccount, item, vendor,
  bankAccountLedgerEntry, customerLedgerEntry, detailedCustomerLedgerEntry, detailedVendorLedgerEntry, glEntry, glRegister, itemApplicationEntry,
  itemLedgerEntry, valueEntry, vatEntry, vendorLedgerEntry,
} from '../db/schema/index.ts';
import type { Executor } from '../db/connection.ts';
import type { ListLookup, ResourceDefinition, Row } from '../master-data/resource.ts';

const byEntryNo = { param: 'entryNo', field: 'entryNo', kind: 'integer' } as const;

/**
 * The name beside a number in the ledger lists (BC shows Customer Name, G/L Account Name, Item
 * Description there): one LEFT JOIN per name, in the list query itself.
 */
const customerName = (no: PgColumn): ListLookup => ({ field: 'customerName', joins: [{ table: customer, on: eq(customer.no, no) }], value: customer.name });
const vendorName = (no: PgColumn): ListLookup => ({ field: 'vendorName', joins: [{ table: vendor, on: eq(vendor.no, no) }], value: vendor.name });
const itemDescription = (no: PgColumn): ListLookup => ({ field: 'itemDescription', joins: [{ table: item, on: eq(item.no, no) }], value: item.description });

/** A VAT entry's Bill-to/Pay-to No. is a customer on sales and a vendor on purchases. */
const billToPayToName: ListLookup = {
  field: 'billToPayToName',
  joins: [
    { table: customer, on: and(eq(vatEntry.type, 'sale'), eq(customer.no, vatEntry.billToPayToNo))! },
    { table: vendor, on: and(eq(vatEntry.type, 'purchase'), eq(vendor.no, vatEntry.billToPayToNo))! },
  ],
  value: sql<string | null>`coalesce(${customer.name}, ${vendor.name})`,
};

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
  lookups: [{ field: 'glAccountName', joins: [{ table: glAccount, on: eq(glAccount.no, glEntry.glAccountNo) }], value: glAccount.name }],
});

export const vatEntryResource = ledger({
  name: 'vatEntries', entity: 'VAT Entry', table: vatEntry,
  filters: ['type', 'documentType', 'documentNo', 'transactionNo', 'billToPayToNo', 'vatIdentifier', 'vatBusPostingGroup', 'vatProdPostingGroup', 'closed', 'externalDocumentNo'],
  codeFields: ['documentNo', 'billToPayToNo', 'vatIdentifier', 'vatBusPostingGroup', 'vatProdPostingGroup'],
  search: ['description', 'documentNo'],
  lookups: [billToPayToName],
});

export const customerLedgerEntryResource = ledger({
  name: 'customerLedgerEntries', entity: 'Customer Ledger Entry', table: customerLedgerEntry,
  filters: [
    'customerNo', 'sellToCustomerNo', 'documentType', 'documentNo', 'transactionNo', 'open', 'positive', 'currencyCode', 'externalDocumentNo',
    'salespersonCode', 'customerPostingGroup', 'dueDate',
  ],
  codeFields: ['customerNo', 'sellToCustomerNo', 'documentNo', 'currencyCode', 'salespersonCode', 'customerPostingGroup'],
  search: ['description', 'documentNo', 'externalDocumentNo'],
  lookups: [customerName(customerLedgerEntry.customerNo)],
});

export const detailedCustomerLedgerEntryResource = ledger({
  name: 'detailedCustomerLedgerEntries', entity: 'Detailed Customer Ledger Entry', table: detailedCustomerLedgerEntry,
  filters: ['customerLedgerEntryNo', 'customerNo', 'entryType', 'documentType', 'documentNo', 'transactionNo', 'appliedCustomerLedgerEntryNo', 'currencyCode'],
  codeFields: ['customerNo', 'documentNo', 'currencyCode'],
  lookups: [customerName(detailedCustomerLedgerEntry.customerNo)],
});

export const vendorLedgerEntryResource = ledger({
  name: 'vendorLedgerEntries', entity: 'Vendor Ledger Entry', table: vendorLedgerEntry,
  filters: ['vendorNo', 'buyFromVendorNo', 'documentType', 'documentNo', 'transactionNo', 'open', 'positive', 'currencyCode', 'externalDocumentNo', 'dueDate'],
  codeFields: ['vendorNo', 'buyFromVendorNo', 'documentNo', 'currencyCode'],
  search: ['description', 'documentNo', 'externalDocumentNo'],
  lookups: [vendorName(vendorLedgerEntry.vendorNo)],
});

export const detailedVendorLedgerEntryResource = ledger({
  name: 'detailedVendorLedgerEntries', entity: 'Detailed Vendor Ledger Entry', table: detailedVendorLedgerEntry,
  filters: ['vendorLedgerEntryNo', 'vendorNo', 'entryType', 'documentType', 'documentNo', 'transactionNo', 'appliedVendorLedgerEntryNo', 'currencyCode'],
  codeFields: ['vendorNo', 'documentNo', 'currencyCode'],
  lookups: [vendorName(detailedVendorLedgerEntry.vendorNo)],
});

export const bankAccountLedgerEntryResource = ledger({
  name: 'bankAccountLedgerEntries', entity: 'Bank Account Ledger Entry', table: bankAccountLedgerEntry,
  filters: ['bankAccountNo', 'documentType', 'documentNo', 'transactionNo', 'open', 'positive', 'currencyCode', 'balAccountType', 'balAccountNo', 'statementStatus'],
  codeFields: ['bankAccountNo', 'documentNo', 'currencyCode', 'balAccountNo'],
  search: ['description', 'documentNo', 'externalDocumentNo'],
  lookups: [{ field: 'bankAccountName', joins: [{ table: bankAccount, on: eq(bankAccount.no, bankAccountLedgerEntry.bankAccountNo) }], value: bankAccount.name }],
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
  lookups: [itemDescription(itemLedgerEntry.itemNo)],
});

export const valueEntryResource = ledger({
  name: 'valueEntries', entity: 'Value Entry', table: valueEntry,
  filters: [
    'itemLedgerEntryNo', 'itemNo', 'itemLedgerEntryType', 'entryType', 'documentType', 'documentNo', 'documentLineNo', 'transactionNo',
    'sourceType', 'sourceNo', 'locationCode', 'inventoryPostingGroup', 'adjustment',
  ],
  codeFields: ['itemNo', 'documentNo', 'sourceNo', 'locationCode', 'inventoryPostingGroup'],
  search: ['description', 'documentNo'],
  lookups: [itemDescription(valueEntry.itemNo)],
});

export const itemApplicationEntryResource = ledger({
  name: 'itemApplicationEntries', entity: 'Item Application Entry', table: itemApplicationEntry,
  filters: ['itemLedgerEntryNo', 'inboundItemEntryNo', 'outboundItemEntryNo', 'transactionNo'], codeFields: [],
});

export const ledgerResources: ResourceDefinition[] = [
  glRegisterResource, glEntryResource, vatEntryResource, customerLedgerEntryResource, detailedCustomerLedgerEntryResource,
  vendorLedgerEntryResource, detailedVendorLedgerEntryResource, bankAccountLedgerEntryResource, itemLedgerEntryResource, valueEntryResource, itemApplicationEntryResource,
];
