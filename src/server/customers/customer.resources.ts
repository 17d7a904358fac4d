import {
  customerDiscountGroupSchemas, customerPriceGroupSchemas, customerSchemas, shipToAddressSchemas,
} from '../../core/master-data/customer.schemas.ts';
import { eq, inArray, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { checkPrepaymentPercent } from '../../core/sales/prepayment.ts';
import { dec, toFixedString } from '../../core/money/decimal.ts';
import { DomainError } from '../../core/errors.ts';
import { customer, customerDiscountGroup, customerLedgerEntry, detailedCustomerLedgerEntry, customerPriceGroup, salesHeader, salesReceivablesSetup, shipToAddress } from '../db/schema/index.ts';
import type { ResourceDefinition, Row } from '../master-data/resource.ts';
import { code } from '../../core/master-data/fields.ts';
import { applyCustomerTemplate } from './customer-template.resources.ts';

const byCode = { param: 'code', field: 'code', kind: 'code' } as const;

/** The groups every customer needs before its first document line can be priced and posted. */
const requiredPostingGroups = [
  ['customerPostingGroup', 'Customer Posting Group'],
  ['genBusPostingGroup', 'Gen. Bus. Posting Group'],
  ['vatBusPostingGroup', 'VAT Bus. Posting Group'],
] as const;

/**
 * A new customer is refused without its posting groups (issue 19), rather than failing later on its
 * first document line; a customer that has them may not lose them.
 */
function checkPostingGroups(record: Row, previous: Row | undefined) {
  for (const [field, fieldCaption] of requiredPostingGroups) {
    const missing = record[field] === null || record[field] === undefined || record[field] === '';
    if (missing && (!previous || (previous[field] !== null && previous[field] !== ''))) {
      throw new DomainError('CUSTOMER_POSTING_GROUP_MISSING', { fieldCaption, field }, field);
    }
  }
}

/**
 * Balance (LCY), BC's FlowField on the customer list and card: the customer's detailed ledger entries
 * summed (what customer-statistics.ts sums too), for the page's customers in one grouped query.
 */
const customerBalanceFlowField: NonNullable<ResourceDefinition['flowFields']> = {
  shape: { balanceLcy: z.string().optional().describe('Balance (LCY): what the customer owes, its detailed ledger entries summed (read-only)') },
  calculate: async (tx, rows) => {
    const numbers = rows.map((row) => String(row.no));
    const sums = numbers.length === 0 ? [] : await tx.select({ customerNo: customerLedgerEntry.customerNo, balanceLcy: sql<string>`sum(${detailedCustomerLedgerEntry.amountLcy})` })
      .from(detailedCustomerLedgerEntry)
      .innerJoin(customerLedgerEntry, eq(detailedCustomerLedgerEntry.customerLedgerEntryNo, customerLedgerEntry.entryNo))
      .where(inArray(customerLedgerEntry.customerNo, numbers))
      .groupBy(customerLedgerEntry.customerNo);
    const byCustomer = new Map(sums.map((sum) => [sum.customerNo, sum.balanceLcy]));
    return rows.map((row) => ({ ...row, balanceLcy: toFixedString(dec(byCustomer.get(String(row.no)) ?? '0'), 2) }));
  },
};

/** The same sum for each row of a list sorted on it (a correlated subquery over the list's customer). */
const balanceOfListedCustomer = sql`select coalesce(sum(${detailedCustomerLedgerEntry.amountLcy}), 0) from ${detailedCustomerLedgerEntry}
  inner join ${customerLedgerEntry} on ${detailedCustomerLedgerEntry.customerLedgerEntryNo} = ${customerLedgerEntry.entryNo}
  where ${customerLedgerEntry.customerNo} = ${customer.no}`;

export const customerResource: ResourceDefinition = {
  name: 'customers', entity: 'Customer', table: customer, area: 'customers',
  key: { param: 'no', field: 'no', kind: 'code' },
  // templateCode: the Customer Template whose values fill the fields the request leaves out.
  createSchema: customerSchemas.create.extend({ templateCode: code(20).optional() }), updateSchema: customerSchemas.update,
  filters: [
    'city', 'postCode', 'countryRegionCode', 'blocked', 'customerPostingGroup', 'genBusPostingGroup', 'vatBusPostingGroup',
    'paymentTermsCode', 'currencyCode', 'salespersonCode', 'customerPriceGroup', 'billToCustomerNo', 'locationCode',
  ],
  search: ['name', 'searchName', 'city', 'email', 'phoneNo', 'vatRegistrationNo'],
  flowFields: customerBalanceFlowField,
  computedSorts: [{ field: 'balanceLcy', kind: 'decimal', value: () => balanceOfListedCustomer }],
  numberSeries: async (tx) => {
    const [setup] = await tx.select({ series: salesReceivablesSetup.customerNos }).from(salesReceivablesSetup);
    return { seriesCode: setup?.series ?? null, setup: 'Sales & Receivables Setup (customerNos)' };
  },
  // BC fills Search Name from Name and Invoice Disc. Code with the customer's own number.
  prepare: async (tx, values, previous) => {
    const { templateCode, ...given } = values;
    const prepared = typeof templateCode === 'string' ? await applyCustomerTemplate(tx, templateCode, given) : given;
    if (typeof values.name === 'string' && (!previous || previous.searchName === String(previous.name).toUpperCase()) && values.searchName === undefined) {
      prepared.searchName = values.name.toUpperCase();
    }
    if (!previous && !prepared.invoiceDiscountCode) prepared.invoiceDiscountCode = values.no;
    return prepared;
  },
  validate: async (_tx, record, previous) => {
    checkPostingGroups(record, previous);
    if (record.prepaymentPercent !== undefined && record.prepaymentPercent !== null) checkPrepaymentPercent(dec(String(record.prepaymentPercent)));
  },
  // Spec §12.2: not while sales documents for the customer are outstanding.
  beforeDelete: async (tx, record) => {
    const documents = await tx.select({ documentType: salesHeader.documentType, no: salesHeader.no }).from(salesHeader)
      .where(or(eq(salesHeader.sellToCustomerNo, record.no as string), eq(salesHeader.billToCustomerNo, record.no as string))).limit(5);
    if (documents.length > 0) {
      throw new DomainError('CUSTOMER_HAS_ACTIVITY', { customerNo: record.no as string, documents: documents.map((row) => `${row.documentType} ${row.no}`).join(', ') });
    }
  },
};

export const shipToAddressResource: ResourceDefinition = {
  name: 'shipToAddresses', entity: 'Ship-to Address', table: shipToAddress, area: 'customers',
  parent: { resource: 'customers', entity: 'Customer', param: 'customerNo', field: 'customerNo', table: customer, parentField: 'no' },
  key: byCode,
  createSchema: shipToAddressSchemas.create, updateSchema: shipToAddressSchemas.update, filters: ['city'], search: ['name', 'city'],
};

export const customerGroupResources: ResourceDefinition[] = [
  {
    name: 'customerPriceGroups', entity: 'Customer Price Group', table: customerPriceGroup, area: 'customers', key: byCode,
    createSchema: customerPriceGroupSchemas.create, updateSchema: customerPriceGroupSchemas.update, filters: [], search: ['description'],
  },
  {
    name: 'customerDiscountGroups', entity: 'Customer Discount Group', table: customerDiscountGroup, area: 'customers', key: byCode,
    createSchema: customerDiscountGroupSchemas.create, updateSchema: customerDiscountGroupSchemas.update, filters: [], search: ['description'],
  },
];
